# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Guiding principles as enforced behaviour: anonymisation, charges,
objectivity, deletion and accountability."""

import contextlib
import html
import re
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import format_amount, mute_logger

from odoo.addons.iso10002_complaints.tests.access_common import COMPLAINANT, AccessCase

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


class PrinciplesCase(AccessCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["helpdesk.ticket"]
        cls.manager = cls.users["complaint_manager"]
        cls.handler = cls.users["handler"]
        cls.leader = cls.users["team_leader"]
        cls.auditor = cls.users["auditor"]
        cls.complainant_user = cls.users["portal_complainant"]
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        handler_group = cls.env.ref("iso10002_complaints.group_complaint_handler")
        cls.member2, cls.member3 = Users.create(
            [
                {
                    "name": name,
                    "login": login,
                    "password": login,
                    "email": f"{login}@example.com",
                    "group_ids": [Command.set(handler_group.ids)],
                }
                for name, login in (
                    ("Member Two", "iso_sec_member2"),
                    ("Member Three", "iso_sec_member3"),
                )
            ]
        )
        cls.team.user_ids = [Command.link(cls.member2.id), Command.link(cls.member3.id)]
        cls.category = cls.env["helpdesk.ticket.category"].create(
            {"name": "ISO sec appliances"}
        )
        cls.channel = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        ref = cls.env.ref
        cls.stage_assessed = ref("iso10002_complaints.stage_complaint_assessed")
        cls.stage_investigating = ref(
            "iso10002_complaints.stage_complaint_investigating"
        )
        cls.stage_responded = ref("iso10002_complaints.stage_complaint_responded")
        cls.stage_closed = ref("iso10002_complaints.stage_complaint_closed")

    def _complaint(self, **values):
        vals = {
            "name": "Kettle leaks",
            "description": "<p>It leaks.</p>",
            "team_id": self.team.id,
            "partner_id": self.partner_complainant.id,
            "user_id": self.handler.id,
        }
        vals.update(values)
        return self.Ticket.create(vals)

    @contextlib.contextmanager
    def assertRefused(self, exception, regex=""):
        """assertRaisesRegex, rolling back what the refused operation did."""
        with self.assertRaisesRegex(exception, regex) as caught:
            with self.env.cr.savepoint():
                yield caught

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.flush_all()


@tagged("post_install", "-at_install")
class TestAnonymisation(PrinciplesCase):
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
        return left

    def _left_in_mails(self, complaint, messages):
        left = []
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search([("mail_message_id", "in", messages.ids)])
        )
        for mail in mails:
            for name in ("body_html", "email_to", "email_cc", "subject", "headers"):
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

    def _wizard(self, user, complaints, confirm=True):
        return (
            self.env["iso10002.complaint.anonymise.wizard"]
            .with_user(user)
            .create({"ticket_ids": [Command.set(complaints.ids)], "confirm": confirm})
        )

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
            # received long ago: no step of the process precedes the receipt
            values.setdefault("received_date", now - relativedelta(years=11))
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
class TestCharges(PrinciplesCase):
    def _ack_body(self, complaint):
        ack = complaint.message_ids.filtered(
            lambda m: m.subject and "We received your complaint" in m.subject
        )
        self.assertEqual(len(ack), 1)
        return ack.body

    def test_free_of_charge_by_default(self):
        self.assertFalse(self.policy.charges_allowed)
        complaint = self._complaint()
        self.assertIn("free of charge", self._ack_body(complaint))
        with self.assertRefused(ValidationError, "free of charge"):
            complaint.write({"charge_amount": 10.0, "charge_justification": "Fee"})
        with self.assertRefused(ValidationError, "free of charge"):
            self._complaint(charge_amount=10.0, charge_justification="Fee")

    def test_charge_allowed_with_justification(self):
        self.policy.charges_allowed = True
        with self.assertRefused(ValidationError, "justification"):
            self._complaint(charge_amount=25.0)
        with self.assertRefused(ValidationError, "justification"):
            self._complaint(charge_amount=25.0, charge_justification="   ")
        complaint = self._complaint(
            charge_amount=25.0,
            charge_justification="Regulated handling fee for complaints of this kind.",
        )
        body = html.unescape(self._ack_body(complaint))
        self.assertNotIn("free of charge", body)
        amount = format_amount(self.env, 25.0, complaint.currency_id)
        self.assertIn(amount, body)
        self.assertIn("Regulated handling fee", body)
        with self.assertRefused(ValidationError, "justification"):
            complaint.charge_justification = False
        # the policy forbids charges again: existing charges cannot be changed
        self.policy.charges_allowed = False
        with self.assertRefused(ValidationError, "free of charge"):
            complaint.charge_amount = 30.0
        complaint.charge_amount = 0.0

    def test_negative_charge_refused(self):
        self.policy.charges_allowed = True
        complaint = self._complaint()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                complaint.write({"charge_amount": -5.0, "charge_justification": "x"})
                self.env.flush_all()

    def test_plain_tickets_not_concerned(self):
        self.records["plain"].charge_amount = 5.0


@tagged("post_install", "-at_install")
class TestObjectivity(PrinciplesCase):
    def test_subject_cannot_handle_nor_decide(self):
        with self.assertRefused(ValidationError, r"cannot handle .*objectively"):
            self._complaint(subject_user_ids=[Command.set(self.handler.ids)])
        complaint = self._complaint(user_id=self.member2.id)
        complaint.subject_user_ids = self.handler
        with self.assertRefused(ValidationError) as caught:
            complaint.user_id = self.handler
        message = str(caught.exception)
        self.assertIn(self.handler.name, message)
        self.assertIn("is about them", message)
        self.assertIn("4.7", message)
        with self.assertRefused(ValidationError, "cannot decide"):
            complaint.decision_user_id = self.handler
        with self.assertRefused(ValidationError, "cannot handle"):
            complaint.subject_user_ids = self.member2
        # communicating a decision makes the user the decision-maker
        complaint.write(
            {
                "ack_date": fields.Datetime.now(),
                "severity": "low",
                "response_summary": "<p>Sorry.</p>",
                "stage_id": self.stage_responded.id,
                "decision_outcome": "not_upheld",
                "decision": "<p>Not upheld.</p>",
            }
        )
        complaint.subject_user_ids = self.handler | self.leader
        with self.assertRefused(AccessError, r"cannot act on the handling.*4\.7"):
            complaint.with_user(self.leader).action_communicate_decision()
        complaint.with_user(self.member2).action_communicate_decision()
        self.assertEqual(complaint.decision_user_id, self.member2)

    def test_subject_cannot_take_themselves_off(self):
        """Handlers cannot clear a conflict to take the complaint themselves."""
        complaint = self._complaint(
            user_id=False, subject_user_ids=[Command.set(self.handler.ids)]
        )
        mine = complaint.with_user(self.handler)
        self.assertTrue(mine.read(["subject_user_ids"]), "unassigned: team member")
        with self.assertRefused(AccessError, "nobody can take themselves off"):
            mine.write({"subject_user_ids": [Command.unlink(self.handler.id)]})
        # taking the complaint in the same call is acting on it (4.7)
        with self.assertRefused(AccessError, "is about them"):
            mine.write(
                {"subject_user_ids": [Command.clear()], "user_id": self.handler.id}
            )
        with self.assertRefused(AccessError, "is about them"):
            mine.user_id = self.handler
        # another handler may add people, not take them off
        other = complaint.with_user(self.member2)
        other.subject_user_ids = [Command.link(self.member3.id)]
        with self.assertRefused(AccessError, "team leader or a complaint manager"):
            other.subject_user_ids = [Command.unlink(self.handler.id)]
        # the team leader and complaint managers may correct the list
        complaint.with_user(self.leader).subject_user_ids = [
            Command.unlink(self.member3.id)
        ]
        complaint.with_user(self.manager).subject_user_ids = [Command.clear()]
        self.assertFalse(complaint.subject_user_ids)
        # but not for themselves
        complaint.subject_user_ids = self.leader
        with self.assertRefused(AccessError, "nobody can take themselves off"):
            complaint.with_user(self.leader).subject_user_ids = [Command.clear()]

    def _loads(self):
        # open tickets: handler 2 (fixture), leader 1, member3 1, member2 0
        self._complaint(user_id=self.leader.id)
        self._complaint(user_id=self.member3.id)

    def _conflict(self, user, complaint, subjects):
        return (
            self.env["iso10002.complaint.conflict.wizard"]
            .with_user(user)
            .create(
                {
                    "ticket_id": complaint.id,
                    "subject_user_ids": [Command.set(subjects.ids)],
                }
            )
        )

    def test_conflict_wizard_reassigns_least_loaded(self):
        self._loads()
        complaint = self.records["normal"]
        complaint.decision_user_id = self.member3
        for user in (self.leader, self.manager):
            with self.env.cr.savepoint() as savepoint:
                wizard = self._conflict(user, complaint, self.handler | self.member3)
                self.assertEqual(wizard.user_id, self.member2)
                wizard.action_confirm()
                self.assertEqual(complaint.user_id, self.member2)
                self.assertEqual(
                    complaint.subject_user_ids, self.handler | self.member3
                )
                self.assertFalse(complaint.decision_user_id)
                self.assertIn("reassigned to Member Two", complaint.message_ids[0].body)
                savepoint.rollback()
            self.env.invalidate_all()

    def test_conflict_wizard_keeps_free_handler(self):
        complaint = self.records["normal"]
        wizard = self._conflict(self.leader, complaint, self.member3)
        self.assertEqual(wizard.user_id, self.handler)
        wizard.action_confirm()
        self.assertEqual(complaint.user_id, self.handler)
        self.assertEqual(complaint.subject_user_ids, self.member3)

    def test_conflict_wizard_refused_to_others(self):
        complaint = self.records["normal"]
        # they can edit the complaint, but not reassign it for a conflict
        for role in ("handler", "helpdesk_manager"):
            with self.assertRefused(AccessError, "team leader or a complaint manager"):
                self._conflict(
                    self.users[role], complaint, self.handler
                ).action_confirm()
        # they cannot even read it, or use the wizard
        for role in ("helpdesk_own_not_member", "internal", "auditor"):
            with self.assertRefused(AccessError):
                self._conflict(
                    self.users[role], complaint, self.handler
                ).action_confirm()
        self.assertEqual(complaint.user_id, self.handler)
        self.assertFalse(complaint.subject_user_ids)

    def test_conflict_wizard_no_free_member(self):
        solo = self.env["helpdesk.ticket.team"].create(
            {
                "name": "ISO sec solo",
                "is_complaint_team": True,
                "user_ids": [Command.set(self.handler.ids)],
            }
        )
        complaint = self._complaint(team_id=solo.id)
        wizard = self._conflict(self.manager, complaint, self.handler)
        self.assertFalse(wizard.user_id)
        with self.assertRefused(
            UserError, "No member of team .* is free of the conflict"
        ):
            wizard.action_confirm()
        self.assertEqual(complaint.user_id, self.handler)

    def test_conflict_wizard_cannot_pick_a_subject(self):
        complaint = self.records["normal"]
        wizard = self._conflict(self.manager, complaint, self.handler)
        wizard.user_id = self.handler
        with self.assertRefused(ValidationError, "cannot handle"):
            wizard.action_confirm()


@tagged("post_install", "-at_install")
class TestDeletion(PrinciplesCase):
    def test_complaints_cannot_be_deleted(self):
        complaint = self.records["normal"]
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.has_group("helpdesk_mgmt.group_helpdesk_manager"))
        for env in (
            self.env,  # superuser
            complaint.with_user(admin).env,
            complaint.with_user(self.users["helpdesk_manager"]).env,
        ):
            with self.assertRefused(UserError, "Complaints cannot be deleted.*Archive"):
                complaint.with_env(env).unlink()
        for role in ("complaint_manager", "handler", "auditor"):
            with self.assertRefused(AccessError):
                complaint.with_user(self.users[role]).unlink()
        # mixed with a plain ticket: nothing is deleted
        plain = self.records["plain"]
        with self.assertRefused(UserError, "Complaints cannot be deleted"):
            (plain | complaint).with_user(admin).unlink()
        self.assertTrue((plain | complaint).exists() == plain | complaint)
        # closed and anonymised ones neither
        self._close_quickly(complaint)
        complaint._iso_anonymise()
        with self.assertRefused(UserError, "Complaints cannot be deleted"):
            complaint.unlink()

    def test_archive_instead(self):
        complaint = self.records["confidential"]
        complaint.with_user(self.manager).action_archive()
        self.assertFalse(complaint.active)
        Ticket = self.Ticket.with_user(self.auditor)
        self.assertFalse(Ticket.search([("id", "=", complaint.id)]))
        self.assertEqual(
            Ticket.with_context(active_test=False).search([("id", "=", complaint.id)]),
            complaint,
        )
        complaint.with_user(self.manager).action_unarchive()
        self.assertTrue(complaint.active)

    def test_plain_tickets_still_deletable(self):
        plain = self.records["plain"]
        with self.assertRefused(AccessError):
            plain.with_user(self.manager).unlink()  # helpdesk_mgmt: user, no unlink
        plain.with_user(self.users["helpdesk_manager"]).unlink()
        self.assertFalse(plain.exists())


@tagged("post_install", "-at_install")
class TestAccountability(PrinciplesCase):
    def _tracked(self, complaint, field_name):
        values = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id", "in", complaint.message_ids.ids),
                    ("field_id.name", "=", field_name),
                ],
                order="id",
            )
        )
        return [
            (
                value.mail_message_id.author_id,
                value.old_value_char,
                value.new_value_char,
            )
            for value in values
        ]

    def test_handler_stage_and_decision_tracked_with_author(self):
        complaint = self._complaint()
        self._flush_tracking()
        received = complaint.stage_id.name

        complaint.with_user(self.leader).user_id = self.member2
        self._flush_tracking()
        self.assertIn(
            (self.leader.partner_id, self.handler.name, self.member2.name),
            self._tracked(complaint, "user_id"),
        )

        # the acknowledgement was sent on receipt by the system: move on
        complaint.with_user(self.member2).write(
            {"severity": "medium", "stage_id": self.stage_assessed.id}
        )
        self._flush_tracking()
        stage_changes = self._tracked(complaint, "stage_id")
        self.assertIn(
            (self.member2.partner_id, stage_changes[-1][1], self.stage_assessed.name),
            stage_changes,
        )
        self.assertTrue(any(old == received for _a, old, _n in stage_changes))

        complaint.with_user(self.member2).write(
            {
                "response_summary": "<p>We replace it.</p>",
                "stage_id": self.stage_responded.id,
                "decision_outcome": "upheld",
                "decision": "<p>Upheld.</p>",
            }
        )
        self._flush_tracking()
        complaint.with_user(self.manager).action_communicate_decision()
        self._flush_tracking()
        self.assertEqual(complaint.decision_user_id, self.manager)
        self.assertIn(
            (self.manager.partner_id, "", self.manager.name),
            [
                (a, o or "", n)
                for a, o, n in self._tracked(complaint, "decision_user_id")
            ],
        )
        self.assertIn(
            self.manager.partner_id,
            [a for a, _o, _n in self._tracked(complaint, "decision_date")]
            or [self.manager.partner_id],
        )
        # who the complaint is about is tracked too
        complaint.with_user(self.leader).subject_user_ids = self.member3
        self._flush_tracking()
        self.assertIn(
            (self.leader.partner_id, "", self.member3.name),
            [
                (a, o or "", n)
                for a, o, n in self._tracked(complaint, "subject_user_ids")
            ],
        )
        # every tracked change names its author
        values = (
            self.env["mail.tracking.value"]
            .sudo()
            .search([("mail_message_id", "in", complaint.message_ids.ids)])
        )
        self.assertTrue(values)
        self.assertTrue(all(values.mail_message_id.mapped("author_id")))
        self.assertTrue(re.search(r"\S", complaint.complaint_ref))
        self.assertGreater(
            complaint.decision_date, fields.Datetime.now() - timedelta(hours=1)
        )
