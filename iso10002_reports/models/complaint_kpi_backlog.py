# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI family "backlog": closures, the backlog and its ages at the end of a
period, the medians of the cohort, and the live backlog of the monitor."""

from odoo import api, models
from odoo.tools import SQL

from .complaint_analysis import AGE_BUCKETS
from .kpi_median_sql import ROUNDED_MEDIAN


class ComplaintKpi(models.AbstractModel):
    _inherit = "iso10002.complaint.kpi"

    @api.model
    def _at_period_end(self, date_from, date_to, companies, teams=None):
        """Medians of the cohort (:meth:`_cohort_medians`), closures in the
        period and the backlog at its end, in one aggregate query on the
        analysis view."""
        analysis = self._analysis(companies)
        start, stop = self._period_bounds(date_from, date_to)
        query = analysis._search(
            self._scope_domain(companies, teams) + [("received_date", "<", stop)]
        )

        def col(name):
            return analysis._field_to_sql(analysis._table, name, query)

        backlog = SQL(
            "NOT (%s AND %s < %s)", col("is_closed"), col("closed_date"), stop
        )
        age = SQL("(%s::timestamp - %s)", stop, col("received_date"))
        bucket_filters = [
            SQL("%s < INTERVAL '7 days'", age),
            SQL("%s >= INTERVAL '7 days' AND %s < INTERVAL '28 days'", age, age),
            SQL("%s >= INTERVAL '28 days' AND %s < INTERVAL '56 days'", age, age),
            SQL("%s >= INTERVAL '56 days'", age),
        ]
        select = [
            SQL(
                "COUNT(*) FILTER (WHERE %s AND %s >= %s AND %s < %s)",
                col("is_closed"),
                col("closed_date"),
                start,
                col("closed_date"),
                stop,
            ),
            SQL("COUNT(*) FILTER (WHERE %s)", backlog),
            SQL(
                "COUNT(*) FILTER (WHERE %s AND %s < %s AND (%s IS NULL OR %s >= %s))",
                backlog,
                col("response_deadline"),
                stop,
                col("response_date"),
                col("response_date"),
                stop,
            ),
        ] + [
            SQL("COUNT(*) FILTER (WHERE %s AND %s)", backlog, condition)
            for condition in bucket_filters
        ]
        row = self.env.execute_query(query.select(*select))[0]
        medians = self._cohort_medians(date_from, date_to, companies, teams)
        return {
            "median_ack_hours": medians["hours_to_ack"],
            "median_response_days": medians["days_to_response"],
            "closed": row[0],
            "backlog": row[1],
            "backlog_overdue": row[2],
            "ages": dict(zip((b for b, _l in AGE_BUCKETS), row[3:], strict=True)),
        }

    @api.model
    def _cohort_medians(self, date_from, date_to, companies, teams=None):
        """{measure: median} of the hours to acknowledge and the days to
        final response of the complaints received in the period, counted in
        tenths (kpi_median_sql.MEDIANS), from the analysis view
        (complaint_kpi_median.py reads the daily aggregate)."""
        analysis = self._analysis(companies)
        query = analysis._search(
            self._received_domain(date_from, date_to, companies, teams)
        )
        measures = ("hours_to_ack", "days_to_response")
        row = self.env.execute_query(
            query.select(
                *(
                    SQL(
                        "percentile_cont(0.5) WITHIN GROUP (ORDER BY %s)",
                        SQL(
                            ROUNDED_MEDIAN,
                            analysis._field_to_sql(analysis._table, measure, query),
                        ),
                    )
                    for measure in measures
                )
            )
        )[0]
        return dict(zip(measures, row, strict=True))

    # ------------------------------------------------------------------
    # Monitoring (8.4): the live state of the process
    # ------------------------------------------------------------------
    @api.model
    def _live_status(self, companies, teams=None):
        """Open complaints now: backlog by age and deadline status."""
        self.env.flush_all()
        analysis = self._analysis(companies)
        domain = self._scope_domain(companies, teams) + [("is_closed", "=", False)]
        sets = analysis._read_grouping_sets(
            domain, [[], ["age_bucket"], ["deadline_status"]], ["__count"]
        )
        return {
            "open": sets[0][0][0] if sets[0] else 0,
            "ages": {bucket: count for bucket, count in sets[1]},
            "status": {status: count for status, count in sets[2]},
        }
