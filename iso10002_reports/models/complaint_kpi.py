# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI engine shared by monitoring (8.4), the management review (8.6) and
the audit (8.5).

Every figure comes from the analysis view through ``_read_grouping_sets``,
``_read_group`` or one aggregate query on the view (medians, backlog at a
date): the number of queries does not depend on the number of complaints.
The cohort of a period is read through the daily aggregate of the analysis
(``_cohort_sets``, complaint_kpi_cohort.py), with the same figures.

Confidentiality (4.10): figures are those of every complaint of the scope,
confidential ones included, whoever computes them: reviews and audits are
shared records, and a count tells nothing of a complaint. What names a
complaint never names a confidential one: its root cause is counted in one
row that shows no text (:data:`CONFIDENTIAL_ROOT_CAUSES`), and the audit
lists no reference of a confidential complaint among its samples.
"""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.misc import format_date

from odoo.addons.iso10002_complaints.models.ticket_regulated import (
    VULNERABILITY_DRIVERS,
)

# grouping sets read in one query; () is the total
BREAKDOWNS = (
    "category_id",
    "channel_id",
    "product_id",
    "root_cause",
    "severity",
    "decision_outcome",
    "closure_reason",
    "reaction",
    "is_reopened",
    "safety_issue",
    "currency_id",
    "received_date:month",
)
PARETO_DIMENSIONS = ("category_id", "product_id", "channel_id", "root_cause")
# the root causes of confidential complaints, grouped in one Pareto row
CONFIDENTIAL_ROOT_CAUSES = object()
AGGREGATES = (
    "__count",
    "hours_to_ack:avg",
    "hours_to_ack:count",
    "days_to_response:avg",
    "days_to_response:count",
    "ack_on_time_rate:avg",
    "ack_on_time_rate:count",
    "response_on_time_rate:avg",
    "response_on_time_rate:count",
    "upheld_rate:avg",
    "remedy_cost:sum",
    "rating_count:sum",
    "rating_value:avg",
    "rating_value:count",
    "satisfied_rate:avg",
    # counted, never listed (complaint_analysis_vulnerability.py)
    "summary_resolution_nbr:sum",
    "vulnerable_nbr:sum",
    *(f"vulnerability_{driver}_nbr:sum" for driver in VULNERABILITY_DRIVERS),
)


class ComplaintKpi(models.AbstractModel):
    _name = "iso10002.complaint.kpi"
    _description = "Complaint KPIs"

    # ------------------------------------------------------------------
    # Periods and scope
    # ------------------------------------------------------------------
    @api.model
    def _period_bounds(self, date_from, date_to):
        """Naive UTC datetimes [start, stop) covering the dates in the user's
        time zone."""
        # the user's time zone (not env.tz, cached per environment object)
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        start = tz.localize(datetime.combine(date_from, time.min))
        stop = tz.localize(datetime.combine(date_to + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            stop.astimezone(pytz.utc).replace(tzinfo=None),
        )

    @api.model
    def _previous_period(self, date_from, date_to):
        """The period of the same length just before [date_from, date_to]."""
        length = (date_to - date_from).days + 1
        return date_from - timedelta(days=length), date_from - timedelta(days=1)

    @api.model
    def _analysis(self, companies):
        """The analysis view, for figures over the complaints of
        ``companies``: every one of them, confidential ones included (see
        the module's docstring). The user must have access to these
        companies."""
        allowed = self.env.user._get_company_ids()
        forbidden = companies._origin.filtered(lambda c: c.id not in allowed)
        if forbidden and not self.env.su:
            raise AccessError(
                self.env._(
                    "You cannot compute complaint figures of %(companies)s: you "
                    "have no access to this company.",
                    companies=", ".join(forbidden.mapped("name")),
                )
            )
        # sudo: aggregates over every complaint of the scope (the domains of
        # the callers always restrict the companies); nothing that names a
        # confidential complaint is returned
        return self.env["iso10002.complaint.analysis"].sudo()

    @api.model
    def _scope_domain(self, companies, teams=None):
        # _origin: the scope may come from a form not saved yet
        domain = [("company_id", "in", companies._origin.ids)]
        if teams:
            domain.append(("team_id", "in", teams._origin.ids))
        return domain

    @api.model
    def _received_domain(self, date_from, date_to, companies, teams=None):
        start, stop = self._period_bounds(date_from, date_to)
        return self._scope_domain(companies, teams) + [
            ("received_date", ">=", start),
            ("received_date", "<", stop),
        ]

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @api.model
    def _pct(self, part, whole):
        return part * 100.0 / whole if whole else 0.0

    @api.model
    def _trend(self, current, previous):
        """Change against the previous period, in %; None when there was
        nothing to compare with."""
        if not previous:
            return None
        return (current - previous) * 100.0 / previous

    @api.model
    def _group_label(self, dimension, value):
        if dimension in ("category_id", "channel_id", "product_id"):
            if not value:
                return {
                    "category_id": self.env._("Not classified"),
                    "channel_id": self.env._("Unknown channel"),
                    "product_id": self.env._("Not specified"),
                }[dimension]
            # sudo: only the name of the group is read; a complaint of the
            # scope may use a category or channel of another company
            return value.sudo().display_name
        if dimension == "root_cause":
            if value is CONFIDENTIAL_ROOT_CAUSES:
                return self.env._("Confidential complaints (not shown)")
            return value or self.env._("Not determined")
        return value

    @api.model
    def _pareto(self, dimension, groups, previous=None):
        """Rows (label, count, share %, cumulative %, previous count,
        unclassified) sorted by count, the largest first."""
        previous = previous or {}
        total = sum(count for _value, count in groups)
        rows, cumulated = [], 0
        for value, count in sorted(
            groups, key=lambda g: (-g[1], str(self._group_label(dimension, g[0])))
        ):
            cumulated += count
            key = value.id if isinstance(value, models.BaseModel) else value
            rows.append(
                {
                    "label": self._group_label(dimension, value),
                    "count": count,
                    "share": self._pct(count, total),
                    "cumulative": self._pct(cumulated, total),
                    "previous": previous.get(key, 0),
                    "unclassified": not value,
                }
            )
        return rows

    # ------------------------------------------------------------------
    # The KPI set
    # ------------------------------------------------------------------
    @api.model
    def _compute_kpis(self, date_from, date_to, companies, teams=None, currency=None):
        """Complaint-handling KPIs for complaints received in the period.

        Volumes, rates, durations, outcomes, remedy cost and satisfaction are
        those of the cohort received between ``date_from`` and ``date_to``;
        closures, backlog and overdue are counted at the end of the period.
        Aggregates only: no complainant data leaves this method.
        """
        self.env.flush_all()
        self._analysis(companies)  # the user's access to these companies
        companies = companies._origin
        currency = (
            currency._origin
            if currency
            else companies[:1].currency_id or self.env.company.currency_id
        )
        prev_from, prev_to = self._previous_period(date_from, date_to)

        # 1. the cohort, in every breakdown: one query
        sets = self._cohort_sets(
            date_from,
            date_to,
            companies,
            teams,
            [[]] + [self._breakdown_groupby(b) for b in BREAKDOWNS],
            list(AGGREGATES),
        )
        total = dict(zip(AGGREGATES, sets[0][0], strict=True)) if sets[0] else {}
        breakdown = {
            name: self._breakdown_counts(name, rows)
            for name, rows in zip(BREAKDOWNS, sets[1:], strict=True)
        }
        by_currency = [
            (row[0], row[1 + AGGREGATES.index("remedy_cost:sum")])
            for row in sets[1 + BREAKDOWNS.index("currency_id")]
        ]

        # 2. the previous period, total and per category: one query
        prev_dims = ("category_id", "product_id", "channel_id", "root_cause")
        prev_sets = self._cohort_sets(
            prev_from,
            prev_to,
            companies,
            teams,
            [[]] + [self._breakdown_groupby(dim) for dim in prev_dims],
            ["__count", "ack_on_time_rate:avg", "response_on_time_rate:avg"],
        )
        prev_total = prev_sets[0][0] if prev_sets[0] else (0, None, None)
        previous = {
            dim: {
                (v.id if isinstance(v, models.BaseModel) else v): count
                for v, count in self._breakdown_counts(dim, rows)
            }
            for dim, rows in zip(prev_dims, prev_sets[1:], strict=True)
        }

        # 3. medians, closures and the backlog at the end of the period: one query
        at_end = self._at_period_end(date_from, date_to, companies, teams)

        received = total.get("__count", 0)
        outcomes = dict(breakdown["decision_outcome"])
        decided = sum(count for value, count in outcomes.items() if value)
        upheld = outcomes.get("upheld", 0)
        partially = outcomes.get("partially_upheld", 0)
        reopened = dict(breakdown["is_reopened"]).get(True, 0)
        remedy_cost = sum(
            cur._convert(amount or 0.0, currency, companies[:1], date_to)
            if cur and cur != currency
            else (amount or 0.0)
            for cur, amount in by_currency
        )
        months = [
            {
                "label": format_date(self.env, month, date_format="MMMM y"),
                "count": count,
            }
            for month, count in sorted(
                breakdown["received_date:month"], key=lambda g: g[0] or datetime.min
            )
            if month
        ]
        return {
            "date_from": date_from,
            "date_to": date_to,
            "prev_date_from": prev_from,
            "prev_date_to": prev_to,
            "currency": currency,
            "received": received,
            "received_prev": prev_total[0],
            "received_trend": self._trend(received, prev_total[0]),
            "closed": at_end["closed"],
            "backlog": at_end["backlog"],
            "backlog_overdue": at_end["backlog_overdue"],
            "backlog_ages": at_end["ages"],
            "ack_due": total.get("ack_on_time_rate:count", 0),
            "ack_on_time_rate": total.get("ack_on_time_rate:avg"),
            "ack_on_time_rate_prev": prev_total[1],
            "response_due": total.get("response_on_time_rate:count", 0),
            "response_on_time_rate": total.get("response_on_time_rate:avg"),
            "response_on_time_rate_prev": prev_total[2],
            "acknowledged": total.get("hours_to_ack:count", 0),
            "responded": total.get("days_to_response:count", 0),
            "avg_ack_hours": total.get("hours_to_ack:avg"),
            "median_ack_hours": at_end["median_ack_hours"],
            "avg_response_days": total.get("days_to_response:avg"),
            "median_response_days": at_end["median_response_days"],
            "reopened": reopened,
            "reopen_rate": self._pct(reopened, received) if received else None,
            "decided": decided,
            "upheld": upheld,
            "partially_upheld": partially,
            "not_upheld": outcomes.get("not_upheld", 0),
            "upheld_rate": self._pct(upheld + partially, decided) if decided else None,
            "remedy_cost": remedy_cost,
            "rating_count": total.get("rating_count:sum") or 0,
            "rated": total.get("rating_value:count", 0),
            "rating_avg": total.get("rating_value:avg"),
            "satisfied_rate": total.get("satisfied_rate:avg"),
            "safety": dict(breakdown["safety_issue"]).get(True, 0),
            "external_referrals": dict(breakdown["closure_reason"]).get(
                "referred_external", 0
            ),
            "rejected": dict(breakdown["reaction"]).get("rejected", 0),
            "summary_resolved": total.get("summary_resolution_nbr:sum") or 0,
            "summary_resolved_rate": self._pct(
                total.get("summary_resolution_nbr:sum") or 0, received
            )
            if received
            else None,
            "vulnerable": total.get("vulnerable_nbr:sum") or 0,
            "vuln": {
                driver: total.get(f"vulnerability_{driver}_nbr:sum") or 0
                for driver in VULNERABILITY_DRIVERS
            },
            "severity": dict(breakdown["severity"]),
            "pareto": {
                dim: self._pareto(dim, breakdown[dim], previous.get(dim))
                for dim in PARETO_DIMENSIONS
            },
            "months": months,
        }

    @api.model
    def _cohort_sets(self, date_from, date_to, companies, teams, groupbys, aggregates):
        """``_read_grouping_sets`` of the analysis over the complaints of the
        scope received from ``date_from`` to ``date_to`` (see
        complaint_kpi_cohort.py for the daily aggregate behind it)."""
        return self._analysis(companies)._read_grouping_sets(
            self._received_domain(date_from, date_to, companies, teams),
            groupbys,
            aggregates,
        )

    @api.model
    def _breakdown_groupby(self, dimension):
        """What to group by for a breakdown: root causes with the
        confidentiality of their complaints, to hide the confidential ones."""
        if dimension == "root_cause":
            return ["root_cause", "confidential"]
        return [dimension]

    @api.model
    def _breakdown_counts(self, dimension, rows):
        """[(value, count)] of the rows of a breakdown; the root causes of
        confidential complaints are counted in one row, without their text."""
        if dimension != "root_cause":
            return [(row[0], row[1]) for row in rows]
        counts = {}
        for root_cause, confidential, count, *_rest in rows:
            key = CONFIDENTIAL_ROOT_CAUSES if confidential else root_cause
            counts[key] = counts.get(key, 0) + count
        return list(counts.items())

    @api.model
    def _today(self):
        return fields.Date.context_today(self)
