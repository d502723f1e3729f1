# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

# internal users with access to the management system only (never portal)
MGMTSYSTEM_READERS = "mgmtsystem.group_mgmtsystem_viewer"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    nonconformity_ids = fields.Many2many(
        "mgmtsystem.nonconformity",
        "iso10002_complaint_nonconformity_rel",
        "ticket_id",
        "nonconformity_id",
        string="Nonconformities",
        readonly=True,
        copy=False,
        groups=MGMTSYSTEM_READERS,
    )
    nonconformity_count = fields.Integer(
        compute="_compute_nonconformity_count", groups=MGMTSYSTEM_READERS
    )

    def _compute_nonconformity_count(self):
        for ticket in self:
            ticket.nonconformity_count = len(ticket.nonconformity_ids)

    def action_open_nonconformity(self):
        """Open a nonconformity with its corrective action for this
        complaint (ISO 10002 7.6: the root cause found is acted upon)."""
        self.ensure_one()
        if not self.is_complaint:
            raise UserError(
                self.env._("Only a complaint opens a nonconformity from here.")
            )
        nc = self.env["mgmtsystem.nonconformity"]._open_for_complaints(
            self, (self.root_cause or "").strip(), self.company_id
        )
        return nc._action_open_form()

    def action_view_nonconformities(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Nonconformities"),
            "res_model": "mgmtsystem.nonconformity",
            "view_mode": "list,form",
            "domain": [("id", "in", self.nonconformity_ids.ids)],
        }
