# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.iso10002_complaints.models.iso_steps import (
    STEPS,
    STEPS_BY_CODE,
    TERMINAL_STEPS,
)

# tracked fields that date a step and name who took it: the stage, what the
# steps of the step table require, and the complainant's reaction
STEP_FIELDS = tuple(
    dict.fromkeys(
        (
            "stage_id",
            *(f for step in STEPS for r in step.requires for f in r.fields),
            "reaction",
        )
    )
)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    complaint_product_id = fields.Many2one(
        "iso10002.complaint.product",
        string="Product line",
        compute="_compute_complaint_product_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        groups="base.group_user",
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
        help="Product or service line used to analyse complaints (8.2), set "
        "by staff; suggested when what the complainant wrote is the name of "
        "a line.",
    )

    @api.depends("product_service", "is_complaint")
    def _compute_complaint_product_id(self):
        self._iso_match_complaint_product()

    def _iso_match_complaint_product(self):
        """Classify complaints without a product line by what was written
        in *Product or service*, when it is the name of a line."""
        to_match = self.filtered(
            lambda t: (
                t.is_complaint
                and not t.complaint_product_id
                and (t.product_service or "").strip()
            )
        )
        for ticket in self - to_match:
            ticket.complaint_product_id = ticket.complaint_product_id
        if not to_match:
            return
        # one search for the batch; names compared case-insensitively
        lines = self.env["iso10002.complaint.product"].search(
            [("company_id", "in", [False, *to_match.company_id.ids])]
        )
        by_name = {}
        for line in lines:
            by_name.setdefault((line.name.strip().lower(), line.company_id.id), line)
        for ticket in to_match:
            key = ticket.product_service.strip().lower()
            ticket.complaint_product_id = by_name.get(
                (key, ticket.company_id.id)
            ) or by_name.get((key, False))

    @api.model
    def _iso_classify_complaint_products(self):
        """Classify the existing complaints (e.g. after adding lines)."""
        complaints = self.search(
            [
                ("is_complaint", "=", True),
                ("complaint_product_id", "=", False),
                ("product_service", "!=", False),
            ]
        )
        complaints._iso_match_complaint_product()
        return True

    def _iso_report_history(self):
        """When each ISO step was first reached, and by whom.

        Read from the chatter's tracking values of the complaint: the first
        time its stage moved to a stage of that step, or the first time a
        field that marks the step was set.

        :return: {step or field name: (datetime, user display name)}
        """
        self.ensure_one()
        # sudo: tracking values are only readable by administrators; the
        # user can read this complaint and only its own stage and step
        # fields are read, not the tracked values of other fields.
        values = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", self._name),
                    ("mail_message_id.res_id", "=", self.id),
                    ("field_id.model", "=", self._name),
                    ("field_id.name", "in", STEP_FIELDS),
                ],
                order="id",
            )
        )
        stages = (
            self.env["helpdesk.ticket.stage"]
            .sudo()
            .browse(
                values.filtered(lambda v: v.field_id.name == "stage_id").mapped(
                    "new_value_integer"
                )
            )
        )
        step_of = {stage.id: stage.iso_step for stage in stages}
        history = {}
        for value in values:
            message = value.mail_message_id
            author = message.author_id.name or ""
            field = value.field_id.name
            key = step_of.get(value.new_value_integer) if field == "stage_id" else field
            if key and key not in history:
                history[key] = (message.date, author)
        return history

    def _iso_report_receiver(self):
        """Who recorded the complaint: the complainant, when they filed it
        online themselves (portal, public form), else the user who did."""
        self.ensure_one()
        if self.create_uid.share:
            return self.env._(
                "%(name)s (filed online)",
                name=self.partner_id.name or self.partner_name or "",
            )
        return self.create_uid.name or ""

    def _iso_report_timeline(self):
        """The lifecycle of the complaint for the tracking form (7.3).

        :return: list of dicts with ``step``, ``clause``, ``date``,
            ``responsible`` and ``details`` (list of (label, value)).
        """
        self.ensure_one()
        history = self._iso_report_history()
        selection = {
            name: dict(self._fields[name]._description_selection(self.env))
            for name in (
                "ack_method",
                "severity",
                "complexity",
                "impact",
                "urgency",
                "decision_outcome",
                "reaction",
                "closure_reason",
            )
        }

        def label(field):
            return selection[field].get(self[field], "") if self[field] else ""

        def when(key, fallback=False):
            return history.get(key, (fallback, ""))[0] or fallback

        def who(key, fallback=""):
            return history.get(key, (False, ""))[1] or fallback

        handler = self.user_id.name or ""
        yes, no = self.env._("Yes"), self.env._("No")
        rating = self._iso_report_rating()

        def step(code, title, **values):
            """A step of the step table: its clause, and when it was taken
            (its date field, else the first time it was reached)."""
            iso_step = STEPS_BY_CODE[code]
            values.setdefault(
                "date",
                self[iso_step.date_field] if iso_step.date_field else when(code),
            )
            return dict(values, step=title, clause=iso_step.clause)

        steps = [
            step(
                "received",
                self.env._("Receipt"),
                responsible=self._iso_report_receiver(),
                details=[
                    (self.env._("Channel"), self.channel_id.name or ""),
                    (self.env._("Category"), self.category_id.name or ""),
                    (self.env._("Team"), self.team_id.name or ""),
                    (self.env._("Handler"), handler),
                ],
            ),
            step(
                "acknowledged",
                self.env._("Acknowledgement"),
                responsible=who("ack_date", handler) if self.ack_date else "",
                deadline=self.ack_deadline,
                details=[(self.env._("Method"), label("ack_method"))],
            ),
            step(
                "assessed",
                self.env._("Initial assessment"),
                date=when("assessed", when("severity")),
                responsible=who("assessed", who("severity", handler))
                if self.severity
                else "",
                details=[
                    (self.env._("Severity"), label("severity")),
                    (self.env._("Complexity"), label("complexity")),
                    (self.env._("Impact"), label("impact")),
                    (self.env._("Urgency"), label("urgency")),
                    (
                        self.env._("Safety implications"),
                        yes if self.safety_issue else no,
                    ),
                    (
                        self.env._("Immediate action"),
                        self.immediate_action
                        or (yes if self.immediate_action_needed else no),
                    ),
                ],
            ),
            step(
                "investigating",
                self.env._("Investigation"),
                responsible=who("investigating", handler)
                if "investigating" in history or self.root_cause
                else "",
                details=[(self.env._("Root cause"), self.root_cause or "")],
                html=self.investigation_findings,
            ),
            step(
                "responded",
                self.env._("Response"),
                responsible=who("responded", handler)
                if "responded" in history or self.remedy_ids
                else "",
                details=[
                    (
                        self.env._("Remedies"),
                        ", ".join(
                            dict(
                                remedy._fields["remedy_type"]._description_selection(
                                    self.env
                                )
                            )[remedy.remedy_type]
                            for remedy in self.remedy_ids
                        ),
                    ),
                ],
                remedy_cost=self.remedy_cost if self.remedy_ids else None,
                html=self.response_summary,
            ),
            step(
                "decision_communicated",
                self.env._("Decision"),
                responsible=self.decision_user_id.name
                or (who("decision_date") if self.decision_date else ""),
                deadline=self.response_deadline,
                details=[(self.env._("Outcome"), label("decision_outcome"))],
                html=self.decision,
            ),
            {
                # not a step: the complainant's answer to the decision
                "step": self.env._("Complainant's reaction"),
                "clause": STEPS_BY_CODE["decision_communicated"].clause,
                "date": self.reaction_date,
                "responsible": who("reaction") if self.reaction else "",
                "details": [
                    (self.env._("Reaction"), label("reaction")),
                    (self.env._("Details"), self.reaction_note or ""),
                ],
            },
            step(
                "closed",
                self.env._("Closing"),
                date=self.closed_date if self.iso_step in TERMINAL_STEPS else False,
                responsible=self.closed_by_id.name or "",
                details=[
                    (self.env._("Closure reason"), label("closure_reason")),
                    (self.env._("Times reopened"), str(self.reopen_count or 0)),
                ],
            ),
            {
                "step": self.env._("Satisfaction with the handling"),
                "clause": "8.3",
                "date": rating["date"],
                "responsible": "",
                "details": [
                    (self.env._("Rating"), rating["text"]),
                    (self.env._("Comment"), rating["feedback"]),
                ],
            },
        ]
        for step in steps:
            step.setdefault("deadline", False)
            step.setdefault("html", False)
            step.setdefault("remedy_cost", None)
            step["details"] = [(k, v) for k, v in step["details"] if v]
        return steps

    def _iso_report_rating(self):
        """The complainant's last rating of the handling (8.3), as the
        complaint stores it."""
        self.ensure_one()
        if not self.satisfaction:
            return {"date": False, "text": "", "feedback": "", "value": 0}
        level = dict(self._fields["satisfaction"]._description_selection(self.env))[
            self.satisfaction
        ]
        score = self.satisfaction_score
        return {
            "date": self.satisfaction_date,
            "text": f"{score:g}/5 ({level})",
            "feedback": self.satisfaction_comment or "",
            "value": score,
        }

    def _iso_report_attachments(self):
        """Names of the files attached to the complaint (7.2)."""
        self.ensure_one()
        return (
            self.env["ir.attachment"]
            .search(
                [("res_model", "=", self._name), ("res_id", "=", self.id)], order="id"
            )
            .mapped("name")
        )
