# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Decisions and actions of a management review (ISO 9001 9.3.3)."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

ACTION_STATES = [
    ("open", "Open"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]


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
