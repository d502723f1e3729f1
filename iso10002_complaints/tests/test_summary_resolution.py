# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Summary resolution (FCA DISP 1.5): a complaint resolved by close of
business on the third business day after its receipt closes with a summary
resolution communication instead of a final response."""

from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.models.ticket_summary_resolution import (
    SUMMARY_TEMPLATE,
)

from .common import FRIDAY_1500, ComplaintCommon

# Friday 10 January 2025 15:00: Monday, Tuesday, Wednesday 17:00
SUMMARY_DEADLINE = datetime(2025, 1, 15, 17, 0)
TUESDAY_1000 = datetime(2025, 1, 14, 10, 0)


@tagged("post_install", "-at_install")
class TestSummaryResolution(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy._apply_preset(cls.preset_fca)
        cls.policy.auto_acknowledge = False
        cls.template = cls.env.ref(SUMMARY_TEMPLATE)

    def _responded(self, **values):
        with freeze_time(FRIDAY_1500):
            complaint = self._create_complaint(received_date=FRIDAY_1500, **values)
            self._respond(complaint)
        complaint.decision_outcome = "upheld"
        return complaint

    def test_deadline_is_close_of_the_third_business_day(self):
        complaint = self._responded()
        self.assertEqual(complaint.summary_resolution_deadline, SUMMARY_DEADLINE)
        self.policy.summary_resolution_days = 0
        self.assertFalse(
            self._responded().summary_resolution_deadline,
            "no summary resolution without the policy's days",
        )

    def test_resolved_in_time_closes_without_a_final_response(self):
        complaint = self._responded(partner_id=self.partner.id)
        with freeze_time(TUESDAY_1000):
            complaint.with_user(self.helpdesk_user).action_summary_resolution()
        self.assertTrue(complaint.summary_resolution)
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.closure_reason, "resolved")
        self.assertEqual(complaint.closed_by_id, self.helpdesk_user)
        self.assertEqual(
            (complaint.reaction, complaint.reaction_date), ("accepted", TUESDAY_1000)
        )
        self.assertFalse(complaint.decision_date, "no final response")
        self.assertFalse(complaint.next_deadline)
        self.assertEqual(complaint.deadline_status, "on_time")
        subject = self.template._render_field("subject", complaint.ids)[complaint.id]
        letters = complaint.message_ids.filtered(lambda m: m.subject == subject)
        self.assertEqual(len(letters), 1, "the summary resolution communication")
        self.assertIn(self.partner, letters.partner_ids)
        self.assertFalse(self._decision_messages(complaint))

    def test_too_late_needs_a_final_response(self):
        complaint = self._responded()
        with (
            freeze_time("2025-01-15 17:01:00"),
            self.assertRaisesRegex(UserError, "had to be resolved by"),
        ):
            complaint.action_summary_resolution()
        self.assertFalse(complaint.summary_resolution)
        with freeze_time("2025-01-16 09:00:00"):
            self._close(complaint)
        self.assertEqual(complaint.iso_step, "closed")
        self.assertFalse(complaint.summary_resolution)

    def test_step_table_closes_on_a_decision_or_a_summary_resolution(self):
        complaint = self._responded()
        with self.assertRaises(UserError) as caught:
            complaint.write(
                {"closure_reason": "resolved", "stage_id": self.stage_closed.id}
            )
        self.assertIn(
            "or the complaint closed with a summary resolution", str(caught.exception)
        )
        self.assertEqual(complaint.iso_step, "responded")
        complaint.decision_outcome = False
        with freeze_time(TUESDAY_1000), self.assertRaises(UserError) as caught:
            complaint.action_summary_resolution()
        self.assertIn("decision outcome must be set", str(caught.exception))
        self.assertFalse(complaint.summary_resolution)

    def test_refused_when_not_applicable(self):
        decided = self._responded()
        with freeze_time(TUESDAY_1000):
            self._decide(decided)
            with self.assertRaisesRegex(UserError, "final response was already"):
                decided.action_summary_resolution()
        self.policy.summary_resolution_days = 0
        iso = self._responded()
        with (
            freeze_time(TUESDAY_1000),
            self.assertRaisesRegex(UserError, "has no summary resolution"),
        ):
            iso.action_summary_resolution()
        subject = self._responded(
            subject_user_ids=[Command.set(self.helpdesk_user.ids)]
        )
        with freeze_time(TUESDAY_1000), self.assertRaises(AccessError):
            subject.with_user(self.helpdesk_user).action_summary_resolution()

    def test_reopened_it_needs_a_final_response(self):
        complaint = self._responded()
        with freeze_time(TUESDAY_1000):
            complaint.action_summary_resolution()
            with self.assertRaises(UserError) as caught:
                complaint.stage_id = self.stage_decision
            self.assertIn(
                "or the complaint closed with a summary", str(caught.exception)
            )
            self.assertTrue(complaint.summary_resolution)
            complaint.stage_id = self.stage_investigating
        self.assertEqual(complaint.reopen_count, 1)
        self.assertFalse(complaint.summary_resolution)
        with (
            freeze_time("2025-01-20 09:00:00"),
            self.assertRaisesRegex(UserError, "or the complaint closed with a summary"),
        ):
            complaint.write({"stage_id": self.stage_closed.id})
