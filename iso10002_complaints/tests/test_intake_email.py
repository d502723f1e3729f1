# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints received by email through the mail gateway (4.5, 7.2, 7.4)."""

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs
from odoo.addons.mail.tests.common import MockEmail

INCOMING = """Return-Path: <{sender_email}>
From: {sender}
To: {to}
Subject: {subject}
Date: Mon, 06 Jan 2025 10:15:00 +0000
Message-ID: {message_id}
{extra}MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="==BOUNDARY=="

--==BOUNDARY==
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: 8bit

<p>Hello,</p><p>The washing machine you delivered floods my kitchen.</p>
<script>alert("gotcha")</script>
<p>I want it replaced.</p>

--==BOUNDARY==
Content-Type: application/pdf; name="delivery-note.pdf"
Content-Disposition: attachment; filename="delivery-note.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKMSAwIG9iajw8Pj5lbmRvYmoKdHJhaWxlcjw8Pj4KJSVFT0YK

--==BOUNDARY==--
"""

REPLY = """Return-Path: <{sender_email}>
From: {sender}
To: {to}
Subject: Re: {subject}
Date: Tue, 07 Jan 2025 09:00:00 +0000
Message-ID: <reply-1-{uid}@customer.example.com>
In-Reply-To: {in_reply_to}
References: {in_reply_to}
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Here is the serial number: WM-123456.
"""


class MailIntakeCase(TransactionCase, MockEmail):
    """A complaints team reached by an email alias, whose complaints are
    acknowledged on receipt (no test of its own)."""

    alias_domain_name = "iso-intake.example.com"
    alias_name = "iso-complaints-test"
    team_name = "Complaints by mail"
    leader_values = {
        "login": "iso_mail_leader",
        "name": "Lena Leader",
        "email": "lena@example.com",
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.email = "service@example.com"
        cls.alias_domain = cls.env["mail.alias.domain"].create(
            {
                "name": cls.alias_domain_name,
                "company_ids": [Command.link(cls.company.id)],
            }
        )
        cls.leader = new_test_user(
            cls.env,
            groups="iso10002_complaints.group_complaint_handler",
            **cls.leader_values,
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": cls.team_name,
                "is_complaint_team": True,
                "user_id": cls.leader.id,
                "alias_name": cls.alias_name,
                "alias_domain_id": cls.alias_domain.id,
            }
        )
        policy = cls.env["iso10002.complaint.policy"]._get_for_company(cls.company)
        policy.auto_acknowledge = True
        cls.to = f"{cls.alias_name}@{cls.alias_domain_name}"


@tagged("post_install", "-at_install")
class TestIntakeEmail(MailIntakeCase):
    def _process(self, template, **values):
        values.setdefault(
            "sender", '"Walter White" <walter.white@customer.example.com>'
        )
        values.setdefault("sender_email", "walter.white@customer.example.com")
        values.setdefault("to", self.to)
        values.setdefault("subject", "Flooded kitchen")
        values.setdefault("message_id", "<incoming-1@customer.example.com>")
        values.setdefault("extra", "")
        values.setdefault("uid", "1")
        message = template.format(**values)
        with self.mock_mail_gateway():
            thread_id = self.env["mail.thread"].sudo().message_process(None, message)
            # the acknowledgement job the creation triggered
            run_pending_jobs(self.env)
        return thread_id

    def test_email_creates_complaint(self):
        self.assertFalse(
            self.env["res.partner"].search(
                [("email_normalized", "=", "walter.white@customer.example.com")]
            )
        )
        thread_id = self._process(INCOMING)
        complaint = self.env["helpdesk.ticket"].browse(thread_id)
        self.assertTrue(complaint.exists())
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.team_id, self.team)
        self.assertEqual(complaint.name, "Flooded kitchen")
        self.assertTrue(complaint.complaint_ref)
        self.assertTrue(complaint.received_date)
        self.assertEqual(
            complaint.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email"),
        )
        # unassigned: the mail gateway (OdooBot) does not handle it (issue
        # 11, finding 13)
        self.assertFalse(complaint.user_id)
        # the sender became the complainant, and follows the complaint
        partner = complaint.partner_id
        self.assertEqual(partner.email_normalized, "walter.white@customer.example.com")
        self.assertEqual(partner.name, "Walter White")
        self.assertIn(partner, complaint.message_partner_ids)
        # the description is sanitised, the attachment kept
        self.assertIn("floods my kitchen", complaint.description)
        self.assertNotIn("<script", complaint.description)
        incoming = complaint.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(incoming), 1)
        self.assertEqual(incoming.author_id, partner)
        self.assertEqual(incoming.attachment_ids.mapped("name"), ["delivery-note.pdf"])
        # acknowledged on receipt, by email, with a portal link
        self.assertTrue(complaint.ack_date)
        self.assertEqual(complaint.ack_method, "email")
        self.assertEqual(complaint.iso_step, "acknowledged")
        ack_mail = self._new_mails.filtered(
            lambda m: "We received your complaint" in (m.subject or "")
        )
        self.assertEqual(len(ack_mail), 1)
        self.assertIn(partner, ack_mail.recipient_ids)
        self.assertIn(complaint.complaint_ref, ack_mail.subject)
        # the link with the token is the button of the complainant's own copy
        # (notification layout), never in the body kept in the chatter
        # (issue 11, finding 4)
        self.assertIn(
            f"/mail/view?access_token={complaint.access_token}", ack_mail.body_html
        )
        self.assertIn("View your complaint", ack_mail.body_html)
        self.assertNotIn(
            complaint.access_token, str(complaint.message_ids.mapped("body"))
        )

    def test_reply_threads_into_the_complaint(self):
        complaint = self.env["helpdesk.ticket"].browse(self._process(INCOMING))
        ack = complaint.message_ids.filtered(
            lambda m: m.subject and "We received your complaint" in m.subject
        )
        self.assertTrue(ack.message_id)
        count = self.env["helpdesk.ticket"].search_count([])
        with mute_logger("odoo.addons.mail.models.mail_thread"):
            thread_id = self._process(
                REPLY,
                subject=ack.subject,
                in_reply_to=ack.message_id,
                to=f"catchall@{self.alias_domain.name}",
            )
        self.assertEqual(thread_id, complaint.id)
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), count)
        reply = complaint.message_ids.filtered(lambda m: "WM-123456" in str(m.body))
        self.assertEqual(len(reply), 1)
        self.assertEqual(reply.author_id, complaint.partner_id)
        # a reply is not a new complaint: no second acknowledgement
        acks = complaint.message_ids.filtered(
            lambda m: m.subject and m.subject.startswith("We received your complaint")
        )
        self.assertEqual(len(acks), 1)

    def test_email_from_known_contact(self):
        known = self.env["res.partner"].create(
            {"name": "Walter W.", "email": "walter.white@customer.example.com"}
        )
        complaint = self.env["helpdesk.ticket"].browse(self._process(INCOMING))
        self.assertEqual(complaint.partner_id, known)
        self.assertEqual(known.name, "Walter W.")

    def test_plain_team_mail_stays_a_ticket(self):
        plain = self.env["helpdesk.ticket.team"].create(
            {
                "name": "Support by mail",
                "alias_name": "iso-support-test",
                "alias_domain_id": self.alias_domain.id,
            }
        )
        ticket = self.env["helpdesk.ticket"].browse(
            self._process(
                INCOMING,
                to="iso-support-test@iso-intake.example.com",
                message_id="<plain-1@customer.example.com>",
            )
        )
        self.assertEqual(ticket.team_id, plain)
        self.assertFalse(ticket.is_complaint)
        self.assertFalse(ticket.complaint_ref)
