# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The letter library of regulated firms (ISO 10002 7.4, 7.8, 7.9; FCA DISP
1.5 and 1.6; ASIC RG 271).

Each letter is a mail template whose report (complaint_letter_report.xml)
renders the letter as a PDF: sending it posts the email on the complaint
with the PDF attached, so the letter sent stays on the complaint as an
attachment. The final response (or ASIC IDR response) is the decision
communicated (7.8): for a policy that names an external dispute resolution
body, :meth:`action_communicate_decision` sends it instead of the plain
decision email.

Letters fall due with the deadlines: the daily deadline job
(:meth:`_cron_iso_escalate`) gives the handler an activity when the holding
response is due (``holding_response_days`` after receipt, complaint still
open) and when the final response is (at risk, overdue, or the response
ready); sending the letter marks the activity done.
"""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools.translate import LazyTranslate

from .iso_steps import TERMINAL_STEPS
from .portal_fields import INTERNAL_GROUPS
from .system_write import records_facts
from .ticket_summary_resolution import SUMMARY_TEMPLATE

_lt = LazyTranslate(__name__)

LETTER_KINDS = {
    "ack": _lt("Acknowledgement"),
    "summary": _lt("Summary resolution communication"),
    "holding": _lt("Holding response"),
    "final": _lt("Final response"),
    "idr": _lt("IDR response"),
}
LETTER_TEMPLATES = {
    "ack": "iso10002_complaints.mail_template_complaint_ack",
    "summary": SUMMARY_TEMPLATE,
    "holding": "iso10002_complaints.mail_template_holding_response",
    "final": "iso10002_complaints.mail_template_final_response",
    "idr": "iso10002_complaints.mail_template_idr_response",
}
DECISION_TEMPLATE = "iso10002_complaints.mail_template_complaint_decision"
HOLDING_ACTIVITY = "iso10002_complaints.mail_activity_complaint_holding_letter"
FINAL_ACTIVITY = "iso10002_complaints.mail_activity_complaint_final_letter"
# the due activities a letter sent makes moot
LETTER_ACTIVITIES_DONE = {
    "holding": (HOLDING_ACTIVITY,),
    "summary": (HOLDING_ACTIVITY, FINAL_ACTIVITY),
    "final": (HOLDING_ACTIVITY, FINAL_ACTIVITY),
    "idr": (HOLDING_ACTIVITY, FINAL_ACTIVITY),
}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    holding_reason = fields.Text(
        string="Why the final response is delayed",
        groups=INTERNAL_GROUPS,
        copy=False,
        help="Quoted in the holding response (FCA DISP 1.6.2R(2)(a), ASIC RG "
        "271 delay notification).",
    )
    holding_expected_date = fields.Date(
        string="Final response expected on",
        groups=INTERNAL_GROUPS,
        copy=False,
        help="When the holding response says the final response will come.",
    )
    holding_letter_date = fields.Datetime(
        string="Holding response sent on",
        groups=INTERNAL_GROUPS,
        readonly=True,
        copy=False,
        tracking=True,
    )
    summary_letter_date = fields.Datetime(
        string="Summary resolution communication sent on",
        groups=INTERNAL_GROUPS,
        readonly=True,
        copy=False,
        tracking=True,
    )

    summary_letter_available = fields.Boolean(
        string="Summary resolution communication available",
        compute="_compute_summary_letter_available",
        groups=INTERNAL_GROUPS,
        help="Within the policy's summary resolution period, or resolved as "
        "a summary resolution, and its communication not sent yet.",
    )

    @api.depends(
        "is_complaint",
        "summary_resolution_deadline",
        "decision_date",
        "summary_letter_date",
        "summary_resolution",
        "iso_step",
    )
    def _compute_summary_letter_available(self):
        for ticket in self:
            ticket.summary_letter_available = (
                ticket.is_complaint and not ticket._iso_summary_letter_refusal()
            )

    # ------------------------------------------------------------------
    # What the letters quote
    # ------------------------------------------------------------------
    def _iso_letter_adr_body(self):
        """The external dispute resolution body of the complaint's policy."""
        self.ensure_one()
        policy = self._iso_policies()[self.company_id]
        return policy.adr_body_id.with_env(self.env)

    def _iso_final_letter_kind(self):
        """The final response of an AFCA member is ASIC's IDR response."""
        self.ensure_one()
        return "idr" if self._iso_letter_adr_body().code == "afca" else "final"

    def _iso_send_summary_resolution(self):
        """Post the summary resolution communication to the complainant
        (called by the summary resolution closing, ticket_summary_resolution.py):
        recorded as sent, its due activity done, never sent twice."""
        self.ensure_one()
        if self._iso_has_email() and not self.summary_letter_date:
            self._iso_post_letter("summary")

    def _iso_decision_template(self, policy):
        """A regulated firm's decision is its final response letter, unless
        the policy chose a decision template of its own."""
        template = super()._iso_decision_template(policy)
        if policy.adr_body_id and template == self.env.ref(
            DECISION_TEMPLATE, raise_if_not_found=False
        ):
            return self.env.ref(LETTER_TEMPLATES[self._iso_final_letter_kind()])
        return template

    # ------------------------------------------------------------------
    # Sending a letter
    # ------------------------------------------------------------------
    def action_send_letter(self):
        """Button "Send letter": the letter kind is the button's parameter."""
        kind = self.env.context.get("letter_kind")
        if kind not in LETTER_TEMPLATES:
            raise UserError(self.env._("Choose which letter to send."))
        return self._iso_send_letter(kind)

    def _iso_send_letter(self, kind):
        # sending records facts in system_write: only who may write the
        # complaint sends its letters (not a portal complainant over RPC)
        self.check_access("write")
        self._iso_check_not_subject()
        self._iso_ensure_complaints()
        if kind == "ack":
            return self.action_send_acknowledgement()
        if kind in ("final", "idr"):
            # the final response is the decision communicated (7.8)
            return self.action_communicate_decision()
        for ticket in self:
            ticket._iso_check_letter(kind)
        self._iso_post_letter(kind)
        return True

    def _iso_check_letter(self, kind):
        self.ensure_one()
        ref = self.complaint_ref
        if not self._iso_has_email():
            raise UserError(
                self.env._(
                    "Complaint %(ref)s has no email address: print the letter "
                    "(Print menu), post it, and attach the copy to the complaint.",
                    ref=ref,
                )
            )
        if kind == "summary":
            refusal = self._iso_summary_letter_refusal()
            if refusal:
                raise UserError(refusal)
            return
        if self.decision_date or self.iso_step in TERMINAL_STEPS:
            raise UserError(self._iso_letter_answered(kind))
        if kind == "holding" and not (
            self.holding_reason and self.holding_expected_date
        ):
            raise UserError(
                self.env._(
                    "Before sending the holding response of %(ref)s, say why "
                    "the final response is delayed and when it is expected "
                    "(FCA DISP 1.6.2R(2)(a)).",
                    ref=ref,
                )
            )

    def _iso_letter_answered(self, kind):
        return self.env._(
            "Complaint %(ref)s was answered or closed: no %(letter)s to send any more.",
            ref=self.complaint_ref,
            letter=LETTER_KINDS[kind],
        )

    def _iso_summary_letter_refusal(self):
        """Why the summary resolution communication may not be sent (False:
        it may): the button's visibility and the check of sending."""
        self.ensure_one()
        # a complaint closed as a summary resolution still gets its
        # communication (DISP 1.5.4R: promptly, once resolved)
        if self.decision_date or (
            self.iso_step in TERMINAL_STEPS and not self.summary_resolution
        ):
            return self._iso_letter_answered("summary")
        if self.summary_letter_date:
            return self.env._(
                "The summary resolution communication of %(ref)s was already sent.",
                ref=self.complaint_ref,
            )
        end = self.summary_resolution_deadline
        if not self.summary_resolution and (not end or fields.Datetime.now() > end):
            return self.env._(
                "Complaint %(ref)s is not resolved within the summary "
                "resolution period of the policy: it needs a final "
                "response (FCA DISP 1.5.1R).",
                ref=self.complaint_ref,
            )
        return False

    @records_facts
    def _iso_post_letter(self, kind):
        template = self.env.ref(LETTER_TEMPLATES[kind])
        date_field = {
            "holding": "holding_letter_date",
            "summary": "summary_letter_date",
        }
        for ticket in self:
            ticket.message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment"
            )
            if kind in date_field:
                ticket.write({date_field[kind]: fields.Datetime.now()})
        self._iso_letter_activities_done(kind)

    def action_communicate_decision(self):
        result = super().action_communicate_decision()
        for ticket in self:
            ticket._iso_letter_activities_done(ticket._iso_final_letter_kind())
        return result

    def _iso_letter_activities_done(self, kind):
        types = self.env["mail.activity.type"]
        for xmlid in LETTER_ACTIVITIES_DONE.get(kind, ()):
            types |= self.env.ref(xmlid)
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "in", types.ids),
            ]
        )
        if activities:
            activities.action_feedback(
                feedback=self.env._("%(letter)s sent.", letter=LETTER_KINDS[kind])
            )

    # ------------------------------------------------------------------
    # Letters falling due (the daily deadline job)
    # ------------------------------------------------------------------
    @api.model
    def _cron_iso_escalate(self):
        result = super()._cron_iso_escalate()
        self._iso_schedule_letter_activities()
        return result

    @api.model
    def _iso_schedule_letter_activities(self):
        """Holding and final responses due on open complaints, one activity
        of each per complaint; moot ones (answered, closed) are removed."""
        holding_type = self.env.ref(HOLDING_ACTIVITY)
        final_type = self.env.ref(FINAL_ACTIVITY)
        types = holding_type | final_type
        existing = self.env["mail.activity"].search(
            [("res_model", "=", self._name), ("activity_type_id", "in", types.ids)]
        )
        tickets = self.browse(set(existing.mapped("res_id"))).exists()
        pending = set(
            tickets.filtered(
                lambda t: not t.decision_date and t.iso_step not in TERMINAL_STEPS
            ).ids
        )
        moot = existing.filtered(lambda a: a.res_id not in pending)
        moot.unlink()
        scheduled = {(a.res_id, a.activity_type_id.id) for a in existing - moot}
        now = fields.Datetime.now()
        # only the complaints a letter may be due for: the final response at
        # risk, overdue or ready; the holding response past the days of the
        # company's policy and not sent. The deadline status is against the
        # next deadline, which is the acknowledgement's until acknowledged.
        due_domain = Domain("response_deadline", "!=", False) & (
            Domain(
                [
                    ("next_deadline_kind", "=", "response"),
                    ("deadline_status", "in", ("at_risk", "overdue")),
                ]
            )
            | Domain("iso_step", "=", "responded")
        )
        # sudo: the policies are company configuration, read by the job
        for policy in (
            self.env["iso10002.complaint.policy"]
            .sudo()
            .search([("holding_response_days", ">", 0)])
        ):
            due_domain |= Domain(
                [
                    ("company_id", "=", policy.company_id.id),
                    ("holding_letter_date", "=", False),
                    (
                        "received_date",
                        "<=",
                        now - timedelta(days=policy.holding_response_days),
                    ),
                ]
            )
        complaints = self.search(
            Domain(
                [
                    ("is_complaint", "=", True),
                    ("iso_step", "not in", list(TERMINAL_STEPS)),
                    ("decision_date", "=", False),
                    ("received_date", "!=", False),
                ]
            )
            & due_domain
        )
        policies = complaints._iso_policies() if complaints else {}
        for ticket in complaints:
            policy = policies[ticket.company_id]
            due = []
            if policy.holding_response_days and not ticket.holding_letter_date:
                holding_at = ticket.received_date + timedelta(
                    days=policy.holding_response_days
                )
                if holding_at <= now:
                    due.append((holding_type, holding_at, "holding"))
            if ticket.response_deadline and (
                (
                    ticket.next_deadline_kind == "response"
                    and ticket.deadline_status in ("at_risk", "overdue")
                )
                or ticket.iso_step == "responded"
            ):
                due.append(
                    (
                        final_type,
                        ticket.response_deadline,
                        ticket._iso_final_letter_kind(),
                    )
                )
            due = [d for d in due if (ticket.id, d[0].id) not in scheduled]
            if not due:
                continue
            user = ticket.user_id.filtered("active") or ticket._iso_escalation_user()
            if not user:
                continue
            for activity_type, deadline, kind in due:
                ticket.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=ticket._iso_day(deadline),
                    summary=self.env._(
                        "%(letter)s due for %(ref)s",
                        letter=LETTER_KINDS[kind],
                        ref=ticket.complaint_ref,
                    ),
                    user_id=user.id,
                )
