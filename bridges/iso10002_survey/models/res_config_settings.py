# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    iso10002_satisfaction_survey_id = fields.Many2one(
        related="company_id.complaint_policy_id.satisfaction_survey_id",
        readonly=False,
        string="Complaints satisfaction survey",
    )
