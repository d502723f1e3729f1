# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Anonymisation (ISO 10002 4.10): nothing of the complainant is left, the
figures stay (finding 14 of issue 11)."""

import os
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.access_common import COMPLAINANT
from odoo.addons.iso10002_complaints.tests.test_principles import PrinciplesCase

INCOMING_EMAIL = """From: Ada Lovelace <ada.lovelace@acme-kettles.example>
To: complaints@iso-sec.example
Cc: Ada at home <ada.home@lovelace-family.example>
Subject: More about my kettle - Ada Lovelace
Date: Mon, 13 Jan 2025 10:00:00 +0000
Message-Id: <ada-kettle-1@acme-kettles.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="ISOSEC"

--ISOSEC
Content-Type: text/plain; charset=utf-8

Here is my receipt. Please call me on +44 20 7946 0958.
Ada Lovelace, 12 Analytical Row
--ISOSEC
Content-Type: text/plain; name="receipt-ada-lovelace.txt"
Content-Disposition: attachment; filename="receipt-ada-lovelace.txt"

Receipt of Ada Lovelace, 12 Analytical Row, +44 20 7946 0958
--ISOSEC--
"""

# what must not survive anonymisation, anywhere
NEEDLES = (
    "Lovelace",
    "ada.lovelace",
    "acme-kettles.example",
    "ada.home",
    "lovelace-family",
    "7946 0958",
    "79460958",
    "Analytical Row",
)

FIGURES = (
    "received_date",
    "ack_date",
    "ack_deadline",
    "response_deadline",
    "decision_date",
    "closed_date",
    "severity",
    "complexity",
    "impact",
    "urgency",
    "priority",
    "iso_step",
    "stage_id",
    "remedy_cost",
    "decision_outcome",
    "closure_reason",
    "reopen_count",
    "category_id",
    "channel_id",
    "team_id",
    "user_id",
    "decision_user_id",
    "complaint_ref",
    "number",
    "company_id",
    "deadline_status",
    "root_cause",
)


class AnonymisationCase(PrinciplesCase):
    """A complaint with a full life, and a scanner of what remains of it."""

    def _lived_complaint(self):
        """A complaint with a full life: emails, comments, attachments, rating."""
        complaint = self._complaint(
            name="Ada Lovelace: the kettle leaks",
            description=(
                f"<p>Ada Lovelace ({COMPLAINANT['email']}, {COMPLAINANT['phone']}) "
                "says the kettle leaks. She lives at 12 Analytical Row.</p>"
            ),
            category_id=self.category.id,
            channel_id=self.channel.id,
            remedy_requested="Refund to Ada Lovelace",
            product_service="Kettle engraved 'Ada Lovelace'",
            incident_place="12 Analytical Row",
            order_reference="INV-LOVELACE-1",
            email_cc="ada.home@lovelace-family.example",
            representative_id=self.partner_colleague.id,
        )
        self.assertTrue(complaint.ack_date, "acknowledged by email on receipt")
        # as helpdesk_mgmt's portal form and mail gateway do
        complaint.message_subscribe(
            partner_ids=(self.partner_complainant | self.partner_colleague).ids
        )
        # the complainant comments from the portal
        complaint.with_user(self.complainant_user).message_post(
            body="Ada Lovelace here, you can call me on +44 20 7946 0958.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        # and writes an email with an attachment
        self.env["mail.thread"].message_process(
            "helpdesk.ticket", INCOMING_EMAIL, thread_id=complaint.id
        )
        # the handler notes, attaches and assesses
        complaint.with_user(self.handler).message_post(
            body="Called Ada Lovelace on +44 20 7946 0958.",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            attachments=[
                ("call-notes-lovelace.txt", b"Ada Lovelace, 12 Analytical Row")
            ],
        )
        # a reminder still planned, and a call done, kept as done
        complaint.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Call Ada Lovelace back",
            note="<p>On +44 20 7946 0958</p>",
            user_id=self.handler.id,
        )
        complaint.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Ask Ada Lovelace for the receipt",
            user_id=self.handler.id,
        ).action_feedback(feedback="Ada Lovelace sends it from 12 Analytical Row")
        self.env["ir.attachment"].create(
            {
                "name": "photo-lovelace-kettle.txt",
                "raw": b"Photo sent by Ada Lovelace",
                "res_model": "helpdesk.ticket",
                "res_id": complaint.id,
            }
        )
        complaint.write(
            {
                "severity": "high",
                "impact": "medium",
                "urgency": "high",
                "complexity": "low",
                "stage_id": self.stage_assessed.id,
            }
        )
        complaint.write(
            {
                "investigation_findings": "<p>Seal of Ada Lovelace's kettle.</p>",
                "root_cause": "Faulty seal batch 42",
                "immediate_action": "Told Ada Lovelace to stop using it",
                "stage_id": self.stage_investigating.id,
            }
        )
        complaint.write(
            {
                "response_summary": "<p>Replace Ada Lovelace's kettle.</p>",
                "remedy_ids": [
                    Command.create(
                        {
                            "remedy_type": "replacement",
                            "description": "New kettle to 12 Analytical Row",
                            "cost": 49.5,
                        }
                    ),
                    Command.create({"remedy_type": "apology", "cost": 0.0}),
                ],
                "stage_id": self.stage_responded.id,
            }
        )
        complaint.write(
            {
                "decision_outcome": "upheld",
                "decision": "<p>Dear Ada Lovelace, we uphold your complaint.</p>",
            }
        )
        complaint.with_user(self.manager).action_communicate_decision()
        complaint.write(
            {
                "reaction_note": "Ada Lovelace accepted on the phone",
            }
        )
        complaint.action_reaction_accepted()
        complaint.write(
            {"closure_reason": "resolved", "stage_id": self.stage_closed.id}
        )
        # reopened once, closed again
        complaint.stage_id = self.stage_investigating
        complaint.stage_id = self.stage_closed
        # the complainant rates the handling
        token = complaint._rating_get_access_token(self.partner_complainant)
        complaint.rating_apply(
            4, token=token, feedback="Ada Lovelace: good in the end, +44 20 7946 0958"
        )
        self._flush_tracking()
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.reopen_count, 1)
        return complaint

    def _messages(self, complaint):
        return (
            self.env["mail.message"]
            .sudo()
            .search([("model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)])
        )

    def _personal_data_left(self, complaint):
        """Every place where the complainant can still be found."""
        complaint = complaint.sudo()
        complaint.invalidate_recordset()
        messages = self._messages(complaint)
        left = []
        for scanner in (
            self._left_in_complaint,
            self._left_in_messages,
            self._left_in_notifications,
            self._left_in_mails,
            self._left_in_attachments_and_ratings,
            self._left_in_activities_and_log,
        ):
            left += scanner(complaint, messages)
        return left

    @staticmethod
    def _scan(where, value):
        text = str(value or "")
        return [
            f"{where}: {needle!r} in {text[:120]!r}"
            for needle in NEEDLES
            if needle.lower() in text.lower()
        ]

    def _left_in_complaint(self, complaint, messages):
        left = []
        people = self.partner_complainant | self.partner_colleague
        for name, field in complaint._fields.items():
            if not field.store:
                continue
            if field.type in ("char", "text", "html"):
                left += self._scan(f"ticket.{name}", complaint[name])
            elif field.type == "many2one" and field.comodel_name == "res.partner":
                if complaint[name] not in people:
                    continue
                left.append(f"ticket.{name}: {complaint[name].name}")
        if self.partner_complainant in complaint.message_partner_ids:
            left.append("follower: the complainant")
        if self.partner_colleague in complaint.message_partner_ids:
            left.append("follower: the representative")
        for remedy in complaint.remedy_ids:
            left += self._scan(f"remedy {remedy.id}", remedy.description)
        return left

    def _left_in_messages(self, complaint, messages):
        left = []
        for message in messages:
            where = f"message {message.id} ({message.message_type})"
            for name in (
                "subject",
                "body",
                "email_from",
                "reply_to",
                "incoming_email_to",
                "incoming_email_cc",
                "outgoing_email_to",
                "record_name",
                "message_id",
            ):
                left += self._scan(f"{where}.{name}", message[name])
            if message.author_id == self.partner_complainant:
                left.append(f"{where}.author_id")
            if self.partner_complainant in message.partner_ids:
                left.append(f"{where}.partner_ids")
            if message.attachment_ids:
                names = message.attachment_ids.mapped("name")
                left.append(f"{where}.attachment_ids {names}")
            for value in message.tracking_value_ids:
                for name in (
                    "old_value_char",
                    "new_value_char",
                    "old_value_text",
                    "new_value_text",
                ):
                    left += self._scan(
                        f"{where} tracking {value.field_id.name}.{name}", value[name]
                    )
        return left

    def _left_in_notifications(self, complaint, messages):
        left = []
        notifications = (
            self.env["mail.notification"]
            .sudo()
            .search([("mail_message_id", "in", messages.ids)])
        )
        for notification in notifications:
            where = f"notification {notification.id}"
            if notification.res_partner_id == self.partner_complainant:
                left.append(f"{where}: to the complainant")
            if notification.author_id == self.partner_complainant:
                left.append(f"{where}: by the complainant")
            left += self._scan(where, notification.mail_email_address)
            left += self._scan(where, notification.failure_reason)
        return left

    def _left_in_mails(self, complaint, messages):
        left = []
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search([("mail_message_id", "in", messages.ids)])
        )
        for mail in mails:
            for name in (
                "body_html",
                "email_to",
                "email_cc",
                "subject",
                "headers",
                "references",
                "failure_reason",
            ):
                left += self._scan(f"mail {mail.id}.{name}", mail[name])
            if self.partner_complainant in mail.recipient_ids:
                left.append(f"mail {mail.id}.recipient_ids")
        return left

    def _left_in_attachments_and_ratings(self, complaint, messages):
        left = []
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
            )
        )
        if attachments:
            left.append(f"attachments {attachments.mapped('name')}")
        for rating in complaint.rating_ids:
            left += self._scan(f"rating {rating.id}.feedback", rating.feedback)
            left += self._scan(f"rating {rating.id}.res_name", rating.res_name)
            if rating.partner_id == self.partner_complainant:
                left.append(f"rating {rating.id}.partner_id")
        return left

    def _left_in_activities_and_log(self, complaint, messages):
        left = []
        activities = (
            self.env["mail.activity"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
            )
        )
        for activity in activities:
            for name in ("res_name", "summary", "note", "feedback"):
                left += self._scan(f"activity {activity.id}.{name}", activity[name])
        logs = (
            self.env["iso10002.complaint.intake.log"]
            .sudo()
            .search([("ticket_id", "=", complaint.id)])
        )
        for log in logs:
            left.append(f"intake log {log.id}: {log.email} {log.ip_address}")
        return left

    def _wizard(self, user, complaints, confirm=True):
        return (
            self.env["iso10002.complaint.anonymise.wizard"]
            .with_user(user)
            .create({"ticket_ids": [Command.set(complaints.ids)], "confirm": confirm})
        )


@tagged("post_install", "-at_install")
class TestAnonymisation(AnonymisationCase):
    def test_lived_complaint_is_full_of_personal_data(self):
        """The scanner finds the complainant everywhere before anonymisation."""
        complaint = self._lived_complaint()
        left = "\n".join(self._personal_data_left(complaint))
        for place in (
            "ticket.name",
            "ticket.description",
            "ticket.partner_id",
            "ticket.email_cc",
            "(email).incoming_email_cc",
            "(email).email_from",
            "(comment).body",
            ".attachment_ids",
            "mail ",
            "attachments",
            "rating",
            "follower: the complainant",
            "ticket.product_service",
            "activity ",
            "(email).message_id",
        ):
            self.assertIn(place, left)

    def test_anonymise_with_wizard(self):
        complaint = self._lived_complaint()
        figures = complaint.read(list(FIGURES))[0]
        remedies = [(r.remedy_type, r.cost) for r in complaint.remedy_ids]
        scores = complaint.rating_ids.mapped("rating")
        self.assertEqual(scores, [4.0])
        messages_before = self._messages(complaint)

        # refused without the confirmation, with a clear message
        with self.assertRefused(UserError, "Tick the confirmation"):
            self._wizard(self.manager, complaint, confirm=False).action_anonymise()
        self.assertFalse(complaint.anonymised)

        self._wizard(self.manager, complaint).action_anonymise()
        self._flush_tracking()
        complaint.invalidate_recordset()

        self.assertTrue(complaint.anonymised)
        self.assertTrue(complaint.anonymised_date)
        self.assertEqual(complaint.read(list(FIGURES))[0], figures)
        self.assertEqual(
            [(r.remedy_type, r.cost) for r in complaint.remedy_ids], remedies
        )
        self.assertEqual(complaint.remedy_cost, 49.5)
        self.assertEqual(complaint.rating_ids.mapped("rating"), scores)
        left = self._personal_data_left(complaint)
        self.assertEqual(left, [], "\n" + "\n".join(left))
        # messages are kept (the history of the handling), emptied
        self.assertLessEqual(messages_before, self._messages(complaint))

        note = complaint.message_ids.filtered(
            lambda m: "anonymised" in (m.body or "") and self.manager.name in m.body
        )
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.manager.partner_id)
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))

        # idempotent
        date = complaint.anonymised_date
        count = len(complaint.message_ids)
        self._wizard(self.manager, complaint).action_anonymise()
        complaint._iso_anonymise()
        self.assertEqual(complaint.anonymised_date, date)
        self.assertEqual(len(complaint.message_ids), count)
        # the handlers and auditors still read it
        self.assertTrue(complaint.with_user(self.auditor).read(["complaint_ref"]))
        self.assertTrue(complaint.with_user(self.handler).read(["complaint_ref"]))

    def test_anonymise_refused(self):
        open_complaint = self.records["normal"]
        with self.assertRefused(UserError, "Only closed complaints"):
            self._wizard(self.manager, open_complaint).action_anonymise()
        self._close_quickly(open_complaint)
        for role in ("handler", "team_leader", "auditor", "helpdesk_manager"):
            user = self.users[role]
            with self.assertRefused(AccessError):
                self._wizard(user, open_complaint).action_anonymise()
            with self.assertRefused(AccessError):
                open_complaint.with_user(user)._iso_anonymise()
        self.assertFalse(open_complaint.anonymised)
        self.assertEqual(open_complaint.partner_id, self.partner_complainant)
        # plain tickets are not touched
        plain = self.records["plain"]
        self._wizard(self.manager, plain).action_anonymise()
        self.assertEqual(plain.partner_id, self.partner_complainant)
        self.assertFalse(plain.anonymised)

    def test_retention_cron(self):
        now = fields.Datetime.now()
        self.policy.retention_months = 12
        policy2 = self.env["iso10002.complaint.policy"]._get_for_company(
            self.company_other
        )
        policy2.retention_months = 24
        team2 = self.env["helpdesk.ticket.team"].create(
            {
                "name": "ISO sec complaints 2",
                "is_complaint_team": True,
                "company_id": self.company_other.id,
            }
        )

        def closed(months, team=self.team, **values):
            complaint = self._close_quickly(self._complaint(team_id=team.id, **values))
            complaint.closed_date = now - relativedelta(months=months, days=1)
            return complaint

        expired = closed(13)
        recent = closed(11)
        expired2 = closed(25, team=team2, user_id=False)
        kept2 = closed(13, team=team2, user_id=False)
        self.assertEqual(expired2.company_id, self.company_other)
        open_old = self._complaint(received_date=now - relativedelta(years=5))
        open_old.closed_date = now - relativedelta(years=4)
        plain_old = self.records["plain"]
        plain_old.write(
            {"stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id}
        )
        plain_old.closed_date = now - relativedelta(years=4)
        archived = closed(13)
        archived.active = False

        cron = self.env.ref("iso10002_complaints.ir_cron_complaint_anonymise")
        self.assertEqual(cron.code.strip(), "model._cron_anonymise_expired()")
        self.Ticket.with_user(cron.user_id)._cron_anonymise_expired()

        self.assertEqual(
            (expired | recent | expired2 | kept2 | open_old | archived).filtered(
                "anonymised"
            ),
            expired | expired2 | archived,
        )
        self.assertEqual(self._personal_data_left(expired), [])
        self.assertEqual(recent.partner_id, self.partner_complainant)
        self.assertEqual(open_old.partner_id, self.partner_complainant)
        self.assertEqual(plain_old.partner_id, self.partner_complainant)
        self.assertFalse(plain_old.anonymised)
        note = expired.message_ids[:1]
        self.assertIn("anonymised", note.body)
        # a retention of 0 months keeps personal data for good
        self.policy.retention_months = 0
        recent.closed_date = now - relativedelta(years=10)
        self.Ticket._cron_anonymise_expired()
        self.assertFalse(recent.anonymised)


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
        for path in paths:
            self.assertFalse(os.path.exists(path), "removed before any GC run")
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
        self.addCleanup(self.env.cr.postcommit.clear)
        with patch("odoo.modules.module.current_test", None):
            self._anonymise(complaint)
        self.assertFalse(attachment.exists())
        self.assertTrue(os.path.isfile(path), "kept until the commit")
        # what the hook runs, on the test cursor
        self.registry_enter_test_mode()
        self.env.cr.postcommit.run()
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
