# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The daily aggregate of the KPIs (complaint_kpi_day.py): the figures it
gives equal those of the analysis view, whatever is pending, and it is
really read."""

from datetime import date, datetime
from unittest.mock import patch

from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.iso10002_reports.models.complaint_kpi import (
    ComplaintKpi as KpiFromView,
)
from odoo.addons.iso10002_reports.models.complaint_kpi_backlog import (
    ComplaintKpi as BacklogFromView,
)

from .common import IsoReportsCase, bridge_queries

# two months and a half of complaints; periods ending mid-month
PERIODS = [
    (date(2025, 3, 1), date(2025, 3, 31)),
    (date(2025, 2, 10), date(2025, 4, 12)),
    (date(2025, 1, 20), date(2025, 4, 30)),
]
FAR_EAST = "Pacific/Kiritimati"  # UTC+14: days and months off UTC's
# test_kpi_performance's KPI_QUERIES and the medians from the aggregate
DAY_QUERIES = 12


@tagged("post_install", "-at_install")
class TestKpiDay(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kpi = cls.env["iso10002.complaint.kpi"].with_user(cls.manager)
        cls.Day = cls.env["iso10002.complaint.kpi.day"]
        # what the installation left pending: not this test's subject
        cls.Day._cron_refresh(limit=100000)

    def _populate(self, first, last):
        """Complaints ``first`` to ``last`` at every hour from 20 January
        2025 over 100 days: most closed, one in four open, one in ten
        never acknowledged, in every breakdown, with ratings."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO helpdesk_ticket (
                    name, description, number, company_id, team_id, stage_id, iso_step,
                    rating_status, active, is_complaint, complaint_ref,
                    priority, received_date, ack_date, ack_deadline,
                    response_deadline, decision_date, decision_outcome,
                    closed_date, closure_reason, category_id, channel_id,
                    complaint_product_id, root_cause, severity, safety_issue,
                    remedy_cost, reopen_count, confidential, reaction,
                    satisfaction, satisfaction_score, vulnerable
                )
                SELECT 'Day complaint', '<p>day</p>', 'DAY' || n, %(company)s, %(team)s,
                    CASE WHEN n %% 4 = 0 THEN %(open)s ELSE %(closed)s END,
                    CASE WHEN n %% 4 = 0 THEN 'investigating' ELSE 'closed' END,
                    'no_rate', TRUE, TRUE, 'DAY/' || n, '1', r.at,
                    CASE WHEN n %% 10 = 0 THEN NULL
                         ELSE r.at + (n %% 40) * INTERVAL '1 hour' END,
                    r.at + INTERVAL '1 day', r.at + INTERVAL '10 days',
                    CASE WHEN n %% 4 = 0 THEN NULL
                         ELSE r.at + (n %% 15) * INTERVAL '1 day' END,
                    CASE WHEN n %% 4 = 0 THEN NULL
                         ELSE (ARRAY['upheld', 'partially_upheld',
                                     'not_upheld'])[1 + n %% 3] END,
                    CASE WHEN n %% 4 = 0 THEN NULL
                         ELSE r.at + (n %% 15 + 1) * INTERVAL '1 day' END,
                    CASE WHEN n %% 4 = 0 THEN NULL ELSE 'resolved' END,
                    (%(categories)s::int[])[1 + n %% 3],
                    (%(channels)s::int[])[1 + n %% 4],
                    (%(products)s::int[])[1 + n %% 3],
                    (ARRAY['Supplier defect', 'Carrier damage', NULL])[1 + n %% 3],
                    (ARRAY['low', 'medium', 'high', 'critical'])[1 + n %% 4],
                    n %% 9 = 0, (n %% 7) * 10.5, (n %% 11 = 0)::int, n %% 13 = 0,
                    CASE WHEN n %% 4 = 0 THEN NULL
                         ELSE (ARRAY['accepted', 'rejected'])[1 + n %% 2] END,
                    CASE WHEN n %% 3 = 0 THEN 'satisfied' WHEN n %% 3 = 1
                         THEN 'dissatisfied' END,
                    1 + n %% 5, n %% 17 = 0
                  FROM generate_series(%(first)s, %(last)s) AS n,
                       LATERAL (SELECT %(start)s::timestamp
                                + ((n * 7919) %% (100 * 24)) * INTERVAL '1 hour'
                                + (n %% 60) * INTERVAL '1 minute' AS at) r
                """,
                company=self.company.id,
                team=self.team.id,
                open=self.stages["investigating"].id,
                closed=self.stages["closed"].id,
                categories=[self.cat_quality.id, self.cat_billing.id, None],
                channels=[self.ch_email.id, self.ch_phone.id, self.ch_web.id, None],
                products=[self.prod_sofa.id, self.prod_table.id, None],
                first=first,
                last=last,
                start=datetime(2025, 1, 20),
            )
        )
        self.env.invalidate_all()

    def _figures(self, period, tz="UTC", from_view=False):
        kpi = self.kpi.with_context(tz=tz)
        self.env.invalidate_all()
        if not from_view:
            return kpi._compute_kpis(*period, self.company, self.team)
        with (
            patch.object(type(kpi), "_cohort_sets", KpiFromView._cohort_sets),
            patch.object(type(kpi), "_at_period_end", BacklogFromView._at_period_end),
            patch.object(type(kpi), "_cohort_medians", BacklogFromView._cohort_medians),
        ):
            return kpi._compute_kpis(*period, self.company, self.team)

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
