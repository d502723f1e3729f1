# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Deadlines of a complaint (ISO 10002 4.15, 7.3): the targets of the policy,
the acknowledgement and final response deadlines, and their status against
the next deadline (:mod:`.ticket_facts`)."""

import pytz

from odoo import api, fields, models

from .iso_steps import TERMINAL_STEPS

DEADLINE_STATUSES = [
    ("on_time", "On time"),
    ("at_risk", "At risk"),
    ("overdue", "Overdue"),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

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
            or policy.env["resource.calendar"].browse(policy._facts().calendar_id)
            or self.company_id.resource_calendar_id
        )

    def _iso_day(self, moment=None):
        """The day of ``moment`` (UTC, default now) where the complaint is
        handled: in the time zone of its business calendar, the one its
        deadlines are counted in. Every day of a complaint (a redress or a
        referral recorded, a letter dated, a letter or an escalation due, the
        regulator's return in force at receipt) is a day there, whoever
        records or reads it, wherever their own time zone puts midnight."""
        self.ensure_one()
        policy = self.env["iso10002.complaint.policy"]._get_for_company(
            self.company_id or self.env.company
        )
        calendar = self._get_complaint_calendar(policy)
        moment = moment or fields.Datetime.now()
        return (
            pytz.utc.localize(moment)
            .astimezone(pytz.timezone(calendar.tz or "UTC"))
            .date()
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
            target = policy._target_facts(ticket.severity)
            if not target:
                ticket.ack_deadline = ticket.response_deadline = False
                continue
            calendar = ticket._get_complaint_calendar(policy)
            start = ticket.received_date
            value, unit = ticket._iso_response_target(policy, target)
            requests.append((start, target.ack_value, target.ack_unit, calendar))
            requests.append((start, value, unit, calendar))
            dated.append((ticket, unit, calendar))
        # the working time of each calendar is read once for the batch
        deadlines = iter(policy_model._add_days_multi(requests))
        for ticket, unit, calendar in dated:
            ticket.ack_deadline = next(deadlines)
            ticket.response_deadline = ticket._iso_deadline_after_stops(
                next(deadlines), unit, calendar
            )

    def _iso_response_target(self, policy, target):
        """(value, unit) of the complaint's final response target
        (shortened for vulnerable customers: ticket_vulnerability.py)."""
        self.ensure_one()
        return target.response_value, target.response_unit

    def _iso_deadline_after_stops(self, deadline, unit, calendar):
        """The final response deadline moved by the time the clock was
        stopped (ticket_clock_stop.py)."""
        self.ensure_one()
        return deadline

    @api.depends(
        "is_complaint",
        "received_date",
        "ack_deadline",
        "ack_date",
        "response_deadline",
        "decision_date",
        "stage_id",
        "next_deadline",
    )
    def _compute_deadline_status(self):
        now = fields.Datetime.now()
        complaints = self.filtered(lambda t: t.is_complaint and t.response_deadline)
        (self - complaints).deadline_status = False
        policies = complaints._iso_policies() if complaints else {}
        for ticket in complaints:
            # the stored next deadline (ticket_facts.py): none once the
            # decision is communicated or the complaint is closed
            deadline = ticket.next_deadline
            if not deadline:
                done = ticket.decision_date or ticket.closed_date or now
                ticket.deadline_status = (
                    "on_time" if done <= ticket.response_deadline else "overdue"
                )
                continue
            ticket.deadline_status = ticket._iso_status_against(
                deadline, now, policies[ticket.company_id]._facts().at_risk_ratio
            )

    def _iso_status_against(self, deadline, moment, ratio):
        """On time, at risk or overdue against ``deadline`` at ``moment``:
        at risk when less than ``ratio`` of the time allowed remains."""
        self.ensure_one()
        if moment > deadline:
            return "overdue"
        allowed = (deadline - self.received_date).total_seconds()
        remaining = (deadline - moment).total_seconds()
        return "at_risk" if allowed <= 0 or remaining < allowed * ratio else "on_time"

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
