# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer invoice: log a complaint about it (any employee who may open
the invoice), and count the complaints about it (for those who may read
complaints, each counting those they may read)."""

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.iso10002_contact.models.res_partner import COMPLAINT_READERS

from .helpdesk_ticket import CUSTOMER_INVOICE_TYPES


class AccountMove(models.Model):
    _inherit = "account.move"

    complaint_count = fields.Integer(
        string="Complaints",
        compute="_compute_complaint_count",
        groups=COMPLAINT_READERS,
    )

    def _compute_complaint_count(self):
        # as the user: record rules count only the complaints they may read;
        # one query for all the invoices
        saved = self.filtered("id")
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("is_complaint", "=", True), ("invoice_id", "in", saved.ids)],
                ["invoice_id"],
                ["__count"],
            )
            if saved
            else []
        )
        for move in self:
            move.complaint_count = counts.get(move, 0) if move.id else 0

    def action_view_complaints(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Complaints"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "domain": [("is_complaint", "=", True), ("invoice_id", "=", self.id)],
        }

    def action_log_complaint(self):
        """The first click: the employee's 'Log a complaint' form
        (iso10002_contact), with the customer and the invoice."""
        self.ensure_one()
        if self.move_type not in CUSTOMER_INVOICE_TYPES or not self.partner_id:
            raise UserError(
                self.env._(
                    "A complaint is logged from a customer invoice or credit "
                    "note of a customer; %(move)s is not one.",
                    move=self.display_name,
                )
            )
        action = self.partner_id.action_log_complaint()
        action["context"] = dict(action["context"], default_invoice_id=self.id)
        return action
