# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The KPIs in the analysis (:mod:`.kpi_analysis`): the rows behind a KPI
and the drill-down that opens them."""

from odoo import api, models
from odoo.models import parse_read_group_spec
from odoo.tools import SQL, unique

from .kpi_analysis import kpi_analysis_domain, kpi_analysis_measure
from .kpi_median_sql import MEDIANS, ROUNDED_MEDIAN


class ComplaintAnalysis(models.Model):
    _inherit = "iso10002.complaint.analysis"

    def _read_group_select(self, aggregate_spec, query):
        # the median, as the KPIs give it (Odoo has no such aggregate)
        if aggregate_spec != "__count":
            fname, property_name, func = parse_read_group_spec(aggregate_spec)
            if func == "median" and not property_name and fname in self._fields:
                if self._fields[fname].type not in ("integer", "float", "monetary"):
                    raise ValueError(f"No median of {fname!r}: not a number.")
                value = self._field_to_sql(self._table, fname, query)
                if fname in MEDIANS:
                    # counted in tenths, as the KPIs' medians (kpi_day_sql)
                    value = SQL(ROUNDED_MEDIAN, value)
                return SQL("percentile_cont(0.5) WITHIN GROUP (ORDER BY %s)", value)
        return super()._read_group_select(aggregate_spec, query)


class ComplaintKpi(models.AbstractModel):
    _inherit = "iso10002.complaint.kpi"

    @api.model
    def _kpi_analysis_domain(self, code, date_from, date_to, companies, teams=None):
        """The analysis rows behind the KPI ``code`` over the period and the
        scope."""
        start, stop = self._period_bounds(date_from, date_to)
        prev_start, prev_stop = self._period_bounds(
            *self._previous_period(date_from, date_to)
        )
        bounds = {
            "start": start,
            "stop": stop,
            "prev_start": prev_start,
            "prev_stop": prev_stop,
        }
        return self._scope_domain(companies, teams) + kpi_analysis_domain(code, bounds)

    @api.model
    def _analysis_action(self, name, domain, view_mode, context=None):
        """The complaint analysis over ``domain``."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "iso10002_reports.action_complaint_analysis"
        )
        action.update(
            {
                "name": name,
                "domain": domain,
                "context": dict(context or {}),
                "view_mode": view_mode,
                "views": [(False, mode) for mode in view_mode.split(",")],
            }
        )
        return action

    @api.model
    def _kpi_analysis_action(
        self,
        codes,
        name,
        date_from,
        date_to,
        companies,
        teams=None,
        view_mode="pivot,graph,list",
        context=None,
    ):
        """The analysis of the rows behind the KPIs ``codes`` (those of the
        first: the others share its rows), with their measures."""
        measures = list(unique(kpi_analysis_measure(code) for code in codes))
        return self._analysis_action(
            name,
            self._kpi_analysis_domain(codes[0], date_from, date_to, companies, teams),
            view_mode,
            {"pivot_measures": measures, "graph_measure": measures[0]}
            | dict(context or {}),
        )
