# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One KPI list (models/kpi_definitions.py) behind the review and the
monitor."""

from datetime import date

from odoo import Command
from odoo.tests import tagged

from odoo.addons.iso10002_reports.models.kpi_definitions import KPIS

from .common import IsoReportsCase


@tagged("post_install", "-at_install")
class TestKpiDefinitions(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()

    def _march_review(self):
        return self.env["iso10002.management.review"].create(
            {
                "date": date(2025, 4, 5),
                "date_from": date(2025, 3, 1),
                "date_to": date(2025, 3, 31),
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
            }
        )

    def test_kpi_list_is_the_one_source_of_the_figures(self):
        """One KPI list: the review freezes one line per KPI of
        kpi_definitions, the monitor shows the same values live."""
        review = self._march_review()
        self.assertEqual(review.kpi_line_ids.mapped("kpi_code"), [k.code for k in KPIS])
        monitor = self.env["iso10002.complaint.monitor"].create(
            {
                "period": "custom",
                "date_from": date(2025, 3, 1),
                "date_to": date(2025, 3, 31),
                "company_ids": [Command.set(self.company.ids)],
            }
        )
        shared = [k.code for k in KPIS if k.code in monitor._fields]
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
