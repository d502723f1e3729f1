# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Escalation of complaints at risk or overdue (ISO 10002 4.15): deadline
activities, escalation to the team leader or the complaints manager (4.7),
and the daily digest."""

from collections import defaultdict

from odoo import Command, api, fields, models

from .iso_steps import TERMINAL_STEPS
from .system_write import records_facts

DEADLINE_ACTIVITY = "iso10002_complaints.mail_activity_complaint_deadline"
ESCALATION_ACTIVITY = "iso10002_complaints.mail_activity_complaint_escalation"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Escalation (4.15)
    # ------------------------------------------------------------------
    escalated_date = fields.Datetime(string="Escalated on", copy=False, readonly=True)
    escalated_to_id = fields.Many2one(
        "res.users", string="Escalated to", copy=False, readonly=True
    )
    escalated_deadline = fields.Datetime(
        string="Escalated deadline",
        copy=False,
        readonly=True,
        help="Deadline whose overrun was escalated; a later overrun of another "
        "deadline is escalated again.",
    )

    # ------------------------------------------------------------------
    # Escalation (4.15)
    # ------------------------------------------------------------------
    def _iso_escalation_user(self):
        """Who an overdue complaint is escalated to: the team leader, or the
        complaints manager when the leader handles it (objectivity, 4.7).

        Never one of the people the complaint is about: instead of them, the
        complaints manager of the policy, else another complaint manager of
        the company (4.7, 4.10).
        """
        self.ensure_one()
        subjects = self.subject_user_ids
        leader = self.team_id.user_id.filtered("active") - subjects
        if leader and leader != self.user_id:
            return leader
        policy = self.env["iso10002.complaint.policy"]._get_for_company(self.company_id)
        manager = policy.manager_id.filtered("active") - subjects
        if manager or leader or not subjects:
            return manager or leader
        return self._iso_other_complaint_manager(subjects)

    def _iso_other_complaint_manager(self, excluded):
        """A complaint manager of the complaint's company, not in ``excluded``."""
        self.ensure_one()
        group = self.env.ref("iso10002_complaints.group_complaint_manager")
        # sudo: the members of the group are read to choose one of them
        managers = group.sudo().all_user_ids.filtered(
            lambda u: (
                u.active
                and not u.share
                and self.company_id in u.company_ids
                and u not in excluded
            )
        )
        return managers.sorted("id")[:1].sudo(self.env.su)

    @api.model
    def _cron_iso_escalate(self):
        """Daily: deadline activities, escalation and digests to team leaders.

        Reuses the deadline status refresh; safe to run again the same day:
        existing activities are updated instead of duplicated, an overrun is
        escalated once, and each leader gets a single digest per day.
        """
        self._cron_update_deadline_status()
        complaints = self.search(
            [
                ("is_complaint", "=", True),
                ("iso_step", "not in", list(TERMINAL_STEPS)),
                ("decision_date", "=", False),
                ("deadline_status", "in", ("at_risk", "overdue")),
            ]
        )
        complaints._iso_schedule_deadline_activities()
        complaints.filtered(
            lambda t: t.deadline_status == "overdue"
        )._iso_escalate_overdue()
        self._iso_clear_deadline_activities()
        self._iso_send_escalation_digests(complaints)
        return True

    def _iso_schedule_deadline_activities(self):
        activity_type = self.env.ref(DEADLINE_ACTIVITY)
        existing = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        by_ticket = defaultdict(lambda: self.env["mail.activity"])
        for activity in existing:
            by_ticket[activity.res_id] |= activity
        for ticket in self:
            # an inactive handler (e.g. OdooBot) cannot act: the leader does
            user = ticket.user_id.filtered("active") or ticket._iso_escalation_user()
            if not user:
                continue
            deadline, kind = ticket.next_deadline, ticket.next_deadline_kind
            what = (
                self.env._("acknowledgement")
                if kind == "ack"
                else self.env._("final response")
            )
            if ticket.deadline_status == "overdue":
                summary = self.env._(
                    "Overdue: %(what)s was due for %(ref)s",
                    what=what,
                    ref=ticket.complaint_ref,
                )
            else:
                summary = self.env._(
                    "At risk: %(what)s due soon for %(ref)s",
                    what=what,
                    ref=ticket.complaint_ref,
                )
            due = ticket._iso_day(deadline) if deadline else None
            mine = by_ticket[ticket.id].filtered(lambda a, u=user: a.user_id == u)
            if mine:
                values = {"summary": summary}
                if due:
                    values["date_deadline"] = due
                mine.filtered(
                    lambda a, v=values: (
                        a.summary != v["summary"]
                        or (
                            "date_deadline" in v
                            and a.date_deadline != v["date_deadline"]
                        )
                    )
                ).write(values)
                continue
            ticket.activity_schedule(
                DEADLINE_ACTIVITY,
                date_deadline=due,
                summary=summary,
                user_id=user.id,
            )

    @records_facts
    def _iso_escalate_overdue(self):
        for ticket in self:
            deadline = ticket.next_deadline
            if ticket.escalated_deadline and ticket.escalated_deadline == deadline:
                continue  # this overrun was escalated already
            target = ticket._iso_escalation_user()
            if not target:
                continue
            ticket.write(
                {
                    "escalated_date": fields.Datetime.now(),
                    "escalated_to_id": target.id,
                    "escalated_deadline": deadline,
                }
            )
            ticket.message_post(
                body=self.env._(
                    "Overdue: escalated to %(user)s for review.", user=target.name
                ),
                subtype_xmlid="mail.mt_note",
            )
            already = ticket.activity_ids.filtered(
                lambda a, t=target: (
                    a.activity_type_id == self.env.ref(ESCALATION_ACTIVITY)
                    and a.user_id == t
                )
            )
            if not already:
                ticket.activity_schedule(
                    ESCALATION_ACTIVITY,
                    summary=self.env._(
                        "Overdue complaint %(ref)s: review, reassign or answer",
                        ref=ticket.complaint_ref,
                    ),
                    user_id=target.id,
                )

    @api.model
    def _iso_clear_deadline_activities(self):
        """Deadline reminders of answered or closed complaints are obsolete."""
        types = self.env.ref(DEADLINE_ACTIVITY) | self.env.ref(ESCALATION_ACTIVITY)
        activities = self.env["mail.activity"].search(
            [("res_model", "=", self._name), ("activity_type_id", "in", types.ids)]
        )
        done = self.browse(set(activities.mapped("res_id"))).filtered(
            lambda t: t.decision_date or t.iso_step in TERMINAL_STEPS
        )
        activities.filtered(lambda a: a.res_id in done.ids).unlink()

    @api.model
    def _iso_send_escalation_digests(self, complaints):
        """One email per team leader listing their complaints at risk or overdue."""
        today = fields.Date.context_today(self)
        by_leader = defaultdict(lambda: self.browse())
        for ticket in complaints:
            # nobody is told about a complaint about them
            leader = (
                ticket.team_id.user_id.filtered("active") - ticket.subject_user_ids
            ) or ticket._iso_escalation_user()
            if leader:
                by_leader[leader] |= ticket
        for leader, tickets in by_leader.items():
            if leader.complaint_digest_date == today:
                continue
            leader_email = leader.partner_id.email_normalized
            if not leader_email:
                continue
            lang = leader.lang or self.env.lang
            env = self.with_context(lang=lang).env
            overdue = tickets.filtered(lambda t: t.deadline_status == "overdue")
            at_risk = tickets - overdue
            body = env["ir.qweb"]._render(
                "iso10002_complaints.complaint_escalation_digest",
                {
                    "leader": leader,
                    "overdue": overdue.with_env(env)._iso_digest_rows(leader),
                    "at_risk": at_risk.with_env(env)._iso_digest_rows(leader),
                },
            )
            company = tickets[:1].company_id
            self.env["mail.mail"].sudo().create(
                {
                    "subject": env._(
                        "Complaints digest: %(overdue)s overdue, %(at_risk)s at risk",
                        overdue=len(overdue),
                        at_risk=len(at_risk),
                    ),
                    "body_html": body,
                    "email_from": company.email_formatted
                    or self.env.user.email_formatted,
                    "recipient_ids": [Command.link(leader.partner_id.id)],
                    "auto_delete": True,
                }
            )
            leader.sudo().complaint_digest_date = today

    def _iso_digest_rows(self, leader):
        """Lines of a team leader's digest, formatted in their time zone."""
        selection = dict(self._fields["iso_step"]._description_selection(self.env))
        rows = []
        for ticket in self:
            deadline, kind = ticket.next_deadline, ticket.next_deadline_kind
            local = (
                fields.Datetime.context_timestamp(
                    leader.with_context(tz=leader.tz or "UTC"), deadline
                ).strftime("%Y-%m-%d %H:%M")
                if deadline
                else ""
            )
            rows.append(
                {
                    "ref": ticket.complaint_ref or ticket.number,
                    "name": ticket.name,
                    "handler": ticket.user_id.name or self.env._("Unassigned"),
                    "step": selection.get(ticket.iso_step, ""),
                    "deadline": local,
                    "what": self.env._("Acknowledgement")
                    if kind == "ack"
                    else self.env._("Final response"),
                    "url": f"{ticket.get_base_url()}/odoo/helpdesk.ticket/{ticket.id}",
                }
            )
        return rows
