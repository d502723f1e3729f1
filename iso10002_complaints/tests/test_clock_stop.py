# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Clock stop: a policy option pausing the deadlines while waiting on the
complainant, recorded as clock stops that only the actions date."""

from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import FRIDAY_1500, ComplaintCommon

# ISO preset, medium: 15 business days after Friday 10 January 2025
DEADLINE = datetime(2025, 1, 31, 17, 0)
TUESDAY_0900 = datetime(2025, 1, 14, 9, 0)
THURSDAY_0900 = datetime(2025, 1, 16, 9, 0)


@tagged("post_install", "-at_install")
class TestClockStop(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy.clock_stop_allowed = True
        cls.ClockStop = cls.env["iso10002.complaint.clock.stop"]

    def _acknowledged(self, **values):
        with freeze_time(FRIDAY_1500):
            complaint = self._create_complaint(received_date=FRIDAY_1500, **values)
            return self._acknowledge(complaint)

    def _stop(self, complaint, when, user=None):
        with freeze_time(when):
            return complaint.with_user(user or self.env.user)._iso_stop_clock(
                "Asked for the receipt of the kettle"
            )

    def _restart(self, complaint, when, user=None):
        with freeze_time(when):
            complaint.with_user(user or self.env.user).action_clock_restart()

    def test_business_days_move_by_the_working_time_stopped(self):
        """Stopped from Tuesday 09:00 to Thursday 09:00: 16 working hours
        (7 + 8 + 1), two working days: the deadline moves from Friday 31
        January 17:00 to Tuesday 4 February 17:00."""
        complaint = self._acknowledged()
        self.assertEqual(complaint.response_deadline, DEADLINE)
        stop = self._stop(complaint, TUESDAY_0900, self.helpdesk_user)
        self.assertEqual(stop.date_start, TUESDAY_0900)
        self.assertEqual(stop.user_id, self.helpdesk_user)
        self.assertTrue(complaint.clock_stopped)
        self.assertEqual(complaint.response_deadline, DEADLINE, "not moved yet")
        self.assertIn("Clock stopped", str(complaint.message_ids.mapped("body")))
        self._restart(complaint, THURSDAY_0900, self.helpdesk_user)
        self.assertEqual(stop.date_end, THURSDAY_0900)
        self.assertAlmostEqual(stop.duration_days, 2.0)
        self.assertFalse(complaint.clock_stopped)
        self.assertEqual(complaint.response_deadline, datetime(2025, 2, 4, 17, 0))
        self.assertEqual(complaint.next_deadline, complaint.response_deadline)
        self.assertIn("Clock restarted", str(complaint.message_ids.mapped("body")))

    def test_stops_add_up_and_a_weekend_costs_nothing(self):
        complaint = self._acknowledged()
        # Friday 17 January 16:00 to Monday 20 January 09:00: 2 working hours
        self._stop(complaint, datetime(2025, 1, 17, 16, 0))
        self._restart(complaint, datetime(2025, 1, 20, 9, 0))
        self.assertEqual(complaint.response_deadline, datetime(2025, 2, 3, 10, 0))
        # and a second one, Tuesday 09:00 to 15:00: 5 more working hours
        self._stop(complaint, datetime(2025, 1, 21, 9, 0))
        self._restart(complaint, datetime(2025, 1, 21, 15, 0))
        self.assertEqual(len(complaint.clock_stop_ids), 2)
        self.assertEqual(complaint.response_deadline, datetime(2025, 2, 3, 16, 0))

    def test_calendar_days_move_by_the_elapsed_time(self):
        self.policy._apply_preset(self.preset_fca)
        self.policy.clock_stop_allowed = True
        complaint = self._acknowledged()
        self.assertEqual(complaint.response_deadline, datetime(2025, 3, 7, 15, 0))
        self._stop(complaint, TUESDAY_0900)
        self._restart(complaint, datetime(2025, 1, 16, 21, 30))
        self.assertEqual(complaint.response_deadline, datetime(2025, 3, 10, 3, 30))

    def test_no_deadline_runs_while_stopped(self):
        complaint = self._acknowledged()
        self.assertEqual(complaint.next_deadline, DEADLINE)
        self._stop(complaint, datetime(2025, 1, 29, 9, 0))
        self.assertFalse(complaint.next_deadline, "nothing to escalate")
        # long after the deadline, the status is the one at the stop
        with freeze_time("2025-02-20 12:00:00"):
            self.Ticket._cron_update_deadline_status()
            self.assertEqual(complaint.deadline_status, "at_risk")
            self.assertNotIn(
                complaint,
                self.Ticket.search([("deadline_status", "=", "overdue")]),
            )
        # restarted, the 3 weeks stopped (15 working days and 3 hours) count
        self._restart(complaint, datetime(2025, 2, 19, 13, 0))
        self.assertEqual(complaint.response_deadline, datetime(2025, 2, 24, 11, 0))
        with freeze_time("2025-02-20 12:00:00"):
            self.Ticket._cron_update_deadline_status()
            self.assertEqual(complaint.deadline_status, "at_risk")
            self.assertEqual(complaint.next_deadline, complaint.response_deadline)

    def test_the_decision_ends_a_running_stop(self):
        complaint = self._acknowledged()
        stop = self._stop(complaint, TUESDAY_0900)
        with freeze_time(THURSDAY_0900):
            self._decide(complaint)
        self.assertEqual(complaint.iso_step, "decision_communicated")
        self.assertEqual(stop.date_end, THURSDAY_0900)
        self.assertFalse(complaint.clock_stopped)
        self.assertEqual(complaint.response_deadline, datetime(2025, 2, 4, 17, 0))
        self.assertEqual(complaint.deadline_status, "on_time")

    def test_policy_and_step_decide_when_it_may_stop(self):
        complaint = self._acknowledged()
        self.policy.clock_stop_allowed = False
        complaint.invalidate_recordset(["clock_stop_allowed"])
        with self.assertRaisesRegex(UserError, "policy does not allow"):
            complaint.action_clock_stop()
        self.policy.clock_stop_allowed = True
        complaint.invalidate_recordset(["clock_stop_allowed"])
        action = complaint.action_clock_stop()
        self.assertEqual(action["res_model"], "iso10002.complaint.clock.stop")
        self.assertEqual(action["context"], {"default_ticket_id": complaint.id})
        with freeze_time(FRIDAY_1500):
            fresh = self._create_complaint(received_date=FRIDAY_1500)
        with self.assertRaisesRegex(UserError, "not acknowledged yet"):
            self._stop(fresh, TUESDAY_0900)
        self._stop(complaint, TUESDAY_0900)
        with self.assertRaisesRegex(UserError, "already stopped"):
            self._stop(complaint, THURSDAY_0900)
        self._restart(complaint, THURSDAY_0900)
        with self.assertRaisesRegex(UserError, "is not stopped"):
            self._restart(complaint, THURSDAY_0900)
        with freeze_time(THURSDAY_0900):
            self._decide(complaint)
        with self.assertRaisesRegex(UserError, "already communicated"):
            self._stop(complaint, datetime(2025, 1, 17, 9, 0))
        with self.assertRaisesRegex(UserError, "complaints only"):
            self._stop(self._create_plain(), TUESDAY_0900)

    def test_the_actions_alone_date_a_stop(self):
        complaint = self._acknowledged()
        handler = self.helpdesk_user
        Stop = self.ClockStop.with_user(handler)
        with freeze_time(TUESDAY_0900):
            with self.assertRaisesRegex(UserError, "never written directly"):
                Stop.create(
                    {
                        "ticket_id": complaint.id,
                        "reason": "Backdated",
                        "date_start": datetime(2025, 1, 13, 9, 0),
                    }
                )
            # the dialog of Stop the clock: the reason only; a date sent as
            # a context default is ignored (a context is no boundary)
            stop = Stop.with_context(
                default_ticket_id=complaint.id,
                default_date_start=datetime(2025, 1, 13, 9, 0),
                default_user_id=self.helpdesk_manager.id,
            ).create({"reason": "Asked for photos"})
        self.assertEqual(stop.date_start, TUESDAY_0900)
        self.assertEqual(stop.user_id, handler)
        for vals in (
            {"date_start": datetime(2025, 1, 13, 9, 0)},
            {"date_end": THURSDAY_0900},
            {"user_id": self.helpdesk_manager.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                stop.write(vals)
        stop.reason = "Asked for photos of the base"
        # no role deletes a stop (ACL): it is part of the complaint's record
        for user in (handler, self.helpdesk_manager, self.env.ref("base.user_admin")):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                stop.with_user(user).unlink()
        self.assertTrue(complaint.clock_stopped)

    def test_person_complained_about_does_not_stop_it(self):
        complaint = self._acknowledged(
            subject_user_ids=[Command.set(self.helpdesk_user.ids)]
        )
        with self.assertRaises(AccessError):
            self._stop(complaint, TUESDAY_0900, self.helpdesk_user)
        self._stop(complaint, TUESDAY_0900, self.helpdesk_manager)
        with self.assertRaises(AccessError):
            self._restart(complaint, THURSDAY_0900, self.helpdesk_user)
