# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The analysis grouped from the daily aggregate (complaint_analysis_fast.py):
the pivot and the graphs give what the view gives, the aggregate is really
read, and never for a user who may not read every complaint counted."""

from datetime import date

from odoo import Command
from odoo.tests import tagged
from odoo.tools import SQL

from .kpi_day_common import FAR_EAST, REQUESTS, KpiDayCase, view_only

# the pivot view's default: categories x months
PIVOT_SETS = [
    [],
    ["category_id"],
    ["received_date:month"],
    ["category_id", "received_date:month"],
]


@tagged("post_install", "-at_install")
class TestAnalysisFast(KpiDayCase):
    def _assert_as_view(self, user, message, fast=True):
        for tz in ("UTC", FAR_EAST):
            analysis = self._analysis(user, tz)
            for domain, groupby, aggregates in REQUESTS:
                with self.subTest(message, tz=tz, groupby=groupby):
                    self.env.invalidate_all()
                    self.assertEqual(
                        self._is_fast(analysis, domain, groupby, aggregates), fast
                    )
                    result = analysis.formatted_read_group(domain, groupby, aggregates)
                    self.assertTrue(result)
                    with view_only():
                        self.env.invalidate_all()
                        expected = analysis.formatted_read_group(
                            domain, groupby, aggregates
                        )
                    self.assertEqual(result, expected)
            with self.subTest(message, tz=tz, pivot=True):
                self.env.invalidate_all()
                sets = analysis.formatted_read_grouping_sets(
                    [], PIVOT_SETS, ["nbr:sum", "__count"]
                )
                with view_only():
                    self.env.invalidate_all()
                    expected = analysis.formatted_read_grouping_sets(
                        [], PIVOT_SETS, ["nbr:sum", "__count"]
                    )
                self.assertEqual(sets, expected)

    def _pending(self):
        self.env.flush_all()
        self.env.cr.execute("SELECT COUNT(*) FROM iso10002_complaint_kpi_day_pending")
        return self.env.cr.fetchone()[0]

    def test_as_the_view(self):
        self._populate(1, 600)
        self.Day._cron_refresh()
        self.assertFalse(self._pending())
        self._assert_as_view(self.manager, "aggregated")
        self._assert_as_view(self.env.ref("base.user_root"), "superuser")
        # a pending day, and a complaint moved to another team and category
        tickets = self.env["helpdesk.ticket"].search(
            [("complaint_ref", "=like", "DAY/%"), ("company_id", "=", self.company.id)]
        )
        tickets[:30].write({"severity": "low", "root_cause": "Handled late"})
        tickets[30:40].write({"confidential": False})
        self.env.cr.execute(
            SQL(
                "UPDATE helpdesk_ticket SET category_id = %s, team_id = NULL"
                " WHERE id IN %s",
                self.cat_billing.id,
                tuple(tickets[40:50].ids),
            )
        )
        self.assertTrue(self._pending())
        self._assert_as_view(self.manager, "pending")
        self.Day._cron_refresh()
        self._assert_as_view(self.manager, "recomputed")

    def test_aggregate_is_read(self):
        """The figures of a whole day come from its rows; a pending day's
        from the complaints."""
        self._populate(1, 300)
        self.Day._cron_refresh()
        analysis = self._analysis(self.manager)
        domain = [("company_id", "=", self.company.id)]
        total = analysis.formatted_read_group(domain, [], ["__count"])[0]["__count"]
        self.assertEqual(total, 300)
        row = self.Day.search(
            [
                ("company_id", "=", self.company.id),
                ("dimension", "=", "total"),
                ("day", "=", date(2025, 3, 10)),
            ]
        )
        self.assertTrue(row)
        self.env.cr.execute(
            SQL(
                "UPDATE iso10002_complaint_kpi_day SET nbr = nbr + 1000 WHERE id IN %s",
                tuple(row.ids),
            )
        )
        self.env.invalidate_all()
        self.assertEqual(
            analysis.formatted_read_group(domain, [], ["__count"])[0]["__count"],
            total + 1000,
        )
        with view_only():
            self.assertEqual(
                analysis.formatted_read_group(domain, [], ["__count"])[0]["__count"],
                total,
            )
        self.env.cr.execute(
            SQL(
                "INSERT INTO iso10002_complaint_kpi_day_pending (company_id, day)"
                " VALUES (%s, %s)",
                self.company.id,
                date(2025, 3, 10),
            )
        )
        self.assertEqual(
            analysis.formatted_read_group(domain, [], ["__count"])[0]["__count"], total
        )

    def test_restricted_users_fall_back(self):
        """A user who may not read some confidential complaint of the scope
        gets the view's figures, with its rules."""
        self._populate(1, 300)
        self.Day._cron_refresh()
        request = ([], ["category_id"], ["__count"])
        handler = self._analysis(self.handler)
        self.assertFalse(self._is_fast(handler, *request))
        with view_only():
            expected = handler.formatted_read_group(*request)
        self.assertEqual(handler.formatted_read_group(*request), expected)
        manager = self._analysis(self.manager)
        self.assertTrue(self._is_fast(manager, *request))
        counted = sum(g["__count"] for g in manager.formatted_read_group(*request))
        self.assertLess(sum(g["__count"] for g in expected), counted)
        # a manager a confidential complaint is about does not read it
        confidential = self.env["helpdesk.ticket"].search(
            [("complaint_ref", "=like", "DAY/%"), ("confidential", "=", True)], limit=1
        )
        confidential.subject_user_ids = [Command.link(self.manager.id)]
        self.assertFalse(self._is_fast(manager, *request))
        with view_only():
            expected = manager.formatted_read_group(*request)
        self.assertEqual(manager.formatted_read_group(*request), expected)
        self.assertEqual(sum(g["__count"] for g in expected), counted - 1)
        # ... unless the period leaves it out
        received = confidential.received_date
        period = [("received_date", "<", received.replace(hour=0, minute=0))]
        self.assertTrue(self._is_fast(manager, period, ["category_id"], ["__count"]))

    def test_unsupported_requests_fall_back(self):
        manager = self._analysis(self.manager)
        for domain, groupby, aggregates in (
            ([], ["user_id"], ["__count"]),
            ([], ["stage_id", "category_id"], ["__count"]),
            ([], ["category_id", "severity"], ["__count"]),
            ([("is_closed", "=", True)], ["category_id"], ["__count"]),
            ([], ["received_date:hour"], ["__count"]),
            ([], ["category_id"], ["hours_to_ack:max"]),
            ([], ["category_id"], ["age_days:avg"]),
        ):
            with self.subTest(groupby=groupby, domain=domain, aggregates=aggregates):
                self.assertFalse(self._is_fast(manager, domain, groupby, aggregates))
        far_east = self._analysis(self.manager, FAR_EAST)
        self.assertFalse(self._is_fast(far_east, [], ["received_date:day"], []))
        self.assertTrue(self._is_fast(far_east, [], ["received_date:month"], []))

    def test_query_count_independent_of_volume(self):
        analysis = self._analysis(self.manager)
        counts = []
        for first, last in ((1, 10), (11, 200)):
            self._populate(first, last)
            self.Day._cron_refresh()
            analysis.formatted_read_grouping_sets([], PIVOT_SETS, ["nbr:sum"])
            self.env.invalidate_all()
            with self.assertQueryCount(7):
                sets = analysis.formatted_read_grouping_sets(
                    [("company_id", "=", self.company.id)],
                    PIVOT_SETS,
                    ["nbr:sum", "__count"],
                )
            counts.append(sets[0][0]["__count"])
        self.assertEqual(counts, [10, 200])

    def test_new_breakdown_recomputed(self):
        """Days computed before a breakdown was added are pending after the
        update of the addon, then computed again by the job."""
        self._populate(1, 100)
        self.Day._cron_refresh()
        self.env.cr.execute(
            SQL(
                "DELETE FROM iso10002_complaint_kpi_day"
                " WHERE company_id = %s AND day = %s AND dimension = 'stage_id'",
                self.company.id,
                date(2025, 3, 10),
            )
        )
        self.assertFalse(self._pending())
        self.Day.init()
        self.env.cr.execute(
            "SELECT company_id, day FROM iso10002_complaint_kpi_day_pending"
        )
        self.assertEqual(self.env.cr.fetchall(), [(self.company.id, date(2025, 3, 10))])
        self.Day._cron_refresh()
        self.assertTrue(
            self.Day.search_count(
                [
                    ("company_id", "=", self.company.id),
                    ("day", "=", date(2025, 3, 10)),
                    ("dimension", "=", "stage_id"),
                ]
            )
        )

    def test_stage_change_pending_and_plain_tickets_not(self):
        """A complaint moved to another stage (the stage breakdown) marks its
        day pending, read from the complaints until the job recomputes it;
        a plain ticket's writes mark nothing."""
        self._populate(1, 100)
        self.Day._cron_refresh()
        self.assertFalse(self._pending())
        request = ([("company_id", "=", self.company.id)], ["stage_id"], ["__count"])
        analysis = self._analysis(self.manager)
        # a plain ticket, even with a date of receipt: nothing pending
        plain = self.env["helpdesk.ticket"].create(
            {"name": "Plain", "description": "plain", "company_id": self.company.id}
        )
        self.assertFalse(plain.is_complaint)
        self.env.cr.execute(
            SQL(
                "UPDATE helpdesk_ticket SET stage_id = %s, received_date = %s"
                " WHERE id = %s",
                self.stages["investigating"].id,
                "2025-03-10 12:00:00",
                plain.id,
            )
        )
        plain.unlink()
        self.assertFalse(self._pending())
        # a settled complaint's stage only (no other column) changed in SQL
        closed = self.env["helpdesk.ticket"].search(
            [
                ("complaint_ref", "=like", "DAY/%"),
                ("company_id", "=", self.company.id),
                ("stage_id", "=", self.stages["closed"].id),
            ],
            limit=1,
        )
        self.env.cr.execute(
            SQL(
                "UPDATE helpdesk_ticket SET stage_id = %s WHERE id = %s",
                self.stages["investigating"].id,
                closed.id,
            )
        )
        self.env.invalidate_all()
        self.env.cr.execute(
            "SELECT company_id, day FROM iso10002_complaint_kpi_day_pending"
        )
        self.assertEqual(
            self.env.cr.fetchall(),
            [(self.company.id, closed.received_date.date())],
        )
        self.assertTrue(self._is_fast(analysis, *request))
        with view_only():
            expected = analysis.formatted_read_group(*request)
        self.assertEqual(analysis.formatted_read_group(*request), expected)
        self.Day._cron_refresh()
        self.assertFalse(self._pending())
        self.env.invalidate_all()
        self.assertEqual(analysis.formatted_read_group(*request), expected)
