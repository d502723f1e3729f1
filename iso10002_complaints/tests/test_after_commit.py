# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a complaint's creation leaves to right after its commit: the
acknowledgement email, and the reference when the gapless sequence is busy
(a concurrent creation holds it); the catch-up job for what fails there."""

from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time
from psycopg2 import errors as pg_errors

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon

NOW = datetime(2025, 3, 3, 10, 0, 0)
HOOK_KEY = "iso10002_complaints.after_commit"


@tagged("post_install", "-at_install")
class TestAfterCommit(ComplaintCommon):
    def _company_team(self, name):
        company = self.env["res.company"].create({"name": name})
        team = self.env["helpdesk.ticket.team"].create(
            {"name": name, "is_complaint_team": True, "company_id": company.id}
        )
        return team

    def _outside_tests(self):
        """Run as in production: the work waits for the commit (a test
        cursor never commits, so tests otherwise do it at once)."""
        self.addCleanup(self.env.cr.postcommit.clear)
        return patch("odoo.modules.module.current_test", None)

    def test_acknowledgement_waits_for_the_commit(self):
        with self._outside_tests():
            complaint = self._create_complaint(partner_id=self.partner.id)
            # saved and numbered, the acknowledgement queued for after the commit
            self.assertTrue(complaint.complaint_ref)
            self.assertTrue(complaint.ack_pending)
            self.assertFalse(complaint.ack_date)
            self.assertFalse(self._ack_messages(complaint))
            self.assertEqual(complaint.iso_step, "received")
            self.assertIn(complaint.id, self.env.cr.postcommit.data[HOOK_KEY])
            # a second complaint joins the same hook
            other = self._create_complaint(partner_id=self.partner.id)
            self.assertEqual(
                self.env.cr.postcommit.data[HOOK_KEY], {complaint.id, other.id}
            )
        # what the hook runs in its own transaction
        (complaint | other)._iso_finish_after_commit()
        for ticket in complaint | other:
            self.assertFalse(ticket.ack_pending)
            self.assertTrue(ticket.ack_date)
            self.assertEqual(ticket.ack_method, "email")
            self.assertEqual(ticket.iso_step, "acknowledged")
            self.assertEqual(len(self._ack_messages(ticket)), 1)

    def test_no_hook_without_acknowledgement(self):
        with self._outside_tests():
            complaint = self._create_complaint(partner_id=self.partner_no_email.id)
            self.assertFalse(complaint.ack_pending)
            self.assertFalse(self.env.cr.postcommit.data.get(HOOK_KEY))

    @freeze_time(NOW)
    def test_busy_sequence_defers_the_reference(self):
        team = self._company_team("Delta Ovens")
        first = self._create_complaint(team_id=team.id, received_date=NOW)
        self.assertEqual(first.complaint_ref, "CMP/2025/00001")
        ticket_class = type(self.Ticket)
        reserve = ticket_class._iso_reserve_numbers

        def busy(tickets, sequence, wait):
            if not wait:
                raise pg_errors.LockNotAvailable("could not obtain lock on row")
            return reserve(tickets, sequence, wait)

        with (
            self._outside_tests(),
            patch.object(ticket_class, "_iso_reserve_numbers", busy),
        ):
            second, third = self.Ticket.create(
                [
                    self._complaint_vals(
                        team_id=team.id, received_date=NOW, partner_id=self.partner.id
                    )
                    for _i in range(2)
                ]
            )
            # stored without failing, numbered after the commit
            self.assertTrue(second.exists() and third.exists())
            self.assertFalse(second.complaint_ref or third.complaint_ref)
            self.assertEqual(
                self.env.cr.postcommit.data[HOOK_KEY], {second.id, third.id}
            )
            # never acknowledged without its reference
            (second | third)._iso_finish_acknowledgements()
            self.assertFalse(second.ack_date or third.ack_date)
            (second | third)._iso_finish_after_commit()
        # gapless: the next numbers of the company
        self.assertEqual(
            (second | third).mapped("complaint_ref"),
            ["CMP/2025/00002", "CMP/2025/00003"],
        )
        self.assertTrue(second.ack_date and third.ack_date)
        self.assertIn(second.complaint_ref, self._ack_messages(second).subject)

    def test_catch_up_job(self):
        """What a crash after the commit left undone: the job numbers and
        acknowledges it."""
        team = self._company_team("Epsilon Irons")
        ticket_class = type(self.Ticket)

        def busy(tickets, sequence, wait):
            raise pg_errors.LockNotAvailable("could not obtain lock on row")

        with (
            patch.object(ticket_class, "_iso_reserve_numbers", busy),
            patch.object(ticket_class, "_iso_after_commit", lambda tickets: None),
        ):
            complaint = self._create_complaint(
                team_id=team.id, received_date=NOW, partner_id=self.partner.id
            )
        self.assertFalse(complaint.complaint_ref)
        self.assertTrue(complaint.ack_pending)
        # the acknowledgement after the commit gets a few minutes first
        self.Ticket._cron_iso_catch_up()
        self.assertEqual(complaint.complaint_ref, "CMP/2025/00001")
        self.assertTrue(complaint.ack_pending)
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET create_date = create_date - interval "
            "'10 minutes' WHERE id = %s",
            [complaint.id],
        )
        complaint.invalidate_recordset(["create_date"])
        self.Ticket._cron_iso_catch_up()
        self.assertFalse(complaint.ack_pending)
        self.assertTrue(complaint.ack_date)
        self.assertEqual(len(self._ack_messages(complaint)), 1)

    def test_acknowledged_meanwhile_is_not_sent_twice(self):
        with self._outside_tests():
            complaint = self._create_complaint(partner_id=self.partner.id)
        complaint.write({"ack_date": fields.Datetime.now(), "ack_method": "phone"})
        complaint._iso_finish_after_commit()
        self.assertFalse(complaint.ack_pending)
        self.assertEqual(complaint.ack_method, "phone")
        self.assertFalse(self._ack_messages(complaint))

    def test_send_again_refused_once_acknowledged(self):
        """A form opened before the acknowledgement went out must not send
        a second one."""
        complaint = self._create_complaint(partner_id=self.partner.id)
        self.assertTrue(complaint.ack_date)
        with self.assertRaises(UserError) as error:
            complaint.action_send_acknowledgement()
        self.assertIn(complaint.complaint_ref, str(error.exception))
        self.assertIn("already acknowledged by email", str(error.exception))
        self.assertEqual(len(self._ack_messages(complaint)), 1)

    @freeze_time(NOW)
    def test_numbered_meanwhile_is_not_numbered_twice(self):
        """The numbering after the commit reads again under the sequence's
        lock: a complaint the catch-up job numbered meanwhile keeps its
        reference and takes no number (no gap)."""
        team = self._company_team("Zeta Mixers")
        first = self._create_complaint(team_id=team.id, received_date=NOW)
        self.assertEqual(first.complaint_ref, "CMP/2025/00001")
        sequence = first.company_id._get_complaint_sequence()
        next_number = sequence.number_next
        self.env.flush_all()
        # another transaction numbered it: the database has the reference,
        # this transaction's cache still believes it has none
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET complaint_ref = NULL WHERE id = %s",
            [first.id],
        )
        first.invalidate_recordset(["complaint_ref"])
        self.assertFalse(first.complaint_ref)
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET complaint_ref = 'CMP/2025/00001' WHERE id = %s",
            [first.id],
        )
        first._iso_assign_waiting_references()
        self.assertEqual(first.complaint_ref, "CMP/2025/00001")
        sequence.invalidate_recordset(["number_next"])
        self.assertEqual(sequence.number_next, next_number)
