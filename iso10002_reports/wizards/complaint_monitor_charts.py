# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The charts of the monitoring dashboard (ISO 10002 8.4): the intake over
the period, the on-time rates against their objectives and the Pareto of
root causes.

Drawn on the server as SVG (models/svg_chart.py, as the management review
PDF draws them) from the figures the monitor shows: the rates and the
Pareto are those of the KPI engine's result, never computed again; the
intake per day, week or month is the KPI engine's *received* rule (the
analysis rows of ``_received_domain``, counted) grouped by day, one query.
"""

from math import ceil

from babel.dates import format_skeleton
from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.tools.date_utils import start_of
from odoo.tools.misc import babel_locale_parse, get_lang

from ..models import svg_chart
from ..models.kpi_values import kpi_has_data

# the unit of the intake chart's bars by the length of the period (days)
TREND_UNITS = ((31, "day"), (92, "week"), (3 * 366, "month"))
TREND_SKELETONS = {"day": "MMMd", "week": "MMMd", "month": "yMMM", "year": "y"}
# the most labels written under the intake chart's bars
TREND_LABELS = 16


class ComplaintMonitor(models.TransientModel):
    _inherit = "iso10002.complaint.monitor"

    intake_chart = fields.Html(
        string="Intake trend",
        compute="_compute_kpis",
        sanitize=False,  # drawn by svg_chart, every text escaped there
    )
    on_time_chart = fields.Html(
        string="On time against the objectives",
        compute="_compute_kpis",
        sanitize=False,  # drawn by svg_chart, every text escaped there
    )
    cause_chart = fields.Html(
        string="Pareto of root causes",
        compute="_compute_kpis",
        sanitize=False,  # drawn by svg_chart, every text escaped there
    )

    def _chart_values(self, kpis, values, objectives):
        """The charts' field values, from the figures of ``_compute_kpis``
        (``kpis``: the KPI engine's result, ``values``: {KPI code: value},
        ``objectives``: {policy field: objective})."""
        self.ensure_one()
        trend = self._intake_trend()
        every = ceil(len(trend) / TREND_LABELS) or 1
        causes = [row for row in kpis["pareto"]["root_cause"] if row["count"]]
        labels = dict(
            self.env["iso10002.management.review.line"]
            ._fields["kpi_code"]
            ._description_selection(self.env)
        )
        rates = [
            kpi
            for kpi in self.env["iso10002.complaint.kpi"]._kpi_list()
            if kpi.objective
            and kpi.unit == "percent"
            and kpi.code in values
            and kpi_has_data(values, kpi)
        ]
        return {
            "intake_chart": svg_chart.bar_chart(
                [label if not i % every else "" for i, (label, _n) in enumerate(trend)],
                [count for _label, count in trend],
                self.env._("Complaints received"),
            ),
            "on_time_chart": svg_chart.objective_chart(
                [
                    (
                        labels[kpi.code],
                        values[kpi.code],
                        objectives.get(kpi.objective) or 0.0,
                        kpi.direction == "up",
                    )
                    for kpi in rates
                ],
                self.env._("Rates against their objectives"),
            ),
            "cause_chart": svg_chart.pareto_chart(
                [row["label"] for row in causes],
                [row["count"] for row in causes],
                [row["cumulative"] for row in causes],
                self.env._("Root causes of the complaints received"),
            ),
        }

    def _trend_unit(self):
        length = (self.date_to - self.date_from).days + 1
        return next((unit for days, unit in TREND_UNITS if length <= days), "year")

    def _intake_trend(self):
        """[(label, count)] of the complaints received in the period, per
        day, week or month (by its length), empty ones included."""
        self.ensure_one()
        kpi_model = self.env["iso10002.complaint.kpi"]
        # the days of the user's time zone, as the KPI engine's periods
        tz = self.env.context.get("tz") or self.env.user.tz or "UTC"
        groups = (
            kpi_model._analysis(self.company_ids)
            .with_context(tz=tz)
            ._read_group(
                kpi_model._received_domain(
                    self.date_from, self.date_to, self.company_ids, self.team_ids
                ),
                ["received_date:day"],
                ["__count"],
            )
        )
        unit = self._trend_unit()
        counts = {}
        for day, count in groups:
            bucket = start_of(fields.Date.to_date(day), unit)
            counts[bucket] = counts.get(bucket, 0) + count
        locale = babel_locale_parse(get_lang(self.env).code)
        trend = []
        bucket = start_of(self.date_from, unit)
        while bucket <= self.date_to:
            label = format_skeleton(TREND_SKELETONS[unit], bucket, locale=locale)
            trend.append((label, counts.get(bucket, 0)))
            bucket += relativedelta(**{f"{unit}s": 1})
        return trend
