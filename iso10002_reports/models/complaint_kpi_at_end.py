# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Closures in a period and the backlog at its end from the daily aggregate
(complaint_kpi_day.py), with the figures of the scan of the analysis view
(complaint_kpi_backlog.py) they replace.

The table holds, per UTC day of receipt, the count of the complaints by
state (:data:`~.kpi_day_sql.AT_END`): closed or not, and the UTC days of
their closure, final response deadline and final response. A day decides
every figure but where it holds the end (or the start) of the period, and
the day of receipt decides the age but where it holds an age boundary
(end - 7, 28, 56 days). The complaints of such a state (and of the pending
days and the partial last day) are read from the view; the same condition
(:meth:`_at_end_ambiguous`), written once for the rows of the table and
once for those of the view, splits the complaints between the two: each is
counted once. The complaints read are found through the indexes on the
dates (a few days of complaints).
"""

from datetime import datetime, time, timedelta

from odoo import api, models
from odoo.tools import SQL

from .complaint_analysis import AGE_BUCKETS
from .kpi_day_sql import unanswered_ids

AGE_DAYS = (7, 28, 56)


class ComplaintKpi(models.AbstractModel):
    _inherit = "iso10002.complaint.kpi"

    @api.model
    def _at_end_ambiguous(self, state, days):
        """Whether the figures of a complaint in ``state`` (SQL of its day
        of receipt, closed, closure day, deadline day, response day) need
        its dates (never NULL)."""
        received, closed, closure, deadline, response = state
        return SQL(
            "COALESCE(%(closure)s = ANY(%(closure_days)s::date[])"
            " OR %(deadline)s = ANY(%(end_days)s::date[])"
            " OR %(response)s = ANY(%(end_days)s::date[])"
            " OR (%(received)s = ANY(%(age_days)s::date[])"
            "     AND NOT COALESCE(%(closed)s AND %(closure)s < %(end)s, FALSE)),"
            " FALSE)",
            received=received,
            closed=closed,
            closure=closure,
            deadline=deadline,
            response=response,
            closure_days=days["closure"],
            end_days=days["end"],
            age_days=days["age"],
            end=days["last"],
        )

    @api.model
    def _at_period_end(self, date_from, date_to, companies, teams=None):
        self._analysis(companies)  # the user's access to these companies
        companies = companies._origin
        start, stop = self._period_bounds(date_from, date_to)
        last = stop.date()
        midnight = datetime.combine(last, time.min)
        # the days whose complaints are read from the view
        days = {
            "closure": [d.date() for d in (start, stop) if d.time() != time.min],
            "end": [last] if stop != midnight else [],
            "age": [(stop - timedelta(days=n)).date() for n in AGE_DAYS],
            "last": last,
        }
        for key in ("closure", "end", "age"):
            days[key] = [d.isoformat() for d in days[key]]
        first_closure = start.date() + timedelta(days=start.time() != time.min)
        scope = SQL("t.company_id IN %s", tuple(companies.ids))
        agg_scope = SQL("k.company_id IN %s", tuple(companies.ids))
        if teams:
            scope = SQL("%s AND t.team_id IN %s", scope, tuple(teams._origin.ids))
            agg_scope = SQL(
                "%s AND k.team_id IN %s", agg_scope, tuple(teams._origin.ids)
            )

        def ranges(column, day_list):
            return SQL(" OR ").join(
                [
                    SQL(
                        "(%s >= %s::timestamp"
                        " AND %s < %s::timestamp + INTERVAL '1 day')",
                        column,
                        day,
                        column,
                        day,
                    )
                    for day in day_list
                ]
                or [SQL("FALSE")]
            )

        candidates = SQL(" UNION ").join(
            SQL(
                "SELECT t.id FROM helpdesk_ticket t WHERE t.is_complaint IS TRUE"
                " AND %s AND t.received_date < %s AND (%s)",
                scope,
                midnight,
                condition,
            )
            for condition in (
                ranges(SQL("t.received_date"), days["age"]),
                ranges(SQL("t.closed_date"), days["closure"] + days["end"]),
                ranges(SQL("t.response_deadline"), days["end"]),
                ranges(SQL("t.decision_date"), days["end"]),
            )
        )
        view_state = (
            SQL("a.received_date::date"),
            SQL("a.is_closed"),
            SQL("a.closed_date::date"),
            SQL("a.response_deadline::date"),
            SQL("a.response_date::date"),
        )
        # the days of the table's row "k", parsed once per row ("s"; ISO
        # dates: read the same whatever the session's date style)
        row_state = (
            SQL("k.day"),
            SQL("k.key_bool"),
            SQL("s.closure"),
            SQL("s.deadline"),
            SQL("s.response"),
        )
        parsed = SQL(", ").join(
            SQL(
                "NULLIF(split_part(k.key_char, '|', %s), '')::date AS %s",
                index,
                SQL.identifier(name),
            )
            for index, name in ((1, "closure"), (2, "deadline"), (3, "response"))
        )

        def figures(state, received=None):
            """closed, backlog, overdue and ages: the FILTERs over rows in
            ``state`` (dates of the view, days of the table)."""
            received_day, closed, closure, deadline, response = state
            if received is None:  # the view's rows: their dates
                received = SQL("a.received_date")
                end = SQL("%s::timestamp", stop)
                closure = SQL("a.closed_date")
                deadline = SQL("a.response_deadline")
                response = SQL("a.response_date")
                in_period = SQL("%s >= %s", closure, start)
                age = SQL("(%s - %s)", end, received)
                ages = [
                    SQL("%s < INTERVAL '7 days'", age),
                    SQL(
                        "%s >= INTERVAL '7 days' AND %s < INTERVAL '28 days'", age, age
                    ),
                    SQL(
                        "%s >= INTERVAL '28 days' AND %s < INTERVAL '56 days'", age, age
                    ),
                    SQL("%s >= INTERVAL '56 days'", age),
                ]
            else:  # the table's rows: the days decide
                end = SQL("%s::date", last)
                in_period = SQL("%s >= %s::date", closure, first_closure)
                bounds = [
                    SQL("%s::date", (stop - timedelta(days=n)).date()) for n in AGE_DAYS
                ]
                ages = [
                    SQL("%s > %s", received_day, bounds[0]),
                    SQL(
                        "%s > %s AND %s < %s",
                        received_day,
                        bounds[1],
                        received_day,
                        bounds[0],
                    ),
                    SQL(
                        "%s > %s AND %s < %s",
                        received_day,
                        bounds[2],
                        received_day,
                        bounds[1],
                    ),
                    SQL("%s < %s", received_day, bounds[2]),
                ]
            backlog = SQL("NOT (%s AND %s < %s)", closed, closure, end)
            return [
                SQL("%s AND %s AND %s < %s", closed, in_period, closure, end),
                backlog,
                SQL(
                    "%s AND %s < %s AND (%s IS NULL OR %s >= %s)",
                    backlog,
                    deadline,
                    end,
                    response,
                    response,
                    end,
                ),
            ] + [SQL("%s AND %s", backlog, condition) for condition in ages]

        sql = SQL(
            """
            WITH pending AS MATERIALIZED (
                SELECT DISTINCT day FROM iso10002_complaint_kpi_day_pending
                 WHERE company_id IN %(companies)s AND day < %(last)s
            ), candidates AS MATERIALIZED (%(candidates)s),
            raw_ids AS MATERIALIZED (
                %(unanswered)s
                UNION
                SELECT a.id FROM iso10002_complaint_analysis a
                 WHERE a.id = ANY(ARRAY(SELECT id FROM candidates))
                   AND %(view_ambiguous)s
            ), agg AS (
                SELECT %(agg_figures)s
                  FROM iso10002_complaint_kpi_day k
                 CROSS JOIN LATERAL (SELECT %(parsed)s OFFSET 0) s
                 WHERE %(agg_scope)s AND k.dimension = 'at_end' AND k.day < %(last)s
                   AND NOT EXISTS (SELECT FROM pending p WHERE p.day = k.day)
                   AND NOT %(row_ambiguous)s
            ), raw AS (
                SELECT %(raw_figures)s
                  FROM iso10002_complaint_analysis a
                 WHERE a.id = ANY(ARRAY(SELECT id FROM raw_ids))
                   AND a.received_date < %(stop)s
            )
            SELECT * FROM agg, raw
            """,
            companies=tuple(companies.ids),
            last=last,
            stop=stop,
            candidates=candidates,
            unanswered=unanswered_ids(
                scope, [(midnight, stop)], SQL.identifier("pending")
            ),
            view_ambiguous=self._at_end_ambiguous(view_state, days),
            row_ambiguous=self._at_end_ambiguous(row_state, days),
            agg_scope=agg_scope,
            parsed=parsed,
            agg_figures=SQL(", ").join(
                SQL("COALESCE(SUM(k.nbr) FILTER (WHERE %s), 0)", condition)
                for condition in figures(row_state, received=row_state[0])
            ),
            raw_figures=SQL(", ").join(
                SQL("COUNT(*) FILTER (WHERE %s)", condition)
                for condition in figures(view_state)
            ),
        )
        row = self.env.execute_query(sql)[0]
        count = len(row) // 2
        totals = [int(row[i] + row[count + i]) for i in range(count)]
        medians = self._cohort_medians(date_from, date_to, companies, teams)
        return {
            "median_ack_hours": medians["hours_to_ack"],
            "median_response_days": medians["days_to_response"],
            "closed": totals[0],
            "backlog": totals[1],
            "backlog_overdue": totals[2],
            "ages": dict(zip((b for b, _l in AGE_BUCKETS), totals[3:], strict=True)),
        }
