# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The KPIs of :mod:`.kpi_definitions` in the complaint analysis.

The analysis (``iso10002.complaint.analysis``, its pivot, graph and list) is
the fourth consumer of the KPI list: each KPI computed from the complaints
is there a measure (an aggregate of the view: ``nbr:sum``,
``hours_to_ack:median``...) over a cohort of complaints (:data:`COHORTS`),
narrowed by a domain. The drill-downs of the monitor and of the review's
figures open these rows with these measures; the tests check that every KPI
of the list has its counterpart here (or says why not, in
:data:`NOT_IN_ANALYSIS`) and that the counterpart gives the monitor's
figure. Adding a KPI to the list without its counterpart fails them.
"""

from collections import namedtuple
from datetime import timedelta

from odoo.tools.safe_eval import safe_eval

from .kpi_definitions import KPIS

# measure: an aggregate of the analysis view; cohort: a key of COHORTS;
# domain: a domain string evaluated with the variables of COHORTS
Analysis = namedtuple("Analysis", "measure cohort domain", defaults=("received", "[]"))

# the complaints a figure is measured on, as the KPI engine counts them.
# Variables: start and stop, the bounds of the period (naive UTC), prev_start
# and prev_stop, those of the previous period, and timedelta
COHORTS = {
    "received": "[('received_date', '>=', start), ('received_date', '<', stop)]",
    "received_prev": "[('received_date', '>=', prev_start), "
    "('received_date', '<', prev_stop)]",
    "closed": "[('received_date', '<', stop), ('is_closed', '=', True), "
    "('closed_date', '>=', start), ('closed_date', '<', stop)]",
    "open_at_end": "[('received_date', '<', stop), "
    "'|', ('is_closed', '=', False), ('closed_date', '>=', stop)]",
}
RATED = "[('satisfaction', '!=', False)]"

KPI_ANALYSIS = {
    "received_count": Analysis("nbr:sum"),
    "received_prev_count": Analysis("nbr:sum", "received_prev"),
    "closed_count": Analysis("nbr:sum", "closed"),
    "safety_count": Analysis("nbr:sum", domain="[('safety_issue', '=', True)]"),
    "backlog_count": Analysis("nbr:sum", "open_at_end"),
    "backlog_overdue_count": Analysis(
        "nbr:sum",
        "open_at_end",
        "[('response_deadline', '<', stop), "
        "'|', ('response_date', '=', False), ('response_date', '>=', stop)]",
    ),
    # the age of the backlog at the end of the period: stop - received_date
    "backlog_1w": Analysis(
        "nbr:sum", "open_at_end", "[('received_date', '>', stop - timedelta(days=7))]"
    ),
    "backlog_4w": Analysis(
        "nbr:sum",
        "open_at_end",
        "[('received_date', '<=', stop - timedelta(days=7)), "
        "('received_date', '>', stop - timedelta(days=28))]",
    ),
    "backlog_8w": Analysis(
        "nbr:sum",
        "open_at_end",
        "[('received_date', '<=', stop - timedelta(days=28)), "
        "('received_date', '>', stop - timedelta(days=56))]",
    ),
    "backlog_over_8w": Analysis(
        "nbr:sum",
        "open_at_end",
        "[('received_date', '<=', stop - timedelta(days=56))]",
    ),
    "ack_due_count": Analysis("ack_on_time_rate:count"),
    "ack_on_time_rate": Analysis("ack_on_time_rate:avg"),
    "ack_on_time_rate_prev": Analysis("ack_on_time_rate:avg", "received_prev"),
    "response_due_count": Analysis("response_on_time_rate:count"),
    "response_on_time_rate": Analysis("response_on_time_rate:avg"),
    "response_on_time_rate_prev": Analysis(
        "response_on_time_rate:avg", "received_prev"
    ),
    "acknowledged_count": Analysis("hours_to_ack:count"),
    "median_ack_hours": Analysis("hours_to_ack:median"),
    "avg_ack_hours": Analysis("hours_to_ack:avg"),
    "responded_count": Analysis("days_to_response:count"),
    "median_response_days": Analysis("days_to_response:median"),
    "avg_response_days": Analysis("days_to_response:avg"),
    "reopened_count": Analysis("nbr:sum", domain="[('is_reopened', '=', True)]"),
    "reopen_rate": Analysis("reopened_rate:avg"),
    "decided_count": Analysis("nbr:sum", domain="[('decision_outcome', '!=', False)]"),
    "upheld_count": Analysis("nbr:sum", domain="[('decision_outcome', '=', 'upheld')]"),
    "partially_upheld_count": Analysis(
        "nbr:sum", domain="[('decision_outcome', '=', 'partially_upheld')]"
    ),
    "not_upheld_count": Analysis(
        "nbr:sum", domain="[('decision_outcome', '=', 'not_upheld')]"
    ),
    "upheld_rate": Analysis("upheld_rate:avg"),
    "rejected_count": Analysis("nbr:sum", domain="[('reaction', '=', 'rejected')]"),
    "external_referral_count": Analysis(
        "nbr:sum", domain="[('closure_reason', '=', 'referred_external')]"
    ),
    # in the currency of each complaint's company: the same figure as the
    # KPI's when the scope has one currency
    "remedy_cost": Analysis("remedy_cost:sum"),
    "rated_count": Analysis("rating_value:count", domain=RATED),
    "rating_count": Analysis("rating_count:sum"),
    "rating_avg": Analysis("rating_value:avg", domain=RATED),
    "satisfied_rate": Analysis("satisfied_rate:avg", domain=RATED),
    # summary resolutions (FCA DISP 1.5)
    "summary_count": Analysis("summary_resolution_nbr:sum"),
    # external dispute resolution (ISO 10003): the complaints referred and
    # the awards, as the referral records count them
    "adr_referred": Analysis("nbr:sum", domain="[('adr_referral_count', '>', 0)]"),
    "adr_awards": Analysis("adr_award_amount:sum"),
}
# the KPIs of the list that have no counterpart in the analysis, and why
NOT_IN_ANALYSIS = {
    "received_trend": "a change between two periods (received_count and "
    "received_prev_count), not an aggregate of complaints",
    **{
        kpi.code: "an input of the review (its previous actions, its audits), "
        "not a figure of complaints"
        for kpi in KPIS
        if kpi.family in ("previous_actions", "audits")
    },
    "summary_rate": "a ratio of two counts of the analysis (summary_count "
    "over received_count), not an aggregate of complaints",
    **{
        code: "vulnerable customers are counted, never listed (FCA FG21/1): "
        "the analysis shows their counters to administrators only"
        for code in (
            "vulnerable_count",
            "vuln_health",
            "vuln_life",
            "vuln_resil",
            "vuln_capab",
        )
    },
    "adr_rate": "a ratio of two counts of the analysis (adr_referred over "
    "received_count)",
    **{
        code: "counted on the referral records (complaint_kpi_adr.py): a "
        "complaint may be referred more than once, to more than one body"
        for code in ("adr_decided", "adr_upheld")
    },
}


def kpi_analysis_domain(code, bounds):
    """The domain of the analysis rows behind the KPI ``code`` (without the
    scope); ``bounds``: start, stop, prev_start and prev_stop."""
    spec = KPI_ANALYSIS[code]
    context = dict(bounds, timedelta=timedelta)
    return safe_eval(COHORTS[spec.cohort], context) + safe_eval(spec.domain, context)


def kpi_analysis_measure(code):
    """The field of the analysis view the KPI ``code`` aggregates."""
    return KPI_ANALYSIS[code].measure.split(":")[0]
