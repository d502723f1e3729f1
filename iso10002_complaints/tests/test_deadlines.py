# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Deadlines (7.3, 4.15): business and calendar days, holidays, presets."""

from datetime import datetime

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import FRIDAY_1500, ComplaintCommon


def dt(value):
    return datetime.strptime(value, "%Y-%m-%d %H:%M")


@tagged("post_install", "-at_install")
class TestDeadlines(ComplaintCommon):
    def _set_target(self, severity="medium", **values):
        target = self.policy.target_ids.filtered(lambda t: t.severity == severity)
        target.write(values)
        return target

    def _monday_off(self, **values):
        """A whole day off on Monday 13 January 2025: by default a public
        holiday of the test working hours."""
        return self.env["resource.calendar.leaves"].create(
            {
                "name": "Day off (test)",
                "calendar_id": self.calendar.id,
                "resource_id": False,
                "date_from": dt("2025-01-13 00:00"),
                "date_to": datetime(2025, 1, 13, 23, 59, 59),
                **values,
            }
        )

    def test_one_business_day_after_friday_is_end_of_monday(self):
        complaint = self._create_complaint(received_date=FRIDAY_1500)
        # ISO preset, no severity -> medium: ack 1 business day
        self.assertEqual(complaint.ack_deadline, dt("2025-01-13 17:00"))

    def test_weekend_and_public_holiday(self):
        self._monday_off()
        complaint = self._create_complaint(received_date=FRIDAY_1500)
        self.assertEqual(complaint.ack_deadline, dt("2025-01-14 17:00"))
        # the final response (15 business days) also skips the holiday
        self.assertEqual(complaint.response_deadline, dt("2025-02-03 17:00"))

    def test_company_wide_holiday_counts(self):
        """A public holiday without calendar applies to every calendar."""
        self._monday_off(calendar_id=False, company_id=self.company.id)
        complaint = self._create_complaint(received_date=FRIDAY_1500)
        self.assertEqual(complaint.ack_deadline, dt("2025-01-14 17:00"))

    def test_business_days_over_two_weekends(self):
        self._set_target(ack_value=2, response_value=6)
        complaint = self._create_complaint(received_date=FRIDAY_1500)
        self.assertEqual(complaint.ack_deadline, dt("2025-01-14 17:00"))
        # Mon 13 .. Fri 17 (5), Mon 20 (6): two weekends crossed
        self.assertEqual(complaint.response_deadline, dt("2025-01-20 17:00"))

    def test_receipt_on_a_weekend(self):
        complaint = self._create_complaint(received_date=dt("2025-01-11 10:00"))
        self.assertEqual(complaint.ack_deadline, dt("2025-01-13 17:00"))

    def test_calendar_days_count_weekends(self):
        self._set_target(
            ack_value=3,
            ack_unit="calendar",
            response_value=10,
            response_unit="calendar",
        )
        complaint = self._create_complaint(received_date=FRIDAY_1500)
        self.assertEqual(complaint.ack_deadline, dt("2025-01-13 15:00"))
        self.assertEqual(complaint.response_deadline, dt("2025-01-20 15:00"))
        # the same numbers in business days are later
        self._set_target(ack_unit="business", response_unit="business")
        other = self._create_complaint(received_date=FRIDAY_1500)
        self.assertEqual(other.ack_deadline, dt("2025-01-15 17:00"))
        self.assertEqual(other.response_deadline, dt("2025-01-24 17:00"))

    def test_acknowledgement_due_on_receipt(self):
        self._set_target(ack_value=0)
        complaint = self._create_complaint(received_date=FRIDAY_1500)
        self.assertEqual(complaint.ack_deadline, FRIDAY_1500)

    def test_fca_preset_final_response_in_56_calendar_days(self):
        self.policy.preset_id = self.preset_fca
        self.policy.action_apply_preset()
        complaint = self._create_complaint(received_date=FRIDAY_1500, severity="high")
        self.assertEqual(complaint.response_deadline, dt("2025-03-07 15:00"))
        self.assertEqual((complaint.response_deadline - FRIDAY_1500).days, 56)
        self.assertEqual(complaint.ack_deadline, dt("2025-01-13 17:00"))

    def test_asic_preset_final_response_in_30_calendar_days(self):
        self.policy.preset_id = self.preset_asic
        self.policy.action_apply_preset()
        complaint = self._create_complaint(received_date=FRIDAY_1500, severity="low")
        self.assertEqual(complaint.response_deadline, dt("2025-02-09 15:00"))
        self.assertEqual(complaint.ack_deadline, dt("2025-01-13 17:00"))

    def test_severity_change_recomputes_deadlines(self):
        complaint = self._create_complaint(received_date=FRIDAY_1500)
        self.assertEqual(complaint.response_deadline, dt("2025-01-31 17:00"))
        complaint.severity = "critical"
        self.assertEqual(complaint.response_deadline, dt("2025-01-17 17:00"))
        complaint.severity = "high"
        self.assertEqual(complaint.response_deadline, dt("2025-01-24 17:00"))
        complaint.severity = "low"
        self.assertEqual(complaint.response_deadline, dt("2025-02-07 17:00"))
        self.assertEqual(complaint.ack_deadline, dt("2025-01-13 17:00"))

    def test_received_date_change_recomputes_deadlines(self):
        complaint = self._create_complaint(received_date=FRIDAY_1500)
        complaint.received_date = dt("2025-01-13 09:00")
        self.assertEqual(complaint.ack_deadline, dt("2025-01-14 17:00"))

    def test_calendar_timezone_in_summer(self):
        """Deadlines are the end of the local working day (BST is UTC+1)."""
        complaint = self._create_complaint(received_date=dt("2025-06-13 15:00"))
        self.assertEqual(complaint.ack_deadline, dt("2025-06-16 16:00"))

    def test_policy_calendar_used_when_team_has_none(self):
        calendar_ny = self._create_calendar("New York hours", "America/New_York")
        self.team_complaints.resource_calendar_id = False
        self.policy.resource_calendar_id = calendar_ny
        complaint = self._create_complaint(received_date=FRIDAY_1500)
        # end of Monday 17:00 in New York = 22:00 UTC
        self.assertEqual(complaint.ack_deadline, dt("2025-01-13 22:00"))

    def test_plain_ticket_has_no_deadlines(self):
        ticket = self._create_plain(received_date=FRIDAY_1500, severity="critical")
        self.assertFalse(ticket.ack_deadline)
        self.assertFalse(ticket.response_deadline)
        self.assertFalse(ticket.deadline_status)

    def test_add_days_without_calendar_counts_calendar_days(self):
        add_days = self.Policy._add_days
        self.assertEqual(
            add_days(FRIDAY_1500, 3, "business", self.env["resource.calendar"]),
            dt("2025-01-13 15:00"),
        )
        self.assertEqual(
            add_days(FRIDAY_1500, 3, "business", self.calendar), dt("2025-01-15 17:00")
        )
        self.assertFalse(add_days(False, 3, "business", self.calendar))

    def test_cached_working_days_follow_calendar_changes(self):
        """Working days are cached per calendar and day of receipt: a new
        public holiday, changed working hours and another time zone apply
        to the next complaints at once; an employee's time off does not
        touch the cache."""
        first = self._create_complaint(received_date=FRIDAY_1500)
        self.assertEqual(first.ack_deadline, dt("2025-01-13 17:00"))
        # an employee's time off: same deadline, cache kept
        someone = self.env["resource.resource"].create(
            {"name": "Someone", "calendar_id": self.calendar.id}
        )
        self._monday_off(resource_id=someone.id)
        second = self._create_complaint(received_date=FRIDAY_1500)
        self.assertEqual(second.ack_deadline, dt("2025-01-13 17:00"))
        # a public holiday on Monday: Tuesday
        holiday = self._monday_off()
        third = self._create_complaint(received_date=FRIDAY_1500)
        self.assertEqual(third.ack_deadline, dt("2025-01-14 17:00"))
        # the holiday removed: Monday again
        holiday.unlink()
        fourth = self._create_complaint(received_date=FRIDAY_1500)
        self.assertEqual(fourth.ack_deadline, dt("2025-01-13 17:00"))
        # shorter Mondays: the end of Monday's work
        self.calendar.attendance_ids.filtered(
            lambda a: a.dayofweek == "0" and a.hour_to > 12
        ).write({"hour_to": 16})
        fifth = self._create_complaint(received_date=FRIDAY_1500)
        self.assertEqual(fifth.ack_deadline, dt("2025-01-13 16:00"))
