# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The daily aggregate with deadlines still ahead (complaint_kpi_day.py):
the complaints acknowledged or answered late or not yet are aggregated, their
on-time rates counted late, and the readers take back out those the view
still leaves empty (the deadline ahead, the clock stopped): the KPIs and the
analysis give what the view gives, now and once the clock has passed."""

from datetime import datetime, timedelta

from odoo.tests import tagged
from odoo.tools import SQL

from .kpi_day_common import FAR_EAST, REQUESTS, KpiDayCase, view_only

DATE_COLUMNS = (
    "received_date",
    "ack_date",
    "ack_deadline",
    "response_deadline",
    "decision_date",
    "closed_date",
)


@tagged("post_install", "-at_install")
class TestKpiDayClock(KpiDayCase):
    def _populate_until_now(self):
        """The complaints of test_kpi_day, moved so that their 100 days end
        now: those of the last ten days have their deadlines ahead."""
        self._populate(1, 600)
        self.env.cr.execute(
            SQL(
                "UPDATE helpdesk_ticket SET %s WHERE complaint_ref LIKE 'DAY/%%'",
                SQL(", ").join(
                    SQL(
                        "%s = %s + (%s::timestamp - %s::timestamp)",
                        SQL.identifier(column),
                        SQL.identifier(column),
                        datetime.now().replace(microsecond=0) - timedelta(days=100),
                        datetime(2025, 1, 20),
                    )
                    for column in DATE_COLUMNS
                ),
            )
        )
        # a clock stopped before the deadline: no deadline runs
        tickets = self.env["helpdesk.ticket"].search(
            [
                ("complaint_ref", "=like", "DAY/%"),
                ("decision_date", "=", False),
                ("response_deadline", "<", datetime.now() - timedelta(days=5)),
            ],
            limit=3,
        )
        self.assertEqual(len(tickets), 3)
        # (as an import would: the policy of the test company allows none)
        self.env.cr.execute(
            SQL(
                "INSERT INTO iso10002_complaint_clock_stop"
                " (ticket_id, company_id, reason, date_start)"
                " SELECT id, company_id, 'Waiting for the invoice',"
                " response_deadline - INTERVAL '1 day'"
                " FROM helpdesk_ticket WHERE id IN %s",
                tuple(tickets.ids),
            )
        )
        self.env.flush_all()
        self.Day._cron_refresh()

    def _in_time(self):
        """Complaints whose on-time rate the view leaves empty now."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT COUNT(*) FILTER (WHERE ack_on_time_rate IS NULL"
                " AND ack_deadline IS NOT NULL), COUNT(*) FILTER (WHERE"
                " response_on_time_rate IS NULL AND response_deadline IS NOT NULL)"
                " FROM iso10002_complaint_analysis WHERE company_id = %s",
                self.company.id,
            )
        )
        return self.env.cr.fetchone()

    def _assert_as_view(self, message):
        today = datetime.now().date()
        periods = [(today - timedelta(days=40), today), (today - timedelta(7), today)]
        for tz in ("UTC", FAR_EAST):
            for period in periods:
                with self.subTest(message, tz=tz, period=period):
                    aggregated = self._figures(period, tz)
                    self.assertTrue(aggregated["ack_due"])
                    self.assertEqual(
                        aggregated, self._figures(period, tz, from_view=True)
                    )
            analysis = self._analysis(self.manager, tz)
            for domain, groupby, aggregates in REQUESTS + [
                (
                    [],
                    ["received_date:day", "severity"],
                    ["ack_on_time_rate:sum", "response_on_time_rate:count"],
                ),
            ]:
                domain = [d for d in domain if d[0] != "received_date"]
                with self.subTest(message, tz=tz, groupby=groupby):
                    self.env.invalidate_all()
                    result = analysis.formatted_read_group(domain, groupby, aggregates)
                    with view_only():
                        self.env.invalidate_all()
                        expected = analysis.formatted_read_group(
                            domain, groupby, aggregates
                        )
                    self.assertEqual(result, expected)

    def test_deadlines_ahead_as_the_view(self):
        self._populate_until_now()
        ack_in_time, response_in_time = self._in_time()
        # the case: rates the view leaves empty, in the aggregated days
        self.assertTrue(ack_in_time)
        self.assertGreater(response_in_time, 3)
        self.assertTrue(
            self._is_fast(
                self._analysis(self.manager),
                [],
                ["received_date:month"],
                ["ack_on_time_rate:avg"],
            )
        )
        self._assert_as_view("deadlines ahead")
        # acknowledged and answered now, before the job: pending, exact
        tickets = self.env["helpdesk.ticket"].search(
            [("complaint_ref", "=like", "DAY/%"), ("ack_date", "=", False)]
        )
        self.env.cr.execute(
            SQL(
                "UPDATE helpdesk_ticket SET ack_date = now() AT TIME ZONE 'UTC',"
                " decision_date = now() AT TIME ZONE 'UTC' WHERE id IN %s",
                tuple(tickets[:20].ids),
            )
        )
        self._assert_as_view("written, pending")
        self.Day._cron_refresh()
        self._assert_as_view("written, aggregated")

    def test_backlog_and_medians_read_from_the_aggregate(self):
        """Once aggregated, the backlog and the medians of a day come from
        its rows: a row changed by hand changes them."""
        self._populate_until_now()
        today = datetime.now().date()
        period = (today - timedelta(days=40), today)
        figures = self._figures(period)
        self.assertEqual(figures, self._figures(period, from_view=True))
        day = today - timedelta(days=30)
        self.env.cr.execute(
            SQL(
                "UPDATE iso10002_complaint_kpi_day SET nbr = nbr + 1000"
                " WHERE company_id = %s AND day = %s AND key_bool IS FALSE"
                " AND dimension = 'at_end'",
                self.company.id,
                day,
            )
        )
        self.assertTrue(self.env.cr.rowcount)
        self.env.cr.execute(
            SQL(
                "UPDATE iso10002_complaint_kpi_day SET nbr = nbr + 100000"
                " WHERE company_id = %s AND day = %s"
                " AND dimension = 'median_hours_to_ack'"
                " AND key_char = (SELECT MAX(key_char::numeric)::varchar"
                "   FROM iso10002_complaint_kpi_day WHERE company_id = %s"
                "    AND day = %s AND dimension = 'median_hours_to_ack')",
                self.company.id,
                day,
                self.company.id,
                day,
            )
        )
        self.assertTrue(self.env.cr.rowcount)
        changed = self._figures(period)
        self.assertEqual(changed["backlog"], figures["backlog"] + 1000)
        self.assertEqual(
            changed["backlog_ages"]["8w"], figures["backlog_ages"]["8w"] + 1000
        )
        self.assertGreater(changed["median_ack_hours"], figures["median_ack_hours"])
        self.assertEqual(figures, self._figures(period, from_view=True))
