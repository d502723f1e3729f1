# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fixture of the anonymisation tests: a complaint with a full life, and a
scanner of what remains of the complainant (no test methods here)."""

from odoo import Command

from odoo.addons.iso10002_complaints.tests.access_common import COMPLAINANT
from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs
from odoo.addons.iso10002_complaints.tests.principles_common import PrinciplesCase

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
        run_pending_jobs(self.env)
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
