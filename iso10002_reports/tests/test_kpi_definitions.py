# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One KPI list (models/kpi_definitions.py, and the bridges' KPIs through
``iso10002.complaint.kpi._kpi_list``) behind the review and the monitor."""

from odoo.tests import tagged

from odoo.addons.iso10002_reports.models.kpi_definitions import KPIS

from .common import IsoReportsCase


@tagged("post_install", "-at_install")
class TestKpiDefinitions(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()

    def test_kpi_list_is_the_one_source_of_the_figures(self):
        """One KPI list: the review freezes one line per KPI of
        kpi_definitions, the monitor shows the same values live."""
        review = self._march_review()
        kpis = self.env["iso10002.complaint.kpi"]._kpi_list()
        self.assertEqual(kpis[: len(KPIS)], KPIS)
        self.assertEqual(review.kpi_line_ids.mapped("kpi_code"), [k.code for k in kpis])
        monitor = self._march_monitor()
        shared = [k.code for k in kpis if k.code in monitor._fields]
        self.assertGreater(len(shared), 10)
        for code in shared:
            if code.startswith("backlog_"):
                continue  # the monitor's backlog is the live one, today
            self.assertAlmostEqual(
                monitor[code], review._kpi_line(code).value, places=6, msg=code
            )
        line = review._kpi_line("ack_on_time_rate")
        self.assertEqual((line.objective, line.previous_value), (95.0, 50.0))
        self.assertEqual(monitor.ack_status, "below")
