# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    iso10002_policy_id = fields.Many2one(
        related="company_id.complaint_policy_id", string="Complaints policy"
    )
    iso10002_auto_acknowledge = fields.Boolean(
        related="company_id.complaint_policy_id.auto_acknowledge",
        readonly=False,
        string="Acknowledge complaints on receipt",
    )
    iso10002_preset_id = fields.Many2one(
        related="company_id.complaint_policy_id.preset_id",
        readonly=False,
        string="Regulatory preset",
    )

    def action_open_complaint_policy(self):
        self.ensure_one()
        policy = self.env["iso10002.complaint.policy"]._get_for_company(self.company_id)
        return {
            "type": "ir.actions.act_window",
            "res_model": "iso10002.complaint.policy",
            "res_id": policy.id,
            "view_mode": "form",
            "target": "current",
        }
