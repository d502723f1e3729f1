# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Summary resolutions and vulnerable customers in the KPIs (one list,
kpi_definitions.py), checked against counts made here over the fixture; the
clock stops and the summary resolution on the tracking form (real
wkhtmltopdf)."""

from datetime import date, timedelta

from odoo import Command
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.models.system_write import system_write

from .common import IsoReportsCase, dt

TRACKING = "iso10002_reports.action_report_complaint_tracking"
DRIVERS = ("health", "life_event", "resilience", "capability")
MARCH = (date(2025, 3, 1), date(2025, 3, 31))


def _spec(index):
    """Flags of the index-th complaint of the fixture: drivers set on a
    pattern, some vulnerable by hand (no driver), some summary resolved."""
    drivers = {
        "health": index % 3 == 0,
        "life_event": index % 4 == 0,
        "resilience": index % 5 == 0,
        "capability": index % 7 == 0,
    }
    return {
        "drivers": drivers,
        "by_hand": index % 11 == 1,
        "summary": index % 6 == 2,
    }


@tagged("post_install", "-at_install")
class TestRegulatedFigures(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.march, cls.february = [], []
        for index in range(24):
            received = dt("2025-03-03 09:00") + timedelta(days=index)
            cls.march.append((cls._flagged(index, received), _spec(index)))
        for index in range(5):
            received = dt("2025-02-03 09:00") + timedelta(days=index)
            cls.february.append((cls._flagged(index, received), _spec(index)))

    @classmethod
    def _flagged(cls, index, received):
        spec = _spec(index)
        ticket = cls._complaint("received", {"received_date": received})
        ticket.write(
            {
                **{f"vulnerability_{d}": on for d, on in spec["drivers"].items()},
                "vulnerable": spec["by_hand"] or any(spec["drivers"].values()),
            }
        )
        cls._set_dates(ticket, {"summary_resolution": spec["summary"]})
        return ticket

    def _expected(self, cohort):
        """Counted here, over the fixture's specification."""
        specs = [spec for _ticket, spec in cohort]
        vulnerable = sum(1 for s in specs if s["by_hand"] or any(s["drivers"].values()))
        summary = sum(1 for s in specs if s["summary"])
        return {
            "received": len(specs),
            "vulnerable": vulnerable,
            "vuln": {d: sum(1 for s in specs if s["drivers"][d]) for d in DRIVERS},
            "summary_resolved": summary,
            "summary_resolved_rate": summary * 100.0 / len(specs),
        }

    def test_kpis_match_the_counts_of_the_fixture(self):
        expected = self._expected(self.march)
        # the fixture exercises every count
        self.assertTrue(all(expected["vuln"].values()))
        self.assertGreater(expected["vulnerable"], max(expected["vuln"].values()))
        kpis = (
            self.env["iso10002.complaint.kpi"]
            .with_user(self.manager)
            ._compute_kpis(*MARCH, self.company, self.team)
        )
        self.assertEqual({key: kpis[key] for key in expected}, expected)

    def test_review_freezes_them_as_kpi_lines(self):
        expected = self._expected(self.march)
        review = self.env["iso10002.management.review"].create(
            {
                "date": date(2025, 4, 5),
                "date_from": MARCH[0],
                "date_to": MARCH[1],
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
            }
        )
        for code, value in (
            ("vulnerable_count", expected["vulnerable"]),
            ("vuln_health", expected["vuln"]["health"]),
            ("vuln_life", expected["vuln"]["life_event"]),
            ("vuln_resil", expected["vuln"]["resilience"]),
            ("vuln_capab", expected["vuln"]["capability"]),
            ("summary_count", expected["summary_resolved"]),
            ("summary_rate", expected["summary_resolved_rate"]),
        ):
            with self.subTest(kpi=code):
                line = review._kpi_line(code)
                self.assertAlmostEqual(line.value, value, places=6)
                self.assertTrue(line.has_data)

    def test_tracking_form_shows_the_clock_stops(self):
        self.policy.write({"clock_stop_allowed": True, "summary_resolution_days": 3})
        complaint = self._complaint(
            "acknowledged",
            {
                "received_date": dt("2025-03-03 09:00"),
                "ack_date": dt("2025-03-03 12:00"),
            },
            ack_method="phone",
            ack_date=dt("2025-03-03 12:00"),
        )
        complaint.invalidate_recordset()
        with system_write():
            self.env["iso10002.complaint.clock.stop"].create(
                {
                    "ticket_id": complaint.id,
                    "date_start": dt("2025-03-04 09:00"),
                    "date_end": dt("2025-03-06 09:00"),
                    "reason": "Asked for the delivery note",
                    "user_id": self.handler.id,
                }
            )
        self.env.flush_all()
        self.assertFalse(complaint.clock_stopped)
        text = self.render_pdf(TRACKING, complaint.with_user(self.manager))
        self.assertIn("Time limits", text)
        self.assertIn("Summary resolution until", text)
        self.assertIn("Clock stopped on", text)
        self.assertIn("Asked for the delivery note", text)
        self.assertIn("Hugo Handler", text)
        self.assertIn("2.00", text, "two days stopped")
        self.assertIn("the final response deadline includes the time stopped", text)

    def test_a_stopped_clock_is_not_late_in_the_analysis(self):
        """Stopped before its deadline and still stopped long after it, a
        final response is not late: no deadline runs while the clock is
        stopped (the complaint's deadline status says the same)."""
        self.policy.clock_stop_allowed = True
        complaints = self.env["helpdesk.ticket"]
        for _index in range(2):
            complaints |= self._complaint(
                "acknowledged",
                {
                    "received_date": dt("2025-03-03 09:00"),
                    "ack_date": dt("2025-03-03 12:00"),
                },
                ack_method="phone",
                ack_date=dt("2025-03-03 12:00"),
            )
        stopped, running = complaints
        self.assertLess(stopped.response_deadline, dt("2025-06-01 00:00"))
        with system_write():
            self.env["iso10002.complaint.clock.stop"].create(
                {
                    "ticket_id": stopped.id,
                    "date_start": dt("2025-03-04 09:00"),
                    "reason": "Asked for the delivery note",
                }
            )
        self.env.flush_all()
        self.assertTrue(stopped.clock_stopped)
        rows = {
            row.ticket_id: row
            for row in self.env["iso10002.complaint.analysis"].search(
                [("ticket_id", "in", complaints.ids)]
            )
        }
        # the clock running, the deadline of 2025 is long past
        self.assertTrue(rows[running].response_late)
        self.assertEqual(rows[running].response_on_time_rate, 0.0)
        # stopped on 4 March 2025, judged then: in time
        self.assertFalse(rows[stopped].response_late)
        self.assertNotEqual(stopped.deadline_status, "overdue")
