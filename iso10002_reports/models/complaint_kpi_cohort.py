# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The cohort of a period from the daily aggregate (complaint_kpi_day.py).

One query, as the scan of the analysis view it replaces, with the same
result: the aggregated rows of the whole UTC days of the period that lie in
one month of the user's time zone and have no pending change, plus the
analysis rows of everything else (the partial first and last days, the days
straddling a month boundary, the pending days, found through indexes), and
one row per complaint whose on-time rate the table counts late while the
view still leaves it empty (the deadline ahead: the complaints of the last
days, through the partial indexes on the deadlines), taking it back out.
Sums and counts are summed, averages are the sum of the sums over the sum
of the counts: equal to the view's ``avg``.

Medians (``_at_period_end``) and the ADR referrals (``_adr_figures``) are not
aggregated: a median needs every value; they are read from the complaints.
"""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, models
from odoo.tools import SQL

from .kpi_day_sql import (
    DIMENSIONS,
    dimension_rows,
    in_time_ids,
    measure_columns,
    measure_corrections,
    measure_values,
    raw_rows,
    summed,
    unanswered_ids,
)


class ComplaintKpi(models.AbstractModel):
    _inherit = "iso10002.complaint.kpi"

    @api.model
    def _cohort_sets(self, date_from, date_to, companies, teams, groupbys, aggregates):
        analysis = self._analysis(companies)
        companies = companies._origin
        start, stop = self._period_bounds(date_from, date_to)
        # the whole UTC days of the period: [first, last)
        first = (start if start.time() == time.min else start + timedelta(1)).date()
        last = stop.date()
        # the time zone of the view's months (read_group: the context's)
        tzname = analysis.env.context.get("tz")
        tz = pytz.timezone(tzname) if tzname in pytz.all_timezones_set else pytz.utc

        def month(moment):
            local = pytz.utc.localize(moment).astimezone(tz)
            return local.year, local.month

        # the whole days that lie in one month of the user's time zone
        boundaries = []
        day = first
        while day < last:
            begin = datetime.combine(day, time.min)
            if month(begin) != month(begin + timedelta(days=1, microseconds=-1)):
                boundaries.append(day)
            day += timedelta(days=1)
        supported = all(self._cohort_spec(g) for g in groupbys) and all(
            self._cohort_measure(a) for a in aggregates
        )
        if not supported or len(boundaries) >= (last - first).days:
            return super()._cohort_sets(
                date_from, date_to, companies, teams, groupbys, aggregates
            )
        # what the aggregate does not answer, read from the complaints
        ranges = [(start, datetime.combine(first, time.min))]
        for day in boundaries:
            begin = datetime.combine(day, time.min)
            ranges.append((begin, begin + timedelta(1)))
        ranges.append((datetime.combine(last, time.min), stop))
        scope = SQL("%s.company_id IN %s", SQL.identifier("t"), tuple(companies.ids))
        agg_scope = SQL("k.company_id IN %s", tuple(companies.ids))
        if teams:
            scope = SQL("%s AND t.team_id IN %s", scope, tuple(teams._origin.ids))
            agg_scope = SQL(
                "%s AND k.team_id IN %s", agg_scope, tuple(teams._origin.ids)
            )
        columns = measure_columns()
        query = analysis._search([])
        month_key = analysis._read_group_groupby("r", "received_date:month", query)
        sql = SQL(
            """
            WITH pending AS MATERIALIZED (
                SELECT DISTINCT day FROM iso10002_complaint_kpi_day_pending
                 WHERE company_id IN %(companies)s
                   AND day >= %(first)s AND day < %(last)s
            ), raw_ids AS MATERIALIZED (%(raw_ids)s),
            a AS MATERIALIZED (%(raw)s),
            fix_ids AS MATERIALIZED (
                %(in_time_ids)s EXCEPT SELECT id FROM raw_ids
            ), f AS MATERIALIZED (%(fix)s), rows AS (
                SELECT k.dimension, k.key_int, k.key_char, k.key_bool,
                       k.day::timestamp AS received_date, %(agg_columns)s
                  FROM iso10002_complaint_kpi_day k
                 WHERE %(agg_scope)s AND k.day >= %(first)s AND k.day < %(last)s
                   AND k.dimension IN %(dimension_names)s
                   AND k.day <> ALL(%(boundaries)s::date[])
                   AND NOT EXISTS (SELECT FROM pending p WHERE p.day = k.day)
                UNION ALL
                SELECT d.dimension, d.key_int, d.key_char, d.key_bool,
                       a.received_date, %(raw_values)s
                  FROM a CROSS JOIN LATERAL %(dimensions)s
                UNION ALL
                SELECT d.dimension, d.key_int, d.key_char, d.key_bool,
                       a.received_date, %(fix_values)s
                  FROM f a CROSS JOIN LATERAL %(dimensions)s
            ), u AS (
                SELECT r.*,
                       CASE WHEN r.dimension = 'currency_id' THEN c.currency_id
                            ELSE r.key_int END AS key,
                       CASE WHEN r.dimension = 'total' THEN %(month)s END AS month
                  FROM rows r
                  LEFT JOIN res_company c
                    ON r.dimension = 'currency_id' AND c.id = r.key_int
            )
            SELECT u.dimension, u.key, u.key_char, u.key_bool, u.month,
                   GROUPING(u.key) = 1 AS by_month, %(measures)s
              FROM u
             GROUP BY GROUPING SETS (
                (u.dimension, u.key, u.key_char, u.key_bool),
                (u.dimension, u.month)
             )
            """,
            companies=tuple(companies.ids),
            dimension_names=tuple(name for name, *_keys in DIMENSIONS),
            first=first,
            last=last,
            agg_scope=agg_scope,
            raw_ids=unanswered_ids(scope, ranges, SQL.identifier("pending")),
            # the complaints of the aggregated days still in time
            in_time_ids=in_time_ids(
                scope,
                datetime.combine(first, time.min),
                datetime.combine(last, time.min),
            ),
            fix=raw_rows(SQL("t.id = ANY(ARRAY(SELECT id FROM fix_ids))")),
            fix_values=SQL(", ").join(
                SQL("%s AS %s", value, SQL.identifier(column))
                for value, column in zip(measure_corrections(), columns, strict=True)
            ),
            agg_columns=SQL(", ").join(SQL.identifier("k", c) for c in columns),
            boundaries=[d.isoformat() for d in boundaries],
            raw_values=SQL(", ").join(
                SQL("%s AS %s", value, SQL.identifier(column))
                for value, column in zip(
                    measure_values(aggregate=False), columns, strict=True
                )
            ),
            # the complaints found, by their primary key
            raw=raw_rows(SQL("t.id = ANY(ARRAY(SELECT id FROM raw_ids))")),
            dimensions=dimension_rows(),
            month=month_key,
            measures=SQL(", ").join(self._cohort_measure(a) for a in aggregates),
        )
        rows = self.env.execute_query(sql)
        return [
            self._cohort_groups(analysis, groupby, aggregates, rows)
            for groupby in groupbys
        ]

    @api.model
    def _cohort_spec(self, groupby):
        """(dimension, the positions of the row's keys) of a groupby, None
        when the aggregate does not hold it."""
        specs = {
            (): ("total", ()),
            ("received_date:month",): ("total", (4,)),
            ("root_cause", "confidential"): ("root_cause", (2, 3)),
            ("currency_id",): ("currency_id", (1,)),
        }
        for name in ("category_id", "channel_id", "product_id"):
            specs[(name,)] = (name, (1,))
        for name in ("severity", "decision_outcome", "closure_reason", "reaction"):
            specs[(name,)] = (name, (2,))
        for name in ("is_reopened", "safety_issue"):
            specs[(name,)] = (name, (3,))
        return specs.get(tuple(groupby))

    @api.model
    def _cohort_measure(self, aggregate):
        """The SQL of an aggregate over the rows "u", None when the aggregate
        does not hold it."""
        return summed("u", aggregate)

    @api.model
    def _cohort_groups(self, analysis, groupby, aggregates, rows):
        """The groups of ``groupby`` among the rows of the query, formatted
        as ``_read_grouping_sets`` gives them."""
        dimension, keys = self._cohort_spec(groupby)
        by_month = keys == (4,)
        selected = [row for row in rows if row[0] == dimension and row[5] == by_month]
        if not groupby and not selected:
            # the total of nothing, as PostgreSQL gives it
            selected = [(None,) * (6 + len(aggregates))]
        columns = [
            analysis._read_group_postprocess_groupby(spec, [row[k] for row in selected])
            for spec, k in zip(groupby, keys, strict=True)
        ] + [
            analysis._read_group_postprocess_aggregate(
                spec, [row[6 + i] for row in selected]
            )
            for i, spec in enumerate(aggregates)
        ]
        return list(zip(*columns, strict=True)) if columns else []
