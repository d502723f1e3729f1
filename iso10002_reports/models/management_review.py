# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Management review of the complaints-handling process (ISO 10002 8.6,
with the inputs and outputs of ISO 9001 9.3.2 and 9.3.3)."""

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

REVIEW_STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("cancel", "Cancelled"),
]
LINE_DIMENSIONS = [
    ("category", "Category"),
    ("product", "Product or service"),
    ("channel", "Channel"),
    ("root_cause", "Root cause"),
    ("month", "Month"),
    ("previous_action", "Action of the previous review"),
    ("audit", "Audit finding"),
]
KPI_DIMENSIONS = {
    "category_id": "category",
    "product_id": "product",
    "channel_id": "channel",
    "root_cause": "root_cause",
}
ACTION_STATES = [
    ("open", "Open"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
# fields that remain editable once the review is confirmed: its outputs
# (actions), its state and the chatter
EDITABLE_WHEN_CONFIRMED = {"action_ids", "state"}


class ManagementReview(models.Model):
    _name = "iso10002.management.review"
    _description = "Complaints Management Review"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    title = fields.Char(
        required=True,
        tracking=True,
        default=lambda self: self.env._("Management review of complaints handling"),
    )
    state = fields.Selection(
        REVIEW_STATES, default="draft", required=True, tracking=True, copy=False
    )
    date = fields.Date(
        string="Review date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_from = fields.Date(string="Period from", required=True, tracking=True)
    date_to = fields.Date(string="Period to", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    company_ids = fields.Many2many(
        "res.company",
        "iso10002_review_company_rel",
        "review_id",
        "company_id",
        string="Companies",
        required=True,
        default=lambda self: self.env.company,
        help="Companies whose complaints the review covers.",
    )
    team_ids = fields.Many2many(
        "helpdesk.ticket.team",
        "iso10002_review_team_rel",
        "review_id",
        "team_id",
        string="Teams",
        help="Leave empty to cover every team of the companies.",
    )
    chair_id = fields.Many2one(
        "res.users",
        string="Chaired by",
        default=lambda self: self.env.user,
        tracking=True,
        domain=[("share", "=", False)],
    )
    attendee_ids = fields.Many2many(
        "res.users",
        "iso10002_review_attendee_rel",
        "review_id",
        "user_id",
        string="Attendees",
        domain=[("share", "=", False)],
    )
    other_attendees = fields.Char(
        string="Other attendees", help="Attendees without a user account."
    )
    previous_review_id = fields.Many2one(
        "iso10002.management.review",
        string="Previous review",
        compute="_compute_previous_review_id",
        store=True,
        readonly=False,
        copy=False,
        index="btree_not_null",
        domain="[('id', '!=', id), ('company_id', '=', company_id), "
        "('state', '=', 'confirmed')]",
        help="The review whose actions this one follows up. Defaults to the "
        "latest confirmed review of the company before this period.",
    )
    previous_action_ids = fields.One2many(
        related="previous_review_id.action_ids",
        string="Actions of the previous review",
    )
    inputs_date = fields.Datetime(
        string="Inputs computed on", readonly=True, copy=False
    )
    confirmed_date = fields.Datetime(string="Confirmed on", readonly=True, copy=False)
    confirmed_by_id = fields.Many2one(
        "res.users", string="Confirmed by", readonly=True, copy=False
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    # -- volumes and trends ------------------------------------------------
    received_count = fields.Integer(string="Received", readonly=True, copy=False)
    received_prev_count = fields.Integer(
        string="Received (previous period)", readonly=True, copy=False
    )
    received_trend = fields.Float(
        string="Trend (%)",
        readonly=True,
        copy=False,
        help="Change in the number received against the previous period of "
        "the same length.",
    )
    closed_count = fields.Integer(
        string="Closed in the period", readonly=True, copy=False
    )
    backlog_count = fields.Integer(
        string="Open at the end of the period", readonly=True, copy=False
    )
    backlog_overdue_count = fields.Integer(
        string="Open and overdue at the end", readonly=True, copy=False
    )
    backlog_1w = fields.Integer(
        string="Backlog: less than 1 week", readonly=True, copy=False
    )
    backlog_4w = fields.Integer(
        string="Backlog: 1 to 4 weeks", readonly=True, copy=False
    )
    backlog_8w = fields.Integer(
        string="Backlog: 4 to 8 weeks", readonly=True, copy=False
    )
    backlog_over_8w = fields.Integer(
        string="Backlog: more than 8 weeks", readonly=True, copy=False
    )
    safety_count = fields.Integer(
        string="With safety implications", readonly=True, copy=False
    )
    # -- performance against objectives ------------------------------------
    ack_due_count = fields.Integer(
        string="Acknowledgements due", readonly=True, copy=False
    )
    ack_on_time_rate = fields.Float(
        string="Acknowledged on time (%)", readonly=True, copy=False
    )
    ack_on_time_rate_prev = fields.Float(
        string="Acknowledged on time, previous period (%)", readonly=True, copy=False
    )
    response_due_count = fields.Integer(
        string="Final responses due", readonly=True, copy=False
    )
    response_on_time_rate = fields.Float(
        string="Final response on time (%)", readonly=True, copy=False
    )
    response_on_time_rate_prev = fields.Float(
        string="Final response on time, previous period (%)",
        readonly=True,
        copy=False,
    )
    acknowledged_count = fields.Integer(
        string="Acknowledged", readonly=True, copy=False
    )
    avg_ack_hours = fields.Float(
        string="Average hours to acknowledge", readonly=True, copy=False
    )
    median_ack_hours = fields.Float(
        string="Median hours to acknowledge", readonly=True, copy=False
    )
    responded_count = fields.Integer(
        string="Finally answered", readonly=True, copy=False
    )
    avg_response_days = fields.Float(
        string="Average days to final response", readonly=True, copy=False
    )
    median_response_days = fields.Float(
        string="Median days to final response", readonly=True, copy=False
    )
    objective_ack_on_time = fields.Float(
        string="Objective: acknowledged on time (%)", readonly=True, copy=False
    )
    objective_response_on_time = fields.Float(
        string="Objective: final response on time (%)", readonly=True, copy=False
    )
    objective_satisfaction = fields.Float(
        string="Objective: satisfaction (1-5)", readonly=True, copy=False
    )
    # -- outcomes -------------------------------------------------------------
    reopened_count = fields.Integer(string="Reopened", readonly=True, copy=False)
    reopen_rate = fields.Float(string="Reopen rate (%)", readonly=True, copy=False)
    decided_count = fields.Integer(string="Decided", readonly=True, copy=False)
    upheld_count = fields.Integer(string="Upheld", readonly=True, copy=False)
    partially_upheld_count = fields.Integer(
        string="Partially upheld", readonly=True, copy=False
    )
    not_upheld_count = fields.Integer(string="Not upheld", readonly=True, copy=False)
    upheld_rate = fields.Float(
        string="Upheld rate (%)",
        readonly=True,
        copy=False,
        help="Upheld or partially upheld, among decided complaints.",
    )
    rejected_count = fields.Integer(
        string="Decisions rejected by the complainant", readonly=True, copy=False
    )
    external_referral_count = fields.Integer(
        string="Referred to external dispute resolution", readonly=True, copy=False
    )
    remedy_cost = fields.Monetary(
        string="Cost of remedies",
        readonly=True,
        copy=False,
        currency_field="currency_id",
    )
    # -- satisfaction with the handling (8.3) ------------------------------
    rated_count = fields.Integer(string="Rated complaints", readonly=True, copy=False)
    rating_count = fields.Integer(string="Number of ratings", readonly=True, copy=False)
    rating_avg = fields.Float(
        string="Satisfaction (1-5)", readonly=True, copy=False, digits=(16, 2)
    )
    satisfied_rate = fields.Float(string="Satisfied (%)", readonly=True, copy=False)
    # -- previous actions and audits ---------------------------------------
    prev_action_count = fields.Integer(
        string="Previous actions", readonly=True, copy=False
    )
    prev_action_done_count = fields.Integer(
        string="Previous actions done", readonly=True, copy=False
    )
    prev_action_overdue_count = fields.Integer(
        string="Previous actions overdue", readonly=True, copy=False
    )
    audit_count = fields.Integer(string="Audits", readonly=True, copy=False)
    audit_gap_count = fields.Integer(
        string="Audit nonconformities", readonly=True, copy=False
    )
    audit_observation_count = fields.Integer(
        string="Audit observations", readonly=True, copy=False
    )
    line_ids = fields.One2many(
        "iso10002.management.review.line",
        "review_id",
        string="Breakdowns",
        readonly=True,
        copy=False,
    )
    category_line_ids = fields.One2many(
        "iso10002.management.review.line",
        "review_id",
        domain=[("dimension", "=", "category")],
        readonly=True,
    )
    product_line_ids = fields.One2many(
        "iso10002.management.review.line",
        "review_id",
        domain=[("dimension", "=", "product")],
        readonly=True,
    )
    channel_line_ids = fields.One2many(
        "iso10002.management.review.line",
        "review_id",
        domain=[("dimension", "=", "channel")],
        readonly=True,
    )
    root_cause_line_ids = fields.One2many(
        "iso10002.management.review.line",
        "review_id",
        domain=[("dimension", "=", "root_cause")],
        readonly=True,
    )
    month_line_ids = fields.One2many(
        "iso10002.management.review.line",
        "review_id",
        domain=[("dimension", "=", "month")],
        readonly=True,
    )
    previous_action_line_ids = fields.One2many(
        "iso10002.management.review.line",
        "review_id",
        domain=[("dimension", "=", "previous_action")],
        readonly=True,
    )
    audit_line_ids = fields.One2many(
        "iso10002.management.review.line",
        "review_id",
        domain=[("dimension", "=", "audit")],
        readonly=True,
    )
    # -- inputs recorded by hand (9.3.2) and outputs (9.3.3) --------------
    resources_note = fields.Html(
        string="Adequacy of resources",
        help="Handlers, workload, training, tools (ISO 10002 6.4).",
    )
    changes_note = fields.Html(
        string="Changes in external and internal issues",
        help="New regulation, new products or channels, organisation changes.",
    )
    improvement_note = fields.Html(
        string="Opportunities for improvement",
        help="Recurring causes and corrective actions to consider (8.7).",
    )
    conclusion = fields.Html(
        help="Suitability, adequacy and effectiveness of the complaints-"
        "handling process.",
    )
    action_ids = fields.One2many(
        "iso10002.management.review.action",
        "review_id",
        string="Decisions and actions",
        copy=False,
    )
    action_count = fields.Integer(string="Actions", compute="_compute_action_counts")
    action_open_count = fields.Integer(
        string="Open actions", compute="_compute_action_counts"
    )

    _period_check = models.Constraint(
        "CHECK(date_from <= date_to)",
        "The period of a review must end after it starts.",
    )

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("company_id", "date_from")
    def _compute_previous_review_id(self):
        for review in self:
            if review.state != "draft" or not (review.company_id and review.date_from):
                continue
            domain = [
                ("company_id", "=", review.company_id.id),
                ("state", "=", "confirmed"),
                ("date_to", "<", review.date_from),
            ]
            if review.id:
                domain.append(("id", "!=", review.id))
            review.previous_review_id = self.search(
                domain, order="date_to desc, id desc", limit=1
            )

    @api.depends("action_ids.state")
    def _compute_action_counts(self):
        groups = self.env["iso10002.management.review.action"]._read_group(
            [("review_id", "in", self.ids)], ["review_id", "state"], ["__count"]
        )
        counts = {}
        for review, state, count in groups:
            counts.setdefault(review.id, {})[state] = count
        for review in self:
            by_state = counts.get(review.id, {})
            review.action_count = sum(by_state.values())
            review.action_open_count = by_state.get("open", 0)

    @api.constrains("company_id", "company_ids")
    def _check_scope(self):
        for review in self:
            if review.company_id not in review.company_ids:
                raise ValidationError(
                    self.env._(
                        "The company of review %(review)s must be part of its scope.",
                        review=review.display_name,
                    )
                )

    @api.constrains("previous_review_id", "date_from")
    def _check_previous_review(self):
        for review in self.filtered("previous_review_id"):
            previous = review.previous_review_id
            if previous == review or previous.date_to >= review.date_from:
                raise ValidationError(
                    self.env._(
                        "The previous review of %(review)s must cover a period "
                        "that ends before this one starts.",
                        review=review.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                vals["name"] = sequence.next_by_code(
                    "iso10002.management.review"
                ) or self.env._("New")
        reviews = super().create(vals_list)
        reviews._refresh_inputs()
        return reviews

    def write(self, vals):
        frozen = set(vals) - EDITABLE_WHEN_CONFIRMED
        frozen = {f for f in frozen if not f.startswith(("message_", "activity_"))}
        if frozen and any(review.state == "confirmed" for review in self):
            raise UserError(
                self.env._(
                    "A confirmed management review is a record: its inputs "
                    "are frozen. Only its actions can still be updated."
                )
            )
        res = super().write(vals)
        if {"date_from", "date_to", "company_ids", "team_ids"} & vals.keys():
            self.filtered(lambda r: r.state == "draft")._refresh_inputs()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if any(review.state == "confirmed" for review in self):
            raise UserError(
                self.env._(
                    "A confirmed management review cannot be deleted: it is a "
                    "record the standard asks you to keep."
                )
            )

    # ------------------------------------------------------------------
    # Inputs
    # ------------------------------------------------------------------
    def _refresh_inputs(self):
        """Compute the review inputs from the complaints, the previous
        review and the audits; the query count does not depend on the number
        of complaints."""
        line_model = self.env["iso10002.management.review.line"]
        for review in self:
            if review.state != "draft":
                raise UserError(
                    self.env._(
                        "The inputs of %(review)s are frozen.",
                        review=review.display_name,
                    )
                )
            companies = review.company_ids
            # figures of the whole scope, not of the companies ticked in the
            # company switcher; fails if the user cannot access one of them
            kpi_model = self.env["iso10002.complaint.kpi"].with_context(
                allowed_company_ids=companies.ids
            )
            kpis = kpi_model._compute_kpis(
                review.date_from,
                review.date_to,
                companies,
                review.team_ids,
                review.currency_id,
            )
            values = review._kpi_values(kpis)
            values.update(review._policy_objectives())
            line_vals = review._kpi_line_values(kpis)
            prev_values, prev_lines = review._previous_action_values()
            values.update(prev_values)
            audit_values, audit_lines = review._audit_values()
            values.update(audit_values)
            values["inputs_date"] = fields.Datetime.now()
            review.write(values)
            review.line_ids.unlink()
            line_model.create(
                [
                    dict(vals, review_id=review.id, sequence=seq)
                    for seq, vals in enumerate(line_vals + prev_lines + audit_lines)
                ]
            )
        return True

    @api.model
    def _kpi_values(self, kpis):
        ages = kpis["backlog_ages"]
        return {
            "received_count": kpis["received"],
            "received_prev_count": kpis["received_prev"],
            "received_trend": kpis["received_trend"] or 0.0,
            "closed_count": kpis["closed"],
            "backlog_count": kpis["backlog"],
            "backlog_overdue_count": kpis["backlog_overdue"],
            "backlog_1w": ages["1w"],
            "backlog_4w": ages["4w"],
            "backlog_8w": ages["8w"],
            "backlog_over_8w": ages["over_8w"],
            "safety_count": kpis["safety"],
            "ack_due_count": kpis["ack_due"],
            "ack_on_time_rate": kpis["ack_on_time_rate"] or 0.0,
            "ack_on_time_rate_prev": kpis["ack_on_time_rate_prev"] or 0.0,
            "response_due_count": kpis["response_due"],
            "response_on_time_rate": kpis["response_on_time_rate"] or 0.0,
            "response_on_time_rate_prev": kpis["response_on_time_rate_prev"] or 0.0,
            "acknowledged_count": kpis["acknowledged"],
            "avg_ack_hours": kpis["avg_ack_hours"] or 0.0,
            "median_ack_hours": kpis["median_ack_hours"] or 0.0,
            "responded_count": kpis["responded"],
            "avg_response_days": kpis["avg_response_days"] or 0.0,
            "median_response_days": kpis["median_response_days"] or 0.0,
            "reopened_count": kpis["reopened"],
            "reopen_rate": kpis["reopen_rate"] or 0.0,
            "decided_count": kpis["decided"],
            "upheld_count": kpis["upheld"],
            "partially_upheld_count": kpis["partially_upheld"],
            "not_upheld_count": kpis["not_upheld"],
            "upheld_rate": kpis["upheld_rate"] or 0.0,
            "rejected_count": kpis["rejected"],
            "external_referral_count": kpis["external_referrals"],
            "remedy_cost": kpis["remedy_cost"],
            "rated_count": kpis["rated"],
            "rating_count": kpis["rating_count"],
            "rating_avg": kpis["rating_avg"] or 0.0,
            "satisfied_rate": kpis["satisfied_rate"] or 0.0,
        }

    @api.model
    def _kpi_line_values(self, kpis):
        lines = []
        for kpi_dim, dimension in KPI_DIMENSIONS.items():
            for row in kpis["pareto"][kpi_dim]:
                lines.append(
                    {
                        "dimension": dimension,
                        "label": row["label"],
                        "count": row["count"],
                        "share": row["share"],
                        "cumulative_share": row["cumulative"],
                        "previous_count": row["previous"],
                        "unclassified": row["unclassified"],
                    }
                )
        for row in kpis["months"]:
            lines.append(
                {"dimension": "month", "label": row["label"], "count": row["count"]}
            )
        return lines

    def _policy_objectives(self):
        self.ensure_one()
        policy = self.env["iso10002.complaint.policy"]._get_for_company(self.company_id)
        return {
            "objective_ack_on_time": policy.objective_ack_on_time,
            "objective_response_on_time": policy.objective_response_on_time,
            "objective_satisfaction": policy.objective_satisfaction,
        }

    def _previous_action_values(self):
        """Status of the actions decided at the previous review (9.3.2 a)."""
        self.ensure_one()
        actions = self.previous_review_id.action_ids.filtered(
            lambda a: a.kind == "action"
        )
        at_date = self.date
        overdue = actions.filtered(
            lambda a: (
                a.state == "open" and a.date_deadline and a.date_deadline < at_date
            )
        )
        states = dict(ACTION_STATES)
        lines = [
            {
                "dimension": "previous_action",
                "label": action.name,
                "note": self.env._(
                    "%(state)s - %(owner)s, due %(date)s",
                    state=self.env._("Overdue")
                    if action in overdue
                    else states[action.state],
                    owner=action.user_id.name or "-",
                    date=format_date(self.env, action.date_deadline) or "-",
                ),
            }
            for action in actions
        ]
        return {
            "prev_action_count": len(actions),
            "prev_action_done_count": len(
                actions.filtered(lambda a: a.state == "done")
            ),
            "prev_action_overdue_count": len(overdue),
        }, lines

    def _audit_values(self):
        """Results of the complaint audits of the period (8.5)."""
        self.ensure_one()
        audit_line_model = self.env["iso10002.complaint.audit.line"]
        domain = [
            ("audit_id.state", "=", "done"),
            ("audit_id.company_id", "in", self.company_ids.ids),
            ("audit_id.date", ">=", self.date_from),
            ("audit_id.date", "<=", self.date_to),
        ]
        total, by_status_rows = audit_line_model._read_grouping_sets(
            domain, [[], ["status"]], ["__count", "audit_id:count_distinct"]
        )
        by_status = {status: count for status, count, _audits in by_status_rows}
        findings = audit_line_model.search(
            domain + [("status", "in", ("gap", "observation"))],
            order="audit_id, sequence, id",
        )
        status_labels = dict(audit_line_model._fields["status"].selection)
        lines = [
            {
                "dimension": "audit",
                "label": f"{line.audit_id.name} - {line.clause} {line.title}",
                "note": status_labels[line.status],
                "count": line.gap_count
                if line.status == "gap"
                else line.observation_count,
            }
            for line in findings
        ]
        return {
            "audit_count": total[0][1] if total else 0,
            "audit_gap_count": by_status.get("gap", 0),
            "audit_observation_count": by_status.get("observation", 0),
        }, lines

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_refresh_inputs(self):
        self._refresh_inputs()
        return True

    def action_confirm(self):
        """Compute the inputs a last time and freeze them."""
        for review in self:
            if review.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft review can be confirmed (%(review)s).",
                        review=review.display_name,
                    )
                )
            if not review.attendee_ids and not review.other_attendees:
                raise UserError(
                    self.env._(
                        "Record who attended review %(review)s before confirming it.",
                        review=review.display_name,
                    )
                )
        self._refresh_inputs()
        self.write(
            {
                "state": "confirmed",
                "confirmed_date": fields.Datetime.now(),
                "confirmed_by_id": self.env.user.id,
            }
        )
        return True

    def action_cancel(self):
        if any(review.state == "confirmed" for review in self):
            raise UserError(self.env._("A confirmed review cannot be cancelled."))
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        if any(review.state != "cancel" for review in self):
            raise UserError(
                self.env._("Only a cancelled review can be set back to draft.")
            )
        self.write({"state": "draft"})
        self._refresh_inputs()
        return True

    def action_view_actions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "iso10002_reports.action_management_review_action"
        )
        action["domain"] = [("review_id", "=", self.id)]
        action["context"] = {"default_review_id": self.id}
        return action

    def action_new_review(self):
        """Prepare the next review, chained to this one."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_previous_review_id": self.id,
                "default_company_id": self.company_id.id,
                "default_company_ids": [Command.set(self.company_ids.ids)],
                "default_team_ids": [Command.set(self.team_ids.ids)],
            },
        }


