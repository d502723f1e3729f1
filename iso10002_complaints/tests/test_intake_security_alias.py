# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Intake security (issue 11, findings 16 and 17) on the email alias: a bad
sender address and a program renamed .pdf (the forms:
test_intake_security.py and test_intake_security_uploads.py)."""

import base64

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.test_intake_email import (
    INCOMING,
    MailIntakeCase,
)
from odoo.addons.iso10002_complaints.tests.test_intake_security_uploads import (
    ELF_BYTES,
)


@tagged("post_install", "-at_install")
class TestIntakeSecurityAlias(MailIntakeCase):
    alias_domain_name = "iso-security.example.com"
    alias_name = "iso-security-test"
    team_name = "Complaints by mail (security)"
    leader_values = {
        "login": "iso_security_leader",
        "email": "leader.security@example.com",
    }

    def _process(self, sender, sender_email, uid="1"):
        message = INCOMING.format(
            sender=sender,
            sender_email=sender_email,
            to=self.to,
            subject="Flooded kitchen",
            message_id=f"<security-{uid}@customer.example.com>",
            extra="",
            uid=uid,
        )
        with self.mock_mail_gateway():
            ticket_id = self.env["mail.thread"].sudo().message_process(None, message)
        return self.env["helpdesk.ticket"].browse(ticket_id)

    def test_finding_16_alias_email_from_a_bad_sender(self):
        partners_before = self.env["res.partner"].search_count([])
        complaint = self._process('"Dodgy" <dodgy@localhost>', "dodgy@localhost")
        # the complaint is never lost, but nothing goes to that address
        self.assertTrue(complaint.is_complaint)
        self.assertFalse(complaint.partner_email)
        self.assertFalse(complaint.partner_id)
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)
        self.assertFalse(complaint.ack_date)
        self.assertFalse(
            self.env["mail.mail"].search([("email_to", "ilike", "dodgy@localhost")])
        )
        # a good sender is kept as one normalised address
        complaint = self._process(
            '"Walter White" <Walter.White@Customer.Example.com>',
            "walter.white@customer.example.com",
            uid="2",
        )
        self.assertEqual(complaint.partner_email, "walter.white@customer.example.com")
        self.assertEqual(
            complaint.partner_id.email, "walter.white@customer.example.com"
        )

    def test_finding_17_alias_email_with_a_program_renamed_pdf(self):
        program = base64.b64encode(ELF_BYTES).decode()
        message = INCOMING.format(
            sender='"Walter White" <walter.white@customer.example.com>',
            sender_email="walter.white@customer.example.com",
            to=self.to,
            subject="Flooded kitchen",
            message_id="<security-3@customer.example.com>",
            extra="",
            uid="3",
        ).replace(
            "--==BOUNDARY==--",
            "--==BOUNDARY==\n"
            'Content-Type: application/pdf; name="invoice.pdf"\n'
            'Content-Disposition: attachment; filename="invoice.pdf"\n'
            "Content-Transfer-Encoding: base64\n\n"
            f"{program}\n\n--==BOUNDARY==--",
        )
        with self.mock_mail_gateway():
            ticket_id = self.env["mail.thread"].sudo().message_process(None, message)
        complaint = self.env["helpdesk.ticket"].browse(ticket_id)
        self.assertEqual(
            complaint.message_ids.attachment_ids.mapped("name"), ["delivery-note.pdf"]
        )
        self.assertFalse(
            self.env["ir.attachment"].search([("name", "=", "invoice.pdf")])
        )
        note = complaint.message_ids.filtered(
            lambda m: "Files of the email left out" in str(m.body)
        )
        self.assertIn("invoice.pdf", str(note.body))
        self.assertTrue(note.is_internal or note.subtype_id.internal)
