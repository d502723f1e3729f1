# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The number of queries of every KPI computation does not grow with the
number of complaints."""

import logging
from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged
from odoo.tools import SQL

from .common import IsoReportsCase, bridge_queries

_logger = logging.getLogger(__name__)

PERIOD = (date(2025, 5, 1), date(2025, 5, 28))
# measured queries, cold cache; the same at 100 and 5,000 complaints
# 5 aggregate queries (medians, ADR referrals); user, tz, lang, labels
KPI_QUERIES = 12
REVIEW_QUERIES = 21  # the policy id is cached: no search; figures as lines
AUDIT_QUERIES = 16
MONITOR_QUERIES = 19  # and the intake per day of its chart (2: daily aggregate)


@tagged("post_install", "-at_install")
class TestKpiPerformance(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.categories = cls.cat_quality | cls.cat_billing
        cls.channels = cls.ch_email | cls.ch_phone | cls.ch_web
        cls.products = (
            cls.prod_sofa
            | cls.prod_table
            | cls.env["iso10002.complaint.product"].create({"name": "Lamp"})
        )
        cls.stage_open = cls.stages["investigating"]
        cls.stage_closed = cls.stages["closed"]

    def _populate(self, first, last):
        """Insert complaints ``first`` to ``last`` in one statement each for
        complaints, remedies and ratings: spread over May 2025 and the month
        before, three in four closed, with every breakdown represented."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                INSERT INTO helpdesk_ticket (
                    name, description, number, company_id, team_id, stage_id,
                    iso_step, rating_status, active, is_complaint, complaint_ref,
                    priority, received_date, ack_date, ack_deadline,
                    response_deadline, decision_date, decision_outcome,
                    closed_date, closure_reason, category_id, channel_id,
                    complaint_product_id, root_cause, severity, safety_issue,
                    remedy_cost, reopen_count, consent_given, user_id,
                    create_uid, write_uid, create_date, write_date
                )
                SELECT
                    'Bulk complaint', '<p>bulk</p>', 'BULK' || n, %(company)s,
                    %(team)s,
                    CASE WHEN n %% 4 = 0 THEN %(open)s ELSE %(closed)s END,
                    CASE WHEN n %% 4 = 0 THEN 'investigating' ELSE 'closed' END,
                    'no_rate', TRUE, TRUE, 'BULK/' || lpad(n::text, 6, '0'), '1',
                    r.received,
                    r.received + (n %% 30) * INTERVAL '1 hour',
                    r.received + INTERVAL '1 day',
                    r.received + INTERVAL '10 days',
                    CASE WHEN n %% 4 = 0 THEN NULL
                         ELSE r.received + (n %% 15) * INTERVAL '1 day' END,
                    CASE WHEN n %% 4 = 0 THEN NULL
                         ELSE (ARRAY['upheld', 'partially_upheld',
                                     'not_upheld'])[1 + n %% 3] END,
                    CASE WHEN n %% 4 = 0 THEN NULL
                         ELSE r.received + (n %% 15 + 1) * INTERVAL '1 day' END,
                    CASE WHEN n %% 4 = 0 THEN NULL ELSE 'resolved' END,
                    (%(categories)s::int[])[1 + n %% 2],
                    (%(channels)s::int[])[1 + n %% 3],
                    (%(products)s::int[])[1 + n %% 3],
                    (ARRAY['Supplier defect', 'Carrier damage',
                           'Wrong address', NULL])[1 + n %% 4],
                    (ARRAY['low', 'medium', 'high', 'critical'])[1 + n %% 4],
                    n %% 50 = 0, (n %% 7) * 10.0, (n %% 20 = 0)::int, TRUE,
                    %(user)s, %(user)s, %(user)s, now(), now()
                  FROM generate_series(%(first)s, %(last)s) AS n,
                       LATERAL (
                           SELECT %(start)s::timestamp
                                  + ((n * 7919) %% (56 * 24)) * INTERVAL '1 hour'
                                  AS received
                       ) r
                """,
                company=self.company.id,
                team=self.team.id,
                open=self.stage_open.id,
                closed=self.stage_closed.id,
                categories=self.categories.ids,
                channels=self.channels.ids,
                products=self.products.ids,
                user=self.handler.id,
                first=first,
                last=last,
                start=datetime(2025, 4, 3),
            )
        )
        cr.execute(
            SQL(
                """
                INSERT INTO iso10002_complaint_remedy
                       (ticket_id, company_id, remedy_type, cost, sequence,
                        redress_state)
                SELECT id, company_id, 'refund', remedy_cost, 10, 'offered'
                  FROM helpdesk_ticket
                 WHERE company_id = %(company)s AND remedy_cost > 0
                   AND complaint_ref BETWEEN %(low)s AND %(high)s
                """,
                company=self.company.id,
                low=f"BULK/{first:06d}",
                high=f"BULK/{last:06d}",
            )
        )
        cr.execute(
            SQL(
                """
                INSERT INTO rating_rating (res_model_id, res_model, res_id, rating,
                       consumed, access_token, create_date, write_date)
                SELECT %(model)s, 'helpdesk.ticket', id, 1 + id %% 5, TRUE,
                       md5(id::text), now(), now()
                  FROM helpdesk_ticket
                 WHERE company_id = %(company)s AND closed_date IS NOT NULL
                   AND complaint_ref BETWEEN %(low)s AND %(high)s
                """,
                model=self.env["ir.model"]._get_id("helpdesk.ticket"),
                company=self.company.id,
                low=f"BULK/{first:06d}",
                high=f"BULK/{last:06d}",
            )
        )
        self.env.invalidate_all()

    def _count(self, func):
        """Queries run by ``func``, counted as ``assertQueryCount`` does."""
        self.env.invalidate_all()
        self.env.flush_all()
        self.env.cr.flush()
        before = self.cr.sql_log_count
        func()
        self.env.flush_all()
        self.env.cr.flush()
        return self.cr.sql_log_count - before

    def _measure(self):
        """Queries of each KPI computation, on new records each time so
        that every run writes the same fields."""
        env = self.env(user=self.manager)
        scope = {
            "date_from": PERIOD[0],
            "date_to": PERIOD[1],
            "company_id": self.company.id,
            "company_ids": [Command.set(self.company.ids)],
        }
        kpis = {}

        def compute():
            kpis.update(
                env["iso10002.complaint.kpi"]._compute_kpis(
                    *PERIOD, self.company, self.team
                )
            )

        reviews = env["iso10002.management.review"]
        audit = env["iso10002.complaint.audit"].create(scope)
        counts = {
            "kpi": self._count(compute),
            # creating a review computes its inputs
            "review": self._count(lambda: reviews.create(scope)),
            "audit": self._count(audit.action_collect_evidence),
            "monitor": self._count(
                lambda: (
                    env["iso10002.complaint.monitor"]
                    .create(
                        {
                            "period": "custom",
                            "date_from": PERIOD[0],
                            "date_to": PERIOD[1],
                            "company_ids": [Command.set(self.company.ids)],
                        }
                    )
                    .received_count
                )
            ),
        }
        return kpis, counts

    def test_query_count_does_not_grow_with_complaints(self):
        self._populate(1, 100)
        self._measure()  # warm-up: caches of rules, groups, sequences...
        kpis_100, counts_100 = self._measure()
        self._assert_hot_path()

        self._populate(101, 5000)
        kpis_5000, counts_5000 = self._measure()
        self._assert_hot_path()
        _logger.info(
            "KPI queries at 100 complaints: %s; at 5,000: %s", counts_100, counts_5000
        )
        # the data did grow
        total_100 = kpis_100["received"] + kpis_100["received_prev"]
        total_5000 = kpis_5000["received"] + kpis_5000["received_prev"]
        self.assertEqual(total_100, 100)
        self.assertEqual(total_5000, 5000)
        # the number of queries did not
        self.assertEqual(counts_100, counts_5000)
        self.assertEqual(counts_5000, self._expected_queries())

    def _expected_queries(self):
        """The measured counts, with the queries of the installed bridges."""
        expected = {
            "kpi": KPI_QUERIES,
            "review": REVIEW_QUERIES,
            "audit": AUDIT_QUERIES,
            "monitor": MONITOR_QUERIES,
        }
        for key in expected:
            expected[key] += bridge_queries(self.env, key)
        return expected

    def _assert_hot_path(self):
        """The KPI set under the ORM's own query counter, cold cache."""
        kpi = self.env["iso10002.complaint.kpi"].with_user(self.manager)
        expected = self._expected_queries()["kpi"]
        self.env.invalidate_all()
        with self.assertQueryCount(expected):
            kpi._compute_kpis(*PERIOD, self.company, self.team)
