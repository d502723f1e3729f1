# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Guiding principles as enforced behaviour: charges, objectivity, deletion
and accountability (anonymisation: test_anonymisation.py)."""

import html
import re
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import format_amount, mute_logger

from odoo.addons.iso10002_complaints.tests.principles_common import PrinciplesCase


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
