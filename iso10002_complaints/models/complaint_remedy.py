# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

REMEDY_TYPES = [
    ("apology", "Apology"),
    ("explanation", "Explanation"),
    ("repair", "Repair"),
    ("replacement", "Replacement"),
    ("refund", "Refund"),
    ("compensation", "Compensation"),
    ("corrective_action", "Corrective action"),
    ("other", "Other"),
]


class ComplaintRemedy(models.Model):
    """A remedy offered in response to a complaint (ISO 10002 7.7), read
    and written as its complaint (complaint_child.py)."""

    _name = "iso10002.complaint.remedy"
    _description = "Complaint Remedy"
    _inherit = ["iso10002.complaint.child.mixin"]
    _order = "ticket_id, sequence, id"

    sequence = fields.Integer(default=10)
    remedy_type = fields.Selection(REMEDY_TYPES, string="Remedy", required=True)
    description = fields.Char()
    cost = fields.Monetary(
        currency_field="currency_id",
        help="Cost of the remedy for the organisation, in the company currency.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    _cost_positive = models.Constraint(
        "CHECK(cost >= 0)", "The cost of a remedy cannot be negative."
    )
