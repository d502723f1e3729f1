# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared fixtures of the ISO 10002 complaint tests (no test methods here)."""

from contextlib import ExitStack
from datetime import datetime
from unittest.mock import patch

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.models.ir_cron import IrCron

# the jobs the addon triggers for right after a commit
AFTER_COMMIT_CRONS = (
    "iso10002_complaints.ir_cron_complaint_acknowledge",
    "iso10002_complaints.ir_cron_filestore_gc",
)

FAR_EAST, FAR_WEST = "Pacific/Kiritimati", "Pacific/Pago_Pago"

# A Friday, in winter (Europe/London is then UTC+0), used as receipt date.
FRIDAY_1500 = datetime(2025, 1, 10, 15, 0, 0)


def run_pending_jobs(env, scheduled=()):
    """Run the after-commit jobs that have been triggered, as the scheduler
    would once the transaction commits: each triggered job's server action,
    as the job's user. ``scheduled``: xmlids of jobs to run even untriggered
    (their periodic run). A test cursor never commits, so the jobs' own
    commits (``cr.commit()``, ``ir.cron._commit_progress()``) are left out,
    but what a commit runs first is run (flush, pre-commit hooks: tracking).
    Returns the jobs run."""
    crons = (
        env["ir.cron"].sudo().browse(env.ref(xmlid).id for xmlid in AFTER_COMMIT_CRONS)
    )
    # the creating transaction's commit
    _precommit(env)
    now = fields.Datetime.now()
    Trigger = env["ir.cron.trigger"].sudo()
    triggers = Trigger.search([("cron_id", "in", crons.ids), ("call_at", "<=", now)])
    due = triggers.cron_id | crons.filtered(
        lambda cron: cron.get_external_id()[cron.id] in scheduled
    )
    triggers.unlink()
    with ExitStack() as stack:
        stack.enter_context(
            patch.object(IrCron, "_commit_progress", job_commit_progress)
        )
        stack.enter_context(patch.object(env.cr, "commit", lambda: None))
        for cron in due:
            cron.ir_actions_server_id.with_user(cron.user_id).with_context(
                lastcall=cron.lastcall, cron_id=cron.id
            ).run()
            # the job's commit
            _precommit(env)
    env.invalidate_all()
    return due


def job_commit_progress(ir_cron, *args, **kwargs):
    """Stands for ``ir.cron._commit_progress`` in tests: a job's commit, but
    the cursor's own (never in a test): what a commit runs first; time left."""
    _precommit(ir_cron.env)
    return float("inf")


def digest_mails(env, user):
    """The complaints digests (escalation 8.4) mailed to ``user``."""
    return (
        env["mail.mail"]
        .sudo()
        .search(
            [
                ("subject", "like", "Complaints digest"),
                ("recipient_ids", "in", user.partner_id.ids),
            ]
        )
    )


def _precommit(env):
    env.flush_all()
    env.cr.precommit.run()
    env.flush_all()


