# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one list of complaint-handling KPIs (ISO 10002 8.4 and 8.6).

Each KPI names where its value comes from in the result of
``iso10002.complaint.kpi._compute_kpis`` (``source``, a dotted path) or in
the review's own inputs (previous actions, audits), its unit, the objective
of the company's policy it is measured against, and whether a higher or a
lower value is better. The monitor shows them computed live, the management
review freezes them as lines (``iso10002.management.review.line`` of
dimension ``kpi``) and its PDF prints those lines: adding a KPI is one entry
here.
"""

from collections import namedtuple

Kpi = namedtuple(
    "Kpi",
    "code label family source unit objective direction data_code previous",
    defaults=(None, "up", None, None),
)

FAMILIES = [
    ("volume", "Volumes and trends"),
    ("backlog", "Backlog"),
    ("timeliness", "Timeliness"),
    ("outcome", "Outcomes and remedies"),
    ("adr", "External dispute resolution (ISO 10003)"),
    ("satisfaction", "Satisfaction with the handling (8.3)"),
    ("previous_actions", "Actions of the previous review"),
    ("audits", "Audits (8.5)"),
]
UNITS = [
    ("count", "Complaints"),
    ("number", "Number"),
    ("percent", "%"),
    ("change", "% change"),
    ("hours", "Hours"),
    ("days", "Days"),
    ("rating", "Rating (1-5)"),
    ("currency", "Amount"),
]
DIRECTIONS = [("up", "Higher is better"), ("down", "Lower is better")]

KPIS = (
    Kpi(
        "received_count",
        "Complaints received",
        "volume",
        "received",
        "count",
        direction="down",
        previous="received_prev_count",
    ),
    Kpi(
        "received_prev_count",
        "Received (previous period)",
        "volume",
        "received_prev",
        "count",
        direction="down",
    ),
    Kpi(
        "received_trend",
        "Trend (%)",
        "volume",
        "received_trend",
        "change",
        direction="down",
        data_code="received_prev_count",
    ),
    Kpi("closed_count", "Closed in the period", "volume", "closed", "count"),
    Kpi(
        "safety_count",
        "With safety implications",
        "volume",
        "safety",
        "count",
        direction="down",
    ),
    # vulnerable customers (FCA FG21/1's drivers): counts only
    Kpi("vulnerable_count", "Vulnerable customers", "volume", "vulnerable", "count"),
    Kpi("vuln_health", "Vulnerable: health", "volume", "vuln.health", "count"),
    Kpi("vuln_life", "Vulnerable: life events", "volume", "vuln.life_event", "count"),
    Kpi("vuln_resil", "Vulnerable: resilience", "volume", "vuln.resilience", "count"),
    Kpi("vuln_capab", "Vulnerable: capability", "volume", "vuln.capability", "count"),
    Kpi(
        "backlog_count",
        "Open at the end of the period",
        "backlog",
        "backlog",
        "count",
        direction="down",
    ),
    Kpi(
        "backlog_overdue_count",
        "Open and overdue at the end",
        "backlog",
        "backlog_overdue",
        "count",
        direction="down",
    ),
    Kpi(
        "backlog_1w",
        "Backlog: less than 1 week",
        "backlog",
        "backlog_ages.1w",
        "count",
        direction="down",
    ),
    Kpi(
        "backlog_4w",
        "Backlog: 1 to 4 weeks",
        "backlog",
        "backlog_ages.4w",
        "count",
        direction="down",
    ),
    Kpi(
        "backlog_8w",
        "Backlog: 4 to 8 weeks",
        "backlog",
        "backlog_ages.8w",
        "count",
        direction="down",
    ),
    Kpi(
        "backlog_over_8w",
        "Backlog: more than 8 weeks",
        "backlog",
        "backlog_ages.over_8w",
        "count",
        direction="down",
    ),
    Kpi("ack_due_count", "Acknowledgements due", "timeliness", "ack_due", "count"),
    Kpi(
        "ack_on_time_rate",
        "Acknowledged on time (%)",
        "timeliness",
        "ack_on_time_rate",
        "percent",
        "objective_ack_on_time",
        data_code="ack_due_count",
        previous="ack_on_time_rate_prev",
    ),
    Kpi(
        "ack_on_time_rate_prev",
        "Acknowledged on time, previous period (%)",
        "timeliness",
        "ack_on_time_rate_prev",
        "percent",
        data_code="received_prev_count",
    ),
    Kpi(
        "response_due_count",
        "Final responses due",
        "timeliness",
        "response_due",
        "count",
    ),
    Kpi(
        "response_on_time_rate",
        "Final response on time (%)",
        "timeliness",
        "response_on_time_rate",
        "percent",
        "objective_response_on_time",
        data_code="response_due_count",
        previous="response_on_time_rate_prev",
    ),
    Kpi(
        "response_on_time_rate_prev",
        "Final response on time, previous period (%)",
        "timeliness",
        "response_on_time_rate_prev",
        "percent",
        data_code="received_prev_count",
    ),
    Kpi("acknowledged_count", "Acknowledged", "timeliness", "acknowledged", "count"),
    Kpi(
        "median_ack_hours",
        "Median hours to acknowledge",
        "timeliness",
        "median_ack_hours",
        "hours",
        direction="down",
        data_code="acknowledged_count",
    ),
    Kpi(
        "avg_ack_hours",
        "Average hours to acknowledge",
        "timeliness",
        "avg_ack_hours",
        "hours",
        direction="down",
        data_code="acknowledged_count",
    ),
    Kpi("responded_count", "Finally answered", "timeliness", "responded", "count"),
    Kpi(
        "median_response_days",
        "Median days to final response",
        "timeliness",
        "median_response_days",
        "days",
        direction="down",
        data_code="responded_count",
    ),
    Kpi(
        "avg_response_days",
        "Average days to final response",
        "timeliness",
        "avg_response_days",
        "days",
        direction="down",
        data_code="responded_count",
    ),
    Kpi("reopened_count", "Reopened", "outcome", "reopened", "count", direction="down"),
    Kpi(
        "reopen_rate",
        "Reopen rate (%)",
        "outcome",
        "reopen_rate",
        "percent",
        direction="down",
        data_code="received_count",
    ),
    Kpi("decided_count", "Decided", "outcome", "decided", "count"),
    Kpi("upheld_count", "Upheld", "outcome", "upheld", "count", direction="down"),
    Kpi(
        "partially_upheld_count",
        "Partially upheld",
        "outcome",
        "partially_upheld",
        "count",
        direction="down",
    ),
    Kpi("not_upheld_count", "Not upheld", "outcome", "not_upheld", "count"),
    Kpi(
        "upheld_rate",
        "Upheld rate (%)",
        "outcome",
        "upheld_rate",
        "percent",
        direction="down",
        data_code="decided_count",
    ),
    Kpi(
        "rejected_count",
        "Decisions rejected by the complainant",
        "outcome",
        "rejected",
        "count",
        direction="down",
    ),
    Kpi(
        "external_referral_count",
        "Referred to external dispute resolution",
        "outcome",
        "external_referrals",
        "count",
        direction="down",
    ),
    Kpi("adr_referred", "Complaints referred", "adr", "adr.referred", "count"),
    Kpi(
        "adr_rate", "Referral rate (%)", "adr", "adr.rate", "percent", direction="down"
    ),
    Kpi("adr_decided", "Decided by the body", "adr", "adr.decided", "count"),
    Kpi(
        "adr_upheld",
        "Upheld (%)",
        "adr",
        "adr.upheld",
        "percent",
        data_code="adr_decided",
    ),
    Kpi("adr_awards", "Awards", "adr", "adr.awards", "currency", direction="down"),
    Kpi(
        "remedy_cost",
        "Cost of remedies",
        "outcome",
        "remedy_cost",
        "currency",
        direction="down",
    ),
    Kpi("summary_count", "Summary resolutions", "outcome", "summary_resolved", "count"),
    Kpi(
        "summary_rate",
        "Summary resolution rate (%)",
        "outcome",
        "summary_resolved_rate",
        "percent",
        data_code="received_count",
    ),
    Kpi("rated_count", "Rated complaints", "satisfaction", "rated", "count"),
    Kpi("rating_count", "Number of ratings", "satisfaction", "rating_count", "number"),
    Kpi(
        "rating_avg",
        "Satisfaction (1-5)",
        "satisfaction",
        "rating_avg",
        "rating",
        "objective_satisfaction",
        data_code="rated_count",
    ),
    Kpi(
        "satisfied_rate",
        "Satisfied (%)",
        "satisfaction",
        "satisfied_rate",
        "percent",
        data_code="rated_count",
    ),
    Kpi(
        "prev_action_count",
        "Previous actions",
        "previous_actions",
        "prev_action_count",
        "number",
    ),
    Kpi(
        "prev_action_done_count",
        "Previous actions done",
        "previous_actions",
        "prev_action_done_count",
        "number",
    ),
    Kpi(
        "prev_action_overdue_count",
        "Previous actions overdue",
        "previous_actions",
        "prev_action_overdue_count",
        "number",
        direction="down",
    ),
    Kpi("audit_count", "Audits", "audits", "audit_count", "number"),
    Kpi(
        "audit_gap_count",
        "Audit nonconformities",
        "audits",
        "audit_gap_count",
        "number",
        direction="down",
    ),
    Kpi(
        "audit_observation_count",
        "Audit observations",
        "audits",
        "audit_observation_count",
        "number",
        direction="down",
    ),
)
KPI_BY_CODE = {kpi.code: kpi for kpi in KPIS}
OBJECTIVE_FIELDS = sorted({kpi.objective for kpi in KPIS if kpi.objective})


def kpi_value(figures, kpi):
    """The raw value of ``kpi`` in ``figures`` (None: no value)."""
    value = figures
    for key in kpi.source.split("."):
        value = (value or {}).get(key)
    return value


def kpi_figures(figures):
    """{code: value} of every KPI found in ``figures`` (the result of
    ``_compute_kpis``, possibly updated with the review's own inputs); a
    missing value is 0, as the review and the monitor always showed it."""
    return {
        kpi.code: kpi_value(figures, kpi) or 0.0
        for kpi in KPIS
        if kpi.source.split(".")[0] in figures
    }


def kpi_has_data(values, kpi):
    """False when the KPI has nothing to measure (a rate of nothing)."""
    return not kpi.data_code or bool(values.get(kpi.data_code))


def kpi_status(values, kpi, objectives):
    """ok / below / none against the policy's objective."""
    if not kpi.objective:
        return False
    if not kpi_has_data(values, kpi):
        return "none"
    objective = objectives.get(kpi.objective) or 0.0
    value = values.get(kpi.code) or 0.0
    met = value >= objective if kpi.direction == "up" else value <= objective
    return "ok" if met else "below"


def kpi_line_values(values, objectives, labels):
    """The frozen lines (``iso10002.management.review.line`` values) of the
    KPIs found in ``values`` ({code: value}): value, previous value and the
    policy's objective (``objectives``: {policy field: value})."""
    return [
        {
            "dimension": "kpi",
            "kpi_code": kpi.code,
            "kpi_family": kpi.family,
            "label": labels[kpi.code],
            "unit": kpi.unit,
            "direction": kpi.direction,
            "value": values[kpi.code],
            "has_data": kpi_has_data(values, kpi),
            "previous_value": values.get(kpi.previous) or 0.0,
            "has_previous": bool(kpi.previous)
            and bool(values.get("received_prev_count")),
            "objective": objectives.get(kpi.objective) or 0.0,
            "has_objective": bool(kpi.objective),
        }
        for kpi in KPIS
        if kpi.code in values
    ]
