# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Four-eyes approval of the final response and the redress (4.9) and redress
statuses (7.7, 7.8); ADR referrals in test_redress_adr.py."""

from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .redress_common import RedressCommon


@tagged("post_install", "-at_install")
class TestApproval(RedressCommon):
    def test_approval_required_by_each_threshold_of_the_policy(self):
        medium = self._assess(self._complaint(), "medium")
        self.assertFalse(medium._iso_approval_required())
        self.assertTrue(
            self._assess(self._complaint(), "high")._iso_approval_required()
        )
        self.assertTrue(
            self._assess(self._complaint(), "critical")._iso_approval_required()
        )
        # redress at or above the amount; a declined remedy is not at stake
        remedy = self._remedy(medium, 499.99)
        self.assertFalse(medium._iso_approval_required())
        remedy.cost = 500.0
        self.assertTrue(medium._iso_approval_required())
        self.assertTrue(medium.approval_required)
        remedy.redress_state = "declined"
        self.assertFalse(medium._iso_approval_required())
        # a vulnerable customer
        vulnerable = self._assess(self._complaint(vulnerable=True), "low")
        self.assertTrue(vulnerable._iso_approval_required())
        self.policy.approval_vulnerable = False
        self.assertFalse(vulnerable._iso_approval_required())
        # plain tickets never
        self.assertFalse(self._create_plain()._iso_approval_required())

    def test_decision_waits_for_the_approval_of_a_second_person(self):
        complaint = self._ready_to_decide()
        as_handler = complaint.with_user(self.helpdesk_user)
        with self._refused(UserError, "a second person must approve"):
            as_handler.action_communicate_decision()
        self.assertFalse(complaint.decision_date)
        as_handler.action_request_approval()
        self.assertEqual(complaint.approval_state, "to_approve")
        with self._refused(UserError, "a second person must approve"):
            as_handler.action_communicate_decision()

        # refused to the handler, and to a person complained about
        with self._refused(UserError, "you handle it or decided it"):
            as_handler.action_approve()
        with self._refused(UserError, "the complaint is about you"):
            complaint.with_user(self.subject).action_approve()
        # a plain helpdesk user is not an approver
        with self.assertRaises(AccessError):
            complaint.with_user(self.helpdesk_manager).action_approve()
        # nor can anyone write the state
        with self._refused(UserError, "recorded by the complaints process"):
            as_handler.write({"approval_state": "approved"})
        self.assertEqual(complaint.approval_state, "to_approve")

        complaint.with_user(self.approver).action_approve()
        self.assertEqual(complaint.approval_state, "approved")
        self.assertEqual(complaint.approval_user_id, self.approver)
        self.assertTrue(complaint.approval_date)
        as_handler.action_communicate_decision()
        self.assertEqual(complaint.iso_step, "decision_communicated")
        # still approved: writing the decision maker again is no change
        self.assertEqual(complaint.approval_state, "approved")
        self.assertEqual(complaint.decision_user_id, self.helpdesk_user)

        # the approval is tracked in the chatter
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = complaint.message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "approval_state"
        )
        self.assertIn("Approved", tracked.mapped("new_value_char"))

    def test_approver_cannot_decide(self):
        complaint = self._ready_to_decide()
        complaint.with_user(self.helpdesk_user).action_request_approval()
        complaint.with_user(self.approver).action_approve()
        with self._refused(UserError, "cannot also decide"):
            complaint.with_user(self.approver).action_communicate_decision()

    def test_refusal_needs_a_reason_and_keeps_the_decision_waiting(self):
        complaint = self._ready_to_decide()
        complaint.with_user(self.helpdesk_user).action_request_approval()
        as_approver = complaint.with_user(self.approver)
        with self._refused(UserError, "why you refuse"):
            as_approver.action_refuse_approval()
        as_approver.approval_note = "The redress is too low for the harm."
        as_approver.action_refuse_approval()
        self.assertEqual(complaint.approval_state, "refused")
        self.assertIn(
            "The redress is too low", complaint.message_ids[:3].mapped("body")[0]
        )
        with self._refused(UserError, "a second person must approve"):
            complaint.with_user(self.helpdesk_user).action_communicate_decision()
        # the handler reworks the response and asks again
        complaint.with_user(self.helpdesk_user).action_request_approval()
        self.assertEqual(complaint.approval_state, "to_approve")

    def test_change_of_the_decision_after_approval_withdraws_it(self):
        complaint = self._ready_to_decide()
        complaint.with_user(self.helpdesk_user).action_request_approval()
        complaint.with_user(self.approver).action_approve()
        complaint.with_user(self.helpdesk_user).write(
            {"decision": "<p>We uphold your complaint in part.</p>"}
        )
        self.assertEqual(complaint.approval_state, "to_approve")
        self.assertFalse(complaint.approval_user_id)
        with self._refused(UserError, "a second person must approve"):
            complaint.with_user(self.helpdesk_user).action_communicate_decision()
        complaint.with_user(self.approver).action_approve()
        complaint.with_user(self.helpdesk_user).decision_outcome = "partially_upheld"
        self.assertEqual(complaint.approval_state, "to_approve")

    def test_decision_written_again_unchanged_keeps_the_approval(self):
        complaint = self._ready_to_decide()
        complaint.with_user(self.helpdesk_user).action_request_approval()
        complaint.with_user(self.approver).action_approve()
        complaint.with_user(self.helpdesk_user).write(
            {
                "decision_outcome": complaint.decision_outcome,
                "decision": complaint.decision,
            }
        )
        self.assertEqual(complaint.approval_state, "approved")
        self.assertEqual(complaint.approval_user_id, self.approver)

    def test_approval_note_is_the_approvers(self):
        """The note the tracking form shows as the approver's is written by
        the approver while the approval is requested, by nobody else and
        not afterwards."""
        complaint = self._ready_to_decide()
        as_handler = complaint.with_user(self.helpdesk_user)
        with self._refused(UserError, "no approval is requested"):
            as_handler.approval_note = "Approved, surely."
        as_handler.action_request_approval()
        with self._refused(UserError, "you handle it or decided it"):
            as_handler.approval_note = "Approved, surely."
        with self._refused(UserError, "the complaint is about you"):
            complaint.with_user(self.subject).approval_note = "Fine by me."
        as_approver = complaint.with_user(self.approver)
        as_approver.approval_note = "The redress is fair."
        as_approver.action_approve()
        self.assertEqual(complaint.approval_note, "The redress is fair.")
        with self._refused(UserError, "no approval is requested"):
            as_approver.approval_note = "Rewritten afterwards."
        self.assertEqual(complaint.approval_note, "The redress is fair.")

    def test_change_of_the_redress_after_approval_withdraws_it(self):
        complaint = self._ready_to_decide(severity="low")
        remedy = self._remedy(complaint, 800.0)
        complaint.with_user(self.helpdesk_user).action_request_approval()
        complaint.with_user(self.approver).action_approve()
        remedy.with_user(self.helpdesk_user).cost = 900.0
        self.assertEqual(complaint.approval_state, "to_approve")
        self.assertIn("Second approval withdrawn", complaint.message_ids[0].body)
        complaint.with_user(self.approver).action_approve()
        # a new remedy changes the redress too
        self._remedy(complaint, 10.0)
        self.assertEqual(complaint.approval_state, "to_approve")

    def test_step_table_requires_the_approval(self):
        """The requirement lives in the step table: the stage guard refuses
        the step, and the step's requirements list it."""
        complaint = self._ready_to_decide()
        errors = complaint._iso_requirement_errors("decision_communicated")
        self.assertIn(
            "a second person must have approved the final response and the "
            "redress, when the complaints policy asks for it (4.9)",
            errors,
        )
        medium = self._ready_to_decide(severity="medium")
        self.assertEqual(
            len(medium._iso_requirement_errors("decision_communicated")),
            len(errors) - 1,
        )

    def test_no_approval_asked_below_the_thresholds(self):
        complaint = self._ready_to_decide(severity="medium")
        with self._refused(UserError, "needs no second approval"):
            complaint.with_user(self.helpdesk_user).action_request_approval()
        complaint.with_user(self.helpdesk_user).action_communicate_decision()
        self.assertEqual(complaint.iso_step, "decision_communicated")
        self.assertEqual(complaint.approval_state, "not_required")


