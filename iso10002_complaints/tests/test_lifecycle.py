# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The guarded ISO 10002 steps (7.2 to 7.9); the complaint flag in
test_lifecycle_flag.py."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintSteps(ComplaintCommon):
    def assertRefused(self, complaint, vals, *fragments):
        """Write ``vals``: refused with a UserError naming ``fragments``, and
        nothing of the write is kept."""
        before = {fname: complaint[fname] for fname in vals}
        before_stage = complaint.stage_id
        with self.assertRaises(UserError) as error:
            complaint.write(vals)
        message = str(error.exception)
        self.assertIn("cannot move to the step", message)
        self.assertIn(complaint.complaint_ref, message)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.env.invalidate_all()
        self.assertEqual(complaint.stage_id, before_stage)
        for fname, value in before.items():
            self.assertEqual(complaint[fname], value, f"{fname} was half-written")
        return message

    # received -> acknowledged ------------------------------------------
    def test_acknowledged_refused_without_ack(self):
        complaint = self._create_complaint()
        message = self.assertRefused(
            complaint,
            {"stage_id": self.stage_acknowledged.id, "severity": "high"},
            "'Acknowledged'",
            "an acknowledgement must have been sent (7.4)",
        )
        self.assertNotIn("severity", message)
        self.assertFalse(complaint.ack_date)

    def test_acknowledged_after_send_acknowledgement(self):
        self.policy.auto_acknowledge = False
        complaint = self._create_complaint(partner_id=self.partner.id)
        self.assertEqual(complaint.iso_step, "received")
        complaint.action_send_acknowledgement()
        self.assertEqual(complaint.stage_id, self.stage_acknowledged)
        self.assertTrue(complaint.ack_date)
        self.assertEqual(complaint.ack_method, "email")
        self.assertEqual(len(self._ack_messages(complaint)), 1)

    def test_acknowledged_after_record_acknowledgement_by_phone(self):
        complaint = self._create_complaint()
        complaint.ack_method = "phone"
        complaint.with_user(self.helpdesk_user).action_record_acknowledgement()
        self.assertEqual(complaint.stage_id, self.stage_acknowledged)
        self.assertTrue(complaint.ack_date)
        self.assertIn("Acknowledgement given by Phone", complaint.message_ids[0].body)

    def test_record_acknowledgement_needs_non_email_method(self):
        complaint = self._create_complaint()
        for method in (False, "email"):
            complaint.ack_method = method
            with self.assertRaises(UserError) as error:
                complaint.action_record_acknowledgement()
            self.assertIn(
                "Choose how the acknowledgement was given", str(error.exception)
            )
        self.assertFalse(complaint.ack_date)
        self.assertEqual(complaint.iso_step, "received")

    def test_acknowledgement_sent_again_keeps_the_step(self):
        """Only a received complaint moves to 'acknowledged'; steps back are free."""
        self.policy.auto_acknowledge = False
        complaint = self._assess(self._create_complaint(partner_id=self.partner.id))
        first_ack = complaint.ack_date
        complaint.action_send_acknowledgement()
        self.assertEqual(complaint.iso_step, "assessed")
        self.assertEqual(len(self._ack_messages(complaint)), 1)
        self.assertGreaterEqual(complaint.ack_date, first_ack)
        complaint.stage_id = self.stage_acknowledged
        self.assertEqual(complaint.iso_step, "acknowledged")
        self.assertEqual(complaint.reopen_count, 0)

    # assessed, investigating -------------------------------------------
    def test_assessed_refused_without_severity(self):
        complaint = self._acknowledge(self._create_complaint())
        self.assertRefused(
            complaint,
            {"stage_id": self.stage_assessed.id, "impact": "high"},
            "'Assessed'",
            "the severity must be assessed (7.5)",
        )
        self.assertEqual(complaint.iso_step, "acknowledged")

    def test_assessed_and_investigating_allowed(self):
        complaint = self._acknowledge(self._create_complaint())
        complaint.write({"severity": "high", "stage_id": self.stage_assessed.id})
        self.assertEqual(complaint.iso_step, "assessed")
        complaint.stage_id = self.stage_investigating
        self.assertEqual(complaint.iso_step, "investigating")

    def test_investigating_refused_when_steps_skipped(self):
        complaint = self._create_complaint()
        message = self.assertRefused(
            complaint,
            {"stage_id": self.stage_investigating.id},
            "'Under investigation'",
            "an acknowledgement must have been sent (7.4)",
            "the severity must be assessed (7.5)",
        )
        self.assertIn("\n- ", message)

    # responded -----------------------------------------------------------
    def test_responded_refused_without_response_or_remedy(self):
        complaint = self._assess(self._create_complaint())
        complaint.stage_id = self.stage_investigating
        self.assertRefused(
            complaint,
            {"stage_id": self.stage_responded.id, "root_cause": "Faulty seal"},
            "'Response proposed'",
            "a response or a remedy must be proposed (7.7)",
        )

    def test_responded_allowed_with_response_summary(self):
        complaint = self._assess(self._create_complaint())
        complaint.write(
            {
                "response_summary": "<p>We replace it</p>",
                "stage_id": self.stage_responded.id,
            }
        )
        self.assertEqual(complaint.iso_step, "responded")

    def test_responded_allowed_with_remedy_only(self):
        complaint = self._assess(self._create_complaint())
        complaint.write(
            {
                "remedy_ids": [(0, 0, {"remedy_type": "refund", "cost": 25.0})],
                "stage_id": self.stage_responded.id,
            }
        )
        self.assertEqual(complaint.iso_step, "responded")
        self.assertFalse(complaint.response_summary)

    # decision --------------------------------------------------------------
    def test_decision_stage_refused_without_outcome_and_date(self):
        complaint = self._respond(self._create_complaint())
        self.assertRefused(
            complaint,
            {"stage_id": self.stage_decision.id},
            "'Decision communicated'",
            "the decision outcome must be set (7.8)",
            "the decision must have been communicated (7.8)",
        )

    def test_decision_stage_refused_when_not_communicated(self):
        complaint = self._respond(self._create_complaint())
        message = self.assertRefused(
            complaint,
            {"stage_id": self.stage_decision.id, "decision_outcome": "upheld"},
            "the decision must have been communicated (7.8)",
        )
        self.assertNotIn("outcome must be set", message)
        self.assertFalse(complaint.decision_outcome)

    def test_communicate_decision_refused_without_outcome(self):
        complaint = self._respond(self._create_complaint(partner_id=self.partner.id))
        complaint.decision = "<p>We replace the kettle.</p>"
        with self.assertRaises(UserError) as error:
            complaint.action_communicate_decision()
        message = str(error.exception)
        self.assertIn(complaint.complaint_ref, message)
        self.assertIn("the outcome", message)
        self.assertNotIn("the decision and its reasons", message)
        self.env.invalidate_all()
        self.assertFalse(complaint.decision_date)
        self.assertEqual(complaint.iso_step, "responded")
        self.assertFalse(self._decision_messages(complaint))

    def test_communicate_decision_refused_without_decision_text(self):
        complaint = self._respond(self._create_complaint())
        complaint.decision_outcome = "not_upheld"
        with self.assertRaises(UserError) as error:
            complaint.action_communicate_decision()
        self.assertIn("the decision and its reasons", str(error.exception))
        self.assertNotIn("the outcome and", str(error.exception))
        self.env.invalidate_all()
        self.assertFalse(complaint.decision_date)
        self.assertFalse(complaint.decision_user_id)

    def test_communicate_decision(self):
        complaint = self._respond(self._create_complaint(partner_id=self.partner.id))
        complaint.write(
            {
                "decision_outcome": "partially_upheld",
                "decision": "<p>We refund half of the price.</p>",
            }
        )
        complaint.with_user(self.helpdesk_user).action_communicate_decision()
        self.assertTrue(complaint.decision_date)
        self.assertEqual(complaint.decision_user_id, self.helpdesk_user)
        self.assertEqual(complaint.stage_id, self.stage_decision)
        sent = self._decision_messages(complaint)
        self.assertEqual(len(sent), 1)
        self.assertIn(complaint.complaint_ref, sent.subject)
        self.assertIn("We refund half of the price.", sent.body)
        self.assertIn(self.partner, sent.partner_ids)

    def test_reaction_needs_communicated_decision(self):
        complaint = self._respond(self._create_complaint())
        with self.assertRaises(UserError) as error:
            complaint.action_reaction_accepted()
        self.assertIn(
            "only react to a decision that was communicated", str(error.exception)
        )
        self.assertFalse(complaint.reaction)
        self._decide(complaint)
        complaint.action_reaction_accepted()
        self.assertEqual(complaint.reaction, "accepted")
        self.assertTrue(complaint.reaction_date)

    # closing ---------------------------------------------------------------
    def test_closed_refused_without_closure_reason(self):
        complaint = self._decide(self._create_complaint())
        self.assertRefused(
            complaint,
            {"stage_id": self.stage_closed.id},
            "'Closed'",
            "a closure reason must be given (7.9)",
        )
        self.assertFalse(complaint.closed_by_id)
        self.assertFalse(complaint.closed_date)

    def test_closed_as_resolved_refused_when_decision_rejected(self):
        complaint = self._decide(self._create_complaint())
        complaint.action_reaction_rejected()
        self.assertRefused(
            complaint,
            {"stage_id": self.stage_closed.id, "closure_reason": "resolved"},
            "the complainant rejected the decision",
            "cannot be closed as resolved",
        )
        self.assertFalse(complaint.closure_reason)

    def test_closed_referred_external_after_rejection(self):
        complaint = self._decide(self._create_complaint())
        complaint.action_reaction_rejected()
        complaint.with_user(self.helpdesk_user).write(
            {"stage_id": self.stage_closed.id, "closure_reason": "referred_external"}
        )
        self.assertEqual(complaint.iso_step, "closed")
        self.assertTrue(complaint.closed)
        self.assertEqual(complaint.closed_by_id, self.helpdesk_user)
        self.assertTrue(complaint.closed_date)

    def test_close_accepted_decision_records_who_closed(self):
        complaint = self._decide(self._create_complaint())
        complaint.action_reaction_accepted()
        complaint.with_user(self.helpdesk_manager).write(
            {"closure_reason": "resolved", "stage_id": self.stage_closed.id}
        )
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.closed_by_id, self.helpdesk_manager)

    def test_close_refused_straight_from_received(self):
        complaint = self._create_complaint()
        self.assertRefused(
            complaint,
            {"stage_id": self.stage_closed.id, "closure_reason": "resolved"},
            "'Closed'",
            "an acknowledgement must have been sent (7.4)",
            "the severity must be assessed (7.5)",
            "a response or a remedy must be proposed (7.7)",
            "the decision must have been communicated (7.8)",
        )
        self.assertFalse(complaint.closed_by_id)

    def test_withdrawn_needs_withdrawn_or_out_of_scope_reason(self):
        complaint = self._create_complaint()
        for reason in (False, "resolved", "not_upheld"):
            vals = {"stage_id": self.stage_withdrawn.id}
            if reason:
                vals["closure_reason"] = reason
            self.assertRefused(
                complaint,
                vals,
                "'Withdrawn / rejected'",
                "the closure reason must be 'withdrawn'",
            )
        complaint.write(
            {"stage_id": self.stage_withdrawn.id, "closure_reason": "withdrawn"}
        )
        self.assertEqual(complaint.iso_step, "withdrawn")
        self.assertEqual(complaint.closed_by_id, self.env.user)

    def test_withdrawn_as_out_of_scope(self):
        complaint = self._acknowledge(self._create_complaint())
        complaint.with_user(self.helpdesk_user).write(
            {"stage_id": self.stage_withdrawn.id, "closure_reason": "out_of_scope"}
        )
        self.assertEqual(complaint.iso_step, "withdrawn")
        self.assertTrue(complaint.closed)
        self.assertEqual(complaint.closed_by_id, self.helpdesk_user)

    # reopening -------------------------------------------------------------
    def test_reopen_counts_and_clears_closer(self):
        complaint = self._close(self._create_complaint())
        self.assertEqual(complaint.closed_by_id, self.env.user)
        self.assertEqual(complaint.reopen_count, 0)
        complaint.with_user(self.helpdesk_user).stage_id = self.stage_investigating
        self.assertEqual(complaint.iso_step, "investigating")
        self.assertEqual(complaint.reopen_count, 1)
        self.assertFalse(complaint.closed_by_id)
        self.assertFalse(complaint.closed_date)
        # closed again, reopened again
        complaint.with_user(self.helpdesk_user).stage_id = self.stage_closed
        self.assertEqual(complaint.closed_by_id, self.helpdesk_user)
        self.assertTrue(complaint.closed_date)
        complaint.stage_id = self.stage_responded
        self.assertEqual(complaint.reopen_count, 2)
        self.assertFalse(complaint.closed_by_id)

    def test_full_process_as_helpdesk_user(self):
        complaint = self.Ticket.with_user(self.helpdesk_user).create(
            self._complaint_vals(partner_id=self.partner.id)
        )
        self._run_pending_jobs()
        self.assertEqual(complaint.iso_step, "acknowledged")
        complaint.write({"severity": "medium", "stage_id": self.stage_assessed.id})
        complaint.stage_id = self.stage_investigating
        complaint.write(
            {
                "investigation_findings": "<p>Seal defect</p>",
                "root_cause": "Supplier batch 42",
                "remedy_ids": [(0, 0, {"remedy_type": "replacement", "cost": 30})],
                "stage_id": self.stage_responded.id,
            }
        )
        complaint.write({"decision_outcome": "upheld", "decision": "<p>Replaced</p>"})
        complaint.action_communicate_decision()
        complaint.action_reaction_accepted()
        complaint.write(
            {"closure_reason": "resolved", "stage_id": self.stage_closed.id}
        )
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.closed_by_id, self.helpdesk_user)
        self.assertEqual(complaint.decision_user_id, self.helpdesk_user)
        self.assertEqual(complaint.remedy_cost, 30)
