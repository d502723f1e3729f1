# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The medians of the cohort from the daily aggregate (complaint_kpi_day.py).

The table holds, per day, one row per distinct duration (in tenths of an
hour or of a day, the precision the KPIs show; the numeric as text: exact)
with its count (:data:`~.kpi_median_sql.MEDIANS`). The median is read as PostgreSQL's
``percentile_cont(0.5)`` computes it: the values sorted, the one or two in
the middle, interpolated; the counts of the values of the whole UTC days
without a pending change, the durations of the other complaints (the
partial first and last days, the pending days) read from the view. The
values are the view's rounded as the view's own medians are
(:data:`~.kpi_median_sql.ROUNDED_MEDIAN`), converted to a float alike.
"""

import math
from datetime import datetime, time, timedelta

from odoo import api, models
from odoo.tools import SQL

from .kpi_day_sql import unanswered_ids
from .kpi_median_sql import MEDIANS, median_value


class ComplaintKpi(models.AbstractModel):
    _inherit = "iso10002.complaint.kpi"

    @api.model
    def _cohort_medians(self, date_from, date_to, companies, teams=None):
        self._analysis(companies)  # the user's access to these companies
        companies = companies._origin
        start, stop = self._period_bounds(date_from, date_to)
        first = (start if start.time() == time.min else start + timedelta(1)).date()
        last = stop.date()
        if first >= last:
            return super()._cohort_medians(date_from, date_to, companies, teams)
        scope = SQL("t.company_id IN %s", tuple(companies.ids))
        agg_scope = SQL("k.company_id IN %s", tuple(companies.ids))
        if teams:
            scope = SQL("%s AND t.team_id IN %s", scope, tuple(teams._origin.ids))
            agg_scope = SQL(
                "%s AND k.team_id IN %s", agg_scope, tuple(teams._origin.ids)
            )
        ranges = [
            (start, datetime.combine(first, time.min)),
            (datetime.combine(last, time.min), stop),
        ]
        values = SQL(" UNION ALL ").join(
            SQL(
                "SELECT %s AS dimension, %s AS span, 1 AS n"
                " FROM a WHERE %s IS NOT NULL",
                dimension,
                SQL(median_value(measure)),
                SQL(interval),
            )
            for measure, (dimension, interval, _unit) in MEDIANS.items()
        )
        sql = SQL(
            """
            WITH pending AS MATERIALIZED (
                SELECT DISTINCT day FROM iso10002_complaint_kpi_day_pending
                 WHERE company_id IN %(companies)s
                   AND day >= %(first)s AND day < %(last)s
            ), raw_ids AS MATERIALIZED (%(raw_ids)s),
            a AS MATERIALIZED (
                SELECT a.received_date, a.ack_date, a.response_date
                  FROM iso10002_complaint_analysis a
                 WHERE a.id = ANY(ARRAY(SELECT id FROM raw_ids))
            ), v AS (
                SELECT k.dimension, k.key_char::numeric AS span, k.nbr AS n
                  FROM iso10002_complaint_kpi_day k
                 WHERE %(agg_scope)s AND k.day >= %(first)s AND k.day < %(last)s
                   AND k.dimension IN %(dimensions)s AND k.key_char IS NOT NULL
                   AND NOT EXISTS (SELECT FROM pending p WHERE p.day = k.day)
                UNION ALL
                %(values)s
            ), h AS (
                SELECT dimension, span::float8 AS value, SUM(n) AS n
                  FROM v GROUP BY dimension, value
            ), c AS (
                SELECT dimension, value,
                       SUM(n) OVER (PARTITION BY dimension ORDER BY value) AS upto,
                       SUM(n) OVER (PARTITION BY dimension) AS total
                  FROM h
            )
            SELECT dimension, MAX(total),
                   MIN(value) FILTER (WHERE upto > floor((total - 1) * 0.5)),
                   MIN(value) FILTER (WHERE upto > ceil((total - 1) * 0.5))
              FROM c GROUP BY dimension
            """,
            companies=tuple(companies.ids),
            first=first,
            last=last,
            raw_ids=unanswered_ids(scope, ranges, SQL.identifier("pending")),
            agg_scope=agg_scope,
            dimensions=tuple(dimension for dimension, _i, _u in MEDIANS.values()),
            values=values,
        )
        found = {
            dimension: (total, low, high)
            for dimension, total, low, high in self.env.execute_query(sql)
        }
        medians = {}
        for measure, (dimension, _interval, _unit) in MEDIANS.items():
            total, low, high = found.get(dimension, (0, None, None))
            if not total:
                medians[measure] = None
                continue
            # percentile_cont's interpolation, in the same float arithmetic
            position = 0.5 * (int(total) - 1)
            medians[measure] = low + (high - low) * (position - math.floor(position))
        return medians
