# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Four-eyes approval of the final response and of the redress (ISO 10002
4.9, accountability).

When the complaints policy asks for it (severity, amount of redress,
vulnerable customer: :meth:`_iso_approval_required`), a second person, who
is neither the handler, nor the person who decided, nor a person
complained about, approves the decision and the redress before the
decision is communicated (a requirement of the step table, iso_steps.py)
or a redress is paid (ticket_redress.py). A change of the decision or of
the redress after the approval withdraws it.

Why not OCA base_tier_validation: docs/compliance/redress-adr-approval.md.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .complaint_policy import SEVERITIES
from .portal_fields import INTERNAL_GROUPS
from .system_write import in_system_write, records_facts

MANAGER_GROUP = "iso10002_complaints.group_complaint_manager"
SEVERITY_RANK = {code: rank for rank, (code, _label) in enumerate(SEVERITIES)}
# the decision the approver approved: changing it withdraws the approval
# (who decides is set when it is communicated, and may not be the approver)
APPROVED_DECISION_FIELDS = ("decision_outcome", "decision")


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # the skeleton's fields, tracked (the approval is in the chatter) and
    # withdrawn when the decision approved changes
    approval_state = fields.Selection(
        compute="_compute_approval_state", store=True, tracking=True
    )
    approval_user_id = fields.Many2one(
        compute="_compute_approval_state", store=True, tracking=True
    )
    approval_date = fields.Datetime(compute="_compute_approval_state", store=True)
    approval_fingerprint = fields.Char(
        groups=INTERNAL_GROUPS,
        readonly=True,
        copy=False,
        help="The decision as it was approved (technical).",
    )
    # the approver's; the inverse is this one field's write hook, run as
    # the caller (no write() override: models/__init__.py)
    approval_note = fields.Text(inverse="_inverse_approval_note")
    approval_required = fields.Boolean(
        string="Second approval required",
        compute="_compute_approval_required",
        groups=INTERNAL_GROUPS,
        help="The complaints policy asks a second person to approve the final "
        "response and the redress of this complaint (ISO 10002 4.9).",
    )

    @api.depends(
        "is_complaint",
        "company_id",
        "severity",
        "vulnerable",
        "remedy_ids.cost",
        "remedy_ids.paid_amount",
        "remedy_ids.redress_state",
    )
    def _compute_approval_required(self):
        for ticket in self:
            ticket.approval_required = ticket._iso_approval_required()

    @api.depends(*APPROVED_DECISION_FIELDS)
    def _compute_approval_state(self):
        """A change of the decision approved withdraws the approval (a
        value written again unchanged does not)."""
        for ticket in self:
            if (
                ticket.approval_state == "approved"
                and ticket.approval_fingerprint != ticket._iso_decision_fingerprint()
            ):
                ticket.approval_state = (
                    "to_approve" if ticket._iso_approval_required() else "not_required"
                )
                ticket.approval_user_id = False
                ticket.approval_date = False
            else:
                ticket.approval_state = ticket.approval_state or "not_required"
                ticket.approval_user_id = ticket.approval_user_id
                ticket.approval_date = ticket.approval_date

    def _inverse_approval_note(self):
        """The note the tracking form and the chatter give as the
        approver's: written while the approval is requested, by a user who
        may approve (the process clears it when it asks again)."""
        if self.env.su or in_system_write():
            return
        self._iso_check_approval_requested()
        self._iso_check_approver()

    def _iso_decision_fingerprint(self):
        """What the approver approved of the decision, as one value."""
        self.ensure_one()
        return repr((self.decision_outcome, str(self.decision or "")))

    # ------------------------------------------------------------------
    # The rule
    # ------------------------------------------------------------------
    def _iso_redress_offered_amount(self):
        """The redress at stake: each remedy not declined, at its cost or
        at what was paid when that is more."""
        self.ensure_one()
        # sudo: amounts of the complaint's remedies, read for the rule only
        remedies = self.sudo().remedy_ids.filtered(
            lambda r: r.redress_state != "declined"
        )
        return sum(max(r.cost, r.paid_amount) for r in remedies)

    def _iso_approval_reasons(self):
        """Why the policy asks for a second approval (empty: it does not)."""
        self.ensure_one()
        # sudo: the policy and the complaint's internal facts (severity,
        # vulnerability, remedies) are read for the rule only; the step
        # guard may run for a complainant on the portal
        ticket = self.sudo()
        if not ticket.is_complaint:
            return []
        policy = ticket.env["iso10002.complaint.policy"]._get_for_company(
            ticket.company_id
        )
        reasons = []
        threshold = policy.approval_min_severity
        if (
            threshold
            and ticket.severity
            and SEVERITY_RANK[ticket.severity] >= SEVERITY_RANK[threshold]
        ):
            reasons.append(self.env._("its severity"))
        amount = policy.approval_min_amount
        if amount > 0 and (
            ticket.currency_id.compare_amounts(
                ticket._iso_redress_offered_amount(), amount
            )
            >= 0
        ):
            reasons.append(self.env._("the amount of redress"))
        if policy.approval_vulnerable and ticket.vulnerable:
            reasons.append(self.env._("the customer's vulnerability"))
        return reasons

    def _iso_approval_required(self):
        """The policy asks a second person to approve the final response and
        the redress: severity at or above ``approval_min_severity``, redress
        at or above ``approval_min_amount``, or a vulnerable customer when
        ``approval_vulnerable``."""
        self.ensure_one()
        return bool(self._iso_approval_reasons())

    def _iso_approval_met(self):
        """Approved, or no approval required (the step table's requirement
        of the decision step)."""
        self.ensure_one()
        # sudo: internal field, read for the step guard (see above)
        return (
            self.sudo().approval_state == "approved"
            or not self._iso_approval_required()
        )

    def _iso_check_approved(self, action):
        """Refuse ``action`` (a sentence such as "communicate the decision")
        while the required approval is missing."""
        for ticket in self:
            if not ticket._iso_approval_met():
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s: a second person must approve the "
                        "final response and the redress before you %(action)s, "
                        "because of %(reasons)s under the complaints policy "
                        "(four-eyes, ISO 10002 4.9). Request the approval first.",
                        ref=ticket.complaint_ref or ticket.display_name,
                        action=action,
                        reasons=self.env._(" and ").join(
                            ticket._iso_approval_reasons()
                        ),
                    )
                )

    # ------------------------------------------------------------------
    # Who may approve
    # ------------------------------------------------------------------
    def _iso_check_approver(self):
        """The current user may approve or refuse: the team leader or a
        complaint manager, who may write the complaint, and who is neither
        its handler, nor who decided, nor a person complained about."""
        user = self.env.user
        for ticket in self:
            ref = ticket.complaint_ref or ticket.display_name
            if user == ticket.user_id or user == ticket.decision_user_id:
                raise UserError(
                    self.env._(
                        "You cannot approve the response to complaint %(ref)s: "
                        "you handle it or decided it, and the approval must be "
                        "given by a second person (four-eyes, ISO 10002 4.9).",
                        ref=ref,
                    )
                )
            # sudo: who the complaint is about may be hidden from its subjects
            if user in ticket.sudo().subject_user_ids:
                raise UserError(
                    self.env._(
                        "You cannot approve the response to complaint %(ref)s: "
                        "the complaint is about you (objectivity, ISO 10002 4.7).",
                        ref=ref,
                    )
                )
            if not (user.has_group(MANAGER_GROUP) or user == ticket.team_id.user_id):
                raise AccessError(
                    self.env._(
                        "Only the team leader or a complaint manager approves the "
                        "response to complaint %(ref)s.",
                        ref=ref,
                    )
                )
        self.check_access("write")

    def _iso_check_approval_requested(self):
        for ticket in self:
            if ticket.approval_state != "to_approve":
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s: no approval is requested.",
                        ref=ticket.complaint_ref or ticket.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @records_facts
    def action_request_approval(self):
        self._iso_check_not_subject()
        self._iso_ensure_complaints()
        self.check_access("write")
        for ticket in self:
            if not ticket._iso_approval_required():
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s needs no second approval under the "
                        "complaints policy.",
                        ref=ticket.complaint_ref or ticket.display_name,
                    )
                )
            if ticket.approval_state in ("to_approve", "approved"):
                continue
            ticket.write(
                {
                    "approval_state": "to_approve",
                    "approval_user_id": False,
                    "approval_date": False,
                    # a refusal's note is in the chatter; the next is new
                    "approval_note": False,
                }
            )
            ticket.message_post(
                body=self.env._(
                    "Second approval requested (because of %(reasons)s).",
                    reasons=self.env._(" and ").join(ticket._iso_approval_reasons()),
                ),
                subtype_xmlid="mail.mt_note",
            )
            leader = ticket.team_id.user_id
            if leader and leader != self.env.user and leader != ticket.user_id:
                ticket.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=leader.id,
                    summary=self.env._("Approve the response to the complaint"),
                )
        return True

    def _iso_record_approval(self, state):
        self._iso_ensure_complaints()
        self._iso_check_approval_requested()
        self._iso_check_approver()
        for ticket in self:
            ticket.write(
                {
                    "approval_state": state,
                    "approval_user_id": self.env.user.id,
                    "approval_date": fields.Datetime.now(),
                    "approval_fingerprint": ticket._iso_decision_fingerprint(),
                }
            )
            if ticket.approval_note:
                ticket.message_post(
                    body=ticket.approval_note, subtype_xmlid="mail.mt_note"
                )
            ticket.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
                    and a.user_id == self.env.user
                )
            ).action_feedback()
        return True

    @records_facts
    def action_approve(self):
        return self._iso_record_approval("approved")

    @records_facts
    def action_refuse_approval(self):
        for ticket in self:
            if not (ticket.approval_note or "").strip():
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s: say in the approval note why you refuse "
                        "the response, for the handler.",
                        ref=ticket.complaint_ref or ticket.display_name,
                    )
                )
        return self._iso_record_approval("refused")

    @records_facts
    def _iso_reset_approval(self, reason):
        """A change of what was approved withdraws the approval."""
        approved = self.filtered(lambda t: t.approval_state == "approved")
        for ticket in approved:
            ticket.write(
                {
                    "approval_state": "to_approve"
                    if ticket._iso_approval_required()
                    else "not_required",
                    "approval_user_id": False,
                    "approval_date": False,
                }
            )
            ticket.message_post(
                body=self.env._(
                    "Second approval withdrawn: %(reason)s changed after it was "
                    "approved.",
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    def action_communicate_decision(self):
        self._iso_check_approved(self.env._("communicate the decision"))
        for ticket in self.filtered(lambda t: t.approval_state == "approved"):
            if (ticket.decision_user_id or self.env.user) == ticket.approval_user_id:
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s: %(user)s approved the response and "
                        "cannot also decide it (four-eyes, ISO 10002 4.9).",
                        ref=ticket.complaint_ref or ticket.display_name,
                        user=ticket.approval_user_id.name,
                    )
                )
        return super().action_communicate_decision()
