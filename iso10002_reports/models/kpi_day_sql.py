# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The SQL of the daily aggregate of the KPIs (complaint_kpi_day.py): its
breakdowns and measures, the complaints it never holds, and the rows of the
analysis view it is computed from."""

from odoo.models import parse_read_group_spec
from odoo.tools import SQL

from odoo.addons.iso10002_complaints.models.iso_steps import TERMINAL_STEPS

from .kpi_median_sql import MEDIANS, median_value

# the breakdowns of the table: (dimension, key_int, key_char, key_bool) of
# an analysis row aliased "a"; "total" is the whole cohort. The currency of
# remedies is that of the complaint's company: keyed by the company and
# read through it (a change of currency needs no recomputation).
DIMENSIONS = (
    ("total", "NULL::int", "NULL::varchar", "NULL::bool"),
    ("category_id", "a.category_id", "NULL", "NULL"),
    ("channel_id", "a.channel_id", "NULL", "NULL"),
    ("product_id", "a.product_id", "NULL", "NULL"),
    ("root_cause", "NULL", "a.root_cause", "a.confidential"),
    ("severity", "NULL", "a.severity", "NULL"),
    ("decision_outcome", "NULL", "a.decision_outcome", "NULL"),
    ("closure_reason", "NULL", "a.closure_reason", "NULL"),
    ("reaction", "NULL", "a.reaction", "NULL"),
    ("is_reopened", "NULL", "NULL", "a.is_reopened"),
    ("safety_issue", "NULL", "NULL", "a.safety_issue"),
    ("currency_id", "a.company_id", "NULL", "NULL"),
    # for the analysis pivot (complaint_analysis_fast.py)
    ("stage_id", "a.stage_id", "NULL", "NULL"),
)
# the state of a complaint at the end of any period (complaint_kpi_at_end.py):
# closed or not, and the UTC days of its closure, its final response
# deadline and its final response ("YYYY-MM-DD|YYYY-MM-DD|YYYY-MM-DD", empty
# where none)
AT_END_DAYS = ("closed_date", "response_deadline", "response_date")
AT_END = (
    "at_end",
    "NULL",
    " || '|' || ".join(
        f"COALESCE(to_char(a.{column}, 'YYYY-MM-DD'), '')" for column in AT_END_DAYS
    ),
    "a.is_closed",
)
ALL_DIMENSIONS = (
    DIMENSIONS
    + tuple(
        (dimension, "NULL", f"{median_value(measure)}::varchar", "NULL")
        for measure, (dimension, _interval, _unit) in MEDIANS.items()
    )
    + (AT_END,)
)
# the measures of the analysis view the KPIs aggregate: a sum and a count
# of each, so that sums, counts and averages are exact
MEASURES = (
    "hours_to_ack",
    "days_to_response",
    "ack_on_time_rate",
    "response_on_time_rate",
    "upheld_rate",
    "remedy_cost",
    "rating_count",
    "rating_value",
    "satisfied_rate",
    "summary_resolution_nbr",
    "vulnerable_nbr",
    "vulnerability_health_nbr",
    "vulnerability_life_event_nbr",
    "vulnerability_resilience_nbr",
    "vulnerability_capability_nbr",
)
# what a change of these columns of a complaint changes in its figures
TICKET_COLUMNS = (
    "is_complaint",
    "company_id",
    "team_id",
    "received_date",
    "stage_id",
    "category_id",
    "channel_id",
    "complaint_product_id",
    "root_cause",
    "confidential",
    "severity",
    "decision_outcome",
    "closure_reason",
    "reaction",
    "reopen_count",
    "safety_issue",
    "iso_step",
    "ack_date",
    "ack_deadline",
    "decision_date",
    "response_deadline",
    "closed_date",
    "remedy_cost",
    "satisfaction",
    "satisfaction_score",
    "summary_resolution",
    "vulnerable",
    "vulnerability_health",
    "vulnerability_life_event",
    "vulnerability_resilience",
    "vulnerability_capability",
)


# the on-time rates that move with the clock: {measure: its deadline}
CLOCK_RATES = {
    "ack_on_time_rate": "ack_deadline",
    "response_on_time_rate": "response_deadline",
}
# the view's "now" (the time of the transaction, naive UTC)
NOW = SQL("(now() AT TIME ZONE 'UTC')")


def response_due(alias="t"):
    """Complaints of ``helpdesk_ticket`` (alias) without a final response
    (the analysis view's ``response_date`` is empty). The partial index on
    the response deadline has this predicate, word for word."""
    t = SQL.identifier(alias)
    return SQL(
        "(%(t)s.is_complaint IS TRUE AND %(t)s.decision_date IS NULL "
        "AND NOT COALESCE(%(t)s.iso_step IN %(terminal)s "
        "AND %(t)s.closed_date IS NOT NULL, FALSE))",
        t=t,
        terminal=TERMINAL_STEPS,
    )


def ack_due(alias="t"):
    """Complaints of ``helpdesk_ticket`` (alias) not acknowledged. The
    partial index on the acknowledgement deadline has this predicate."""
    t = SQL.identifier(alias)
    return SQL("(%(t)s.is_complaint IS TRUE AND %(t)s.ack_date IS NULL)", t=t)


def settled_value(alias, measure):
    """The value of ``measure`` of the analysis row ``alias`` the aggregate
    holds: the view's, except that an on-time rate the view leaves empty
    because its deadline is still ahead (or its clock stopped) counts as
    late (0): the value once every deadline has passed, which the clock
    never changes (a change needs a write to the complaint, and its day is
    then pending). The readers take such rates back out
    (:func:`in_time_ids`, :func:`measure_corrections`)."""
    column = SQL.identifier(alias, measure)
    deadline = CLOCK_RATES.get(measure)
    if not deadline:
        return column
    return SQL(
        "COALESCE(%s, CASE WHEN %s IS NOT NULL THEN 0.0 END)",
        column,
        SQL.identifier(alias, deadline),
    )


def unanswered_ids(scope, ranges, days=None):
    """The ids of the complaints "t" meeting ``scope`` that the aggregate
    does not answer: received in one of ``ranges`` ([low, high) naive UTC
    datetimes: partial days, days split by a bucket of the user's time
    zone) or on one of ``days`` (a relation with a column ``day``: the
    pending days; none if None). Found through the index on the date of
    receipt."""
    in_ranges = SQL(" OR ").join(
        [
            SQL("(t.received_date >= %s AND t.received_date < %s)", low, high)
            for low, high in ranges
            if low < high
        ]
        or [SQL("FALSE")]
    )
    on_days = SQL()
    if days is not None:
        on_days = SQL(
            """
            UNION
            SELECT t.id FROM %(days)s p
              JOIN helpdesk_ticket t
                ON t.received_date >= p.day
               AND t.received_date < p.day + INTERVAL '1 day'
             WHERE t.is_complaint IS TRUE AND %(scope)s
            """,
            days=days,
            scope=scope,
        )
    return SQL(
        """
        SELECT t.id FROM helpdesk_ticket t
         WHERE t.is_complaint IS TRUE AND %(scope)s AND (%(in_ranges)s)
        %(on_days)s
        """,
        scope=scope,
        in_ranges=in_ranges,
        on_days=on_days,
    )


def in_time_ids(scope, start=None, stop=None):
    """The ids of the complaints "t" meeting ``scope``, received in
    [``start``, ``stop``) (unbounded where None), whose on-time rate the
    view may leave empty though a deadline is set (:func:`settled_value`):
    not acknowledged with the deadline still ahead, without a final
    response with the deadline still ahead, or with a running clock stop.
    A superset: :func:`measure_corrections` gives 0 for the others. Found
    through the partial indexes on the deadlines: the complaints of the
    last days only."""
    received = SQL(" AND ").join(
        [SQL("TRUE")]
        + ([SQL("t.received_date >= %s", start)] if start is not None else [])
        + ([SQL("t.received_date < %s", stop)] if stop is not None else [])
    )
    return SQL(
        """
        SELECT t.id FROM helpdesk_ticket t
         WHERE %(ack_due)s AND t.ack_deadline >= %(now)s
           AND %(scope)s AND %(received)s
        UNION
        SELECT t.id FROM helpdesk_ticket t
         WHERE %(response_due)s AND t.response_deadline >= %(now)s
           AND %(scope)s AND %(received)s
        UNION
        SELECT t.id FROM iso10002_complaint_clock_stop s
          JOIN helpdesk_ticket t ON t.id = s.ticket_id
         WHERE s.date_end IS NULL AND t.is_complaint IS TRUE
           AND %(scope)s AND %(received)s
        """,
        ack_due=ack_due("t"),
        response_due=response_due("t"),
        now=NOW,
        scope=scope,
        received=received,
    )


# the columns of the analysis view the aggregate reads
RAW_COLUMNS = (
    "id",
    "company_id",
    "team_id",
    "received_date",
    "stage_id",
    "category_id",
    "channel_id",
    "product_id",
    "root_cause",
    "confidential",
    "severity",
    "decision_outcome",
    "closure_reason",
    "reaction",
    "is_reopened",
    "safety_issue",
    *MEASURES,
    *CLOCK_RATES.values(),
    "ack_date",
    "response_date",
    "closed_date",
    "is_closed",
)


def raw_rows(condition):
    """The analysis rows (those columns) meeting ``condition`` (on the view
    "a" and the complaint "t"), to materialize before they are spread over
    the breakdowns: the view's sub-selects run once per complaint."""
    return SQL(
        "SELECT %s FROM iso10002_complaint_analysis a"
        " JOIN helpdesk_ticket t ON t.id = a.id WHERE %s",
        SQL(", ").join(SQL.identifier("a", c) for c in RAW_COLUMNS),
        condition,
    )


def dimension_rows(dimensions=DIMENSIONS):
    """The breakdown rows of an analysis row "a" (a LATERAL VALUES list)."""
    return SQL(
        "(VALUES %s) AS d(dimension, key_int, key_char, key_bool)",
        SQL(", ").join(
            SQL("(%s, %s, %s, %s)", name, SQL(key_int), SQL(key_char), SQL(key_bool))
            for name, key_int, key_char, key_bool in dimensions
        ),
    )


def measure_columns(measures=MEASURES):
    """The column names of the measures, in order: nbr, then the sum and the
    count of each of ``measures``."""
    return ["nbr"] + [f"{m}_{kind}" for m in measures for kind in ("sum", "count")]


def measure_values(aggregate, measures=MEASURES, settled=False):
    """The measures of the analysis rows "a", in the order of
    :func:`measure_columns`: their sums and counts (``aggregate``) or, for
    one row, its values (not ``aggregate``); the values the aggregate holds
    if ``settled`` (:func:`settled_value`)."""
    values = [SQL("COUNT(*)") if aggregate else SQL("1")]
    for measure in measures:
        column = (
            settled_value("a", measure) if settled else SQL.identifier("a", measure)
        )
        if aggregate:
            values += [SQL("SUM(%s)", column), SQL("COUNT(%s)", column)]
        else:
            values += [column, SQL("(%s IS NOT NULL)::int", column)]
    return values


def measure_corrections(measures=MEASURES):
    """The measures of a row correcting the aggregated row of the analysis
    row "a", in the order of :func:`measure_columns`: what the view counts
    minus what the aggregate holds (:func:`settled_value`): nothing but the
    count of an on-time rate still in time (-1). The sums do not change: a
    rate counted late adds 0."""
    values = [SQL("0")]
    for measure in measures:
        count = SQL("0")
        if measure in CLOCK_RATES:
            count = SQL(
                "(%s IS NOT NULL)::int - (%s IS NOT NULL)::int",
                SQL.identifier("a", measure),
                settled_value("a", measure),
            )
        values += [SQL("0"), count]
    return values


def summed(alias, spec):
    """The SQL of the ``read_group`` aggregate ``spec`` (``__count``,
    ``nbr:sum``, ``<measure>:sum``, ``:count`` or ``:avg``) over rows
    ``alias`` with the aggregate's columns (``nbr``, ``<measure>_sum``,
    ``<measure>_count``), equal to the view's; None if they do not hold it.
    An average is the sum of the sums over the sum of the counts."""
    nbr = SQL.identifier(alias, "nbr")
    if spec == "__count":
        return SQL("SUM(%s)", nbr)
    fname, property_name, func = parse_read_group_spec(spec)
    if property_name:
        return None
    if fname == "nbr":
        return SQL("SUM(%s)", nbr) if func == "sum" else None
    if fname not in MEASURES:
        return None
    total = SQL.identifier(alias, f"{fname}_sum")
    count = SQL.identifier(alias, f"{fname}_count")
    return {
        # empty where the view's is: no value (a rate counted late then
        # taken back out leaves a sum of 0 and a count of 0)
        "sum": SQL("CASE WHEN SUM(%s) <> 0 THEN SUM(%s) END", count, total),
        "count": SQL("SUM(%s)", count),
        "avg": SQL("SUM(%s) / NULLIF(SUM(%s), 0)", total, count),
    }.get(func)


def drop_triggers(cr):
    """Remove the triggers and their functions (uninstallation): the ticket
    and rating tables stay writable without this addon's tables."""
    for table in ("helpdesk_ticket", "rating_rating"):
        for event in ("insert", "update", "delete"):
            cr.execute(
                SQL(
                    "DROP TRIGGER IF EXISTS %s ON %s",
                    SQL.identifier(f"{table}_iso10002_kpi_day_{event}"),
                    SQL.identifier(table),
                )
            )
    cr.execute(
        "DROP FUNCTION IF EXISTS iso10002_kpi_day_mark_tickets();"
        "DROP FUNCTION IF EXISTS iso10002_kpi_day_mark_ratings();"
        "DROP INDEX IF EXISTS helpdesk_ticket_kpi_unsettled_idx;"
        "DROP INDEX IF EXISTS helpdesk_ticket_kpi_ack_due_idx;"
        "DROP INDEX IF EXISTS helpdesk_ticket_kpi_response_due_idx;"
        "DROP INDEX IF EXISTS helpdesk_ticket_kpi_closed_date_idx;"
        "DROP INDEX IF EXISTS helpdesk_ticket_kpi_decision_date_idx;"
        "DROP INDEX IF EXISTS helpdesk_ticket_confidential_complaint_idx;"
        "DROP STATISTICS IF EXISTS helpdesk_ticket_confidential_stat"
    )