class ManagementReviewLine(models.Model):
    """A frozen breakdown of a review input: Pareto rows, months, status of
    previous actions, audit findings. Labels are copied, not linked, so the
    review reads the same years later."""

    _name = "iso10002.management.review.line"
    _description = "Management Review Input Line"
    _order = "review_id, dimension, sequence, id"

    review_id = fields.Many2one(
        "iso10002.management.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    sequence = fields.Integer()
    dimension = fields.Selection(LINE_DIMENSIONS, required=True)
    label = fields.Char(required=True)
    count = fields.Integer()
    share = fields.Float(string="Share (%)")
    cumulative_share = fields.Float(string="Cumulative (%)")
    previous_count = fields.Integer(string="Previous period")
    note = fields.Char()
    unclassified = fields.Boolean(
        help="Complaints without a value for this dimension (no category, no "
        "root cause yet...)."
    )
    recurring = fields.Boolean(
        compute="_compute_recurring",
        help="A cause met at least twice in the period: a recurring cause.",
    )

    @api.depends("count", "dimension", "unclassified")
    def _compute_recurring(self):
        for line in self:
            line.recurring = (
                line.dimension in ("category", "product", "root_cause")
                and not line.unclassified
                and line.count >= 2
            )

    def write(self, vals):
        if any(line.review_id.state == "confirmed" for line in self):
            raise UserError(self.env._("The inputs of a confirmed review are frozen."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if any(line.review_id.state == "confirmed" for line in self):
            raise UserError(self.env._("The inputs of a confirmed review are frozen."))


class ManagementReviewAction(models.Model):
    """A decision or an action decided at a management review (9.3.3)."""

    _name = "iso10002.management.review.action"
    _description = "Management Review Decision or Action"
    _inherit = ["mail.thread"]
    _order = "review_id desc, sequence, id"
    _check_company_auto = True

    review_id = fields.Many2one(
        "iso10002.management.review",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("decision", "Decision"), ("action", "Action")],
        required=True,
        default="action",
    )
    name = fields.Char(string="Decision or action", required=True, tracking=True)
    description = fields.Text()
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        tracking=True,
        domain=[("share", "=", False)],
    )
    date_deadline = fields.Date(string="Due date", tracking=True)
    state = fields.Selection(
        ACTION_STATES, default="open", required=True, tracking=True
    )
    done_date = fields.Date(string="Done on", readonly=True, copy=False)
    result = fields.Text(help="What was done, and whether it worked (8.7).")
    activity_id = fields.Many2one(
        "mail.activity", readonly=True, copy=False, index="btree_not_null"
    )
    is_overdue = fields.Boolean(string="Overdue", compute="_compute_is_overdue")

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_overdue = bool(
                action.state == "open"
                and action.date_deadline
                and action.date_deadline < today
            )

    @api.constrains("kind", "user_id", "date_deadline")
    def _check_owner(self):
        for action in self:
            if action.kind == "action" and not (
                action.user_id and action.date_deadline
            ):
                raise ValidationError(
                    self.env._(
                        "Action %(action)s needs an owner and a due date.",
                        action=action.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions._sync_activity()
        return actions

    def write(self, vals):
        if vals.get("state") == "done":
            vals.setdefault("done_date", fields.Date.context_today(self))
        elif vals.get("state") == "open":
            vals["done_date"] = False
        res = super().write(vals)
        if {
            "user_id",
            "date_deadline",
            "name",
            "state",
            "kind",
        } & vals.keys() and not self.env.context.get("iso10002_action_sync"):
            self._sync_activity()
        return res

    def _sync_activity(self):
        """One to-do activity on the review per open action, for its owner."""
        for action in self:
            activity = action.activity_id
            wanted = action.kind == "action" and action.state == "open"
            if not wanted:
                if activity.exists() and activity.active:
                    if action.state == "done":
                        activity.with_context(
                            iso10002_action_sync=True
                        ).action_feedback(feedback=action.result or False)
                    else:
                        activity.unlink()
                continue
            values = {
                "summary": action.name,
                "date_deadline": action.date_deadline,
                "user_id": action.user_id.id,
            }
            if activity.exists() and activity.active:
                activity.write(values)
            else:
                activity = action.review_id.activity_schedule(
                    "mail.mail_activity_data_todo",
                    note=action.description or "",
                    **values,
                )
                action.activity_id = activity

    def action_done(self):
        self.write({"state": "done"})
        return True

    def action_reopen(self):
        self.write({"state": "open"})
        return True

    def action_cancel(self):
        self.write({"state": "cancel"})
        return True
