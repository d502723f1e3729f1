# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""ADR referrals (ISO 10003), and the records of a complaint (remedies,
referrals, clock stops) read and written as the complaint."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .redress_common import RedressCommon


@tagged("post_install", "-at_install")
class TestAdrReferral(RedressCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.body = cls.env["iso10002.adr.body"].create(
            {"name": "Test Ombudsman", "code": "test_ombudsman", "referral_months": 6}
        )
        cls.policy.adr_body_id = cls.body
        cls.Referral = cls.env["iso10002.adr.referral"]

    def test_referral_recorded_on_the_complaint_and_its_chatter(self):
        complaint = self._complaint(received_date=fields.Datetime.now())
        referral = self.Referral.with_user(self.helpdesk_user).create(
            {"ticket_id": complaint.id, "case_reference": "OMB-123"}
        )
        self.assertEqual(referral.body_id, self.body)  # the policy's body
        self.assertEqual(complaint.adr_referral_ids, referral)
        self.assertIn("Referred to Test Ombudsman", complaint.message_ids[0].body)
        self.assertIn("OMB-123", complaint.message_ids[0].body)
        today = referral.ticket_id._iso_day()
        referral.with_user(self.helpdesk_user).write(
            {"outcome": "upheld", "outcome_date": today, "award_amount": 250.0}
        )
        self.assertIn("Upheld for the complainant", complaint.message_ids[0].body)

    def test_referral_constraints(self):
        complaint = self._complaint(received_date=fields.Datetime.now())
        today = complaint._iso_day()
        referral = self.Referral.create({"ticket_id": complaint.id})
        with self._refused(ValidationError, "date of the body's outcome"):
            referral.outcome = "not_upheld"
        with self._refused(ValidationError, "its outcome after"):
            referral.write(
                {"outcome": "not_upheld", "outcome_date": today - timedelta(days=3)}
            )
        with self._refused(ValidationError, "an award comes with"):
            referral.write(
                {"outcome": "not_upheld", "outcome_date": today, "award_amount": 9.0}
            )
        with self._refused(ValidationError, "Only a complaint"):
            self.Referral.create(
                {"ticket_id": self._create_plain().id, "body_id": self.body.id}
            )

    def test_nobody_complained_about_records_a_referral(self):
        complaint = self._complaint()
        with self.assertRaises(AccessError):
            self.Referral.with_user(self.subject).create({"ticket_id": complaint.id})
        referral = self.Referral.create({"ticket_id": complaint.id})
        with self.assertRaises(AccessError):
            referral.with_user(self.subject).case_reference = "forged"
        with self.assertRaises(AccessError):
            referral.with_user(self.subject).unlink()


@tagged("post_install", "-at_install")
class TestRecordsOfTheComplaint(RedressCommon):
    """complaint_child.py: remedies, referrals and clock stops are read and
    written as their complaint, and never by a person it is about."""

    def test_read_and_written_as_the_complaint(self):
        own_user = new_test_user(
            self.env,
            login="iso10002_test_own_user",
            groups="helpdesk_mgmt.group_helpdesk_user_own",
        )
        mine = self._complaint(user_id=own_user.id, subject_user_ids=[])
        other = self._complaint(user_id=self.helpdesk_user.id, subject_user_ids=[])
        remedies = self._remedy(mine, 10.0) | self._remedy(other, 20.0)
        Remedy = self.env["iso10002.complaint.remedy"].with_user(own_user)
        self.assertEqual(
            Remedy.search([("id", "in", remedies.ids)]), remedies[0].with_user(own_user)
        )
        with self.assertRaises(AccessError):
            remedies[1].with_user(own_user).read(["cost"])
        with self.assertRaises(AccessError):
            Remedy.create({"ticket_id": other.id, "remedy_type": "refund"})
        remedies[0].with_user(own_user).cost = 15.0
        self.assertEqual(mine.remedy_cost, 15.0)

    def test_nobody_complained_about_changes_them(self):
        self.policy.clock_stop_allowed = True
        complaint = self._ready_to_decide(severity="low")
        stop = complaint._iso_stop_clock("Asked for the receipt")
        with self.assertRaises(AccessError):
            stop.with_user(self.subject).reason = "Nothing asked"
        self.assertEqual(stop.reason, "Asked for the receipt")
