# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import Form, tagged

from .common import IsoReportsCase


@tagged("post_install", "-at_install")
class TestComplaintMonitor(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()
        # deadlines were set afterwards: refresh the stored deadline status
        cls.env["helpdesk.ticket"]._cron_update_deadline_status()

    def test_dashboard_figures(self):
        monitor = self._march_monitor()
        self.assertEqual(monitor.received_count, 5)
        self.assertEqual(monitor.received_prev_count, 2)
        self.assertTrue(monitor.has_trend)
        self.assertAlmostEqual(monitor.received_trend, 150.0)
        self.assertEqual(monitor.closed_count, 3)
        self.assertAlmostEqual(monitor.ack_on_time_rate, 60.0)
        self.assertEqual(monitor.ack_status, "below")  # objective 95 %
        self.assertAlmostEqual(monitor.response_on_time_rate, 40.0)
        self.assertEqual(monitor.response_status, "below")
        self.assertAlmostEqual(monitor.median_ack_hours, 4.5)
        self.assertAlmostEqual(monitor.median_response_days, 18.0)
        self.assertAlmostEqual(monitor.rating_avg, 3.5)
        self.assertEqual(monitor.satisfaction_status, "below")  # objective 4.0
        self.assertAlmostEqual(monitor.reopen_rate, 20.0)
        # the live backlog: C4, C5 and the April complaint, all old by now
        self.assertEqual(monitor.open_count, 3)
        self.assertEqual(monitor.backlog_over_8w, 3)
        self.assertEqual(monitor.overdue_count, 3)
        self.assertEqual(
            monitor.overdue_ticket_ids,
            (self.c5 | self.c4 | self.april).sorted(
                lambda t: (t.response_deadline, t.id)
            ),
        )
        self.assertEqual(
            monitor.overdue_ticket_ids[0], self.c5, "oldest deadline first"
        )

    def test_status_on_objective(self):
        self.policy.write({"objective_ack_on_time": 60.0})
        monitor = self._march_monitor()
        self.assertEqual(monitor.ack_status, "ok")
        monitor.date_from = date(2024, 1, 1)
        monitor.date_to = date(2024, 1, 31)
        self.assertEqual(monitor.received_count, 0)
        self.assertEqual(monitor.ack_status, "none")
        self.assertFalse(monitor.has_trend)

    def test_periods(self):
        form = Form(self.env["iso10002.complaint.monitor"].with_user(self.manager))
        form.period = "year"
        self.assertEqual(form.date_from.month, 1)
        self.assertEqual(form.date_from.day, 1)
        form.period = "quarter"
        self.assertIn(form.date_from.month, (1, 4, 7, 10))
        monitor = form.save()
        self.assertLessEqual(monitor.date_from, monitor.date_to)

    def test_drill_down_actions(self):
        monitor = self._march_monitor()
        received = monitor.action_open_received()
        self.assertEqual(received["res_model"], "iso10002.complaint.analysis")
        rows = (
            self.env["iso10002.complaint.analysis"]
            .with_user(self.manager)
            .search(received["domain"])
        )
        self.assertEqual(len(rows), 5)
        backlog = monitor.action_open_backlog()
        self.assertEqual(backlog["context"]["group_by"], ["age_bucket"])
        overdue = monitor.action_open_overdue()
        self.assertEqual(overdue["res_model"], "helpdesk.ticket")
        self.assertIn(("company_id", "in", self.company.ids), overdue["domain"])

    def test_no_personal_data(self):
        monitor = self._march_monitor()
        values = monitor.read(
            [name for name in monitor._fields if name != "overdue_ticket_ids"]
        )
        self.assertNoPersonalData(repr(values), "the monitoring figures")
