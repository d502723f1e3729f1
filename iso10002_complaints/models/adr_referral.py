# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A complaint referred to an external dispute resolution body (ISO 10003)."""

from odoo import fields, models

ADR_OUTCOMES = [
    ("pending", "Pending"),
    ("upheld", "Upheld for the complainant"),
    ("partially_upheld", "Partially upheld"),
    ("not_upheld", "Not upheld"),
    ("settled", "Settled"),
    ("withdrawn", "Withdrawn"),
    ("out_of_scope", "Out of the body's scope"),
]


class AdrReferral(models.Model):
    _name = "iso10002.adr.referral"
    _description = "External Dispute Resolution Referral"
    _inherit = ["iso10002.complaint.child.mixin"]
    _order = "referral_date desc, id desc"

    body_id = fields.Many2one("iso10002.adr.body", required=True, ondelete="restrict")
    case_reference = fields.Char(string="Body's case reference")
    referral_date = fields.Date(
        required=True,
        help="The day of the referral (created without one, the day it is "
        "recorded, where the complaint is handled).",
    )
    _iso_day_defaults = ("referral_date",)
    outcome = fields.Selection(ADR_OUTCOMES, required=True, default="pending")
    outcome_date = fields.Date()
    award_amount = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    note = fields.Text()

    _award_positive = models.Constraint(
        "CHECK(award_amount >= 0)", "An award cannot be negative."
    )
