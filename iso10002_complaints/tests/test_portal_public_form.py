# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The published policy and the public complaint form, over real HTTP.

Visibility (4.4), accessibility (4.5) and receipt (7.2) for people who have
no account; and the form's defences: CSRF, honeypot, rate limits, duplicate
submissions and bad input, each answered on the form, nothing half-created.
"""

from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs
from odoo.addons.iso10002_complaints.tests.test_intake_common import (
    PDF_BYTES,
    PNG_BYTES,
    IntakeHttpCommon,
)


@tagged("post_install", "-at_install")
class TestPublicPolicy(IntakeHttpCommon):
    def test_policy_page_public(self):
        self.policy.description = (
            "<p>A complaint is any expression of dissatisfaction.</p>"
        )
        response = self.url_open("/complaints/policy")
        self.assertEqual(response.status_code, 200)
        text = response.text
        self.assertIn("A complaint is any expression of dissatisfaction.", text)
        # targets in plain words, per severity (ISO preset: 1 working day to
        # acknowledge)
        self.assertIn("within 1 working day", text)
        self.assertRegex(text, r"within \d+ working days")
        self.assertIn("Working days are counted", text)
        self.assertIn("Complaining is free of charge.", text)
        self.assertIn("The Consumer Ombudsman", text)
        self.assertIn("https://ombudsman.example.com", text)
        self.assertIn('href="/complaints/new"', text)
        self.assertEqual(self.url_open("/complaints").status_code, 200)

    def test_policy_page_portal_user(self):
        self._login(self.portal_user)
        response = self.url_open("/complaints/policy")
        self.assertEqual(response.status_code, 200)
        self.assertIn('href="/my/complaints/new"', response.text)
        self.assertIn("Follow my complaints", response.text)

    def test_public_form_redirects_users_to_portal_form(self):
        self._login(self.portal_user)
        response = self.url_open("/complaints/new", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/my/complaints/new", response.headers["Location"])

    def test_public_form_disabled(self):
        self.policy.public_form_enabled = False
        response = self.url_open("/complaints/new")
        self.assertEqual(response.status_code, 200)
        self.assertIn("cannot be filed online", response.text)
        self.assertNotIn('action="/complaints/submit"', response.text)


@tagged("post_install", "-at_install")
class TestPublicForm(IntakeHttpCommon):
    def _partners(self, email):
        return self.env["res.partner"].search([("email_normalized", "=", email)])

    def test_public_submission_creates_contact_complaint_and_ack(self):
        form = self.url_open("/complaints/new")
        self.assertEqual(form.status_code, 200)
        self.assertIn('name="website"', form.text, "honeypot present")
        self.assertIn('name="csrf_token"', form.text)
        response = self._post_public(
            files=[
                ("attachments", ("receipt.pdf", PDF_BYTES, "application/pdf")),
                ("attachments", ("photo.png", PNG_BYTES, "image/png")),
            ]
        )
        self.assertEqual(response.status_code, 303, response.text[:1000])
        # the acknowledgement job the request triggered
        run_pending_jobs(self.env)
        self.assertTrue(response.headers["Location"].endswith("/complaints/thank-you"))
        partner = self._partners("nora.newcomer@example.com")
        self.assertEqual(len(partner), 1)
        self.assertEqual(partner.name, "Nora Newcomer")
        self.assertEqual(partner.phone, "+32 2 555 01 01")
        complaint = self._complaints(partner_id=partner.id)
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.complaint_ref)
        self.assertEqual(complaint.team_id, self.team)
        self.assertTrue(complaint.consent_given)
        self.assertEqual(
            complaint.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web"),
        )
        self.assertEqual(
            sorted(complaint.message_ids.attachment_ids.mapped("name")),
            ["photo.png", "receipt.pdf"],
        )
        log = self.env["iso10002.complaint.intake.log"].search(
            [("ticket_id", "=", complaint.id)]
        )
        self.assertEqual(log.ip_address, "127.0.0.1")
        self.assertEqual(log.channel, "public")
        # the thank-you page gives the reference, never the access link
        thanks = self.url_open(response.headers["Location"])
        self.assertEqual(thanks.status_code, 200)
        self.assertIn(complaint.complaint_ref, thanks.text)
        self.assertNotIn("access_token", thanks.text)
        # the acknowledgement (7.4) is sent to the complainant; the link that
        # works without login is in their own copy only (the notification's
        # button), never in the body kept in the chatter (issue 11, finding
        # 4, see test_portal_security)
        ack = complaint.message_ids.filtered(
            lambda m: m.subject and "We received your complaint" in m.subject
        )
        self.assertEqual(len(ack), 1)
        self.assertIn(partner, ack.partner_ids)
        self.assertTrue(complaint.access_token)
        self.assertNotIn(complaint.access_token, str(ack.body))
        self.authenticate(None, None)  # a fresh visitor: no session, no login
        url = f"/my/complaint/{complaint.id}?access_token={complaint.access_token}"
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(complaint.complaint_ref, page.text)
        self.assertIn("leaks from the bottom", page.text)
        # a wrong token gives nothing
        response = self.url_open(
            f"/my/complaint/{complaint.id}?access_token=wrong", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)

    def test_public_existing_contact_found_by_email(self):
        existing = self.env["res.partner"].create(
            {"name": "Olga Original", "email": "Olga@Example.com", "phone": "111"}
        )
        response = self._post_public(
            name="Someone Else", email="olga@example.com", phone="+1 999"
        )
        self.assertEqual(response.status_code, 303)
        # an anonymous visitor never changes an existing contact, nor files
        # a complaint in its name: the complaint has a contact of its own
        # until the owner of the address confirms it (issue 11, finding 15)
        self.assertEqual(existing.name, "Olga Original")
        self.assertEqual(existing.phone, "111")
        self.assertFalse(self._complaints(partner_id=existing.id))
        complaint = self._complaints(partner_email="olga@example.com")
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.intake_unconfirmed)
        self.assertEqual(complaint.partner_id.name, "Someone Else")
        self.assertEqual(complaint.partner_id, complaint.intake_partner_id)

    def test_public_existing_portal_user_gets_complaint_in_portal(self):
        response = self._post_public(email=self.portal_user.email)
        self.assertEqual(response.status_code, 303)
        owner = self.portal_user.partner_id
        # once the owner of the address confirmed it (issue 11, finding 15)
        self.assertFalse(self._complaints(partner_id=owner.id))
        self._complaints(partner_email=self.portal_user.email)._iso_intake_confirm()
        complaint = self._complaints(partner_id=owner.id)
        self.assertEqual(len(complaint), 1)

    def test_honeypot(self):
        response = self._post_public(website="http://spam.example.com")
        self.assertEqual(response.status_code, 400)
        self.assertIn("automated submission", response.text)
        self.assertFalse(self._partners("nora.newcomer@example.com"))
        self.assertFalse(self._complaints(name="Broken kettle"))
        self.assertFalse(self.env["iso10002.complaint.intake.log"].search([]))

    def test_csrf_required(self):
        self.url_open("/complaints/new")
        response = self._post_public(csrf="not-a-token")
        self.assertEqual(response.status_code, 400)
        self.assertIn("This form has expired", response.text)
        data = self._public_form()
        response = self.url_open("/complaints/submit", data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._partners("nora.newcomer@example.com"))
        self.assertFalse(self._complaints(name="Broken kettle"))

    def test_rate_limit_per_ip(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("iso10002_complaints.intake_rate_limit_ip", 2)
        for index in range(2):
            response = self._post_public(
                email=f"ip.{index}@example.com", subject=f"Complaint {index}"
            )
            self.assertEqual(response.status_code, 303)
        response = self._post_public(email="ip.3@example.com", subject="Third one")
        self.assertEqual(response.status_code, 429)
        self.assertIn("several complaints from you in a short time", response.text)
        self.assertFalse(self._partners("ip.3@example.com"))
        self.assertFalse(self._complaints(name="Third one"))

    def test_rate_limit_per_email(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("iso10002_complaints.intake_rate_limit_email", 2)
        # submissions from other addresses (other workers, other IPs) count:
        # the counters are in the database
        log = self.env["iso10002.complaint.intake.log"].sudo()
        for ip_address in ("10.0.0.1", "10.0.0.2"):
            self.assertFalse(
                log._iso_rate_limited(ip_address=ip_address, email="busy@example.com")
            )
        response = self._post_public(email="Busy@Example.com", subject="Again")
        self.assertEqual(response.status_code, 429)
        self.assertFalse(self._complaints(name="Again"))
        # another address from the same IP is still welcome
        response = self._post_public(email="calm@example.com", subject="Calm one")
        self.assertEqual(response.status_code, 303)

    def test_duplicate_submission(self):
        csrf = self._csrf("/complaints/new")
        first = self._post_public(csrf=csrf)
        self.assertEqual(first.status_code, 303)
        second = self._post_public(csrf=csrf)
        self.assertEqual(second.status_code, 409)
        self.assertIn("You have just sent us this complaint", second.text)
        partner = self._partners("nora.newcomer@example.com")
        self.assertEqual(len(self._complaints(partner_id=partner.id)), 1)
        # the same text with another subject is another complaint
        third = self._post_public(csrf=csrf, subject="Broken kettle, again")
        self.assertEqual(third.status_code, 303)

    def test_invalid_email(self):
        for email in (
            "not-an-email",
            "a@b",
            "one@example.com, two@example.com",
            "Nora <nora@example.com>",
            "nora@exa mple.com",
        ):
            response = self._post_public(email=email)
            self.assertEqual(response.status_code, 400, email)
            self.assertIn("is not a valid email address", response.text)
        response = self._post_public(email="")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Tell us your email address", response.text)
        self.assertFalse(self._complaints(name="Broken kettle"))

    def test_missing_required_fields(self):
        response = self._post_public(name="", subject="", description="", consent=None)
        self.assertEqual(response.status_code, 400)
        for message in (
            "Tell us your name.",
            "Give your complaint a short title.",
            "Tell us what happened.",
            "We need your agreement",
        ):
            self.assertIn(message, response.text)
        # what was typed is kept
        self.assertIn('value="nora.newcomer@example.com"', response.text)
        self.assertFalse(self._partners("nora.newcomer@example.com"))
        self.assertFalse(self._complaints(name="Broken kettle"))

    def test_too_long_input(self):
        response = self._post_public(subject="x" * 151)
        self.assertEqual(response.status_code, 400)
        self.assertIn("This is too long: 150 characters at most.", response.text)

    def test_script_in_description_is_sanitised(self):
        response = self._post_public(
            subject="<b>Bold</b> title",
            description='<script>alert("x")</script>'
            "<img src=x onerror=alert(1)>It broke",
        )
        self.assertEqual(response.status_code, 303)
        complaint = self._complaints(
            partner_id=self._partners("nora.newcomer@example.com").id
        )
        self.assertNotIn("<script", complaint.description)
        self.assertNotIn("<img", complaint.description)
        self.assertIn("&lt;script&gt;", complaint.description)
        self.assertIn("It broke", complaint.description)
        page = self.url_open(
            f"/my/complaint/{complaint.id}?access_token={complaint._portal_ensure_token()}"
        )
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("<script>alert", page.text)
        self.assertNotIn("<b>Bold</b>", page.text)

    def test_oversize_attachment(self):
        big = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10)  # limit set to 1 MB
        response = self._post_public(
            files=[("attachments", ("scan.pdf", big, "application/pdf"))]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("scan.pdf is too large (1 MB at most per file).", response.text)
        self.assertFalse(self._partners("nora.newcomer@example.com"))
        self.assertFalse(self._complaints(name="Broken kettle"))
        self.assertFalse(self.env["ir.attachment"].search([("name", "=", "scan.pdf")]))

    def test_too_many_attachments(self):
        files = [
            ("attachments", (f"p{index}.png", PNG_BYTES, "image/png"))
            for index in range(4)
        ]
        response = self._post_public(files=files)
        self.assertEqual(response.status_code, 400)
        self.assertIn("You can attach 3 files at most.", response.text)
        self.assertFalse(self._complaints(name="Broken kettle"))

    def test_forbidden_attachments(self):
        cases = [
            (
                "tool.exe",
                b"MZ\x90\x00" + b"\x00" * 200,
                "this type of file is not accepted",
            ),
            (
                "page.html",
                b"<html><body>hi</body></html>",
                "this type of file is not accepted",
            ),
            # a web page disguised as a PDF is caught by its content
            (
                "invoice.pdf",
                b"<html><script>alert(1)</script></html>",
                "contains a web page, a program or a script",
            ),
            (
                "photo.png",
                b'<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>',
                "contains a web page, a program or a script",
            ),
            ("empty.pdf", b"", "empty.pdf is empty."),
        ]
        for name, content, message in cases:
            response = self._post_public(
                files=[("attachments", (name, content, "application/octet-stream"))]
            )
            self.assertEqual(response.status_code, 400, name)
            self.assertIn(message, response.text, name)
            self.assertFalse(self.env["ir.attachment"].search([("name", "=", name)]))
        self.assertFalse(
            self._complaints(
                partner_id=self._partners("nora.newcomer@example.com").id
            ).message_ids.attachment_ids
        )

    def test_nothing_half_created_when_recording_fails(self):
        ticket_class = type(self.env["helpdesk.ticket"])

        def failing_ack(records):
            raise UserError(records.env._("the acknowledgement could not be prepared"))

        with patch.object(ticket_class, "_iso_auto_acknowledge", failing_ack):
            response = self._post_public(
                files=[("attachments", ("receipt.pdf", PDF_BYTES, "application/pdf"))]
            )
        self.assertEqual(response.status_code, 400)
        self.assertIn("We could not record your complaint", response.text)
        self.assertFalse(self._partners("nora.newcomer@example.com"))
        self.assertFalse(self._complaints(name="Broken kettle"))
        self.assertFalse(
            self.env["ir.attachment"].search([("name", "=", "receipt.pdf")])
        )
        self.assertFalse(self.env["iso10002.complaint.intake.log"].search([]))
        # and once the problem is gone, the same complaint is accepted
        response = self._post_public()
        self.assertEqual(response.status_code, 303)
