# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The fixture of the KPI daily aggregate's tests (test_kpi_day.py,
test_kpi_day_clock.py, test_analysis_fast.py): bulk complaints by SQL, the
KPIs through the aggregate or from the view, the analysis as a user sees
it (no test methods here)."""

from datetime import datetime
from unittest.mock import patch

from odoo.tools import SQL

from odoo.addons.iso10002_reports.models.complaint_analysis_fast import (
    ComplaintAnalysis as FastAnalysis,
)
from odoo.addons.iso10002_reports.models.complaint_kpi import (
    ComplaintKpi as KpiFromView,
)
from odoo.addons.iso10002_reports.models.complaint_kpi_backlog import (
    ComplaintKpi as BacklogFromView,
)

from .common import IsoReportsCase

FAR_EAST = "Pacific/Kiritimati"  # UTC+14: days and months off UTC's

# (domain, groupby, aggregates) as the graph and list views send them
REQUESTS = [
    ([], ["received_date:month", "category_id"], ["__count"]),
    (
        [("received_date", ">=", "2025-02-10 06:30:00")],
        ["received_date:week", "severity"],
        ["__count", "hours_to_ack:avg", "ack_on_time_rate:avg", "rating_count:sum"],
    ),
    (
        [
            ("received_date", ">=", "2025-02-01 00:00:00"),
            ("received_date", "<=", "2025-03-20 23:59:59"),
        ],
        ["team_id", "root_cause", "confidential"],
        ["nbr:sum", "upheld_rate:avg", "remedy_cost:sum", "rating_value:avg"],
    ),
    ([], ["received_date:quarter", "is_reopened"], ["nbr:sum", "satisfied_rate:avg"]),
    ([], ["received_date:year", "company_id", "currency_id"], ["__count"]),
    ([], ["channel_id"], ["__count", "days_to_response:count"]),
    ([], [], ["__count", "response_on_time_rate:avg"]),
    ([("team_id", "!=", False)], ["stage_id"], ["__count"]),
]


def view_only():
    """The fast path off: everything read from the view."""
    return patch.object(FastAnalysis, "_aggregate_query", return_value=None)


class KpiDayCase(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kpi = cls.env["iso10002.complaint.kpi"].with_user(cls.manager)
        cls.Day = cls.env["iso10002.complaint.kpi.day"]
        # what the installation left pending: not these tests' subject
        cls.Day._cron_refresh(limit=100000)
        cls.companies = cls.company | cls.main_company

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

    def _analysis(self, user, tz="UTC"):
        return (
            self.env["iso10002.complaint.analysis"]
            .with_user(user)
            .with_context(tz=tz, allowed_company_ids=self.companies.ids)
        )

    def _is_fast(self, analysis, domain, groupby, aggregates):
        return (
            analysis._aggregate_query(domain, [groupby], aggregates, None) is not None
        )