@tagged("post_install", "-at_install")
class TestRedress(RedressCommon):
    def test_redress_offered_accepted_paid(self):
        complaint = self._complaint()
        remedy = self._remedy(complaint, 120.0).with_user(self.helpdesk_user)
        today = complaint._iso_day()
        self.assertEqual(
            (remedy.redress_state, remedy.offered_date), ("offered", today)
        )
        with self._refused(UserError, "cannot become"):
            remedy.redress_state = "paid"
        remedy.redress_state = "accepted"
        self.assertEqual(remedy.accepted_date, today)
        with self._refused(ValidationError, "method of the payment"):
            remedy.redress_state = "paid"
        remedy.write({"redress_state": "paid", "payment_method": "bank_transfer"})
        self.assertEqual((remedy.paid_date, remedy.paid_amount), (today, 120.0))
        self.assertEqual(complaint.redress_paid_amount, 120.0)
        # a paid redress is final and part of the record
        with self._refused(UserError, "cannot become"):
            remedy.redress_state = "offered"
        with self._refused(UserError, "cannot be deleted"):
            remedy.unlink()
        with self._refused(UserError, "recorded by the complaints process"):
            complaint.with_user(self.helpdesk_user).redress_paid_amount = 1.0

    def test_redress_declined_then_offered_again(self):
        complaint = self._complaint()
        remedy = self._remedy(complaint, 50.0)
        remedy.redress_state = "declined"
        self.assertEqual(complaint.redress_paid_amount, 0.0)
        remedy.write({"redress_state": "offered", "cost": 80.0})
        remedy.write(
            {"redress_state": "accepted", "accepted_date": remedy.offered_date}
        )
        remedy.write(
            {"redress_state": "paid", "paid_amount": 75.0, "payment_method": "cheque"}
        )
        self.assertEqual(complaint.redress_paid_amount, 75.0)

    def test_redress_dates_are_coherent(self):
        complaint = self._complaint(received_date=fields.Datetime.now())
        today = complaint._iso_day()
        with self._refused(ValidationError, "not in the future"):
            self._remedy(complaint, 10.0, offered_date=today + timedelta(days=2))
        with self._refused(ValidationError, "after the complaint"):
            self._remedy(complaint, 10.0, offered_date=date(2020, 1, 1))
        remedy = self._remedy(complaint, 10.0)
        with self._refused(ValidationError, "only a redress paid"):
            remedy.paid_amount = 10.0

    def test_paying_waits_for_the_approval(self):
        complaint = self._complaint()
        remedy = self._remedy(complaint, 700.0, redress_state="accepted")
        with self._refused(UserError, "before you mark a redress paid"):
            remedy.with_user(self.helpdesk_user).write(
                {"redress_state": "paid", "payment_method": "card_refund"}
            )
        complaint.with_user(self.helpdesk_user).action_request_approval()
        complaint.with_user(self.approver).action_approve()
        self.assertEqual(complaint.approval_state, "approved")
        # paying more than approved is a new redress
        with self._refused(UserError, "before you mark a redress paid"):
            remedy.with_user(self.helpdesk_user).write(
                {
                    "redress_state": "paid",
                    "paid_amount": 900.0,
                    "payment_method": "card_refund",
                }
            )
        self.assertEqual(complaint.approval_state, "approved")
        remedy.with_user(self.helpdesk_user).write(
            {"redress_state": "paid", "payment_method": "card_refund"}
        )
        self.assertEqual(complaint.redress_paid_amount, 700.0)
        self.assertEqual(complaint.approval_state, "approved")

    def test_nobody_complained_about_touches_the_redress(self):
        complaint = self._complaint()
        remedy = self._remedy(complaint, 20.0)
        with self.assertRaises(AccessError):
            remedy.with_user(self.subject).redress_state = "accepted"
        with self.assertRaises(AccessError):
            self.env["iso10002.complaint.remedy"].with_user(self.subject).create(
                {"ticket_id": complaint.id, "remedy_type": "refund", "cost": 5.0}
            )
        self.assertEqual(remedy.redress_state, "offered")
