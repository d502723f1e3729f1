# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Intake security (issue 11, findings 15 to 17), over real HTTP.

15: an email typed on the public form never attaches a complaint to an
existing contact (nor changes it) until the owner of the address confirms;
the public quota is apart from the portal's; the rate limit is atomic
(test_intake_rate_limit.py).
16: one valid, normalised address per complaint on every channel; nothing
is mailed to an invalid one.
17: files are judged by their content, on every route a complainant uses.
(17 on the forms: test_intake_security_uploads.py; 16 and 17 on the email
alias: test_intake_security_alias.py.)
"""

import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs
from odoo.addons.iso10002_complaints.tests.rpc_common import JsonRpcMixin
from odoo.addons.iso10002_complaints.tests.test_intake_common import (
    CSRF_RE,
    IntakeHttpCommon,
)

CONFIRM_LINK_RE = re.compile(r'href="[^"]*(/complaints/confirm/([\w-]+))"')
BAD_EMAILS = (
    "victim@x.com\r\nBcc: all@x.com",
    "a@b",
    "x" * 290 + "@example.com",
)


@tagged("post_install", "-at_install")
class TestIntakeSecurityForms(JsonRpcMixin, IntakeHttpCommon):
    # ------------------------------------------------------------------
    # Finding 15
    # ------------------------------------------------------------------
    def _confirm_mail(self, complaint):
        return (
            self.env["mail.mail"]
            .search([("email_to", "=", complaint.partner_email)])
            .filtered(
                lambda m: (
                    complaint.complaint_ref in m.subject
                    and "/complaints/confirm/" in str(m.body_html)
                )
            )
        )

    def _file_in_owners_name(self, **values):
        values.setdefault("name", "Mallory Impostor")
        values.setdefault("phone", "+1 555 0000")
        response = self._post_public(email="Paula.Portal@Example.com", **values)
        self.assertEqual(response.status_code, 303, response.text[:500])
        # the acknowledgement job the request triggered
        run_pending_jobs(self.env)
        return self._complaints(name=values.get("subject", "Broken kettle"))

    def test_finding_15_existing_contact_not_attached_until_confirmed(self):
        owner = self.portal_user.partner_id
        owner.phone = False
        older = self.env["res.partner"].create(
            {"name": "Paula (old card)", "email": "paula.portal@example.com"}
        )
        complaint = self._file_in_owners_name()
        self.assertEqual(len(complaint), 1)
        # stored and numbered at once, acknowledged to the typed address
        self.assertTrue(complaint.complaint_ref)
        self.assertEqual(complaint.partner_email, "paula.portal@example.com")
        ack = complaint.message_ids.filtered(
            lambda m: m.subject and "We received your complaint" in m.subject
        )
        self.assertEqual(len(ack), 1)
        # ... but it belongs to a contact of its own, not to the owner's
        self.assertTrue(complaint.intake_unconfirmed)
        self.assertNotIn(complaint.partner_id, owner | older)
        self.assertEqual(complaint.partner_id, complaint.intake_partner_id)
        self.assertFalse(complaint.partner_id.user_ids)
        self.assertNotIn(owner, complaint.message_partner_ids)
        self.assertNotIn(owner, ack.partner_ids)
        # the existing contacts are unchanged (no phone, no name written)
        self.assertFalse(owner.phone)
        self.assertEqual(owner.name, "Paula Portal")
        self.assertEqual(older.name, "Paula (old card)")
        # the owner does not see it in their portal
        self._login(self.portal_user)
        self.assertNotIn(complaint.complaint_ref, self.url_open("/my/complaints").text)
        page = self.url_open(f"/my/complaint/{complaint.id}", allow_redirects=False)
        self.assertEqual(page.status_code, 303)
        self.assertFalse(
            self.Ticket.with_user(self.portal_user).search([("id", "=", complaint.id)])
        )
        # a confirmation link went to the typed address, by mail only
        mail = self._confirm_mail(complaint)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.email_to, "paula.portal@example.com")
        self.assertFalse(mail.recipient_ids)
        token = CONFIRM_LINK_RE.search(str(mail.body_html)).group(2)
        self.assertFalse(mail.model or mail.res_id)
        self.assertFalse(
            complaint.message_ids.filtered(lambda m: token in str(m.body)),
            "the link is never in the chatter",
        )

    def test_finding_15_confirmation_link_attaches_it_once(self):
        owner = self.portal_user.partner_id
        # a contact without an account has the address too: the one with a
        # portal account is chosen
        self.env["res.partner"].create(
            {"name": "Paula (old card)", "email": "paula.portal@example.com"}
        )
        complaint = self._file_in_owners_name()
        stand_in = complaint.partner_id
        url = CONFIRM_LINK_RE.search(
            str(self._confirm_mail(complaint).body_html)
        ).group(1)
        self.authenticate(None, None)
        # opening the link (e.g. a mail scanner) only asks
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Is this complaint yours?", page.text)
        self.assertIn(complaint.complaint_ref, page.text)
        self.assertTrue(complaint.intake_unconfirmed)
        csrf = CSRF_RE.search(page.text).group(1)
        # the POST needs the page's CSRF token
        response = self.url_open(url, data={"csrf_token": "forged"})
        self.assertNotEqual(response.status_code, 200)
        self.assertTrue(complaint.intake_unconfirmed)
        response = self.url_open(url, data={"csrf_token": csrf})
        self.assertEqual(response.status_code, 200, response.text[:500])
        self.assertIn("your complaint is confirmed", response.text)
        complaint.invalidate_recordset()
        self.assertEqual(complaint.partner_id, owner)
        self.assertFalse(complaint.intake_unconfirmed)
        self.assertIn(owner, complaint.message_partner_ids)
        self.assertNotIn(stand_in, complaint.message_partner_ids)
        self.assertFalse(stand_in.active)
        self.assertEqual(complaint.intake_partner_id, stand_in)
        self.assertEqual(owner.name, "Paula Portal")
        # single use
        again = self.url_open(url, data={"csrf_token": csrf})
        self.assertEqual(again.status_code, 404)
        self.assertIn("not valid, or was already", again.text)
        self.assertEqual(self.url_open(url).status_code, 404)
        # and now in the owner's portal
        self._login(self.portal_user)
        self.assertIn(complaint.complaint_ref, self.url_open("/my/complaints").text)

    def test_finding_15_confirmation_link_expires(self):
        complaint = self._file_in_owners_name()
        url = CONFIRM_LINK_RE.search(
            str(self._confirm_mail(complaint).body_html)
        ).group(1)
        complaint.intake_confirm_deadline = fields.Datetime.now() - timedelta(minutes=1)
        self.authenticate(None, None)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 404)
        self.assertIn("has expired", page.text)
        self.assertNotIn(complaint.complaint_ref, page.text)
        self.assertEqual(self.url_open("/complaints/confirm/forged").status_code, 404)
        _complaint, state = self.Ticket._iso_intake_find_by_token(url.split("/")[-1])
        self.assertEqual(state, "expired")
        self.assertNotEqual(complaint.partner_id, self.portal_user.partner_id)
        # the complaints manager sends a new link; the old one stays dead
        complaint.with_user(self.manager).action_iso_resend_intake_confirmation()
        links = {
            CONFIRM_LINK_RE.search(str(mail.body_html)).group(1)
            for mail in self._confirm_mail(complaint)
        }
        self.assertEqual(len(links), 2)
        new_url = (links - {url}).pop()
        self.assertEqual(self.url_open(url).status_code, 404)
        self.assertEqual(self.url_open(new_url).status_code, 200)

    def test_finding_15_public_quota_apart_from_the_portal(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("iso10002_complaints.intake_rate_limit_email", 2)
        for index in range(2):
            self._file_in_owners_name(subject=f"Impostor {index}")
        response = self._post_public(email=self.portal_user.email, subject="Third")
        self.assertEqual(response.status_code, 429)
        # the real person still files from their portal
        self._login(self.portal_user)
        response = self._post_portal(subject="My own complaint")
        self.assertEqual(response.status_code, 303, response.text[:500])
        self.assertEqual(
            self._complaints(name="My own complaint").partner_id,
            self.portal_user.partner_id,
        )

    # ------------------------------------------------------------------
    # Finding 16
    # ------------------------------------------------------------------
    def _jsonrpc(self, method, args, kwargs=None):
        return self._jsonrpc_call("helpdesk.ticket", method, args, kwargs)

    def test_finding_16_bad_partner_email_refused_over_jsonrpc(self):
        self._login(self.manager)
        mails_before = self.env["mail.mail"].search_count([])
        values = {
            "name": "Injected",
            "description": "<p>x</p>",
            "team_id": self.team.id,
        }
        for email in BAD_EMAILS:
            payload = self._jsonrpc("create", [dict(values, partner_email=email)])
            self.assertIn("error", payload, email)
            error = payload["error"]["data"]
            self.assertEqual(error["name"], "odoo.exceptions.ValidationError")
            self.assertIn("is not a valid email address", error["message"])
        self.assertFalse(self._complaints(name="Injected"))
        self.assertFalse(
            self.env["res.partner"].search(
                [("email_normalized", "in", ("victim@x.com", "all@x.com"))]
            )
        )
        self.assertEqual(self.env["mail.mail"].search_count([]), mails_before)
        # a valid address is stored normalised
        payload = self._jsonrpc(
            "create", [dict(values, partner_email=" Carla.Guest@Example.COM")]
        )
        complaint = self.Ticket.browse(payload["result"])
        self.assertEqual(complaint.partner_email, "carla.guest@example.com")
        for email in BAD_EMAILS:
            payload = self._jsonrpc("write", [complaint.ids, {"partner_email": email}])
            error = payload["error"]["data"]
            self.assertEqual(error["name"], "odoo.exceptions.ValidationError")
        complaint.invalidate_recordset()
        self.assertEqual(complaint.partner_email, "carla.guest@example.com")
        # plain tickets keep helpdesk_mgmt's free text
        plain_team = self.env["helpdesk.ticket.team"].create({"name": "Plain"})
        payload = self._jsonrpc(
            "create",
            [dict(values, team_id=plain_team.id, partner_email="Someone <a@b>")],
        )
        self.assertIn("result", payload)

    def test_finding_16_no_mail_to_an_invalid_address(self):
        partner = self.env["res.partner"].create({"name": "Broken", "email": "a@b"})
        complaint = self._new_complaint(partner)
        self.assertFalse(complaint._iso_has_email())
        self.assertFalse(complaint.ack_pending)
        self.assertFalse(complaint.ack_date)
        mails = self.env["mail.mail"].search([("model", "=", "helpdesk.ticket")])
        self.assertFalse(
            mails.filtered(
                lambda m: (
                    m.res_id == complaint.id
                    and ("a@b" in (m.email_to or "") or partner in m.recipient_ids)
                )
            )
        )
        with self.assertRaisesRegex(UserError, "no email address to acknowledge"):
            complaint.action_send_acknowledgement()
