# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintMonitor(models.TransientModel):
    _inherit = "iso10002.complaint.monitor"

    # KPIs of complaint_kpi.SURVEY_KPIS, filled by the monitor's computation
    survey_sent_count = fields.Integer(string="Surveys sent", compute="_compute_kpis")
    survey_answered_count = fields.Integer(
        string="Surveys answered", compute="_compute_kpis"
    )
    survey_response_rate = fields.Float(
        string="Survey response rate (%)", compute="_compute_kpis"
    )
    survey_overall_avg = fields.Float(
        string="Overall satisfaction, survey (1-5)",
        compute="_compute_kpis",
        digits=(16, 2),
    )
