# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a complaint's creation leaves to right after its commit: the
acknowledgement email, sent by a scheduled job the creation triggers
(``ir.cron._trigger()`` on the ``ack_pending`` flag). The job is idempotent,
commits per batch of complaints, and a failing complaint is retried at the
next run without holding up the others."""

import pathlib
import re
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.base.models.ir_cron import IrCron
from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon

ADDONS = pathlib.Path(__file__).resolve().parents[2]
ACK_JOB = "iso10002_complaints.ir_cron_complaint_acknowledge"
LOGGER = "odoo.addons.iso10002_complaints.models.ticket_acknowledgement"


@tagged("post_install", "-at_install")
class TestAfterCommit(ComplaintCommon):
    def setUp(self):
        super().setUp()
        self.job = self.env.ref(ACK_JOB)
        self.Trigger = self.env["ir.cron.trigger"].sudo()
        self.Trigger.search([("cron_id", "=", self.job.id)]).unlink()

    def _job_triggered(self):
        return bool(self.Trigger.search([("cron_id", "=", self.job.id)]))

    def _assert_acknowledged(self, ticket):
        self.assertFalse(ticket.ack_pending)
        self.assertTrue(ticket.ack_date)
        self.assertEqual(ticket.ack_method, "email")
        self.assertEqual(ticket.iso_step, "acknowledged")
        self.assertEqual(len(self._ack_messages(ticket)), 1)

    def test_acknowledgement_waits_for_the_job(self):
        complaint = self._create_complaint(partner_id=self.partner.id)
        # saved and numbered; the acknowledgement pending, its job triggered
        self.assertTrue(complaint.complaint_ref)
        self.assertTrue(complaint.ack_pending)
        self.assertFalse(complaint.ack_date)
        self.assertFalse(self._ack_messages(complaint))
        self.assertEqual(complaint.iso_step, "received")
        self.assertTrue(self._job_triggered())
        other = self._create_complaint(partner_id=self.partner.id)
        # what the scheduler runs once the transaction is committed
        self.assertEqual(self._run_pending_jobs(), self.job)
        for ticket in complaint | other:
            self._assert_acknowledged(ticket)
        self.assertFalse(self._job_triggered())

    def test_no_job_without_acknowledgement(self):
        complaint = self._create_complaint(partner_id=self.partner_no_email.id)
        self.assertFalse(complaint.ack_pending)
        self.assertFalse(self._job_triggered())
        self._create_plain()
        self.assertFalse(self._job_triggered())

    def test_job_is_idempotent(self):
        complaint = self._create_complaint(partner_id=self.partner.id)
        self._run_pending_jobs()
        self._run_pending_jobs(scheduled=[ACK_JOB])
        self._run_pending_jobs(scheduled=[ACK_JOB])
        self._assert_acknowledged(complaint)

    def test_failure_is_retried_without_blocking_the_others(self):
        failing, other = (
            self._create_complaint(partner_id=self.partner.id) for _i in range(2)
        )
        send = type(self.Ticket)._iso_send_acknowledgement

        def broken(tickets):
            if failing in tickets:
                raise ConnectionError("mail template rendering failed")
            return send(tickets)

        with (
            patch.object(type(self.Ticket), "_iso_send_acknowledgement", broken),
            self.assertLogs(LOGGER, "ERROR") as logs,
        ):
            self._run_pending_jobs()
        self.assertIn(f"Complaint {failing.id}", logs.output[0])
        self._assert_acknowledged(other)
        # rolled back to before its attempt, still pending for the next run
        self.assertTrue(failing.ack_pending)
        self.assertFalse(failing.ack_date or self._ack_messages(failing))
        # the job's next run (its interval) sends it
        self._run_pending_jobs(scheduled=[ACK_JOB])
        self._assert_acknowledged(failing)
        self._assert_acknowledged(other)

    def test_job_commits_per_batch(self):
        complaints = self.Ticket.create(
            [self._complaint_vals(partner_id=self.partner.id) for _i in range(3)]
        )
        calls = []

        def progress(cron, processed=0, *, remaining=None, deactivate=False):
            calls.append((processed, remaining))
            return float("inf")

        with patch.object(IrCron, "_commit_progress", progress):
            self.Ticket._cron_iso_send_acknowledgements(batch_size=2)
        # the pending count, then one commit per batch
        self.assertEqual(calls, [(0, 3), (2, None), (1, None)])
        self.assertEqual(complaints.mapped("ack_pending"), [False] * 3)
        # out of time after the first batch: the rest is counted as
        # remaining, so that the scheduler runs the job again at once
        more = self.Ticket.create(
            [self._complaint_vals(partner_id=self.partner.id) for _i in range(3)]
        )
        calls.clear()

        def out_of_time(cron, processed=0, *, remaining=None, deactivate=False):
            calls.append((processed, remaining))
            # time for one batch
            return 1.0 if len(calls) == 1 else 0.0

        with patch.object(IrCron, "_commit_progress", out_of_time):
            self.Ticket._cron_iso_send_acknowledgements(batch_size=2)
        self.assertEqual(calls, [(0, 3), (2, None), (0, 1)])
        self.assertEqual(more.mapped("ack_pending"), [False, False, True])
        # no time left from the start: no batch begun, all remaining
        with patch.object(IrCron, "_commit_progress", lambda *a, **k: 0.0):
            self.Ticket._cron_iso_send_acknowledgements(batch_size=2)
        self.assertTrue(more[2].ack_pending)
        self._run_pending_jobs(scheduled=[ACK_JOB])
        self.assertFalse(more[2].ack_pending)

    def _complainants(self, count):
        return self.env["res.partner"].create(
            [
                {"name": f"Complainant {i}", "email": f"complainant{i}@example.com"}
                for i in range(count)
            ]
        )

    def test_batch_acknowledged_in_one_run(self):
        """Complaints pending together are acknowledged in one run, each
        with its own mail: its reference, its complainant."""
        partners = self._complainants(7)
        complaints = self.Ticket.create(
            [self._complaint_vals(partner_id=partner.id) for partner in partners]
        )
        complaints |= self._create_complaint(
            partner_id=False,
            partner_name="Carla Guest",
            partner_email="carla.guest@example.com",
        )
        self.assertEqual(complaints.mapped("ack_pending"), [True] * 8)
        self.assertEqual(self._run_pending_jobs(), self.job)
        refs = complaints.mapped("complaint_ref")
        self.assertEqual(len(set(refs)), 8)
        for complaint in complaints:
            self._assert_acknowledged(complaint)
            message = self._ack_messages(complaint)
            self.assertIn(complaint.complaint_ref, message.subject)
            others = [ref for ref in refs if ref != complaint.complaint_ref]
            self.assertFalse([ref for ref in others if ref in message.body])
            address = complaint.partner_id.email or complaint.partner_email
            self.assertEqual(message.partner_ids.mapped("email"), [address])
            mail = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
            self.assertEqual(len(mail), 1)
            self.assertEqual(mail.recipient_ids, message.partner_ids)
        self.assertEqual(
            self._ack_messages(complaints[-1]).partner_ids.email,
            "carla.guest@example.com",
        )

    def test_failing_complaint_in_a_batch(self):
        """The batch fails as a whole, then is taken one complaint per
        transaction: only the failing one stays pending, and its retry at
        the job's next run sends it."""
        complaints = self.Ticket.create(
            [
                self._complaint_vals(partner_id=partner.id)
                for partner in self._complainants(5)
            ]
        )
        failing = complaints[2]
        send = type(self.Ticket)._iso_send_acknowledgement

        def broken(tickets):
            if failing in tickets:
                raise ConnectionError("mail server refused")
            return send(tickets)

        with (
            patch.object(type(self.Ticket), "_iso_send_acknowledgement", broken),
            self.assertLogs(LOGGER, "WARNING") as logs,
        ):
            self._run_pending_jobs()
        self.assertEqual(len(logs.records), 2, logs.output)
        self.assertEqual(logs.records[0].levelname, "WARNING")
        self.assertIn("one by one", logs.output[0])
        self.assertEqual(logs.records[1].levelname, "ERROR")
        self.assertIn(f"Complaint {failing.id}:", logs.output[1])
        for complaint in complaints - failing:
            self._assert_acknowledged(complaint)
        self.assertTrue(failing.ack_pending)
        self.assertFalse(failing.ack_date or self._ack_messages(failing))
        self.assertEqual(failing.iso_step, "received")
        # the others' tracking was committed with them
        self.assertTrue(
            (complaints - failing).message_ids.tracking_value_ids.filtered(
                lambda v: v.field_id.name == "ack_date"
            )
        )
        self._run_pending_jobs(scheduled=[ACK_JOB])
        for complaint in complaints:
            self._assert_acknowledged(complaint)

    def test_form_says_pending_until_sent(self):
        complaint = self._create_complaint(partner_id=self.partner.id)
        form = Form(complaint.with_user(self.helpdesk_user))
        self.assertTrue(form.ack_pending)
        self.assertFalse(form._get_modifier("ack_pending", "invisible"))
        self.assertFalse(form.ack_date)
        self._run_pending_jobs()
        form = Form(complaint.with_user(self.helpdesk_user))
        self.assertFalse(form.ack_pending)
        self.assertTrue(form._get_modifier("ack_pending", "invisible"))
        self.assertTrue(form.ack_date)

    def test_acknowledged_meanwhile_is_not_sent_twice(self):
        complaint = self._create_complaint(partner_id=self.partner.id)
        complaint.write({"ack_date": fields.Datetime.now(), "ack_method": "phone"})
        self._run_pending_jobs()
        self.assertFalse(complaint.ack_pending)
        self.assertEqual(complaint.ack_method, "phone")
        self.assertFalse(self._ack_messages(complaint))

    def test_send_again_refused_once_acknowledged(self):
        """A form opened before the acknowledgement went out must not send
        a second one."""
        complaint = self._create_complaint(partner_id=self.partner.id)
        self._run_pending_jobs()
        self.assertTrue(complaint.ack_date)
        with self.assertRaises(UserError) as error:
            complaint.action_send_acknowledgement()
        self.assertIn(complaint.complaint_ref, str(error.exception))
        self.assertIn("already acknowledged by email", str(error.exception))
        self.assertEqual(len(self._ack_messages(complaint)), 1)

    def test_after_commit_work_goes_through_the_scheduler(self):
        """No hand-made cursor, registry, commit or post-commit hook in the
        addons' code: work after the commit is a triggered scheduled job."""
        pattern = re.compile(r"Registry\(|postcommit|cr\.commit\(|\.cursor\(\)")
        # the scheduler's own wake-up (ir.cron._notifydb, as _trigger sends
        # it at the commit), sent after the HTTP answer: no work of its own
        wake = pathlib.Path("iso10002_complaints", "models", "ir_cron_wake.py")
        # the one cursor of its own: the rate limit's decision, committed
        # before the complaint's work begins (issue 14: submissions sharing
        # a key must not fail on a serialization error), no work after it
        allowed = {
            (
                "iso10002_complaints/models/complaint_intake_throttle.py",
                "with self.env.registry.cursor() as cr:",
            )
        }
        found = [
            f"{path.relative_to(ADDONS)}:{number}"
            for addon in ("iso10002_complaints", "iso10002_reports")
            for path in (ADDONS / addon).rglob("*.py")
            if "tests" not in path.parts
            for number, line in enumerate(path.read_text().splitlines(), 1)
            if pattern.search(line)
            and path.relative_to(ADDONS) != wake
            and (str(path.relative_to(ADDONS)), line.strip()) not in allowed
        ]
        self.assertEqual(found, [])
