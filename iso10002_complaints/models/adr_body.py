# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""External dispute resolution bodies (ISO 10002 7.9, ISO 10003)."""

from odoo import fields, models


class AdrBody(models.Model):
    _name = "iso10002.adr.body"
    _description = "External Dispute Resolution Body"
    _order = "name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical code, e.g. fos, afca.")
    active = fields.Boolean(default=True)
    country_id = fields.Many2one("res.country")
    partner_id = fields.Many2one(
        "res.partner", string="Contact", help="Address, phone, email, website."
    )
    website = fields.Char()
    referral_months = fields.Integer(
        string="Referral time limit (months)",
        help="Months after the final response within which the complainant "
        "may refer the complaint to this body (0: no limit).",
    )
    referral_rights = fields.Html(
        translate=True,
        sanitize=True,
        help="The text the final response and the holding response quote.",
    )
    source = fields.Text(help="The rule that requires these referral rights.")

    _code_uniq = models.Constraint("UNIQUE(code)", "An ADR body code must be unique.")
