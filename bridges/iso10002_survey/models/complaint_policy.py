# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ComplaintPolicy(models.Model):
    _inherit = "iso10002.complaint.policy"

    satisfaction_survey_id = fields.Many2one(
        "survey.survey",
        string="Satisfaction survey",
        tracking=True,
        domain=[("access_mode", "=", "token"), ("users_login_required", "=", False)],
        help="Survey on the handling of the complaint (ISO 10004) the "
        "complainant is invited to answer when the complaint is closed. "
        "Empty: no survey is sent.",
    )

    @api.constrains("satisfaction_survey_id")
    def _check_satisfaction_survey(self):
        for policy in self:
            survey = policy.satisfaction_survey_id
            if survey and (
                survey.access_mode != "token" or survey.users_login_required
            ):
                raise ValidationError(
                    self.env._(
                        "The satisfaction survey %(survey)s must be answered by "
                        "invited people only, without logging in: complainants "
                        "answer it from the link of their invitation.",
                        survey=survey.display_name,
                    )
                )
