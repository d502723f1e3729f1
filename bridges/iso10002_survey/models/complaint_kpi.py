# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The satisfaction survey in the complaints KPIs (ISO 10004, ISO 10002
8.3, 8.4, 8.6): invitations, answers, response rate and the mean overall
satisfaction, next to the 1-5 rating, for the complaints received in the
period (the cohort of the other satisfaction KPIs)."""

from odoo import api, models

from odoo.addons.iso10002_reports.models.kpi_definitions import Kpi

SURVEY_KPIS = (
    Kpi("survey_sent_count", "Surveys sent", "satisfaction", "survey.sent", "count"),
    Kpi(
        "survey_answered_count",
        "Surveys answered",
        "satisfaction",
        "survey.answered",
        "count",
    ),
    Kpi(
        "survey_response_rate",
        "Survey response rate (%)",
        "satisfaction",
        "survey.response_rate",
        "percent",
        data_code="survey_sent_count",
    ),
    Kpi(
        "survey_overall_avg",
        "Overall satisfaction, survey (1-5)",
        "satisfaction",
        "survey.overall_avg",
        "rating",
        "objective_satisfaction",
        data_code="survey_answered_count",
    ),
)
SURVEY_KPI_SELECTION = [(kpi.code, kpi.label) for kpi in SURVEY_KPIS]


class ComplaintKpi(models.AbstractModel):
    _inherit = "iso10002.complaint.kpi"

    @api.model
    def _kpi_list(self):
        return super()._kpi_list() + SURVEY_KPIS

    @api.model
    def _kpi_without_analysis(self):
        reasons = super()._kpi_without_analysis()
        reasons.update(
            dict.fromkeys(
                (kpi.code for kpi in SURVEY_KPIS),
                "counted on the survey answers linked to the complaints "
                "(iso10002_survey), not a column of the analysis view",
            )
        )
        return reasons

    @api.model
    def _compute_kpis(self, date_from, date_to, companies, teams=None, currency=None):
        figures = super()._compute_kpis(
            date_from, date_to, companies, teams=teams, currency=currency
        )
        figures["survey"] = self._survey_figures(date_from, date_to, companies, teams)
        return figures

    @api.model
    def _survey_figures(self, date_from, date_to, companies, teams):
        """Invitations of the complaints received in the period, those
        answered, and the mean answer to the questions of overall
        satisfaction. Counts and means only: two aggregate queries."""
        self._analysis(companies)  # the user's access to these companies
        start, stop = self._period_bounds(date_from, date_to)
        domain = [
            ("helpdesk_ticket_id.company_id", "in", companies._origin.ids),
            ("helpdesk_ticket_id.received_date", ">=", start),
            ("helpdesk_ticket_id.received_date", "<", stop),
            ("test_entry", "=", False),
        ]
        if teams:
            domain.append(("helpdesk_ticket_id.team_id", "in", teams._origin.ids))
        # sudo: aggregates over the answers of every complaint of the scope,
        # confidential ones included, as the analysis view's figures
        # (complaint_kpi.py); nothing names a complaint or shows an answer
        inputs = self.env["survey.user_input"].sudo().with_context(active_test=False)
        by_state = dict(inputs._read_group(domain, ["state"], ["__count"]))
        sent = sum(by_state.values())
        answered = by_state.get("done", 0)
        [(overall_avg,)] = (
            self.env["survey.user_input.line"]
            .sudo()
            ._read_group(
                [
                    ("user_input_id", "any", [*domain, ("state", "=", "done")]),
                    ("question_id.complaint_overall", "=", True),
                    ("answer_type", "=", "scale"),
                    ("skipped", "=", False),
                ],
                aggregates=["value_scale:avg"],
            )
        )
        return {
            "sent": sent,
            "answered": answered,
            "response_rate": self._pct(answered, sent) if sent else None,
            "overall_avg": overall_avg,
        }
