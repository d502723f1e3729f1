# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Anonymisation leaves nothing of the complainant (finding 14 of issue 11):
one test per kind of leftover; the figures: iso10002_reports'
test_anonymisation_figures.py."""

import os

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.access_common import COMPLAINANT
from odoo.addons.iso10002_complaints.tests.anonymisation_common import (
    INCOMING_EMAIL,
    AnonymisationCase,
)
from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs


@tagged("post_install", "-at_install")
class TestFinding14(AnonymisationCase):
    """Each kind of leftover the issue found, one test each."""

    def _anonymise(self, complaints):
        complaints._iso_anonymise()
        self._flush_tracking()
        complaints.invalidate_recordset()
        self.assertTrue(all(complaints.mapped("anonymised")))

    def _closed(self, **values):
        return self._close_quickly(self._complaint(**values))

    def _public_intake(self, email, **form):
        """A complaint filed on the public form by someone new."""
        self.policy.write({"intake_team_id": self.team.id, "public_form_enabled": True})
        values = {
            "name": "Mary Shelley",
            "email": email,
            "phone": "+44 20 7946 0000",
            "subject": "Mary Shelley's kettle",
            "description": "The kettle of Mary Shelley leaks.",
            "consent": "on",
        }
        values.update(form)
        # the rate limit counts in a transaction of its own: here on the
        # test's cursor, as in a request of an HttpCase
        with self.enter_registry_test_mode():
            complaint, errors = self.Ticket.sudo()._iso_intake_submit(
                values,
                [("shelley-receipt.pdf", b"%PDF-1.4 receipt of Mary Shelley %%EOF")],
                ip_address="203.0.113.77",
            )
        self.assertFalse(errors)
        return complaint.sudo(False)

    def test_finding_14_activities_planned_and_done_are_erased(self):
        complaint = self._closed(name="Ada Lovelace: the kettle leaks")
        planned = complaint.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Call Ada Lovelace back",
            note="<p>Ada Lovelace: +44 20 7946 0958</p>",
            user_id=self.handler.id,
        )
        done = complaint.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Visit Ada Lovelace",
            user_id=self.handler.id,
        )
        done.action_feedback(feedback="Ada Lovelace was at 12 Analytical Row")
        Activity = self.env["mail.activity"].with_context(active_test=False)
        domain = [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
        self.assertEqual(Activity.search(domain), planned | done)
        self.assertIn("Lovelace", planned.res_name)

        self._anonymise(complaint)
        self.assertFalse(Activity.search(domain))
        # the message of the done activity quoted its feedback
        left = self._left_in_messages(complaint, self._messages(complaint))
        self.assertEqual(left, [], "\n" + "\n".join(left))

    def test_finding_14_intake_contact_erased_customer_contacts_untouched(self):
        complaint = self._public_intake("mary.shelley@frankenstein.example")
        contact = complaint.partner_id
        self.assertEqual(contact.email, "mary.shelley@frankenstein.example")
        self.assertEqual(contact.phone, "+44 20 7946 0000")
        # the portal complainant's own complaint: a contact with a user
        customer = self._closed()
        self.assertTrue(self.partner_complainant.user_ids)
        # a contact of the address book, only named by this complaint
        address_book = self.env["res.partner"].create(
            {"name": "Percy Shelley", "email": "percy@frankenstein.example"}
        )
        self.env.cr.execute(
            "UPDATE res_partner SET create_date = create_date - interval '1 day' "
            "WHERE id = %s",
            [address_book.id],
        )
        address_book.invalidate_recordset()
        # a contact created with the complaint, still named elsewhere
        shared = self.env["res.partner"].create(
            {"name": "Claire Clairmont", "email": "claire@frankenstein.example"}
        )
        self._complaint(partner_id=shared.id, name="Claire's own complaint")
        complaint.write(
            {"representative_id": address_book.id, "user_id": self.handler.id}
        )
        complaint.message_subscribe(partner_ids=shared.ids)
        self._close_quickly(complaint)

        self._anonymise(complaint | customer)
        contact = contact.with_context(active_test=False)
        self.assertFalse(contact.active)
        self.assertEqual(contact.name, "Anonymised contact")
        self.assertFalse(contact.email or contact.phone or contact.email_normalized)
        self.assertFalse(
            self.env["res.partner"]
            .with_context(active_test=False)
            .search([("email_normalized", "=", "mary.shelley@frankenstein.example")])
        )
        # the customer with a portal account, the address book, a contact
        # of another complaint: untouched
        self.assertEqual(self.partner_complainant.name, COMPLAINANT["name"])
        self.assertEqual(self.partner_complainant.email, COMPLAINANT["email"])
        self.assertTrue(self.partner_complainant.active)
        self.assertEqual(address_book.email, "percy@frankenstein.example")
        self.assertTrue(address_book.active)
        self.assertEqual(shared.email, "claire@frankenstein.example")
        self.assertTrue(shared.active)

    def test_finding_14_email_intake_contact_erased(self):
        email = (
            INCOMING_EMAIL.replace(
                "Ada Lovelace <ada.lovelace@acme-kettles.example>",
                "Mary Shelley <mary.shelley@frankenstein.example>",
            )
            .replace("ada-kettle-1@acme-kettles", "shelley-1@frankenstein")
            .replace("Cc: Ada at home <ada.home@lovelace-family.example>\n", "")
        )
        complaint = self.Ticket.browse(
            self.env["mail.thread"].message_process(
                "helpdesk.ticket", email, custom_values={"team_id": self.team.id}
            )
        )
        contact = complaint.partner_id
        self.assertEqual(contact.email, "mary.shelley@frankenstein.example")
        self._close_quickly(complaint)
        self._anonymise(complaint)
        contact = contact.with_context(active_test=False)
        self.assertFalse(contact.active)
        self.assertFalse(contact.email)
        self.assertNotIn("Shelley", contact.name)

    def test_finding_14_product_service_and_free_text_fields_are_erased(self):
        complaint = self._closed(
            product_service="Kettle engraved for Ada Lovelace",
            incident_date="2025-01-10",
            immediate_action="Sent Ada Lovelace a spare kettle",
        )
        self.assertIn("Lovelace", complaint.product_service)
        self._anonymise(complaint)
        self.assertFalse(complaint.product_service)
        self.assertFalse(complaint.incident_date)
        self.assertEqual(complaint.immediate_action, "Anonymised")
        left = self._left_in_complaint(complaint.sudo(), None)
        self.assertEqual(left, [], "\n" + "\n".join(left))
        self.assertEqual(
            self.Ticket._iso_personal_fields() - set(self.Ticket._fields), set()
        )

    def test_finding_14_intake_log_is_erased(self):
        complaint = self._public_intake("mary.shelley@frankenstein.example")
        Log = self.env["iso10002.complaint.intake.log"]
        log = Log.search([("ticket_id", "=", complaint.id)])
        self.assertEqual(log.ip_address, "203.0.113.77")
        self.assertEqual(log.email, "mary.shelley@frankenstein.example")
        other = Log.create(
            {
                "ip_address": "198.51.100.1",
                "email": "x@example.com",
                "channel": "public",
            },
        )
        self._anonymise(self._close_quickly(complaint))
        self.assertFalse(log.exists())
        self.assertFalse(
            Log.search(
                [
                    "|",
                    ("ip_address", "=", "203.0.113.77"),
                    ("email", "=", "mary.shelley@frankenstein.example"),
                ]
            )
        )
        self.assertTrue(other.exists())

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

    def test_finding_14_tracking_values_are_erased(self):
        complaint = self._complaint(name="Ada Lovelace's first complaint")
        second = self._complaint(name="Kettle again")
        # (tracking starts with the first change after the creation)
        second.write({"severity": "high"})
        self._flush_tracking()
        # values of fields once tracked, or tracked by another module: the
        # complainant's name, address, and a duplicate's display name
        message = second.message_post(body="Changes", message_type="notification")
        Field = self.env["ir.model.fields"]
        self.env["mail.tracking.value"].create(
            [
                {
                    "mail_message_id": message.id,
                    "field_id": Field._get("helpdesk.ticket", name).id,
                    "old_value_char": old,
                    "new_value_char": new,
                }
                for name, old, new in (
                    ("partner_name", "", "Ada Lovelace"),
                    ("partner_email", "", "ada.lovelace@acme-kettles.example"),
                    ("duplicate_id", "", complaint.display_name),
                )
            ]
        )

        def tracked(name):
            return self._messages(second).tracking_value_ids.filtered(
                lambda v: v.field_id.name == name
            )

        self.assertIn("Lovelace", tracked("duplicate_id").new_value_char)
        self.assertTrue(tracked("partner_name") and tracked("partner_email"))
        # tracked at the commit, after the erasure, unless it tracks first
        second.duplicate_id = complaint
        self._close_quickly(second)
        self._anonymise(second)
        self.assertFalse(tracked("duplicate_id"))
        self.assertFalse(tracked("partner_name") or tracked("partner_email"))
        # the steps' tracking stays: the tracking form and timings read it
        self.assertTrue(tracked("stage_id"))
        self.assertTrue(tracked("closure_reason"))
        left = self._left_in_messages(second, self._messages(second))
        self.assertEqual(left, [], "\n" + "\n".join(left))

    def test_finding_14_texts_and_letters_are_erased(self):
        """Beyond the issue: text messages and letters keep a phone number
        and a postal address (when the sms and snailmail apps are there)."""
        if not {"sms.sms", "snailmail.letter"} <= set(self.env.registry):
            self.skipTest("sms and snailmail are not installed")
        complaint = self._closed()
        message = complaint.message_post(body="Texted", message_type="sms")
        sms = self.env["sms.sms"].create(
            {
                "number": "+44 20 7946 0958",
                "body": "Dear Ada Lovelace",
                "mail_message_id": message.id,
                "partner_id": self.partner_complainant.id,
            }
        )
        letter = self.env["snailmail.letter"].create(
            {
                "model": "helpdesk.ticket",
                "res_id": complaint.id,
                "partner_id": self.partner_complainant.id,
                "company_id": complaint.company_id.id,
                "street": "12 Analytical Row",
            }
        )
        self._anonymise(complaint)
        self.assertFalse(sms.exists())
        self.assertFalse(letter.exists())

    def test_finding_14_links_tracked_by_other_tickets_are_renamed(self):
        """Beyond the issue: a ticket marked as a duplicate of the complaint
        tracked the complaint's title in its own chatter."""
        complaint = self._complaint(name="Ada Lovelace's first complaint")
        other = self._complaint(name="Kettle again")
        other.write({"severity": "high"})
        self._flush_tracking()
        other.duplicate_id = complaint
        self._flush_tracking()
        value = self._messages(other).tracking_value_ids.filtered(
            lambda v: v.field_id.name == "duplicate_id"
        )
        self.assertIn("Lovelace", value.new_value_char)
        self._anonymise(self._close_quickly(complaint))
        self.assertFalse(other.anonymised)
        self.assertEqual(value.new_value_integer, complaint.id)
        self.assertEqual(value.new_value_char, complaint.display_name)
        self.assertNotIn("Lovelace", value.new_value_char)

    def test_finding_14_access_token_is_erased(self):
        complaint = self._closed()
        token = complaint.sudo()._portal_ensure_token()
        self.assertTrue(token)
        self._anonymise(complaint)
        self.assertNotEqual(complaint.sudo().access_token, token)
        self.assertFalse(
            self.Ticket.sudo().search([("access_token", "=", token)]),
            "the old link opens nothing",
        )

    def test_finding_14_message_record_name_and_headers_are_erased(self):
        complaint = self._closed(name="Ada Lovelace: the kettle leaks")
        self.env["mail.thread"].message_process(
            "helpdesk.ticket", INCOMING_EMAIL, thread_id=complaint.id
        )
        incoming = self._messages(complaint).filtered(
            lambda m: m.message_type == "email"
        )
        self.assertIn("Lovelace", incoming.record_name)
        self.assertIn("acme-kettles", incoming.message_id)
        self.assertIn("Lovelace", incoming.subject)
        self._anonymise(complaint)
        incoming.invalidate_recordset()
        self.assertNotIn("Lovelace", incoming.record_name)
        self.assertFalse(incoming.message_id or incoming.subject)
        self.assertFalse(incoming.email_from or incoming.incoming_email_cc)
        left = self._left_in_messages(complaint, self._messages(complaint))
        self.assertEqual(left, [], "\n" + "\n".join(left))

    def test_finding_14_rating_is_erased_its_score_kept(self):
        complaint = self._closed(name="Ada Lovelace: the kettle leaks")
        token = complaint._rating_get_access_token(self.partner_complainant)
        complaint.rating_apply(4, token=token, feedback="Ada Lovelace is happy")
        rating = complaint.rating_ids
        rating.publisher_comment = "Thank you, Ada Lovelace"
        self.env.flush_all()
        written = rating.write_date
        self.assertIn("Lovelace", rating.res_name)
        self.assertEqual(complaint.satisfaction_comment, "Ada Lovelace is happy")

        self._anonymise(complaint)
        rating.invalidate_recordset()
        self.assertFalse(rating.feedback or rating.publisher_comment)
        self.assertFalse(rating.partner_id)
        self.assertNotIn("Lovelace", rating.res_name)
        self.assertNotEqual(rating.access_token, token, "the survey link is dead")
        # the score, and which rating is the last one, stay
        self.assertEqual(rating.rating, 4)
        self.assertEqual(rating.write_date, written)
        self.assertEqual(complaint.satisfaction_score, 4)
        self.assertFalse(complaint.satisfaction_comment)
