# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The daily aggregate of the KPIs (complaint_kpi_day.py): the figures it
gives equal those of the analysis view, whatever is pending, and it is
really read."""

from datetime import date

from odoo.tests import tagged
from odoo.tools import SQL

from .common import bridge_queries
from .kpi_day_common import FAR_EAST, KpiDayCase

# two months and a half of complaints; periods ending mid-month
PERIODS = [
    (date(2025, 3, 1), date(2025, 3, 31)),
    (date(2025, 2, 10), date(2025, 4, 12)),
    (date(2025, 1, 20), date(2025, 4, 30)),
]
# test_kpi_performance's KPI_QUERIES and the medians from the aggregate
DAY_QUERIES = 12


@tagged("post_install", "-at_install")
class TestKpiDay(KpiDayCase):
    def _assert_as_view(self, message):
        for tz in ("UTC", FAR_EAST):
            for period in PERIODS:
                with self.subTest(message, tz=tz, period=period):
                    aggregated = self._figures(period, tz)
                    self.assertTrue(aggregated["received"])
                    self.assertEqual(
                        aggregated, self._figures(period, tz, from_view=True)
                    )

    def _pending(self):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT COUNT(*) FROM iso10002_complaint_kpi_day_pending"
                " WHERE company_id = %s",
                self.company.id,
            )
        )
        return self.env.cr.fetchone()[0]

    def test_figures_equal_the_view(self):
        self._populate(1, 600)
        # created in this transaction: every day pending, read from the view
        self.assertTrue(self._pending())
        self._assert_as_view("created, pending")
        # the job ran: the settled complaints come from the aggregate
        self.Day._cron_refresh()
        self.assertFalse(self._pending())
        self.assertTrue(self.Day.search_count([("company_id", "=", self.company.id)]))
        self._assert_as_view("aggregated")

        # writes and deletes in the same transaction: their days pending
        tickets = self.env["helpdesk.ticket"].search(
            [("complaint_ref", "=like", "DAY/%"), ("company_id", "=", self.company.id)]
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE helpdesk_ticket
                   SET category_id = %s, severity = 'low', ack_date = NULL,
                       received_date = received_date + INTERVAL '3 days'
                 WHERE id IN %s
                """,
                self.cat_billing.id,
                tuple(tickets[:40].ids),
            )
        )
        tickets[40:60].write({"root_cause": "Handled late", "confidential": True})
        self.env.cr.execute(
            SQL("DELETE FROM helpdesk_ticket WHERE id IN %s", tuple(tickets[60:80].ids))
        )
        self._rate(tickets[80], 2)
        self.assertTrue(self._pending())
        self._assert_as_view("written and deleted, pending")
        self.Day._cron_refresh()
        self.assertFalse(self._pending())
        self._assert_as_view("written, deleted and aggregated")

    def test_aggregate_is_read(self):
        """Once aggregated, a day's figures come from its rows: a row
        changed by hand changes them, the job puts it right."""
        self._populate(1, 300)
        self.Day._cron_refresh()
        period = PERIODS[0]
        received = self._figures(period)["received"]
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
        self.assertEqual(self._figures(period)["received"], received + 1000)
        self.assertEqual(self._figures(period, from_view=True)["received"], received)
        # a pending day is read from the complaints, whatever its rows say
        self.env.cr.execute(
            SQL(
                "INSERT INTO iso10002_complaint_kpi_day_pending (company_id, day)"
                " VALUES (%s, %s)",
                self.company.id,
                date(2025, 3, 10),
            )
        )
        self.assertEqual(self._figures(period)["received"], received)
        self.Day._cron_refresh()
        self.assertFalse(self._pending())
        self.assertEqual(self._figures(period)["received"], received)

    def test_query_count_independent_of_volume(self):
        kpi = self.kpi
        counts = []
        for first, last in ((1, 10), (11, 100)):
            self._populate(first, last)
            self.Day._cron_refresh()
            kpi._compute_kpis(*PERIODS[2], self.company, self.team)  # warm-up
            self.env.invalidate_all()
            with self.assertQueryCount(DAY_QUERIES + bridge_queries(self.env, "kpi")):
                figures = kpi._compute_kpis(*PERIODS[2], self.company, self.team)
            counts.append(figures["received"] + figures["received_prev"])
        self.assertEqual(counts, [10, 100])
