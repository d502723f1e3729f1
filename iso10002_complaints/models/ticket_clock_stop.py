# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Clock stop: the deadlines paused while waiting on the complainant.

A policy option (``clock_stop_allowed``, off in the FCA and ASIC presets:
their time limits run whatever the complainant does). Once the complaint
is acknowledged and until the decision is communicated, a handler stops
the clock with a reason (what the complainant was asked for) and restarts
it when the answer comes. Each stop is a record
(``iso10002.complaint.clock.stop``) that only these actions date:

- while the clock is stopped, no deadline runs: the complaint has no next
  deadline (nothing escalates) and its deadline status is the one it had
  when the clock stopped;
- once restarted, the final response deadline moves later by the time
  stopped, counted on the deadline's own clock: the working time of the
  complaint's calendar for business-day targets, the elapsed time for
  calendar-day targets.

The stop records and the guard on their dates: complaint_clock_stop.py.
The stops are shown on the complaint and on its tracking form
(iso10002_reports).
"""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from .iso_steps import TERMINAL_STEPS
from .portal_fields import INTERNAL_GROUPS
from .system_write import records_facts


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    clock_stopped = fields.Boolean(
        compute="_compute_clock_stopped",
        store=True,
        help="The deadlines are paused while waiting on the complainant.",
    )
    clock_stop_allowed = fields.Boolean(
        compute="_compute_clock_stop_allowed",
        groups=INTERNAL_GROUPS,
        help="The complaints policy lets handlers stop the clock.",
    )

    @api.depends("clock_stop_ids.date_end")
    def _compute_clock_stopped(self):
        for ticket in self:
            ticket.clock_stopped = any(
                not stop.date_end for stop in ticket.clock_stop_ids
            )

    @api.depends("is_complaint", "company_id")
    def _compute_clock_stop_allowed(self):
        policies = self._iso_policies() if self.company_id else {}
        for ticket in self:
            policy = policies.get(ticket.company_id)
            ticket.clock_stop_allowed = bool(
                ticket.is_complaint and policy and policy.clock_stop_allowed
            )

    # ------------------------------------------------------------------
    # Deadlines (ticket_deadlines.py, ticket_facts.py)
    # ------------------------------------------------------------------
    @api.depends("clock_stop_ids.date_start", "clock_stop_ids.date_end")
    def _compute_deadlines(self):
        return super()._compute_deadlines()

    def _iso_deadline_after_stops(self, deadline, unit, calendar):
        deadline = super()._iso_deadline_after_stops(deadline, unit, calendar)
        ended = self.clock_stop_ids.filtered("date_end")
        if not deadline or not ended:
            return deadline
        if unit == "calendar" or not calendar:
            return deadline + sum(
                (stop.date_end - stop.date_start for stop in ended), timedelta()
            )
        # sudo: working hours and public holidays are company configuration
        calendar = calendar.sudo()
        hours = sum(
            calendar.get_work_hours_count(stop.date_start, stop.date_end)
            for stop in ended
        )
        if not hours:
            return deadline
        return calendar.plan_hours(hours, deadline, compute_leaves=True) or deadline

    @api.depends("clock_stopped")
    def _compute_next_deadline(self):
        res = super()._compute_next_deadline()
        stopped = self.filtered("clock_stopped")
        # no deadline runs while the clock is stopped: nothing escalates
        stopped.next_deadline = False
        stopped.next_deadline_kind = False
        return res

    @api.depends("clock_stopped")
    def _compute_deadline_status(self):
        res = super()._compute_deadline_status()
        stopped = self.filtered(
            lambda t: (
                t.clock_stopped
                and t.is_complaint
                and t.response_deadline
                and not t.decision_date
                and t.iso_step not in TERMINAL_STEPS
            )
        )
        policies = stopped._iso_policies() if stopped else {}
        for ticket in stopped:
            # judged when the clock stopped: the time since does not count
            running = ticket.clock_stop_ids.filtered(lambda s: not s.date_end)
            ticket.deadline_status = ticket._iso_status_against(
                ticket.response_deadline,
                min(running.mapped("date_start")),
                policies[ticket.company_id]._facts().at_risk_ratio,
            )
        return res

    @records_facts
    def _iso_on_step_change(self, old_steps):
        res = super()._iso_on_step_change(old_steps)
        # answered or closed: the clock stopped waiting on the complainant
        # restarts, and with it the record of the stop ends
        answered = self.filtered(
            lambda t: (
                t.clock_stopped
                and t.iso_step in ("decision_communicated", *TERMINAL_STEPS)
            )
        )
        answered.clock_stop_ids.filtered(lambda s: not s.date_end).write(
            {"date_end": fields.Datetime.now()}
        )
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _iso_check_clock_can_stop(self):
        """Raise unless the clock of each complaint may be stopped now."""
        self._iso_ensure_complaints()
        self._iso_check_not_subject()
        for ticket in self:
            reason = None
            if not ticket.clock_stop_allowed:
                reason = self.env._(
                    "the complaints policy does not allow stopping the clock"
                )
            elif not ticket.ack_date:
                reason = self.env._("it is not acknowledged yet")
            elif ticket.decision_date or ticket.iso_step in TERMINAL_STEPS:
                reason = self.env._("its decision is already communicated")
            elif ticket.clock_stopped:
                reason = self.env._("its clock is already stopped")
            if reason:
                raise UserError(
                    self.env._(
                        "The clock of complaint %(ref)s cannot be stopped: %(reason)s.",
                        ref=ticket.complaint_ref or ticket.display_name,
                        reason=reason,
                    )
                )

    def action_clock_stop(self):
        """Ask for the reason of the stop (the stop's form, in a dialog)."""
        self.ensure_one()
        self._iso_check_clock_can_stop()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Stop the clock"),
            "res_model": "iso10002.complaint.clock.stop",
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "iso10002_complaints.complaint_clock_stop_view_form_stop"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _iso_stop_clock(self, reason):
        """Stop the clock of the complaints, waiting on the complainant."""
        return self.env["iso10002.complaint.clock.stop"].create(
            [{"ticket_id": ticket.id, "reason": reason} for ticket in self]
        )

    @records_facts
    def action_clock_restart(self):
        """The complainant answered: the clock runs again and the final
        response deadline moves by the time stopped."""
        self._iso_ensure_complaints()
        self._iso_check_not_subject()
        now = fields.Datetime.now()
        for ticket in self:
            running = ticket.clock_stop_ids.filtered(lambda s: not s.date_end)
            if not running:
                raise UserError(
                    self.env._(
                        "The clock of complaint %(ref)s is not stopped.",
                        ref=ticket.complaint_ref or ticket.display_name,
                    )
                )
            running.write({"date_end": now})
            ticket.message_post(
                body=self.env._(
                    "Clock restarted; final response due by %(deadline)s.",
                    deadline=format_datetime(self.env, ticket.response_deadline),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True
