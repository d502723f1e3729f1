# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from .complaint_policy import SEVERITIES
from .email_address import normalize_email_address
from .helpdesk_ticket_stage import ISO_STEPS, TERMINAL_STEPS

LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
CONTACT_PREFERENCES = [
    ("email", "Email"),
    ("phone", "Phone"),
    ("letter", "Letter"),
    ("portal", "Customer portal"),
    ("in_person", "In person"),
]
ACK_METHODS = [
    ("email", "Email"),
    ("phone", "Phone"),
    ("letter", "Letter"),
    ("in_person", "In person"),
]
DECISION_OUTCOMES = [
    ("upheld", "Upheld"),
    ("partially_upheld", "Partially upheld"),
    ("not_upheld", "Not upheld"),
]
REACTIONS = [
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("no_reply", "No reply"),
]
CLOSURE_REASONS = [
    ("resolved", "Resolved"),
    ("not_upheld", "Not upheld"),
    ("withdrawn", "Withdrawn by the complainant"),
    ("referred_external", "Referred to external dispute resolution"),
    ("out_of_scope", "Not a complaint / out of scope"),
]
DEADLINE_STATUSES = [
    ("on_time", "On time"),
    ("at_risk", "At risk"),
    ("overdue", "Overdue"),
]
STEP_ORDER = [step for step, _label in ISO_STEPS]
_logger = logging.getLogger(__name__)
SEVERITY_SCORE = {"low": 0, "medium": 1, "high": 2, "critical": 3}
LEVEL_SCORE = {"low": 0, "medium": 1, "high": 2}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Receipt (7.2)
    # ------------------------------------------------------------------
    is_complaint = fields.Boolean(
        string="Complaint",
        compute="_compute_is_complaint",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        help="Handled as a complaint under ISO 10002. Defaults from the team.",
    )
    complaint_ref = fields.Char(
        string="Complaint reference",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Reference given to the complainant, unique per company.",
    )
    received_date = fields.Datetime(
        string="Received on", copy=False, tracking=True, index=True
    )
    contact_preference = fields.Selection(
        CONTACT_PREFERENCES, string="Preferred contact", default="email"
    )
    representative_id = fields.Many2one(
        "res.partner",
        help="Person filing the complaint on behalf of the complainant.",
    )
    representative_authority = fields.Boolean(
        string="Authority checked",
        help="The representative's authority to act for the complainant was verified.",
    )
    product_service = fields.Char(string="Product or service concerned")
    order_reference = fields.Char(string="Order / invoice reference")
    incident_date = fields.Date(string="When it happened")
    incident_place = fields.Char(string="Where it happened")
    remedy_requested = fields.Text(string="Remedy asked for")
    consent_given = fields.Boolean(
        string="Consent to processing",
        help="The complainant agreed that their personal data is used to handle "
        "the complaint.",
    )
    # ------------------------------------------------------------------
    # Acknowledgement (7.4) and deadlines (7.3)
    # ------------------------------------------------------------------
    ack_deadline = fields.Datetime(
        string="Acknowledge by",
        compute="_compute_deadlines",
        store=True,
        copy=False,
    )
    response_deadline = fields.Datetime(
        string="Final response by",
        compute="_compute_deadlines",
        store=True,
        copy=False,
        index="btree_not_null",
    )
    deadline_status = fields.Selection(
        DEADLINE_STATUSES,
        string="Deadline status",
        compute="_compute_deadline_status",
        store=True,
        index="btree_not_null",
        copy=False,
        help="On time, at risk or overdue against the next pending deadline; "
        "once answered, whether the final response met its deadline.",
    )
    # ------------------------------------------------------------------
    # Initial assessment (7.5)
    # ------------------------------------------------------------------
    severity = fields.Selection(SEVERITIES, tracking=True)
    complexity = fields.Selection(LEVELS, tracking=True)
    impact = fields.Selection(LEVELS, tracking=True)
    urgency = fields.Selection(LEVELS, tracking=True)
    safety_issue = fields.Boolean(
        string="Safety implications", tracking=True, help="Safety cases come first."
    )
    immediate_action_needed = fields.Boolean(
        string="Immediate action needed", tracking=True
    )
    immediate_action = fields.Text(string="Immediate action taken")
    priority = fields.Selection(
        compute="_compute_priority", store=True, readonly=False, precompute=True
    )
    # ------------------------------------------------------------------
    # Investigation (7.6)
    # ------------------------------------------------------------------
    investigation_findings = fields.Html(string="Findings")
    root_cause = fields.Text(string="Root cause")
    # ------------------------------------------------------------------
    # Response (7.7)
    # ------------------------------------------------------------------
    response_summary = fields.Html(string="Proposed response")
    remedy_ids = fields.One2many(
        "iso10002.complaint.remedy", "ticket_id", string="Remedies", copy=False
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    remedy_cost = fields.Monetary(
        string="Remedy cost",
        compute="_compute_remedy_cost",
        store=True,
        precompute=True,
        currency_field="currency_id",
        help="Total cost of the remedies, in the company currency.",
    )
    # ------------------------------------------------------------------
    # Decision (7.8)
    # ------------------------------------------------------------------
    decision_outcome = fields.Selection(
        DECISION_OUTCOMES, string="Outcome", copy=False, tracking=True
    )
    decision = fields.Html(string="Decision and reasons", copy=False)
    decision_user_id = fields.Many2one(
        "res.users", string="Decided by", copy=False, tracking=True
    )
    decision_date = fields.Datetime(
        string="Decision communicated on", copy=False, readonly=True, tracking=True
    )
    reaction = fields.Selection(
        REACTIONS, string="Complainant's reaction", copy=False, tracking=True
    )
    reaction_date = fields.Datetime(string="Reaction date", copy=False, readonly=True)
    reaction_note = fields.Text(string="Reaction details", copy=False)
    # ------------------------------------------------------------------
    # Closing (7.9)
    # ------------------------------------------------------------------
    closure_reason = fields.Selection(
        CLOSURE_REASONS, string="Closure reason", copy=False, tracking=True
    )
    closed_by_id = fields.Many2one(
        "res.users", string="Closed by", copy=False, readonly=True
    )
    reopen_count = fields.Integer(
        string="Times reopened", copy=False, readonly=True, tracking=True
    )
    iso_step = fields.Selection(
        related="stage_id.iso_step", store=True, string="ISO step", index=True
    )
    stage_id = fields.Many2one(
        domain="['|', ('team_ids', '=', team_id), ('team_ids', '=', False), "
        "('is_complaint_stage', '=', is_complaint)]"
    )

    # a complainant's complaints (portal list) among many: 56 ms -> 0.2 ms at
    # 100,000 complaints (docs/performance.md)
    _complaint_partner_idx = models.Index(
        "(partner_id, received_date DESC, id DESC) WHERE is_complaint"
    )

    @api.model
    def _search(self, domain, *args, **kwargs):
        if self.env.context.get("iso10002_plain_tickets_only"):
            # the portal's ticket list: complaints have their own list
            domain = Domain.AND([domain, [("is_complaint", "=", False)]])
        return super()._search(domain, *args, **kwargs)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """Kanban columns: complaint stages in complaint views only."""
        result = super()._read_group_stage_ids(stages, domain)
        want_complaint = bool(self.env.context.get("default_is_complaint"))
        return result.filtered(
            lambda s: s in stages or s.is_complaint_stage == want_complaint
        )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("team_id")
    def _compute_is_complaint(self):
        for ticket in self:
            # never un-flag a complaint because it moved to another team; in
            # a form, an existing plain ticket is flagged only when its team
            # changes (helpdesk_mgmt recomputes the team on a user change)
            origin = ticket._origin if not isinstance(ticket.id, int) else None
            same_team = bool(origin) and origin.team_id == ticket.team_id
            if ticket.team_id.is_complaint_team and not same_team:
                ticket.is_complaint = True
            elif not ticket.is_complaint:
                ticket.is_complaint = False

    @api.depends("team_id", "is_complaint")
    def _compute_stage_id(self):
        plain = self.filtered(lambda t: not t.is_complaint)
        res = super(HelpdeskTicket, plain)._compute_stage_id()
        for ticket in self - plain:
            stages = ticket.team_id.with_context(
                iso10002_complaint_stages=True
            )._get_applicable_stages()
            if ticket.stage_id not in stages:
                ticket.stage_id = stages[:1]
        return res

    @api.depends("severity", "impact", "urgency", "complexity", "safety_issue")
    def _compute_priority(self):
        for ticket in self:
            if not (ticket.is_complaint and ticket.severity):
                continue  # keep helpdesk_mgmt's value
            score = (
                SEVERITY_SCORE[ticket.severity] * 2
                + LEVEL_SCORE.get(ticket.impact, 0)
                + LEVEL_SCORE.get(ticket.urgency, 0)
                + LEVEL_SCORE.get(ticket.complexity, 0) // 2
            )
            if ticket.safety_issue or ticket.severity == "critical" or score >= 6:
                priority = "3"
            elif score >= 4:
                priority = "2"
            elif score >= 2:
                priority = "1"
            else:
                priority = "0"
            ticket.priority = priority

    @api.depends("remedy_ids.cost")
    def _compute_remedy_cost(self):
        # before the INSERT (precompute), the remedies are those of the values
        stored = self.filtered("id")
        for ticket in self - stored:
            ticket.remedy_cost = sum(ticket.remedy_ids.mapped("cost"))
        if not stored:
            return
        groups = self.env["iso10002.complaint.remedy"]._read_group(
            [("ticket_id", "in", stored.ids)], ["ticket_id"], ["cost:sum"]
        )
        costs = {ticket.id: cost for ticket, cost in groups}
        for ticket in stored:
            ticket.remedy_cost = costs.get(ticket.id, 0.0)

    def _iso_policies(self):
        """Complaints policy per company of the tickets (cached ids)."""
        policy_model = self.env["iso10002.complaint.policy"]
        return {
            company: policy_model._get_for_company(company)
            for company in self.company_id
        }

    def _get_complaint_calendar(self, policy):
        self.ensure_one()
        return (
            self.team_id.resource_calendar_id
            or policy.resource_calendar_id
            or self.company_id.resource_calendar_id
        )

    @api.depends("is_complaint", "received_date", "severity", "team_id", "company_id")
    def _compute_deadlines(self):
        policy_model = self.env["iso10002.complaint.policy"]
        complaints = self.filtered(lambda t: t.is_complaint and t.received_date)
        (self - complaints).ack_deadline = False
        (self - complaints).response_deadline = False
        policies = complaints._iso_policies() if complaints else {}
        requests, dated = [], []
        for ticket in complaints:
            policy = policies[ticket.company_id]
            target = policy._get_target(ticket.severity)
            if not target:
                ticket.ack_deadline = ticket.response_deadline = False
                continue
            calendar = ticket._get_complaint_calendar(policy)
            start = ticket.received_date
            requests.append((start, target.ack_value, target.ack_unit, calendar))
            requests.append(
                (start, target.response_value, target.response_unit, calendar)
            )
            dated.append(ticket)
        # the working time of each calendar is read once for the batch
        deadlines = iter(policy_model._add_days_multi(requests))
        for ticket in dated:
            ticket.ack_deadline = next(deadlines)
            ticket.response_deadline = next(deadlines)

    @api.depends(
        "is_complaint",
        "received_date",
        "ack_deadline",
        "ack_date",
        "response_deadline",
        "decision_date",
        "stage_id",
    )
    def _compute_deadline_status(self):
        now = fields.Datetime.now()
        complaints = self.filtered(lambda t: t.is_complaint and t.response_deadline)
        (self - complaints).deadline_status = False
        policies = complaints._iso_policies() if complaints else {}
        for ticket in complaints:
            if ticket.decision_date or ticket.iso_step in TERMINAL_STEPS:
                done = ticket.decision_date or ticket.closed_date or now
                ticket.deadline_status = (
                    "on_time" if done <= ticket.response_deadline else "overdue"
                )
                continue
            if not ticket.ack_date and ticket.ack_deadline:
                deadline = ticket.ack_deadline
            else:
                deadline = ticket.response_deadline
            if now > deadline:
                ticket.deadline_status = "overdue"
                continue
            ratio = policies[ticket.company_id].at_risk_ratio
            allowed = (deadline - ticket.received_date).total_seconds()
            remaining = (deadline - now).total_seconds()
            ticket.deadline_status = (
                "at_risk" if allowed <= 0 or remaining < allowed * ratio else "on_time"
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        team_model = self.env["helpdesk.ticket.team"]
        for vals in vals_list:
            complaint = vals.get("is_complaint")
            if complaint is None and vals.get("team_id"):
                # a plain team does not decide: the context (e.g. the
                # Complaints menu) still may, as it does in the form
                complaint = team_model.browse(vals["team_id"]).is_complaint_team or None
            if complaint is None:
                complaint = self.env.context.get("default_is_complaint")
            if not complaint:
                continue
            vals["is_complaint"] = True
            vals.setdefault("received_date", fields.Datetime.now())
            if not vals.get("stage_id"):
                # helpdesk_mgmt would pick the team's first plain stage
                vals["stage_id"] = (
                    team_model.browse(vals.get("team_id"))
                    .with_context(iso10002_complaint_stages=True)
                    ._get_applicable_stages()[:1]
                    .id
                )
        # helpdesk_mgmt's default priority is added to the values, which
        # protects it from _compute_priority: apply an assessment given at
        # creation, unless the caller chose the priority
        explicit_priority = ["priority" in vals for vals in vals_list]
        tickets = super().create(vals_list)
        complaints = tickets.filtered("is_complaint")
        assessed = complaints.browse(
            [
                ticket.id
                for ticket, explicit in zip(tickets, explicit_priority, strict=True)
                if ticket.is_complaint and ticket.severity and not explicit
            ]
        )
        if assessed:
            self.env.add_to_compute(self._fields["priority"], assessed)
        if complaints:
            # flagged by the team helpdesk_mgmt derives from the user: date it
            complaints.filtered(lambda t: not t.received_date)._iso_start_complaint()
            complaints._iso_assign_reference()
            complaints._iso_check_steps()
            complaints._iso_auto_acknowledge()
        return tickets

    def write(self, vals):
        # A user change makes helpdesk_mgmt recompute the team, and with it
        # is_complaint: only a team change or the flag itself may turn a plain
        # ticket of a complaints team into a complaint.
        protected = (
            [self._fields["is_complaint"]]
            if not ({"is_complaint", "team_id"} & vals.keys())
            else []
        )
        if not ({"stage_id", "is_complaint", "team_id"} & vals.keys()):
            with self.env.protecting(protected, self):
                return super().write(vals)
        complaints = self.filtered("is_complaint")
        old_steps = {ticket.id: ticket.iso_step for ticket in complaints}
        if "is_complaint" in vals and not vals["is_complaint"] and complaints:
            raise UserError(
                self.env._(
                    "%(refs)s: a complaint stays a complaint. Close it with a "
                    "closure reason (e.g. not a complaint / out of scope) instead.",
                    refs=", ".join(
                        complaints.mapped(lambda t: t.complaint_ref or t.name)
                    ),
                )
            )
        with self.env.protecting(protected, self):
            res = super().write(vals)
        new_complaints = self.filtered("is_complaint") - complaints
        if new_complaints:
            new_complaints._iso_start_complaint()
        if "stage_id" in vals:
            changed = complaints.filtered(lambda t: t.iso_step != old_steps.get(t.id))
            changed._iso_on_step_change(old_steps)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_complaint(self):
        if any(ticket.is_complaint for ticket in self):
            raise UserError(
                self.env._(
                    "Complaints cannot be deleted: they are records the standard "
                    "asks you to keep. Archive them instead."
                )
            )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for vals in vals_list:
            if vals.get("is_complaint"):
                vals["received_date"] = fields.Datetime.now()
        return vals_list

    # ------------------------------------------------------------------
    # Lifecycle helpers
    # ------------------------------------------------------------------
    def _iso_has_email(self):
        """The complainant can be written to (acknowledgement, decision):
        the address the templates mail to is one valid address."""
        self.ensure_one()
        address = self.partner_id.email if self.partner_id else self.partner_email
        return bool(normalize_email_address(address))

    def _iso_start_complaint(self):
        """A ticket turned into a complaint: date it, number it, stage it."""
        for ticket in self:
            values = {}
            if not ticket.received_date:
                values["received_date"] = fields.Datetime.now()
            if not ticket.stage_id.is_complaint_stage:
                values["stage_id"] = (
                    ticket.team_id.with_context(iso10002_complaint_stages=True)
                    ._get_applicable_stages()[:1]
                    .id
                )
            if values:
                ticket.write(values)
        self._iso_assign_reference()

    def _iso_stage_for_step(self, step):
        self.ensure_one()
        stages = self.team_id.with_context(
            iso10002_complaint_stages=True
        )._get_applicable_stages()
        return stages.filtered(lambda s: s.iso_step == step)[:1]

    def _iso_requirement_errors(self, step):
        """What is missing for the complaint to be at ``step``.

        Requirements are cumulative along the process: a complaint cannot
        reach a step whose earlier steps were skipped.
        """
        self.ensure_one()
        checks = {
            "acknowledged": [
                (
                    self.ack_date,
                    self.env._("an acknowledgement must have been sent (7.4)"),
                ),
            ],
            "assessed": [
                (self.severity, self.env._("the severity must be assessed (7.5)")),
            ],
            "investigating": [],
            "responded": [
                (
                    self.response_summary or self.remedy_ids,
                    self.env._("a response or a remedy must be proposed (7.7)"),
                ),
            ],
            "decision_communicated": [
                (
                    self.decision_outcome,
                    self.env._("the decision outcome must be set (7.8)"),
                ),
                (
                    self.decision_date,
                    self.env._("the decision must have been communicated (7.8)"),
                ),
            ],
            "closed": [
                (
                    self.closure_reason,
                    self.env._("a closure reason must be given (7.9)"),
                ),
                (
                    not (
                        self.reaction == "rejected"
                        and self.closure_reason == "resolved"
                    ),
                    self.env._(
                        "the complainant rejected the decision: it cannot be "
                        "closed as resolved (escalate, or refer to external "
                        "dispute resolution)"
                    ),
                ),
            ],
        }
        if step == "withdrawn":
            return [
                msg
                for ok, msg in [
                    (
                        self.closure_reason in ("withdrawn", "out_of_scope"),
                        self.env._(
                            "the closure reason must be 'withdrawn' or "
                            "'not a complaint / out of scope'"
                        ),
                    )
                ]
                if not ok
            ]
        errors = []
        for previous in STEP_ORDER[: STEP_ORDER.index(step) + 1]:
            errors += [msg for ok, msg in checks.get(previous, []) if not ok]
        return errors

    def _iso_check_steps(self):
        for ticket in self.filtered(lambda t: t.is_complaint and t.iso_step):
            errors = ticket._iso_requirement_errors(ticket.iso_step)
            if errors:
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s cannot move to the step "
                        "'%(step)s' yet:\n- %(errors)s",
                        ref=ticket.complaint_ref or ticket.display_name,
                        step=ticket.stage_id.name,
                        errors="\n- ".join(errors),
                    )
                )

    def _iso_on_step_change(self, old_steps):
        self._iso_check_steps()
        for ticket in self:
            values = {}
            old_step = old_steps.get(ticket.id)
            if ticket.iso_step in TERMINAL_STEPS:
                values["closed_by_id"] = self.env.user.id
            elif old_step in TERMINAL_STEPS:
                values.update(
                    reopen_count=ticket.reopen_count + 1,
                    closed_by_id=False,
                    closed_date=False,
                )
            if values:
                ticket.write(values)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _iso_ensure_complaints(self):
        if not all(self.mapped("is_complaint")):
            raise UserError(self.env._("This action applies to complaints only."))

    def action_communicate_decision(self):
        """Send the decision and its reasons to the complainant (7.8)."""
        self._iso_ensure_complaints()
        for ticket in self:
            missing = []
            if not ticket.decision_outcome:
                missing.append(self.env._("the outcome"))
            if not ticket.decision:
                missing.append(self.env._("the decision and its reasons"))
            if missing:
                raise UserError(
                    self.env._(
                        "Before communicating the decision on %(ref)s, fill in "
                        "%(missing)s.",
                        ref=ticket.complaint_ref,
                        missing=self.env._(" and ").join(missing),
                    )
                )
            values = {
                "decision_date": fields.Datetime.now(),
                "decision_user_id": ticket.decision_user_id.id or self.env.user.id,
                "reaction": False,
                "reaction_date": False,
            }
            ticket.write(values)
            if ticket._iso_has_email():
                policy = self.env["iso10002.complaint.policy"]._get_for_company(
                    ticket.company_id
                )
                template = policy.decision_template_id or self.env.ref(
                    "iso10002_complaints.mail_template_complaint_decision"
                )
                ticket.message_post_with_source(
                    template, message_type="comment", subtype_xmlid="mail.mt_comment"
                )
            stage = ticket._iso_stage_for_step("decision_communicated")
            if stage:
                ticket.stage_id = stage
        return True

    def _iso_record_reaction(self, reaction, note=False):
        self._iso_ensure_complaints()
        for ticket in self:
            if not ticket.decision_date:
                raise UserError(
                    self.env._(
                        "The complainant can only react to a decision that was "
                        "communicated (%(ref)s).",
                        ref=ticket.complaint_ref,
                    )
                )
            ticket.write(
                {
                    "reaction": reaction,
                    "reaction_date": fields.Datetime.now(),
                    "reaction_note": note or ticket.reaction_note,
                }
            )
        return True

    def action_reaction_accepted(self):
        return self._iso_record_reaction("accepted")

    def action_reaction_rejected(self):
        return self._iso_record_reaction("rejected")

    @api.model
    def _cron_update_deadline_status(self):
        """Refresh the stored deadline status of open complaints."""
        open_complaints = self.search(
            [
                ("is_complaint", "=", True),
                ("iso_step", "not in", list(TERMINAL_STEPS)),
                ("decision_date", "=", False),
            ]
        )
        self.env.add_to_compute(self._fields["deadline_status"], open_complaints)
        open_complaints.flush_recordset(["deadline_status"])
        return True
