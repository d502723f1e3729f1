# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaint analysis (ISO 10002 8.2): one row per complaint, no personal data.

The view deliberately selects no complainant data: no partner, no name or
email, no representative, no title or description, nothing the complainant
wrote. Only classification, dates, durations, flags and amounts; the
handler, the team and the root cause (written by staff) are kept.
"""

from odoo import fields, models
from odoo.tools import SQL, drop_view_if_exists

from odoo.addons.iso10002_complaints.models.complaint_policy import SEVERITIES
from odoo.addons.iso10002_complaints.models.iso_steps import ISO_STEPS, TERMINAL_STEPS
from odoo.addons.iso10002_complaints.models.ticket_assessment import LEVELS
from odoo.addons.iso10002_complaints.models.ticket_closing import CLOSURE_REASONS
from odoo.addons.iso10002_complaints.models.ticket_deadlines import DEADLINE_STATUSES
from odoo.addons.iso10002_complaints.models.ticket_decision import (
    DECISION_OUTCOMES,
    REACTIONS,
)
from odoo.addons.iso10002_complaints.models.ticket_facts import NEXT_DEADLINE_KINDS
from odoo.addons.iso10002_complaints.models.ticket_satisfaction import (
    SATISFACTION_LEVELS,
)
from odoo.addons.rating.models.rating_data import RATING_LIMIT_MIN

AGE_BUCKETS = [
    ("1w", "Less than 1 week"),
    ("4w", "1 to 4 weeks"),
    ("8w", "4 to 8 weeks"),
    ("over_8w", "More than 8 weeks"),
]


class ComplaintAnalysis(models.Model):
    _name = "iso10002.complaint.analysis"
    _description = "Complaint Analysis"
    _auto = False
    _rec_name = "complaint_ref"
    _order = "received_date desc, id desc"
    # flush these fields before reading the view
    _depends = {
        "helpdesk.ticket": [
            "is_complaint",
            "complaint_ref",
            "company_id",
            "team_id",
            "user_id",
            "category_id",
            "channel_id",
            "stage_id",
            "iso_step",
            "complaint_product_id",
            "root_cause",
            "severity",
            "complexity",
            "impact",
            "urgency",
            "safety_issue",
            "confidential",
            "decision_outcome",
            "decision_user_id",
            "reaction",
            "closure_reason",
            "closed_by_id",
            "deadline_status",
            "consent_given",
            "charge_amount",
            "subject_user_ids",
            "has_response",
            "next_deadline",
            "next_deadline_kind",
            "satisfaction",
            "satisfaction_score",
            "satisfaction_date",
            "anonymised",
            "received_date",
            "ack_date",
            "ack_deadline",
            "decision_date",
            "response_deadline",
            "closed_date",
            "reopen_count",
            "remedy_cost",
        ],
        "rating.rating": ["res_model", "res_id", "rating", "consumed"],
        "res.company": ["currency_id"],
    }

    complaint_ref = fields.Char(string="Reference", readonly=True)
    # the complaint of the row, for the confidentiality rule (read as
    # superuser, as every record rule): not shown, as the name of a
    # complaint is its title, written by the complainant
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Complaint", readonly=True, groups="base.group_system"
    )
    nbr = fields.Integer(string="# Complaints", readonly=True, aggregator="sum")
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    user_id = fields.Many2one("res.users", string="Handler", readonly=True)
    category_id = fields.Many2one("helpdesk.ticket.category", readonly=True)
    channel_id = fields.Many2one("helpdesk.ticket.channel", readonly=True)
    stage_id = fields.Many2one("helpdesk.ticket.stage", readonly=True)
    iso_step = fields.Selection(ISO_STEPS, string="ISO step", readonly=True)
    product_id = fields.Many2one(
        "iso10002.complaint.product", string="Product line", readonly=True
    )
    root_cause = fields.Char(string="Root cause", readonly=True)
    severity = fields.Selection(SEVERITIES, readonly=True)
    complexity = fields.Selection(LEVELS, readonly=True)
    impact = fields.Selection(LEVELS, readonly=True)
    urgency = fields.Selection(LEVELS, readonly=True)
    safety_issue = fields.Boolean(string="Safety implications", readonly=True)
    confidential = fields.Boolean(readonly=True)
    decision_outcome = fields.Selection(
        DECISION_OUTCOMES, string="Outcome", readonly=True
    )
    decision_user_id = fields.Many2one("res.users", string="Decided by", readonly=True)
    reaction = fields.Selection(
        REACTIONS, string="Complainant's reaction", readonly=True
    )
    closure_reason = fields.Selection(
        CLOSURE_REASONS, string="Closure reason", readonly=True
    )
    closed_by_id = fields.Many2one("res.users", string="Closed by", readonly=True)
    deadline_status = fields.Selection(
        DEADLINE_STATUSES, string="Deadline status", readonly=True
    )
    consent_given = fields.Boolean(string="Consent recorded", readonly=True)
    charged = fields.Boolean(string="Charged to the complainant", readonly=True)
    has_subject_users = fields.Boolean(
        string="About named staff",
        readonly=True,
        help="The complaint names staff it is about (objectivity, 4.7).",
    )
    has_response = fields.Boolean(
        string="Response recorded",
        readonly=True,
        help="A proposed response or a remedy is recorded (7.7).",
    )
    next_deadline = fields.Datetime(string="Next deadline", readonly=True)
    next_deadline_kind = fields.Selection(
        NEXT_DEADLINE_KINDS, string="Next deadline for", readonly=True
    )
    anonymised = fields.Boolean(readonly=True)
    is_closed = fields.Boolean(string="Closed", readonly=True)
    # dates
    received_date = fields.Datetime(string="Received on", readonly=True)
    ack_date = fields.Datetime(string="Acknowledged on", readonly=True)
    ack_deadline = fields.Datetime(string="Acknowledge by", readonly=True)
    response_date = fields.Datetime(
        string="Final response on",
        readonly=True,
        help="When the decision was communicated; for complaints closed "
        "without a decision (withdrawn), when they were closed.",
    )
    response_deadline = fields.Datetime(string="Final response by", readonly=True)
    closed_date = fields.Datetime(string="Closed on", readonly=True)
    # durations
    hours_to_ack = fields.Float(
        string="Hours to acknowledge", readonly=True, aggregator="avg"
    )
    days_to_response = fields.Float(
        string="Days to final response", readonly=True, aggregator="avg"
    )
    days_to_close = fields.Float(
        string="Days to close", readonly=True, aggregator="avg"
    )
    age_days = fields.Float(
        string="Age (days)",
        readonly=True,
        aggregator="avg",
        help="Days since receipt, for complaints still open.",
    )
    age_bucket = fields.Selection(
        AGE_BUCKETS, string="Backlog age", readonly=True, help="Open complaints only."
    )
    # on-time flags and rates (averages of 100/0 values give percentages)
    ack_on_time = fields.Boolean(string="Acknowledged on time", readonly=True)
    ack_late = fields.Boolean(string="Acknowledged late", readonly=True)
    ack_on_time_rate = fields.Float(
        string="Acknowledged on time (%)",
        readonly=True,
        aggregator="avg",
        help="Share of complaints whose acknowledgement was due and was given "
        "by its deadline.",
    )
    response_on_time = fields.Boolean(string="Final response on time", readonly=True)
    response_late = fields.Boolean(string="Final response late", readonly=True)
    response_on_time_rate = fields.Float(
        string="Final response on time (%)",
        readonly=True,
        aggregator="avg",
        help="Share of complaints whose final response was due and was given "
        "by its deadline.",
    )
    # outcome
    reopen_count = fields.Integer(string="Reopenings", readonly=True, aggregator="sum")
    is_reopened = fields.Boolean(string="Reopened", readonly=True)
    reopened_rate = fields.Float(string="Reopened (%)", readonly=True, aggregator="avg")
    is_upheld = fields.Boolean(
        string="Upheld", readonly=True, help="Upheld or partially upheld."
    )
    upheld_rate = fields.Float(
        string="Upheld (%)",
        readonly=True,
        aggregator="avg",
        help="Upheld or partially upheld, among decided complaints.",
    )
    remedy_cost = fields.Monetary(
        string="Remedy cost",
        readonly=True,
        aggregator="sum",
        currency_field="currency_id",
    )
    # satisfaction with the handling (8.3), from the complaint's ratings
    rating_count = fields.Integer(string="# Ratings", readonly=True, aggregator="sum")
    rating_value = fields.Float(
        string="Satisfaction (1-5)",
        readonly=True,
        aggregator="avg",
        help="Last rating given by the complainant on the handling.",
    )
    satisfaction = fields.Selection(SATISFACTION_LEVELS, readonly=True)
    satisfaction_date = fields.Datetime(string="Rated on", readonly=True)
    satisfied_rate = fields.Float(
        string="Satisfied (%)",
        readonly=True,
        aggregator="avg",
        help="Share of rated complaints whose last rating is satisfied.",
    )

    # ------------------------------------------------------------------
    # View definition
    # ------------------------------------------------------------------
    def _select(self):
        terminal = SQL("t.iso_step IN %s", TERMINAL_STEPS)
        response_date = SQL(
            "COALESCE(t.decision_date, CASE WHEN %s THEN t.closed_date END)", terminal
        )
        now = SQL("(now() AT TIME ZONE 'UTC')")
        age = SQL("%s - t.received_date", now)
        return SQL(
            """
            t.id AS id,
            t.id AS ticket_id,
            1 AS nbr,
            t.complaint_ref AS complaint_ref,
            t.company_id AS company_id,
            c.currency_id AS currency_id,
            t.team_id AS team_id,
            t.user_id AS user_id,
            t.category_id AS category_id,
            t.channel_id AS channel_id,
            t.stage_id AS stage_id,
            t.iso_step AS iso_step,
            t.complaint_product_id AS product_id,
            NULLIF(btrim(t.root_cause), '') AS root_cause,
            t.severity AS severity,
            t.complexity AS complexity,
            t.impact AS impact,
            t.urgency AS urgency,
            COALESCE(t.safety_issue, FALSE) AS safety_issue,
            COALESCE(t.confidential, FALSE) AS confidential,
            t.decision_outcome AS decision_outcome,
            t.decision_user_id AS decision_user_id,
            t.reaction AS reaction,
            t.closure_reason AS closure_reason,
            t.closed_by_id AS closed_by_id,
            t.deadline_status AS deadline_status,
            COALESCE(t.consent_given, FALSE) AS consent_given,
            COALESCE(t.charge_amount, 0) > 0 AS charged,
            EXISTS (
                SELECT 1 FROM iso10002_ticket_subject_user_rel s
                 WHERE s.ticket_id = t.id
            ) AS has_subject_users,
            COALESCE(t.has_response, FALSE) AS has_response,
            t.next_deadline AS next_deadline,
            t.next_deadline_kind AS next_deadline_kind,
            COALESCE(t.anonymised, FALSE) AS anonymised,
            %(terminal)s AS is_closed,
            t.received_date AS received_date,
            t.ack_date AS ack_date,
            t.ack_deadline AS ack_deadline,
            %(response_date)s AS response_date,
            t.response_deadline AS response_deadline,
            CASE WHEN %(terminal)s THEN t.closed_date END AS closed_date,
            EXTRACT(EPOCH FROM (t.ack_date - t.received_date)) / 3600.0
                AS hours_to_ack,
            EXTRACT(EPOCH FROM (%(response_date)s - t.received_date)) / 86400.0
                AS days_to_response,
            CASE WHEN %(terminal)s THEN
                EXTRACT(EPOCH FROM (t.closed_date - t.received_date)) / 86400.0
            END AS days_to_close,
            CASE WHEN NOT %(terminal)s THEN
                EXTRACT(EPOCH FROM (%(age)s)) / 86400.0
            END AS age_days,
            CASE
                WHEN %(terminal)s OR t.received_date IS NULL THEN NULL
                WHEN %(age)s < INTERVAL '7 days' THEN '1w'
                WHEN %(age)s < INTERVAL '28 days' THEN '4w'
                WHEN %(age)s < INTERVAL '56 days' THEN '8w'
                ELSE 'over_8w'
            END AS age_bucket,
            %(ack_on_time)s,
            %(response_on_time)s,
            COALESCE(t.reopen_count, 0) AS reopen_count,
            COALESCE(t.reopen_count, 0) > 0 AS is_reopened,
            CASE WHEN COALESCE(t.reopen_count, 0) > 0 THEN 100.0 ELSE 0.0 END
                AS reopened_rate,
            t.decision_outcome IN %(upheld)s AS is_upheld,
            CASE
                WHEN t.decision_outcome IS NULL THEN NULL
                WHEN t.decision_outcome IN %(upheld)s THEN 100.0
                ELSE 0.0
            END AS upheld_rate,
            COALESCE(t.remedy_cost, 0) AS remedy_cost,
            (
                SELECT COUNT(*) FROM rating_rating r
                 WHERE r.res_model = 'helpdesk.ticket'
                   AND r.res_id = t.id
                   AND r.consumed IS TRUE
                   AND r.rating >= %(rating_min)s
            ) AS rating_count,
            t.satisfaction AS satisfaction,
            t.satisfaction_date AS satisfaction_date,
            CASE WHEN t.satisfaction IS NOT NULL THEN t.satisfaction_score END
                AS rating_value,
            CASE
                WHEN t.satisfaction IS NULL THEN NULL
                WHEN t.satisfaction = 'satisfied' THEN 100.0
                ELSE 0.0
            END AS satisfied_rate
            """,
            terminal=terminal,
            response_date=response_date,
            now=now,
            ack_on_time=self._on_time_columns(
                "ack", SQL("t.ack_date"), SQL("t.ack_deadline"), now
            ),
            response_on_time=self._on_time_columns(
                "response", response_date, SQL("t.response_deadline"), now
            ),
            age=age,
            upheld=("upheld", "partially_upheld"),
            rating_min=RATING_LIMIT_MIN,
        )

    def _on_time_columns(self, prefix, done, deadline, now):
        """The columns <prefix>_on_time, <prefix>_late and
        <prefix>_on_time_rate: whether what is ``done`` at that date met its
        ``deadline``; the rate is 100 or 0, empty while still in time."""
        return SQL(
            """
            (%(done)s IS NOT NULL AND %(deadline)s IS NOT NULL
                AND %(done)s <= %(deadline)s) AS %(on_time)s,
            (%(deadline)s IS NOT NULL AND COALESCE(%(done)s, %(now)s) > %(deadline)s)
                AS %(late)s,
            CASE
                WHEN %(deadline)s IS NULL THEN NULL
                WHEN %(done)s IS NOT NULL THEN
                    CASE WHEN %(done)s <= %(deadline)s THEN 100.0 ELSE 0.0 END
                WHEN %(now)s > %(deadline)s THEN 0.0
            END AS %(rate)s
            """,
            done=done,
            deadline=deadline,
            now=now,
            on_time=SQL.identifier(f"{prefix}_on_time"),
            late=SQL.identifier(f"{prefix}_late"),
            rate=SQL.identifier(f"{prefix}_on_time_rate"),
        )

    def _from(self):
        return SQL("helpdesk_ticket t JOIN res_company c ON c.id = t.company_id")

    def _where(self):
        return SQL("t.is_complaint IS TRUE")

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (SELECT %s FROM %s WHERE %s)",
                SQL.identifier(self._table),
                self._select(),
                self._from(),
                self._where(),
            )
        )
