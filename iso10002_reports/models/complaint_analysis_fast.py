# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint analysis grouped from the daily aggregate, where it answers
exactly (pivot, graph, ``formatted_read_group`` at volume).

``_read_group`` and ``_read_grouping_sets`` (what the graph and the pivot
call) read the rows of ``iso10002.complaint.kpi.day`` instead of scanning the
view when every part of the request is one the aggregate holds:

* groupby: company, team, currency, the date of receipt by day (in UTC
  only: a day of another time zone spans two UTC days), week, month, quarter
  or year, and the fields of at most one breakdown of the aggregate
  (category, channel, product line, root cause and confidentiality,
  severity, outcome, closure reason, reaction, reopened, safety, stage);
* aggregates (and order, having): the count, ``nbr:sum`` and the sum, count
  and average of the measures the aggregate sums (not monetary sums in a
  currency, minimums, maximums...);
* domain: conditions on the company, the team and the date of receipt only;
* the user reads every complaint of the scope: the record rules on the
  analysis are exactly the multi-company and confidentiality rules of this
  addon (a change of them falls back), the scope is cut to the companies of
  the context, and no confidential complaint of the scope is hidden from the
  user (one query, through a partial index); otherwise a user who may not
  read a complaint would get figures that count it.

Everything else goes to the view (``super()``). As the KPI reader
(complaint_kpi_cohort.py), the query adds to the aggregated rows of whole
UTC days the analysis rows of what they do not answer: the partial days at
the ends of the domain's dates, the pending days, the days a bucket of the
user's time zone splits (a month of the context's time zone that does not
start at midnight UTC) and the unsettled complaints (the SQL:
complaint_analysis_fast_table.py). The grouping, ordering
and formatting stay the ORM's: ``_search`` returns that query for the
:class:`AggregateScope` the overrides pass it, and ``_read_group_select``
sums the stored sums and counts.
"""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, models
from odoo.fields import Domain
from odoo.models import parse_read_group_spec
from odoo.orm.domains import DomainAnd, DomainCondition
from odoo.tools import SQL, Query

from .kpi_day_sql import DIMENSIONS, MEASURES, summed

# groupby of the date of receipt the whole UTC days answer
DATE_GRANULARITIES = ("day", "week", "month", "quarter", "year")
# the analysis fields each breakdown of the aggregate holds: {field: column}
BREAKDOWNS = {
    name: {
        expr.removeprefix("a."): column
        for expr, column in zip(keys, ("key_int", "key_char", "key_bool"), strict=True)
        if expr.startswith("a.")
    }
    for name, *keys in DIMENSIONS
    if name not in ("total", "currency_id")
}


class AggregateQuery(Query):
    """A query over the rows of the aggregate and of the view: a table
    whose ``nbr`` and ``<measure>_sum``/``_count`` columns are summed."""


class AggregateScope:
    """What the analysis' ``_search`` answers with ``query``: passed by the
    overrides below only (a client sends domains, never this object)."""

    __slots__ = ("query",)

    def __init__(self, query):
        self.query = query


class ComplaintAnalysis(models.Model):
    _inherit = "iso10002.complaint.analysis"

    def init(self):
        res = super().init()
        # the confidential complaints, read by _aggregate_readable (the
        # view's column, word for word), and statistics on that column so
        # that the planner knows them few (then reads them by the index)
        cr = self.env.cr
        cr.execute(
            "CREATE INDEX IF NOT EXISTS helpdesk_ticket_confidential_complaint_idx"
            " ON helpdesk_ticket (company_id) WHERE is_complaint IS TRUE"
            " AND COALESCE(confidential, FALSE) IS TRUE"
        )
        if cr._cnx.server_version >= 140000:  # statistics on an expression
            cr.execute(
                "CREATE STATISTICS IF NOT EXISTS helpdesk_ticket_confidential_stat"
                " ON (COALESCE(confidential, FALSE)) FROM helpdesk_ticket"
            )
        return res

    @api.model
    def _search(self, domain, *args, **kwargs):
        if isinstance(domain, AggregateScope):
            return domain.query
        return super()._search(domain, *args, **kwargs)

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        query = self._aggregate_query(domain, [groupby], aggregates, order, having)
        return super()._read_group(
            AggregateScope(query) if query is not None else domain,
            groupby,
            aggregates,
            having,
            offset,
            limit,
            order,
        )

    @api.model
    def _read_grouping_sets(self, domain, grouping_sets, aggregates=(), order=None):
        query = self._aggregate_query(domain, grouping_sets, aggregates, order)
        return super()._read_grouping_sets(
            AggregateScope(query) if query is not None else domain,
            grouping_sets,
            aggregates,
            order,
        )

    def _read_group_select(self, aggregate_spec, query):
        if not isinstance(query, AggregateQuery):
            return super()._read_group_select(aggregate_spec, query)
        if aggregate_spec != "__count":
            fname = parse_read_group_spec(aggregate_spec)[0]
            self._check_field_access(self._fields[fname], "read")
        # the ORM turns a NULL sum or count into its empty value (0)
        return summed(self._table, aggregate_spec)

    # ------------------------------------------------------------------
    # What the aggregate answers
    # ------------------------------------------------------------------
    @api.model
    def _aggregate_measure(self, spec):
        """The measure (field name) of an aggregate or order term the
        aggregate answers, "" for the count, None otherwise."""
        if spec == "__count":
            return ""
        fname, property_name, func = parse_read_group_spec(spec)
        if property_name:
            return None
        if fname == "nbr" and func == "sum":
            return ""
        if fname in MEASURES and func in ("sum", "count", "avg"):
            return fname
        return None

    @api.model
    def _aggregate_breakdown(self, specs):
        """(breakdown, its fields) answering the groupby ``specs``,
        ("total", {}) if they need none, None if no breakdown does."""
        fields = set()
        for spec in specs:
            fname, path, granularity = parse_read_group_spec(spec)
            if path or fname not in self._fields:
                return None
            if fname == "received_date":
                if granularity not in DATE_GRANULARITIES:
                    return None
            elif granularity:
                return None
            elif fname not in ("company_id", "team_id", "currency_id"):
                fields.add(fname)
        if not fields:
            return "total", {}
        for name, columns in BREAKDOWNS.items():
            if fields <= columns.keys():
                return name, columns
        return None

    @api.model
    def _aggregate_bounds(self, domain):
        """(domain, conditions, low, high): ``domain`` optimized, its
        conditions on the company and the team, and the bounds [low, high)
        of the date of receipt (None: unbounded); None if it has other
        conditions."""
        conditions, low, high = [], None, None
        domain = Domain(domain).optimize_full(self)
        if domain.is_false():
            return None
        if domain.is_true():
            children = []
        elif isinstance(domain, DomainAnd):
            children = domain.children
        else:
            children = [domain]
        for condition in children:
            if not isinstance(condition, DomainCondition):
                return None
            field, operator, value = (
                condition.field_expr,
                condition.operator,
                condition.value,
            )
            if field in ("company_id", "team_id") and operator in ("in", "not in"):
                conditions.append(condition)
            elif field == "received_date" and isinstance(value, datetime):
                # optimize_full() leaves only >= and < on a datetime
                if operator == ">=":
                    low = value if low is None else max(low, value)
                elif operator == "<":
                    high = value if high is None else min(high, value)
                else:
                    return None
            else:
                return None
        return domain, conditions, low, high

    @api.model
    def _aggregate_readable(self, domain):
        """Whether the user reads every complaint of ``domain`` in the
        companies of the context: the rules on the analysis are this
        addon's (multi-company, confidentiality) and no confidential
        complaint of the scope is hidden from the user."""
        if self.env.su:
            return True
        # the rules in force for the user, as ir.rule combines them (cached)
        ours = Domain.AND(
            [
                Domain("company_id", "in", self.env.companies.ids),
                Domain(self.env.user._iso_complaint_read_domain("ticket_id")),
            ]
        ).optimize(self)
        if self.env["ir.rule"]._compute_domain(self._name, "read") != ours:
            return False
        confidential = Domain.AND([domain, Domain("confidential", "=", True)])
        # sudo: the confidential complaints of the scope whatever the rules,
        # compared with those the user's rules let through; ids only
        everyone = self.sudo()._search(
            confidential & Domain("company_id", "in", self.env.companies.ids)
        )
        readable = self._search(confidential)
        hidden = self.env.execute_query(
            SQL("SELECT EXISTS (%s EXCEPT %s)", everyone.select(), readable.select())
        )
        return not hidden[0][0]

    @api.model
    def _aggregate_query(self, domain, grouping_sets, aggregates, order, having=()):
        """The :class:`AggregateQuery` that answers the request as the view
        does, None when the view must answer it."""
        specs = {spec for groupby in grouping_sets for spec in groupby}
        terms = list(aggregates)
        for part in (order or "").split(","):
            term = part.strip().split(" ")[0]
            if term and term not in specs:
                terms.append(term)
        terms += [item[0] for item in having if isinstance(item, (list, tuple))]
        measures = {self._aggregate_measure(term) for term in terms}
        breakdown = self._aggregate_breakdown(specs)
        bounds = self._aggregate_bounds(domain)
        if None in measures or not breakdown or not bounds:
            return None
        measures = sorted(measures - {""})
        domain, conditions, low, high = bounds
        # the buckets of the date of receipt, in the context's time zone
        # (as _read_group_groupby): a UTC day in two buckets is read from
        # the complaints
        dates = sorted(spec for spec in specs if spec.startswith("received_date:"))
        tzname = self.env.context.get("tz")
        tz = pytz.timezone(tzname) if tzname in pytz.all_timezones_set else None
        utc = tz is None or (
            not getattr(tz, "_utc_transition_times", None)
            and tz.utcoffset(datetime(2000, 1, 1)) == timedelta(0)
        )
        if dates and not utc and "received_date:day" in specs:
            return None
        # the whole UTC days [first, last) of the dates asked for
        first = last = None
        ranges = []
        if low is not None:
            first = low.date() if low.time() == time.min else low.date() + timedelta(1)
            ranges.append((low, datetime.combine(first, time.min)))
        if high is not None:
            last = high.date()
            ranges.append((datetime.combine(last, time.min), high))
        if first and last and first >= last:
            return None
        if not self._aggregate_readable(domain):
            return None
        return AggregateQuery(
            self.env,
            self._table,
            self._aggregate_table(
                domain,
                breakdown,
                measures,
                conditions,
                (first, last),
                ranges,
                dates,
                utc,
            ),
        )
