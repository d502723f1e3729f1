# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Integrity and accountability of the complaint record (issue 11, findings
7 to 11): recorded facts written by the process only, a complaint stays a
complaint in complaint stages, charges, objectivity."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.models.system_write import system_write
from odoo.addons.iso10002_complaints.models.ticket_integrity import SYSTEM_FIELDS

from .integrity_common import ISO_MODULES, IntegrityCase, _forged_values


@tagged("post_install", "-at_install")
class TestIntegrity(IntegrityCase):
    # ------------------------------------------------------------------
    # Finding 8: recorded facts written by the process only
    # ------------------------------------------------------------------
    def test_finding_08_system_fields_listed_in_one_place(self):
        """Every field the addons add that no user edits is guarded: a new
        read-only field fails this test until it is classified."""
        fields_model = self.env["ir.model.fields"]
        for name, field in self.Ticket._fields.items():
            modules = set(
                (fields_model._get("helpdesk.ticket", name).modules or "").split(", ")
            )
            if not (modules & ISO_MODULES) or not field.store or name == "id":
                continue
            if field.readonly or (field.compute and not field.inverse):
                if name in ("is_complaint", "priority", "stage_id", "vulnerable"):
                    continue  # editable computes with rules of their own
                if name == "complaint_product_id":
                    continue  # a classification staff may change
                self.assertIn(name, SYSTEM_FIELDS, f"{name} is not guarded")

    def test_finding_08_handler_cannot_forge_recorded_facts(self):
        complaint = self._complaint()
        handler_complaint = complaint.with_user(self.handler)
        for fname, value in _forged_values(self, complaint).items():
            before = complaint[fname]
            with self.subTest(field=fname):
                with self.assertRefused(
                    UserError, "recorded by the complaints process"
                ):
                    handler_complaint.write({fname: value})
                complaint.invalidate_recordset()
                self.assertEqual(complaint[fname], before)
        # nor smuggled in with other values, nor on a plain ticket that is
        # flagged later (its forged acknowledgement would come along)
        with self.assertRefused(UserError, "Acknowledged on"):
            handler_complaint.write(
                {"severity": "low", "ack_date": fields.Datetime.now()}
            )
        plain = self._plain()
        for fname in ("ack_date", "decision_date", "complaint_ref", "anonymised"):
            with self.assertRefused(UserError, "recorded by the complaints process"):
                plain.with_user(self.handler).write(
                    {fname: _forged_values(self, complaint)[fname]}
                )
        # helpdesk_mgmt's dates stay writable on plain tickets
        plain.with_user(self.handler).closed_date = fields.Datetime.now()

    def test_finding_08_forged_close_refused(self):
        """The reproduced attack: closing with a forged acknowledgement and
        decision dated before the receipt."""
        complaint = self._complaint()
        before_receipt = complaint.received_date - timedelta(days=2)
        with self.assertRefused(UserError):
            complaint.with_user(self.handler).write(
                {
                    "ack_date": before_receipt,
                    "severity": "low",
                    "response_summary": "<p>Done.</p>",
                    "decision_outcome": "upheld",
                    "decision": "<p>Upheld.</p>",
                    "decision_date": before_receipt,
                    "closure_reason": "resolved",
                    "stage_id": self.stage_closed.id,
                }
            )
        self.assertNotEqual(complaint.iso_step, "closed")
        # even the process cannot date a step before the receipt or later
        # than now
        with self.assertRefused(ValidationError, "before the complaint was received"):
            with system_write():
                complaint.with_user(self.handler).ack_date = before_receipt
        with self.assertRefused(ValidationError, "in the future"):
            with system_write():
                complaint.with_user(self.handler).decision_date = (
                    fields.Datetime.now() + timedelta(days=1)
                )

    def test_finding_08_create_refuses_recorded_facts(self):
        Ticket = self.Ticket.with_user(self.handler)
        vals = {
            "name": "Letter",
            "description": "<p>A letter.</p>",
            "team_id": self.team.id,
            "partner_id": self.partner_complainant.id,
            "user_id": self.handler.id,
        }
        for fname in ("ack_date", "complaint_ref", "anonymised", "iso_step"):
            with self.assertRefused(UserError, "recorded by the complaints process"):
                Ticket.create(
                    dict(
                        vals, **{fname: _forged_values(self, self._complaint())[fname]}
                    )
                )
        with self.assertRefused(UserError, "Closed"):
            Ticket.create(dict(vals, closed_date=fields.Datetime.now()))
        # a letter received earlier: its receipt date, given at creation
        received = fields.Datetime.now() - timedelta(days=2)
        complaint = Ticket.create(dict(vals, received_date=received))
        self.assertEqual(complaint.received_date, received)
        self.assertTrue(complaint.complaint_ref)
        # never in the future, and never changed afterwards
        with self.assertRefused(ValidationError, "in the future"):
            Ticket.create(
                dict(vals, received_date=fields.Datetime.now() + timedelta(days=1))
            )
        with self.assertRefused(UserError, "Received on"):
            complaint.received_date = received - timedelta(days=1)

    def test_finding_08_process_still_records_its_facts(self):
        """The handler's own actions record the facts they own."""
        complaint = self._complaint()
        handler_complaint = self._to_decision(complaint, self.handler)
        self.assertTrue(complaint.ack_date)
        self.assertTrue(complaint.decision_date)
        handler_complaint.action_reaction_accepted()
        self.assertEqual(complaint.reaction, "accepted")
        self.assertTrue(complaint.reaction_date)
        handler_complaint.write(
            {"closure_reason": "resolved", "stage_id": self.stage_closed.id}
        )
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.closed_by_id, self.handler)
        handler_complaint.stage_id = self.stage_decision
        self.assertEqual(complaint.reopen_count, 1)
        self.assertFalse(complaint.closed_by_id)
        # once recorded, how it was acknowledged and what was decided stay
        for fname, value in (
            ("ack_method", "letter"),
            ("decision_outcome", "not_upheld"),
            ("decision", "<p>Changed.</p>"),
            ("reaction_note", "I was delighted."),
        ):
            with self.assertRefused(UserError, "recorded by the complaints process"):
                handler_complaint.write({fname: value})

    # ------------------------------------------------------------------
    # Correcting a recorded fact
    # ------------------------------------------------------------------
    def _correction(self, user, complaint, **values):
        vals = {
            "ticket_id": complaint.id,
            "field_name": "ack_date",
            "new_datetime": complaint.received_date + timedelta(hours=1),
            "reason": "Acknowledged by phone an hour after receipt; recorded late.",
        }
        vals.update(values)
        return (
            self.env["iso10002.complaint.correction.wizard"]
            .with_user(user)
            .create(vals)
        )

    def test_correction_wizard_audited_and_managers_only(self):
        complaint = self._complaint(
            received_date=fields.Datetime.now() - timedelta(days=2)
        )
        old = complaint.ack_date
        self.assertTrue(old, "acknowledged on receipt by email")
        wizard = self._correction(self.manager, complaint)
        self.assertTrue(wizard.current_value)
        wizard.action_confirm()
        self.assertEqual(complaint.ack_date, wizard.new_datetime)
        note = complaint.message_ids.filtered(
            lambda m: "Recorded fact corrected" in (m.body or "")
        )
        self.assertEqual(len(note), 1)
        self.assertIn(self.manager.name, note.body)
        self.assertIn("recorded late", note.body)
        self.assertIn("Acknowledged on", note.body)
        self.assertIn(wizard.current_value, note.body)
        self.assertTrue(note.subtype_id.internal)
        # handlers and team leaders cannot
        for user in (self.handler, self.leader):
            with self.assertRefused(AccessError):
                self._correction(user, complaint).action_confirm()
        # a fact is corrected once recorded, not recorded by the wizard
        with self.assertRefused(UserError, "Nothing is recorded yet"):
            self._correction(
                self.manager, complaint, field_name="reaction_date"
            ).action_confirm()
        # a reason is required, and the dates stay sane
        with self.assertRefused(UserError, "reason"):
            self._correction(self.manager, complaint, reason=" ").action_confirm()
        with self.assertRefused(ValidationError, "before the complaint was received"):
            self._correction(
                self.manager,
                complaint,
                new_datetime=complaint.received_date - timedelta(days=1),
            ).action_confirm()

    # ------------------------------------------------------------------
    # Finding 7: a complaint stays a complaint
    # ------------------------------------------------------------------
    def test_finding_07_is_complaint_cannot_be_unset_by_any_falsy_value(self):
        complaint = self._complaint()
        for user in (self.handler, self.manager, self.users["helpdesk_manager"]):
            for value in (False, 0, None, ""):
                with self.subTest(user=user.login, value=value):
                    with self.assertRefused(UserError, "stays a complaint"):
                        complaint.with_user(user).write({"is_complaint": value})
        with self.assertRefused(UserError, "stays a complaint"):
            complaint.write({"is_complaint": 0})  # not even the superuser
        # a move to a plain team does not un-flag it
        complaint.with_user(self.manager).team_id = self.team_plain
        self.assertTrue(complaint.is_complaint)
        # nor an import
        result = self.Ticket.with_user(self.manager).load(
            [".id", "is_complaint"], [[str(complaint.id), "0"]]
        )
        self.assertFalse(result["ids"])
        complaint.invalidate_recordset()
        self.assertTrue(complaint.is_complaint)
        # a copy of a complaint is a complaint
        with self.assertRefused(UserError, "copy of a complaint"):
            complaint.with_user(self.manager).copy({"is_complaint": False})
        self.assertTrue(complaint.with_user(self.manager).copy().is_complaint)
        with self.assertRefused(UserError, "cannot be deleted"):
            complaint.with_user(self.users["helpdesk_manager"]).unlink()

    # ------------------------------------------------------------------
    # Finding 9: complaint stages only
    # ------------------------------------------------------------------
    def test_finding_09_complaint_cannot_enter_a_plain_stage(self):
        complaint = self._complaint()
        for env_user in (self.handler, self.manager):
            with self.assertRefused(ValidationError, "complaint stages only"):
                complaint.with_user(env_user).stage_id = self.stage_plain_done
        with self.assertRefused(ValidationError, "complaint stages only"):
            complaint.stage_id = self.stage_plain_done  # superuser included
        self.assertFalse(complaint.closed)
        with self.assertRefused(ValidationError, "complaint stages only"):
            self._complaint(stage_id=self.stage_plain_new.id)
        # a plain ticket flagged with a plain stage in the same call
        plain = self._plain()
        with self.assertRefused(ValidationError, "complaint stages only"):
            plain.with_user(self.handler).write(
                {"is_complaint": True, "stage_id": self.stage_plain_done.id}
            )
        # plain tickets keep their stages
        plain.with_user(self.handler).stage_id = self.stage_plain_done
        self.assertTrue(plain.closed)
        # nor does a complaint stage in use become a plain one
        with self.assertRefused(ValidationError, "Complaints are in this stage"):
            complaint.stage_id.iso_step = False

    # ------------------------------------------------------------------
    # Finding 10: charges, whatever the order of the values
    # ------------------------------------------------------------------
    def test_finding_10_charge_rule_not_sidestepped(self):
        plain = self._plain(charge_amount=25.0, charge_justification="Call-out fee")
        self.assertEqual(plain.charge_amount, 25.0)
        with self.assertRefused(ValidationError, "free of charge"):
            plain.with_user(self.handler).is_complaint = True
        with self.assertRefused(ValidationError, "free of charge"):
            plain.with_user(self.handler).team_id = self.team
        with self.assertRefused(ValidationError, "free of charge"):
            self._complaint(charge_amount=10.0, charge_justification="Fee")
        complaint = self._complaint()
        with self.assertRefused((UserError, ValidationError)):
            complaint.with_user(self.handler).write(
                {"charge_amount": 10.0, "anonymised": True}
            )
        # an anonymised complaint is no way around the rule either
        complaint.sudo().write({"anonymised": True})
        with self.assertRefused(ValidationError, "free of charge"):
            complaint.with_user(self.handler).charge_amount = 10.0

    # ------------------------------------------------------------------
    # Finding 11: a person complained about does not act on the handling
    # ------------------------------------------------------------------
    def test_finding_11_subject_cannot_act_on_the_handling(self):
        complaint = self._complaint(subject_user_ids=[Command.set(self.colleague.ids)])
        subject = complaint.with_user(self.colleague)
        for vals in (
            {"severity": "high"},
            {"investigation_findings": "<p>Nothing wrong.</p>"},
            {"root_cause": "None"},
            {"response_summary": "<p>No.</p>"},
            {"decision_outcome": "not_upheld"},
            {"decision": "<p>Not upheld.</p>"},
            {"closure_reason": "not_upheld"},
            {"stage_id": self.stage_assessed.id},
            {"user_id": self.handler.id},
            {"confidential": False},
            {"remedy_ids": [Command.create({"remedy_type": "apology"})]},
        ):
            with self.subTest(vals=list(vals)):
                with self.assertRefused(AccessError, r"4\.7"):
                    subject.write(vals)
        with self.assertRefused(AccessError, r"4\.7"):
            self.env["iso10002.complaint.remedy"].with_user(self.colleague).create(
                {"ticket_id": complaint.id, "remedy_type": "apology"}
            )
        # another member handles it; the subject still cannot act on it
        self._to_decision(complaint, self.handler)
        self.assertEqual(complaint.decision_user_id, self.handler)
        for action in (
            "action_communicate_decision",
            "action_reaction_accepted",
            "action_reaction_rejected",
            "action_send_acknowledgement",
            "action_record_acknowledgement",
        ):
            with self.subTest(action=action):
                with self.assertRefused(AccessError, r"4\.7"):
                    getattr(subject, action)()
        with self.assertRefused(AccessError, r"4\.7"):
            subject.write(
                {"closure_reason": "resolved", "stage_id": self.stage_closed.id}
            )
        # reading and posting a message is not acting
        self.assertEqual(subject.decision_outcome, "upheld")
        subject.message_post(body="I was not there that day.")
        # nor may they take themselves off to act
        with self.assertRefused(AccessError):
            subject.subject_user_ids = [Command.unlink(self.colleague.id)]
