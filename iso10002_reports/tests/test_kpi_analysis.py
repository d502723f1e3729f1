# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The analysis reads the KPI list: every KPI of models/kpi_definitions.py
has its counterpart in the analysis (models/kpi_analysis.py), which gives
the monitor's figure, and the drill-downs open these rows."""

import statistics
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import float_round

from odoo.addons.iso10002_reports.models.kpi_analysis import (
    KPI_ANALYSIS,
    NOT_IN_ANALYSIS,
    kpi_analysis_measure,
)
from odoo.addons.iso10002_reports.models.kpi_definitions import KPIS
from odoo.addons.iso10002_reports.models.kpi_values import kpi_figures

from .common import IsoReportsCase
from .march_common import MARCH


@tagged("post_install", "-at_install")
class TestKpiAnalysis(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()
        cls.env["helpdesk.ticket"]._cron_update_deadline_status()
        cls.kpi_model = cls.env["iso10002.complaint.kpi"]
        cls.analysis = cls.env["iso10002.complaint.analysis"]

    def _kpi_analysis_value(self, code, date_from, date_to, companies):
        """The figure of the KPI ``code``, read from its analysis rows with
        its measure."""
        domain = self.kpi_model._kpi_analysis_domain(
            code, date_from, date_to, companies
        )
        [(value,)] = self.kpi_model._analysis(companies)._read_group(
            domain, aggregates=[KPI_ANALYSIS[code].measure]
        )
        return value

    def assertSameFigures(self, date_from, date_to, companies):
        """Each KPI read from its analysis rows equals the KPI engine's
        figure (the monitor's and the review's); returns the figures."""
        figures = kpi_figures(
            self.kpi_model._compute_kpis(date_from, date_to, companies)
        )
        for code in KPI_ANALYSIS:
            value = self._kpi_analysis_value(code, date_from, date_to, companies)
            self.assertAlmostEqual(value or 0.0, figures[code], places=6, msg=code)
        return figures

    def test_every_kpi_has_its_analysis_counterpart(self):
        """Adding a KPI to the list without its analysis counterpart (or a
        reason in NOT_IN_ANALYSIS) fails here; every counterpart names a
        number of the analysis view."""
        codes = {kpi.code for kpi in self.kpi_model._kpi_list()}
        self.assertLessEqual({kpi.code for kpi in KPIS}, codes)
        without = self.kpi_model._kpi_without_analysis()
        self.assertLessEqual(set(NOT_IN_ANALYSIS), set(without))
        self.assertEqual(set(KPI_ANALYSIS) | set(without), codes)
        self.assertFalse(set(KPI_ANALYSIS) & set(without))
        for code in KPI_ANALYSIS:
            field = self.analysis._fields.get(kpi_analysis_measure(code))
            self.assertTrue(field, code)
            self.assertIn(field.type, ("integer", "float", "monetary"), code)

    def test_analysis_gives_the_monitor_figures(self):
        """Over the fixture (March 2025), every KPI's counterpart in the
        analysis gives the monitor's figure; most of them are not zero."""
        figures = self.assertSameFigures(*MARCH, self.company)
        measured = [code for code in KPI_ANALYSIS if figures[code]]
        self.assertGreaterEqual(len(measured), 30, measured)
        monitor = self._march_monitor()
        for code in ("received_count", "closed_count", "median_ack_hours"):
            self.assertAlmostEqual(
                self._kpi_analysis_value(code, *MARCH, self.company),
                monitor[code],
                msg=code,
            )

    def test_analysis_gives_the_figures_of_the_demo_data(self):
        """The same over the demo complaints of the last quarter."""
        today = fields.Date.context_today(self.kpi_model)
        figures = self.assertSameFigures(
            today - timedelta(days=90), today, self.main_company
        )
        self.assertTrue(figures["received_count"])

    def test_median_aggregate(self):
        """The analysis aggregates a median, as the KPIs give it: the
        middle value (the mean of the two middle ones) of the durations in
        tenths of an hour, per group too."""
        domain = [("company_id", "=", self.company.id)]
        hours = {}
        # the hours of the acknowledged complaints (the ORM reads an empty
        # float as 0.0; the median ignores them)
        acknowledged = domain + [("ack_date", "!=", False)]
        for row in self.analysis.search_read(acknowledged, ["hours_to_ack", "team_id"]):
            team = row["team_id"] and row["team_id"][0]
            # counted in tenths of an hour, as the KPIs' medians (half away
            # from zero, as PostgreSQL rounds a numeric; Python's round()
            # goes to the even neighbour)
            hours.setdefault(team, []).append(
                float_round(row["hours_to_ack"], precision_digits=1)
            )
        every = [value for values in hours.values() for value in values]
        self.assertGreater(len(every), 3)
        [(median, average)] = self.analysis._read_group(
            domain, aggregates=["hours_to_ack:median", "hours_to_ack:avg"]
        )
        self.assertAlmostEqual(median, statistics.median(every), places=6)
        self.assertNotAlmostEqual(median, average)
        by_team = self.analysis._read_group(
            acknowledged, ["team_id"], aggregates=["hours_to_ack:median"]
        )
        self.assertEqual(len(by_team), len(hours))
        for team, team_median in by_team:
            self.assertAlmostEqual(
                team_median, statistics.median(hours[team.id or False]), places=6
            )
        with self.assertRaises(ValueError):
            self.analysis._read_group([], aggregates=["root_cause:median"])

    def test_review_figure_opens_its_complaints(self):
        """A figure of the review opens the complaints behind it in the
        analysis, with its measure; the review's inputs (audits...) have
        none."""
        review = self._march_review()
        analysis = self.analysis.with_user(self.manager)
        for code in ("received_count", "closed_count", "backlog_4w", "upheld_count"):
            line = review._kpi_line(code)
            self.assertTrue(line.has_analysis)
            action = line.action_open_analysis()
            self.assertEqual(action["res_model"], analysis._name)
            self.assertEqual(action["context"]["pivot_measures"], ["nbr"])
            self.assertEqual(
                analysis.search_count(action["domain"]), line.value, msg=code
            )
        self.assertFalse(review._kpi_line("audit_count").has_analysis)
        self.assertFalse(review._kpi_line("received_trend").has_analysis)

    def test_monitor_drill_downs_show_the_kpi_measures(self):
        monitor = self._march_monitor()
        on_time = monitor.action_open_on_time()
        self.assertEqual(
            on_time["context"]["pivot_measures"],
            ["response_on_time_rate", "ack_on_time_rate"],
        )
        self.assertEqual(on_time["context"]["graph_measure"], "response_on_time_rate")
        satisfaction = monitor.action_open_satisfaction()
        self.assertEqual(
            self.analysis.search_count(satisfaction["domain"]), monitor.rated_count
        )
        self.assertEqual(
            satisfaction["context"]["pivot_measures"],
            ["rating_value", "satisfied_rate", "nbr"],
        )
