# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Acknowledgement on receipt (7.4) and the mail templates."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import FRIDAY_1500, ComplaintCommon


@tagged("post_install", "-at_install")
class TestAcknowledgement(ComplaintCommon):
    def test_auto_acknowledge_on_receipt(self):
        complaint = self._create_complaint(partner_id=self.partner.id)
        # pending until the job the creation triggered has run
        self.assertTrue(complaint.ack_pending)
        self.assertFalse(self._ack_messages(complaint))
        self._run_pending_jobs()
        self.assertFalse(complaint.ack_pending)
        sent = self._ack_messages(complaint)
        self.assertEqual(len(sent), 1)
        self.assertIn(complaint.complaint_ref, sent.subject)
        self.assertIn(complaint.complaint_ref, sent.body)
        self.assertEqual(sent.message_type, "comment")
        self.assertIn(self.partner, sent.partner_ids)
        self.assertTrue(complaint.ack_date)
        self.assertEqual(complaint.ack_method, "email")
        self.assertEqual(complaint.stage_id, self.stage_acknowledged)
        self.assertEqual(complaint.iso_step, "acknowledged")

    def test_auto_acknowledge_to_email_without_contact(self):
        complaint = self._create_complaint(
            partner_id=False,
            partner_name="Carla Guest",
            partner_email="carla.guest@example.com",
        )
        self._run_pending_jobs()
        sent = self._ack_messages(complaint)
        self.assertEqual(len(sent), 1)
        self.assertEqual(complaint.iso_step, "acknowledged")
        self.assertIn("carla.guest@example.com", sent.partner_ids.mapped("email"))
        mail = self.env["mail.mail"].search([("mail_message_id", "=", sent.id)])
        self.assertIn("carla.guest@example.com", mail.recipient_ids.mapped("email"))

    def test_no_auto_acknowledge_when_policy_says_so(self):
        self.policy.auto_acknowledge = False
        complaint = self._create_complaint(partner_id=self.partner.id)
        self.assertFalse(self._ack_messages(complaint))
        self.assertFalse(complaint.ack_date)
        self.assertFalse(complaint.ack_method)
        self.assertEqual(complaint.stage_id, self.stage_received)

    def test_no_auto_acknowledge_without_email(self):
        complaint = self._create_complaint(partner_id=self.partner_no_email.id)
        self.assertFalse(self._ack_messages(complaint))
        self.assertFalse(complaint.ack_date)
        self.assertEqual(complaint.stage_id, self.stage_received)
        self.assertFalse(complaint.ack_method)

    def test_send_acknowledgement_without_email_refused(self):
        complaint = self._create_complaint(partner_id=False, partner_name="Dan Phone")
        with self.assertRaises(UserError) as error:
            complaint.action_send_acknowledgement()
        message = str(error.exception)
        self.assertIn(complaint.complaint_ref, message)
        self.assertIn("no email address to acknowledge to", message)
        self.assertIn("phone, letter or in person", message)
        self.assertFalse(complaint.ack_date)
        self.assertEqual(complaint.iso_step, "received")

    def test_acknowledgement_actions_refused_on_plain_ticket(self):
        ticket = self._create_plain()
        for action in (
            ticket.action_send_acknowledgement,
            ticket.action_record_acknowledgement,
            ticket.action_communicate_decision,
        ):
            with self.assertRaises(UserError) as error:
                action()
            self.assertIn("applies to complaints only", str(error.exception))
        self.assertFalse(self._ack_messages(ticket))
        self.assertFalse(ticket.ack_date)

    def test_acknowledgement_uses_policy_template(self):
        template = self.env.ref("iso10002_complaints.mail_template_complaint_ack").copy(
            {"subject": "Custom ack {{ object.complaint_ref }}"}
        )
        self.policy.ack_template_id = template
        complaint = self._create_complaint(partner_id=self.partner.id)
        self._run_pending_jobs()
        custom = complaint.message_ids.filtered(
            lambda m: m.subject == f"Custom ack {complaint.complaint_ref}"
        )
        self.assertEqual(len(custom), 1)
        self.assertFalse(self._ack_messages(complaint))


@tagged("post_install", "-at_install")
class TestMailTemplates(ComplaintCommon):
    def test_ack_template_renders_reference_and_deadline(self):
        complaint = self._create_complaint(received_date=FRIDAY_1500)
        # medium: 15 business days after Friday 10 January 2025
        self.assertEqual(str(complaint.response_deadline), "2025-01-31 17:00:00")
        template = self.env.ref("iso10002_complaints.mail_template_complaint_ack")
        body = template._render_field("body_html", complaint.ids)[complaint.id]
        subject = template._render_field("subject", complaint.ids)[complaint.id]
        self.assertIn(complaint.complaint_ref, body)
        self.assertIn(complaint.complaint_ref, subject)
        # the day in the complaint's time zone (Europe/London), not in the
        # rendering user's (UTC+14: already 1 February)
        self.assertIn("01/31/2025", body)
        self.assertIn("Bob Nomail", body)
        self.assertIn("free of charge", body)

    def test_decision_template_renders_decision(self):
        complaint = self._respond(self._create_complaint())
        complaint.write(
            {
                "decision_outcome": "upheld",
                "decision": "<p>We refund the full price of 49.90.</p>",
                "remedy_ids": [
                    (0, 0, {"remedy_type": "refund", "description": "Full refund"})
                ],
            }
        )
        template = self.env.ref("iso10002_complaints.mail_template_complaint_decision")
        body = template._render_field("body_html", complaint.ids)[complaint.id]
        self.assertIn("We refund the full price of 49.90.", body)
        self.assertIn("Full refund", body)
        self.assertIn(complaint.complaint_ref, body)
        self.assertIn("external dispute resolution", body)
