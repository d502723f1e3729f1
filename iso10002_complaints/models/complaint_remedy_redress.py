# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Redress: a remedy offered, accepted or declined, and paid."""

from odoo import fields, models

REDRESS_STATES = [
    ("offered", "Offered"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
    ("paid", "Paid"),
]
PAYMENT_METHODS = [
    ("bank_transfer", "Bank transfer"),
    ("account_credit", "Credit to the customer's account"),
    ("cheque", "Cheque"),
    ("card_refund", "Card refund"),
    ("cash", "Cash"),
    ("other", "Other"),
]


class ComplaintRemedy(models.Model):
    _inherit = "iso10002.complaint.remedy"

    redress_state = fields.Selection(
        REDRESS_STATES, string="Redress status", default="offered", required=True
    )
    offered_date = fields.Date(
        help="Left empty, the day the redress is recorded, where the complaint "
        "is handled."
    )
    accepted_date = fields.Date()
    paid_date = fields.Date()
    paid_amount = fields.Monetary(currency_field="currency_id")
    payment_method = fields.Selection(PAYMENT_METHODS)

    _iso_day_defaults = ("offered_date",)

    _paid_amount_positive = models.Constraint(
        "CHECK(paid_amount >= 0)", "A paid amount cannot be negative."
    )
