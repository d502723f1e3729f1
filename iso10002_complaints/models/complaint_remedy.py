# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

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
    """A remedy offered in response to a complaint (ISO 10002 7.7)."""

    _name = "iso10002.complaint.remedy"
    _description = "Complaint Remedy"
    _order = "ticket_id, sequence, id"

    sequence = fields.Integer(default=10)
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
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

    # objectivity (4.7): nobody complained about changes the remedies of
    # the complaint about them (ticket_integrity.py)
    @api.model_create_multi
    def create(self, vals_list):
        tickets = self.env["helpdesk.ticket"].browse(
            {vals["ticket_id"] for vals in vals_list if vals.get("ticket_id")}
        )
        tickets._iso_check_not_subject()
        return super().create(vals_list)

    def write(self, vals):
        tickets = self.ticket_id
        if vals.get("ticket_id"):
            tickets |= tickets.browse(vals["ticket_id"])
        tickets._iso_check_not_subject()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_subject(self):
        self.ticket_id._iso_check_not_subject()
