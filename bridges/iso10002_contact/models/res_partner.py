# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# who may see complaints at all; each sees the count of those they may read
COMPLAINT_READERS = "helpdesk_mgmt.group_helpdesk_user_own"


class ResPartner(models.Model):
    _inherit = "res.partner"

    complaint_count = fields.Integer(
        string="Complaints",
        compute="_compute_complaint_count",
        groups=COMPLAINT_READERS,
    )

    def _complaint_domain(self):
        return [
            ("is_complaint", "=", True),
            ("partner_id", "child_of", self.commercial_partner_id.ids),
        ]

    def _compute_complaint_count(self):
        # as the user: record rules count only the complaints they may read;
        # one query for all the partners, by commercial partner
        saved = self.filtered("id")
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                saved._complaint_domain(), ["commercial_partner_id"], ["__count"]
            )
            if saved
            else []
        )
        for partner in self:
            partner.complaint_count = (
                counts.get(partner.commercial_partner_id, 0) if partner.id else 0
            )

    def action_view_complaints(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Complaints"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "domain": self._complaint_domain(),
        }

    def action_log_complaint(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log a complaint"),
            "res_model": "iso10002.complaint.log.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.id},
        }
