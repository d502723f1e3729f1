# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class ComplaintAnonymiseWizard(models.TransientModel):
    _name = "iso10002.complaint.anonymise.wizard"
    _inherit = ["iso10002.complaint.wizard.access"]
    _description = "Anonymise complaints"

    ticket_ids = fields.Many2many("helpdesk.ticket", string="Complaints")
    ticket_count = fields.Integer(
        string="Number of complaints", compute="_compute_ticket_count"
    )
    confirm = fields.Boolean(
        string="I understand that this cannot be undone",
    )

    def _iso_wizard_tickets(self):
        return self.ticket_ids

    @api.depends("ticket_ids")
    def _compute_ticket_count(self):
        self._iso_check_tickets_access()
        for wizard in self:
            wizard.ticket_count = len(wizard.ticket_ids)

    def action_anonymise(self):
        self.ensure_one()
        if not self.confirm:
            raise UserError(
                self.env._(
                    "Tick the confirmation: anonymisation erases the complainant's "
                    "personal data for good."
                )
            )
        self.ticket_ids._iso_anonymise()
        return {"type": "ir.actions.act_window_close"}
