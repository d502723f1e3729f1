# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The durations the KPIs take the median of, as every reader counts them
(the daily aggregate, kpi_day_sql.py; the KPI reader,
complaint_kpi_median.py; the view's fallback, complaint_kpi_backlog.py; the
analysis' median aggregate, complaint_kpi_analysis.py)."""

# the durations the KPIs take the median of, counted in tenths of their
# unit (hours to acknowledge, days to the final response: the precision
# the KPIs show), so that a day holds a few hundred values at most whatever
# its intake: one row per distinct value (the numeric as text: exact) and
# its count; the median is read from these counts (complaint_kpi_median.py)
# and from the view alike (complaint_kpi_backlog.py, the analysis' median
# aggregate). {the view's measure: (its dimension in the aggregate, the
# interval, the divisor of its seconds in the view's measure, written as
# the view does)}
MEDIANS = {
    "hours_to_ack": (
        "median_hours_to_ack",
        "(a.ack_date - a.received_date)",
        "3600.0",
    ),
    "days_to_response": (
        "median_days_to_response",
        "(a.response_date - a.received_date)",
        "86400.0",
    ),
}
# a duration as the medians count it: in tenths
ROUNDED_MEDIAN = "round((%s)::numeric, 1)"


def median_value(measure):
    """SQL text of ``measure``'s duration of the complaint ``a``, as the
    medians count it."""
    _dimension, interval, unit = MEDIANS[measure]
    return ROUNDED_MEDIAN % f"EXTRACT(EPOCH FROM {interval}) / {unit}"
