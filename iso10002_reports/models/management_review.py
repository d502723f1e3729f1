# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Management review of the complaints-handling process (ISO 10002 8.6,
with the inputs and outputs of ISO 9001 9.3.2 and 9.3.3)."""

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

REVIEW_STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("cancel", "Cancelled"),
]


class ManagementReview(models.Model):
    _name = "iso10002.management.review"
    _description = "Complaints Management Review"
    _inherit = [
        "iso10002.frozen.mixin",
        "iso10002.numbered.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    # once confirmed, only its outputs (actions) and its state change
    _frozen_states = ("confirmed",)
    _frozen_editable_fields = frozenset({"action_ids", "state"})

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

    kpi_line_ids = fields.One2many(
        "iso10002.management.review.line",
        "review_id",
        string="Figures",
        domain=[("dimension", "=", "kpi")],
        readonly=True,
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
        reviews = super().create(vals_list)
        reviews._refresh_inputs()
        return reviews

    def write(self, vals):
        res = super().write(vals)
        if {"date_from", "date_to", "company_ids", "team_ids"} & vals.keys():
            self.filtered(lambda r: r.state == "draft")._refresh_inputs()
        return res

    def _frozen_message(self):
        return self.env._(
            "A confirmed management review is a record: its inputs "
            "are frozen. Only its actions can still be updated."
        )

    def _frozen_delete_message(self):
        return self.env._(
            "A confirmed management review cannot be deleted: it is a "
            "record the standard asks you to keep."
        )

    def _frozen_line_message(self):
        return self.env._("The inputs of a confirmed review are frozen.")

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
