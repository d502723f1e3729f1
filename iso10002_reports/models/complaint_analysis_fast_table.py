# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rows the complaint analysis groups when it reads the daily aggregate
(complaint_analysis_fast.py): the aggregated rows of the whole UTC days it
answers, and the analysis rows of the complaints it does not."""

from datetime import datetime, time, timedelta

from odoo import api, models
from odoo.fields import Domain
from odoo.tools import SQL, Query

from .kpi_day_sql import (
    in_time_ids,
    measure_columns,
    measure_corrections,
    measure_values,
    unanswered_ids,
)


class ComplaintAnalysis(models.Model):
    _inherit = "iso10002.complaint.analysis"

    @api.model
    def _aggregate_table(
        self, domain, breakdown, measures, conditions, days, ranges, dates, utc
    ):
        """The rows (SQL) of the aggregate and of the view (those meeting
        the optimized ``domain``) the query groups: the company, team,
        currency and date of receipt, the fields of the ``breakdown``,
        ``nbr`` and the sum and count of ``measures``."""
        dimension, fields = breakdown
        first, last = days
        # sudo: the aggregate is for administrators only (ir.model.access);
        # used here to write the SQL of the domain's company and team
        # conditions on it, no record read through it
        Day = self.env["iso10002.complaint.kpi.day"].sudo()
        # the companies of the context (the multi-company rule), all of
        # them as superuser (no rule)
        companies = None if self.env.su else tuple(self.env.companies.ids)

        def in_companies(alias):
            if companies is None:
                return SQL("TRUE")
            return SQL("%s IN %s", SQL.identifier(alias, "company_id"), companies)

        def between(column):
            return SQL(" AND ").join(
                [SQL("TRUE")]
                + ([SQL("%s >= %s", column, first)] if first else [])
                + ([SQL("%s < %s", column, last)] if last else [])
            )

        # the aggregated rows of the scope (the domain's conditions on the
        # company and the team, as the ORM writes them for the aggregate)
        day_where = SQL(
            "%s AND %s", in_companies("k"), between(SQL.identifier("k", "day"))
        )
        if conditions:
            day_where = SQL(
                "%s AND %s",
                day_where,
                Domain.AND(
                    Domain(c.field_expr, c.operator, c.value) for c in conditions
                )
                .optimize_full(Day)
                ._to_sql(Day, "k", Query(self.env, "k")),
            )
        # the days the aggregated rows do not answer: pending, or split by
        # a bucket of the date of receipt in the context's time zone (one
        # query; given as constants, the planner estimates their complaints)
        split = SQL()
        if dates and not utc:
            bounds = Query(self.env, "s0")
            split = SQL(
                """
                UNION
                SELECT k.day FROM iso10002_complaint_kpi_day k
                 CROSS JOIN LATERAL (SELECT k.day::timestamp AS received_date) s0
                 CROSS JOIN LATERAL (
                    SELECT k.day::timestamp + INTERVAL '1 day'
                           - INTERVAL '1 microsecond' AS received_date
                 ) s1
                 WHERE k.dimension = 'total' AND %s AND (%s)
                """,
                day_where,
                SQL(" OR ").join(
                    SQL(
                        "%s IS DISTINCT FROM %s",
                        self._read_group_groupby("s0", spec, bounds),
                        self._read_group_groupby("s1", spec, bounds),
                    )
                    for spec in dates
                ),
            )
        excluded = [
            day
            for (day,) in self.env.execute_query(
                SQL(
                    "SELECT DISTINCT p.day FROM iso10002_complaint_kpi_day_pending p"
                    " WHERE %s AND %s %s ORDER BY 1",
                    in_companies("p"),
                    between(SQL.identifier("p", "day")),
                    split,
                )
            )
        ]
        for day in excluded:
            begin = datetime.combine(day, time.min)
            if ranges and ranges[-1][1] == begin:  # the day after the last
                ranges[-1] = (ranges[-1][0], begin + timedelta(1))
            else:
                ranges.append((begin, begin + timedelta(1)))
        raw_ids = unanswered_ids(in_companies("t"), ranges)
        # the complaints of the aggregated days whose on-time rate the
        # aggregate counts late while the view leaves it empty
        fix_ids = in_time_ids(
            in_companies("t"),
            *(
                datetime.combine(day, time.min) if day else None
                for day in (first, last)
            ),
        )
        if first is None and last is None:
            # complaints without a date of receipt: in no day
            raw_ids = SQL(
                "%s UNION SELECT t.id FROM helpdesk_ticket t WHERE"
                " t.is_complaint IS TRUE AND t.received_date IS NULL AND %s",
                raw_ids,
                in_companies("t"),
            )
        # the rows of the view: the rules are met (_aggregate_readable), the
        # domain applied as is
        view_where = in_companies("a")
        if not domain.is_true():
            view_where = SQL(
                "%s AND %s",
                view_where,
                domain._to_sql(
                    self, "a", Query(self.env, "a", SQL.identifier(self._table))
                ),
            )
        return SQL(
            """
            (WITH raw_ids AS MATERIALIZED (%(raw_ids)s),
            fix_ids AS MATERIALIZED (%(fix_ids)s EXCEPT SELECT id FROM raw_ids)
            SELECT u.*, c.currency_id FROM (
                SELECT k.company_id, k.team_id, k.day::timestamp AS received_date,
                       %(day_columns)s
                  FROM iso10002_complaint_kpi_day k
                 WHERE k.dimension = %(dimension)s AND %(day_where)s
                   AND k.day <> ALL(%(excluded)s::date[])
                UNION ALL
                SELECT a.company_id, a.team_id, a.received_date, %(view_columns)s
                  FROM iso10002_complaint_analysis a
                 WHERE a.id = ANY(ARRAY(SELECT id FROM raw_ids)) AND %(view_where)s
                UNION ALL
                SELECT a.company_id, a.team_id, a.received_date, %(fix_columns)s
                  FROM iso10002_complaint_analysis a
                 WHERE a.id = ANY(ARRAY(SELECT id FROM fix_ids)) AND %(view_where)s
            ) u JOIN res_company c ON c.id = u.company_id)
            """,
            raw_ids=raw_ids,
            fix_ids=fix_ids,
            fix_columns=SQL(", ").join(
                [SQL.identifier("a", name) for name in fields]
                + measure_corrections(measures=measures)
            ),
            excluded=[day.isoformat() for day in excluded],
            day_columns=SQL(", ").join(
                [
                    SQL("k.%s AS %s", SQL.identifier(column), SQL.identifier(name))
                    for name, column in fields.items()
                ]
                + [SQL.identifier("k", c) for c in measure_columns(measures)]
            ),
            dimension=dimension,
            day_where=day_where,
            view_columns=SQL(", ").join(
                [SQL.identifier("a", name) for name in fields]
                + measure_values(aggregate=False, measures=measures)
            ),
            view_where=view_where,
        )
