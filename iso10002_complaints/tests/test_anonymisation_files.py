# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Anonymisation leaves no file of the complainant (finding 14 of issue
11): uploads and pasted pictures leave the filestore right after the
commit; the other leftovers: test_anonymisation.py."""

import os

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs
from odoo.addons.iso10002_complaints.tests.finding14_common import Finding14Case


@tagged("post_install", "-at_install")
class TestFinding14Files(Finding14Case):
    """The files of finding 14, one test each."""

    def _file_path(self, attachment):
        self.assertTrue(attachment.store_fname, "stored in the filestore")
        return attachment._full_path(attachment.store_fname)

    def test_finding_14_uploaded_files_leave_the_filestore_at_once(self):
        complaint = self._public_intake("mary.shelley@frankenstein.example")
        uploaded = complaint.sudo().message_ids.attachment_ids
        self.assertEqual(uploaded.mapped("name"), ["shelley-receipt.pdf"])
        note = complaint.message_post(
            body="Photo",
            attachments=[("photo.txt", b"Photo of Mary Shelley's kettle, unique")],
        )
        # the same content attached to another document keeps its file
        shared = self.env["ir.attachment"].create(
            {
                "name": "shared.txt",
                "raw": b"Leaflet sent to everyone, unique",
                "res_model": "helpdesk.ticket",
                "res_id": complaint.id,
            }
        )
        kept = self.env["ir.attachment"].create(
            {
                "name": "leaflet.txt",
                "raw": b"Leaflet sent to everyone, unique",
                "res_model": "res.partner",
                "res_id": self.acme.id,
            }
        )
        paths = [self._file_path(a) for a in uploaded | note.attachment_ids]
        shared_path = self._file_path(shared)
        self.assertEqual(shared_path, self._file_path(kept))
        for path in [*paths, shared_path]:
            self.assertTrue(os.path.isfile(path))

        self._anonymise(self._close_quickly(complaint))
        # the job anonymisation triggered runs the filestore's collector
        # right after the commit, not at its daily run
        run_pending_jobs(self.env)
        for path in paths:
            self.assertFalse(os.path.exists(path), "removed right after the commit")
        self.assertTrue(os.path.isfile(shared_path))
        self.assertEqual(kept.raw, b"Leaflet sent to everyone, unique")

    def test_finding_14_pictures_embedded_in_html_are_erased(self):
        """A picture pasted in the description is stored unattached (res_id
        0) and only linked from the html."""
        Attachment = self.env["ir.attachment"]
        pasted, elsewhere = Attachment.create(
            [
                {
                    "name": "kettle-photo.png",
                    "raw": b"Picture of Ada Lovelace's kitchen, unique",
                    "res_model": "helpdesk.ticket",
                    "res_id": 0,
                },
                {
                    "name": "logo.png",
                    "raw": b"Company logo, unique",
                    "res_model": "res.partner",
                    "res_id": self.acme.id,
                },
            ]
        )
        path = self._file_path(pasted)
        complaint = self._closed(
            description=(
                f'<p>Look: <img src="/web/image/{pasted.id}?access_token=x"> '
                f'<img src="/web/image/{elsewhere.id}"></p>'
            )
        )
        self._anonymise(complaint)
        run_pending_jobs(self.env)
        self.assertFalse(pasted.exists())
        self.assertFalse(os.path.exists(path))
        # a file attached to another document is only linked from here
        self.assertTrue(elsewhere.exists())

    def test_finding_14_files_removed_right_after_the_commit(self):
        """Outside tests the files go after the commit, never before."""
        complaint = self._closed()
        attachment = self.env["ir.attachment"].create(
            {
                "name": "after-commit.txt",
                "raw": b"Ada Lovelace, removed after the commit, unique",
                "res_model": "helpdesk.ticket",
                "res_id": complaint.id,
            }
        )
        path = self._file_path(attachment)
        gc_job = self.env.ref("iso10002_complaints.ir_cron_filestore_gc")
        Trigger = self.env["ir.cron.trigger"].sudo()
        Trigger.search([("cron_id", "=", gc_job.id)]).unlink()
        self._anonymise(complaint)
        self.assertFalse(attachment.exists())
        # on the collector's checklist, and its job triggered for right
        # after the commit: were the transaction rolled back, the attachment
        # would come back with its file
        self.assertTrue(os.path.isfile(path), "kept until the commit")
        self.assertTrue(Trigger.search([("cron_id", "=", gc_job.id)]))
        self.assertIn(gc_job, run_pending_jobs(self.env))
        self.assertFalse(os.path.exists(path))
