# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Monitoring dashboard of the complaints-handling process (ISO 10002 8.4)."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..models.kpi_definitions import KPI_BY_CODE, OBJECTIVE_FIELDS
from ..models.kpi_values import kpi_figures, kpi_status

PERIODS = [
    ("month", "This month"),
    ("last_30", "Last 30 days"),
    ("quarter", "This quarter"),
    ("year", "This year"),
    ("custom", "Custom"),
]
STATUS = [("ok", "On objective"), ("below", "Below objective"), ("none", "No data")]
# the status of a KPI of kpi_definitions against its objective
STATUS_FIELDS = {
    "ack_status": "ack_on_time_rate",
    "response_status": "response_on_time_rate",
    "satisfaction_status": "rating_avg",
}


class ComplaintMonitor(models.TransientModel):
    _name = "iso10002.complaint.monitor"
    _description = "Complaints Monitoring"

    period = fields.Selection(PERIODS, default="month", required=True)
    date_from = fields.Date(
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    date_to = fields.Date(
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    company_ids = fields.Many2many(
        "res.company",
        string="Companies",
        default=lambda self: self.env.companies,
        required=True,
    )
    team_ids = fields.Many2many("helpdesk.ticket.team", string="Teams")
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id
    )
    # period figures
    received_count = fields.Integer(string="Received", compute="_compute_kpis")
    received_prev_count = fields.Integer(
        string="Previous period", compute="_compute_kpis"
    )
    received_trend = fields.Float(string="Trend (%)", compute="_compute_kpis")
    has_trend = fields.Boolean(compute="_compute_kpis")
    closed_count = fields.Integer(string="Closed", compute="_compute_kpis")
    ack_due_count = fields.Integer(compute="_compute_kpis")
    ack_on_time_rate = fields.Float(
        string="Acknowledged on time (%)", compute="_compute_kpis"
    )
    ack_status = fields.Selection(STATUS, compute="_compute_kpis")
    response_due_count = fields.Integer(compute="_compute_kpis")
    response_on_time_rate = fields.Float(
        string="Final response on time (%)", compute="_compute_kpis"
    )
    response_status = fields.Selection(STATUS, compute="_compute_kpis")
    median_ack_hours = fields.Float(
        string="Median hours to acknowledge", compute="_compute_kpis"
    )
    median_response_days = fields.Float(
        string="Median days to final response", compute="_compute_kpis"
    )
    reopen_rate = fields.Float(string="Reopened (%)", compute="_compute_kpis")
    upheld_rate = fields.Float(string="Upheld (%)", compute="_compute_kpis")
    rated_count = fields.Integer(string="Rated complaints", compute="_compute_kpis")
    rating_avg = fields.Float(
        string="Satisfaction (1-5)", compute="_compute_kpis", digits=(16, 2)
    )
    satisfied_rate = fields.Float(string="Satisfied (%)", compute="_compute_kpis")
    satisfaction_status = fields.Selection(STATUS, compute="_compute_kpis")
    objective_ack_on_time = fields.Float(
        string="Objective (acknowledgement)", compute="_compute_kpis"
    )
    objective_response_on_time = fields.Float(
        string="Objective (final response)", compute="_compute_kpis"
    )
    objective_satisfaction = fields.Float(
        string="Objective (satisfaction)", compute="_compute_kpis"
    )
    # live state
    open_count = fields.Integer(string="Open now", compute="_compute_kpis")
    backlog_1w = fields.Integer(string="Less than 1 week", compute="_compute_kpis")
    backlog_4w = fields.Integer(string="1 to 4 weeks", compute="_compute_kpis")
    backlog_8w = fields.Integer(string="4 to 8 weeks", compute="_compute_kpis")
    backlog_over_8w = fields.Integer(
        string="More than 8 weeks", compute="_compute_kpis"
    )
    overdue_count = fields.Integer(string="Overdue", compute="_compute_kpis")
    at_risk_count = fields.Integer(string="At risk", compute="_compute_kpis")
    overdue_ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Overdue complaints",
        compute="_compute_kpis",
        help="The overdue complaints with the oldest deadline first (20 at most).",
    )

    def _compute_display_name(self):
        # no name field: without this, the breadcrumb shows "model,NewId_..."
        self.display_name = self.env._("Complaints monitoring")

    @api.depends("period")
    def _compute_dates(self):
        today = fields.Date.context_today(self)
        for monitor in self:
            if monitor.period == "month":
                start, stop = today.replace(day=1), today
            elif monitor.period == "last_30":
                start, stop = today - relativedelta(days=29), today
            elif monitor.period == "quarter":
                first_month = 3 * ((today.month - 1) // 3) + 1
                start, stop = today.replace(month=first_month, day=1), today
            elif monitor.period == "year":
                start, stop = today.replace(month=1, day=1), today
            else:
                start = monitor.date_from or today.replace(day=1)
                stop = monitor.date_to or today
            monitor.date_from, monitor.date_to = start, stop

    def _kpi_fields(self):
        return [
            name
            for name, field in self._fields.items()
            if field.compute == "_compute_kpis"
        ]

    @api.depends("date_from", "date_to", "company_ids", "team_ids")
    def _compute_kpis(self):
        kpi_model = self.env["iso10002.complaint.kpi"]
        policy_model = self.env["iso10002.complaint.policy"]
        for monitor in self:
            companies = monitor.company_ids
            if not (companies and monitor.date_from and monitor.date_to):
                monitor.update(dict.fromkeys(self._kpi_fields(), False))
                continue
            kpis = kpi_model._compute_kpis(
                monitor.date_from,
                monitor.date_to,
                companies,
                monitor.team_ids,
                monitor.currency_id,
            )
            live = kpi_model._live_status(companies, monitor.team_ids)
            policy = policy_model._get_for_company(companies[:1]._origin)

            overdue = self.env["helpdesk.ticket"].search(
                kpi_model._scope_domain(companies, monitor.team_ids)
                + [
                    ("is_complaint", "=", True),
                    ("deadline_status", "=", "overdue"),
                    ("iso_step", "not in", ("closed", "withdrawn")),
                ],
                order="response_deadline, id",
                limit=20,
            )
            values = kpi_figures(kpis, kpi_model._kpi_list())
            objectives = {name: policy[name] for name in OBJECTIVE_FIELDS}
            monitor.update(
                {code: values[code] for code in values if code in self._fields}
                | objectives
                | {
                    field: kpi_status(values, KPI_BY_CODE[code], objectives)
                    for field, code in STATUS_FIELDS.items()
                }
                | {
                    "has_trend": kpis["received_trend"] is not None,
                    "open_count": live["open"],
                    "backlog_1w": live["ages"].get("1w", 0),
                    "backlog_4w": live["ages"].get("4w", 0),
                    "backlog_8w": live["ages"].get("8w", 0),
                    "backlog_over_8w": live["ages"].get("over_8w", 0),
                    "overdue_count": live["status"].get("overdue", 0),
                    "at_risk_count": live["status"].get("at_risk", 0),
                    "overdue_ticket_ids": overdue,
                }
                | monitor._chart_values(kpis, values, objectives)
            )

    # ------------------------------------------------------------------
    # Drill-down
    # ------------------------------------------------------------------
    def _open_kpi_analysis(self, codes, name, view_mode, context=None):
        """The analysis rows behind the KPIs ``codes`` of kpi_definitions
        (kpi_analysis), over the period and scope of the monitor."""
        self.ensure_one()
        return self.env["iso10002.complaint.kpi"]._kpi_analysis_action(
            codes,
            name,
            self.date_from,
            self.date_to,
            self.company_ids,
            self.team_ids,
            view_mode=view_mode,
            context=context,
        )

    def action_open_received(self):
        return self._open_kpi_analysis(
            ["received_count"],
            self.env._("Complaints received"),
            "pivot,graph,list",
        )

    def action_open_backlog(self):
        kpi_model = self.env["iso10002.complaint.kpi"]
        return kpi_model._analysis_action(
            self.env._("Backlog by age"),
            kpi_model._scope_domain(self.company_ids, self.team_ids)
            + [("is_closed", "=", False)],
            "graph,pivot,list",
            {"group_by": ["age_bucket"], "pivot_row_groupby": ["age_bucket"]},
        )

    def action_open_on_time(self):
        return self._open_kpi_analysis(
            ["response_on_time_rate", "ack_on_time_rate"],
            self.env._("On-time rates"),
            "graph,pivot,list",
            {"graph_mode": "line", "graph_groupbys": ["received_date:week"]},
        )

    def action_open_satisfaction(self):
        return self._open_kpi_analysis(
            ["rating_avg", "satisfied_rate", "received_count"],
            self.env._("Satisfaction with the handling"),
            "graph,pivot,list",
            {"graph_groupbys": ["team_id"]},
        )

    def action_open_overdue(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "iso10002_complaints.action_complaints_overdue"
        )
        action["domain"] = self.env["iso10002.complaint.kpi"]._scope_domain(
            self.company_ids, self.team_ids
        ) + [("is_complaint", "=", True)]
        return action

    def action_refresh(self):
        """Recompute the figures (they are computed on display)."""
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }
