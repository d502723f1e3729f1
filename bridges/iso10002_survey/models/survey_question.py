# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    complaint_overall = fields.Boolean(
        string="Overall satisfaction with the handling",
        help="The answers to this scale question make the complaints KPI "
        "'Overall satisfaction, survey (1-5)' (ISO 10004): its mean over the "
        "complaints of the period.",
    )
