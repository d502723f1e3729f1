# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Summary resolution (FCA DISP 1.5): the lighter path of a complaint
resolved by close of business on the third business day after the day of
its receipt.

DISP 1.5.2AR: a complaint is resolved when the complainant has indicated
acceptance of the firm's response (neither needs to be in writing).
DISP 1.5.4R: the firm then sends a *summary resolution communication*
instead of a final response. The policy's ``summary_resolution_days`` (3 in
the FCA preset; 0: the path is not offered) counts the business days, on
the working time of the complaint's calendar, as the other deadlines.

The action *Summary resolution* records the complainant's acceptance,
flags the complaint ``summary_resolution``, closes it as resolved and
sends the summary resolution communication (the letter
``iso10002_complaints.mail_template_summary_resolution``). The step table
(iso_steps.py) accepts a summary resolution in place of a communicated
decision; the outcome (upheld or not) is still recorded, as the
regulator's return counts it. Reopened, the complaint leaves the path and
needs a final response.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from .iso_steps import TERMINAL_STEPS
from .portal_fields import INTERNAL_GROUPS
from .system_write import records_facts

SUMMARY_TEMPLATE = "iso10002_complaints.mail_template_summary_resolution"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    summary_resolution_deadline = fields.Datetime(
        string="Summary resolution until",
        compute="_compute_summary_resolution_deadline",
        store=True,
        copy=False,
        groups=INTERNAL_GROUPS,
        help="Close of business of the policy's summary resolution day after "
        "receipt (FCA DISP 1.5: the third business day): a complaint "
        "resolved by then may close with a summary resolution "
        "communication instead of a final response.",
    )

    @api.depends("is_complaint", "received_date", "team_id", "company_id")
    def _compute_summary_resolution_deadline(self):
        complaints = self.filtered(lambda t: t.is_complaint and t.received_date)
        (self - complaints).summary_resolution_deadline = False
        policies = complaints._iso_policies() if complaints else {}
        requests, dated = [], []
        for ticket in complaints:
            policy = policies[ticket.company_id]
            days = policy._facts().summary_resolution_days
            if days <= 0:
                ticket.summary_resolution_deadline = False
                continue
            calendar = ticket._get_complaint_calendar(policy)
            requests.append((ticket.received_date, days, "business", calendar))
            dated.append(ticket)
        deadlines = self.env["iso10002.complaint.policy"]._add_days_multi(requests)
        for ticket, deadline in zip(dated, deadlines, strict=True):
            ticket.summary_resolution_deadline = deadline

    @records_facts
    def action_summary_resolution(self):
        """The complainant accepted the response by the summary resolution
        deadline: close the complaint as resolved and send the summary
        resolution communication (FCA DISP 1.5.4R)."""
        self._iso_ensure_complaints()
        self._iso_check_not_subject()
        now = fields.Datetime.now()
        for ticket in self:
            ticket._iso_check_summary_resolution(now)
            ticket.write(
                {
                    "summary_resolution": True,
                    "reaction": "accepted",
                    "reaction_date": now,
                    "closure_reason": "resolved",
                }
            )
            stage = ticket._iso_stage_for_step("closed")
            if not stage:
                raise UserError(
                    self.env._(
                        "The team of complaint %(ref)s has no closed stage.",
                        ref=ticket.complaint_ref,
                    )
                )
            ticket.stage_id = stage
            ticket._iso_send_summary_resolution()
        return True

    def _iso_check_summary_resolution(self, now):
        self.ensure_one()
        reason = None
        deadline = self.summary_resolution_deadline
        if not deadline:
            reason = self.env._("the complaints policy has no summary resolution")
        elif self.iso_step in TERMINAL_STEPS:
            reason = self.env._("it is closed")
        elif self.decision_date:
            reason = self.env._("a final response was already communicated")
        elif now > deadline:
            reason = self.env._(
                "it had to be resolved by %(deadline)s; send a final response",
                deadline=format_datetime(self.env, deadline),
            )
        if reason:
            raise UserError(
                self.env._(
                    "Complaint %(ref)s cannot close with a summary resolution: "
                    "%(reason)s.",
                    ref=self.complaint_ref or self.display_name,
                    reason=reason,
                )
            )

    @records_facts
    def _iso_on_step_change(self, old_steps):
        # reopened: the complaint was not resolved after all, and needs a
        # final response (before the stage guard judges the new step)
        self.filtered(
            lambda t: (
                t.summary_resolution
                and t.iso_step not in TERMINAL_STEPS
                and old_steps.get(t.id) in TERMINAL_STEPS
            )
        ).write({"summary_resolution": False})
        return super()._iso_on_step_change(old_steps)