class ComplaintCommon(TransactionCase):
    """Users, a complaints team, a plain team, partners and fixed working hours.

    The company's complaints policy is reset to the ISO preset with
    acknowledgement on receipt and a 25% at-risk share, so that the tests do
    not depend on whatever configuration the database holds.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["helpdesk.ticket"]
        cls.Policy = cls.env["iso10002.complaint.policy"]
        cls.company = cls.env.company
        # The test users live 25 hours apart (UTC+14 and UTC-11), neither in
        # the complaints' time zone (Europe/London): their days always
        # differ, so a day of a complaint taken in a user's zone instead of
        # the complaint's (ticket_deadlines._iso_day) fails at any hour, not
        # only when a test runs near midnight.
        cls.env.user.tz = FAR_EAST
        cls.env = cls.env(context=dict(cls.env.context, tz=FAR_EAST))

        cls.helpdesk_user = new_test_user(
            cls.env,
            tz=FAR_WEST,
            login="iso10002_test_user",
            name="Harriet Handler",
            email="handler@example.com",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        cls.helpdesk_manager = new_test_user(
            cls.env,
            login="iso10002_test_manager",
            tz=FAR_WEST,
            name="Margaret Manager",
            email="manager@example.com",
            groups="helpdesk_mgmt.group_helpdesk_manager",
        )

        # Mon-Fri 08:00-12:00 and 13:00-17:00
        cls.calendar = cls._create_calendar("ISO test hours", "Europe/London")

        cls.team_complaints = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Test complaints team",
                "is_complaint_team": True,
                "resource_calendar_id": cls.calendar.id,
                "user_ids": [
                    Command.set((cls.helpdesk_user | cls.helpdesk_manager).ids)
                ],
            }
        )
        cls.team_plain = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Test support team",
                "user_ids": [
                    Command.set((cls.helpdesk_user | cls.helpdesk_manager).ids)
                ],
            }
        )
        cls.partner = cls.env["res.partner"].create(
            {"name": "Ada Complainant", "email": "ada.complainant@example.com"}
        )
        cls.partner_no_email = cls.env["res.partner"].create(
            {"name": "Bob Nomail", "email": False}
        )

        cls.preset_iso = cls.env.ref("iso10002_complaints.policy_preset_iso")
        cls.preset_fca = cls.env.ref("iso10002_complaints.policy_preset_fca")
        cls.preset_asic = cls.env.ref("iso10002_complaints.policy_preset_asic")
        cls.policy = cls.Policy._get_for_company(cls.company)
        cls.policy.write(
            {
                "preset_id": cls.preset_iso.id,
                "auto_acknowledge": True,
                "at_risk_ratio": 0.25,
                "resource_calendar_id": False,
                "charges_allowed": False,
            }
        )
        cls.policy._apply_preset(cls.preset_iso)

        ref = cls.env.ref
        cls.stage_received = ref("iso10002_complaints.stage_complaint_received")
        cls.stage_acknowledged = ref("iso10002_complaints.stage_complaint_acknowledged")
        cls.stage_assessed = ref("iso10002_complaints.stage_complaint_assessed")
        cls.stage_investigating = ref(
            "iso10002_complaints.stage_complaint_investigating"
        )
        cls.stage_responded = ref("iso10002_complaints.stage_complaint_responded")
        cls.stage_decision = ref("iso10002_complaints.stage_complaint_decision")
        cls.stage_closed = ref("iso10002_complaints.stage_complaint_closed")
        cls.stage_withdrawn = ref("iso10002_complaints.stage_complaint_withdrawn")
        cls.complaint_stages = (
            cls.stage_received
            | cls.stage_acknowledged
            | cls.stage_assessed
            | cls.stage_investigating
            | cls.stage_responded
            | cls.stage_decision
            | cls.stage_closed
            | cls.stage_withdrawn
        )
        cls.stage_new = ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_done = ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    @classmethod
    def _create_calendar(cls, name, tz):
        attendances = []
        for day in "01234":
            for hour_from, hour_to, period in (
                (8, 12, "morning"),
                (13, 17, "afternoon"),
            ):
                attendances.append(
                    Command.create(
                        {
                            "name": f"Day {day} {period}",
                            "dayofweek": day,
                            "hour_from": hour_from,
                            "hour_to": hour_to,
                            "day_period": period,
                        }
                    )
                )
        return cls.env["resource.calendar"].create(
            {"name": name, "tz": tz, "attendance_ids": attendances}
        )

    def _complaint_vals(self, **values):
        vals = {
            "name": "The kettle leaks",
            "description": "<p>The kettle I bought leaks from the bottom.</p>",
            "team_id": self.team_complaints.id,
            # no email: no acknowledgement sent on receipt unless a test asks
            "partner_id": self.partner_no_email.id,
        }
        vals.update(values)
        return vals

    def _create_complaint(self, **values):
        return self.Ticket.create(self._complaint_vals(**values))

    def _create_plain(self, **values):
        vals = {
            "name": "How do I descale the kettle?",
            "description": "<p>Question about descaling.</p>",
            "team_id": self.team_plain.id,
            "partner_id": self.partner.id,
        }
        vals.update(values)
        return self.Ticket.create(vals)

    def _run_pending_jobs(self, scheduled=()):
        """The after-commit jobs triggered so far (see :func:`run_pending_jobs`)."""
        return run_pending_jobs(self.env, scheduled=scheduled)

    def _ack_messages(self, ticket):
        return ticket.message_ids.filtered(
            lambda m: m.subject and "We received your complaint" in m.subject
        )

    def _decision_messages(self, ticket):
        return ticket.message_ids.filtered(
            lambda m: m.subject and "Our decision on your complaint" in m.subject
        )

    # Moves a complaint along the process, fulfilling each step's requirement
    def _acknowledge(self, complaint):
        complaint.ack_method = "phone"
        complaint.action_record_acknowledgement()
        return complaint

    def _assess(self, complaint, severity="medium"):
        if not complaint.ack_date:
            self._acknowledge(complaint)
        complaint.write({"severity": severity, "stage_id": self.stage_assessed.id})
        return complaint

    def _respond(self, complaint):
        if not complaint.severity:
            self._assess(complaint)
        complaint.write(
            {
                "response_summary": "<p>We will replace the kettle.</p>",
                "stage_id": self.stage_responded.id,
            }
        )
        return complaint

    def _decide(self, complaint, outcome="upheld"):
        if complaint.iso_step != "responded":
            self._respond(complaint)
        complaint.write(
            {
                "decision_outcome": outcome,
                "decision": "<p>We uphold your complaint and replace the kettle.</p>",
            }
        )
        complaint.action_communicate_decision()
        return complaint

    def _close(self, complaint, reason="resolved"):
        if complaint.iso_step != "decision_communicated":
            self._decide(complaint)
        complaint.write({"closure_reason": reason, "stage_id": self.stage_closed.id})
        return complaint
