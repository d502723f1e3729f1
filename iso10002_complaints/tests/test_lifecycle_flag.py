# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint flag (clause 3): complaints are told apart from other
requests, and a complaint stays a complaint."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintFlag(ComplaintCommon):
    def test_flag_from_complaints_team(self):
        complaint = self._create_complaint()
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.stage_id, self.stage_received)
        self.assertEqual(complaint.iso_step, "received")
        self.assertTrue(complaint.complaint_ref)
        self.assertTrue(complaint.received_date)

    def test_flag_from_context_without_team(self):
        complaint = self.Ticket.with_context(default_is_complaint=True).create(
            {"name": "Walk-in complaint", "description": "<p>Rude staff</p>"}
        )
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.stage_id, self.stage_received)
        self.assertTrue(complaint.complaint_ref.startswith("CMP/"))
        self.assertTrue(complaint.received_date)

    def test_flag_from_context_with_plain_team(self):
        """Recorded from the Complaints menu in a plain team: a full complaint."""
        complaint = self.Ticket.with_context(default_is_complaint=True).create(
            {
                "name": "Complaint recorded in the support team",
                "description": "<p>Late delivery</p>",
                "team_id": self.team_plain.id,
            }
        )
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.stage_id, self.stage_received)
        self.assertTrue(complaint.complaint_ref)
        self.assertTrue(complaint.received_date)
        self.assertTrue(complaint.response_deadline)

    def test_flag_explicit_in_plain_team(self):
        complaint = self._create_complaint(
            team_id=self.team_plain.id, is_complaint=True
        )
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.stage_id, self.stage_received)
        self.assertTrue(complaint.complaint_ref)

    def test_flag_from_team_of_assigned_user(self):
        """No team given: helpdesk_mgmt takes the user's first team."""
        self.team_plain.user_ids = [(3, self.helpdesk_user.id)]
        complaint = self.Ticket.create(
            {
                "name": "Assigned on creation",
                "description": "<p>Rude driver</p>",
                "user_id": self.helpdesk_user.id,
                "partner_id": self.partner_no_email.id,
            }
        )
        self.assertEqual(complaint.team_id, self.team_complaints)
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.stage_id, self.stage_received)
        self.assertTrue(complaint.complaint_ref)
        self.assertTrue(complaint.received_date)
        self.assertTrue(complaint.response_deadline)
        self.assertEqual(complaint.deadline_status, "on_time")

    def test_no_flag_without_team_nor_context(self):
        ticket = self.Ticket.create({"name": "Question", "description": "<p>?</p>"})
        self.assertFalse(ticket.is_complaint)
        self.assertFalse(ticket.complaint_ref)
        self.assertFalse(ticket.stage_id.is_complaint_stage)

    def test_complaint_cannot_become_plain_ticket(self):
        complaint = self._create_complaint()
        with self.assertRaises(UserError) as error:
            complaint.write({"is_complaint": False, "name": "Just a question"})
        message = str(error.exception)
        self.assertIn(complaint.complaint_ref, message)
        self.assertIn("a complaint stays a complaint", message)
        self.assertIn("out of scope", message)
        self.env.invalidate_all()
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.name, "The kettle leaks")

    def test_complaint_moved_to_plain_team_stays_complaint(self):
        complaint = self._acknowledge(self._create_complaint())
        complaint.team_id = self.team_plain
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.stage_id, self.stage_acknowledged)

    def test_plain_ticket_moved_into_complaints_team(self):
        ticket = self._create_plain(partner_id=self.partner_no_email.id)
        self.assertFalse(ticket.is_complaint)
        self.assertEqual(ticket.stage_id, self.stage_new)
        ticket.team_id = self.team_complaints
        self.assertTrue(ticket.is_complaint)
        self.assertTrue(ticket.complaint_ref.startswith("CMP/"))
        self.assertTrue(ticket.received_date)
        self.assertEqual(ticket.stage_id, self.stage_received)
        self.assertTrue(ticket.ack_deadline)
        self.assertTrue(ticket.response_deadline)

    def test_plain_ticket_flagged_later(self):
        ticket = self._create_plain(partner_id=self.partner_no_email.id)
        ticket.is_complaint = True
        self.assertEqual(ticket.team_id, self.team_plain)
        self.assertTrue(ticket.complaint_ref.startswith("CMP/"))
        self.assertTrue(ticket.received_date)
        self.assertEqual(ticket.stage_id, self.stage_received)
        self.assertTrue(ticket.response_deadline)
