# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""On time / at risk / overdue, the refresh cron and the search filters."""

from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import FRIDAY_1500, ComplaintCommon

# received Friday 10 January 2025 15:00 (medium severity):
# acknowledge by Monday 13 January 17:00 (74 hours allowed),
# final response by Friday 31 January 17:00.
ACK_DEADLINE = datetime(2025, 1, 13, 17, 0)
RESPONSE_DEADLINE = datetime(2025, 1, 31, 17, 0)


@tagged("post_install", "-at_install")
class TestDeadlineStatus(ComplaintCommon):
    def _receive_on_friday(self, **values):
        with freeze_time(FRIDAY_1500):
            complaint = self._create_complaint(received_date=FRIDAY_1500, **values)
            self.env.flush_all()
        self.assertEqual(complaint.ack_deadline, ACK_DEADLINE)
        self.assertEqual(complaint.response_deadline, RESPONSE_DEADLINE)
        return complaint

    def _stored_status(self, complaint):
        """The status as stored in the database."""
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT deadline_status FROM helpdesk_ticket WHERE id = %s", [complaint.id]
        )
        return self.env.cr.fetchone()[0]

    def _status_after_cron(self, complaint):
        """Run the status job; the stored status, which a search finds."""
        self.Ticket._cron_update_deadline_status()
        status = self._stored_status(complaint)
        self.assertEqual(
            self.Ticket.search(
                [("id", "=", complaint.id), ("deadline_status", "=", status)]
            ),
            complaint,
        )
        return status

    def test_on_time_at_receipt(self):
        complaint = self._receive_on_friday()
        self.assertEqual(complaint.deadline_status, "on_time")
        self.assertEqual(self._stored_status(complaint), "on_time")

    def test_long_ago_not_acknowledged_is_overdue(self):
        complaint = self._create_complaint(received_date=datetime(2020, 1, 6, 9, 0))
        self.assertFalse(complaint.ack_date)
        self.assertEqual(complaint.deadline_status, "overdue")

    def test_cron_moves_status_with_time(self):
        complaint = self._receive_on_friday()
        with freeze_time("2025-01-11 12:00:00"):
            self.assertEqual(self._status_after_cron(complaint), "on_time")
        # Monday 12:00: 5 of 74 hours left, under 25%
        with freeze_time("2025-01-13 12:00:00"):
            self.assertEqual(self._status_after_cron(complaint), "at_risk")
        with freeze_time("2025-01-13 18:00:00"):
            self.assertEqual(self._status_after_cron(complaint), "overdue")
            # late acknowledgement: the next deadline is the final response
            self._acknowledge(complaint)
            self.env.flush_all()
            self.assertEqual(self._stored_status(complaint), "on_time")

    def test_at_risk_ratio_from_policy(self):
        complaint = self._receive_on_friday()
        # Monday 06:00: 11 of 74 hours left (15%)
        with freeze_time("2025-01-13 06:00:00"):
            self.assertEqual(self._status_after_cron(complaint), "at_risk")
            self.policy.at_risk_ratio = 0.1
            self.assertEqual(self._status_after_cron(complaint), "on_time")

    def test_response_deadline_after_acknowledgement(self):
        complaint = self._receive_on_friday()
        with freeze_time("2025-01-13 09:00:00"):
            self._assess(complaint)
        with freeze_time("2025-01-29 12:00:00"):
            self.assertEqual(self._status_after_cron(complaint), "at_risk")
        with freeze_time("2025-02-01 09:00:00"):
            self.assertEqual(self._status_after_cron(complaint), "overdue")

    def test_answered_before_deadline_stays_on_time(self):
        complaint = self._receive_on_friday()
        with freeze_time("2025-01-14 10:00:00"):
            self._decide(complaint)
            self.env.flush_all()
        self.assertEqual(complaint.decision_date, datetime(2025, 1, 14, 10, 0))
        self.assertEqual(self._stored_status(complaint), "on_time")
        with freeze_time("2025-03-01 10:00:00"):
            self.Ticket._cron_update_deadline_status()
            self._close(complaint)
            self.env.flush_all()
        self.assertEqual(self._stored_status(complaint), "on_time")

    def test_answered_after_deadline_is_overdue(self):
        complaint = self._receive_on_friday()
        with freeze_time("2025-01-13 09:00:00"):
            self._respond(complaint)
        with freeze_time("2025-02-03 10:00:00"):
            self._decide(complaint)
            self.env.flush_all()
        self.assertEqual(self._stored_status(complaint), "overdue")

    def test_search_overdue_filter(self):
        with freeze_time(FRIDAY_1500):
            on_time = self._create_complaint(received_date=FRIDAY_1500)
            overdue = self._create_complaint(received_date=datetime(2024, 11, 4, 9, 0))
            overdue_closed = self._create_complaint(
                received_date=datetime(2024, 11, 4, 9, 0)
            )
            self._acknowledge(overdue_closed)
            overdue_closed.write(
                {"stage_id": self.stage_withdrawn.id, "closure_reason": "withdrawn"}
            )
            plain = self._create_plain(received_date=datetime(2024, 11, 4, 9, 0))
            self.env.flush_all()
        ids = (on_time | overdue | overdue_closed | plain).ids
        self.assertEqual(
            self.Ticket.search(
                [("deadline_status", "=", "overdue"), ("id", "in", ids)]
            ),
            overdue | overdue_closed,
        )
        # the "Overdue" filter of the search view leaves closed ones out
        self.assertEqual(
            self.Ticket.search(
                [
                    ("deadline_status", "=", "overdue"),
                    ("closed", "=", False),
                    ("id", "in", ids),
                ]
            ),
            overdue,
        )
        self.assertEqual(
            self.Ticket.search(
                [("deadline_status", "=", "on_time"), ("id", "in", ids)]
            ),
            on_time,
        )
        self.assertEqual(
            self.Ticket.search([("closed", "=", True), ("id", "in", ids)]),
            overdue_closed,
        )

    def test_cron_skips_closed_and_decided(self):
        complaint = self._receive_on_friday()
        with freeze_time("2025-01-14 10:00:00"):
            self._decide(complaint)
            self.env.flush_all()
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET deadline_status = 'at_risk' WHERE id = %s",
            [complaint.id],
        )
        self.env.invalidate_all()
        with freeze_time("2025-03-01 10:00:00"):
            self.Ticket._cron_update_deadline_status()
        self.assertEqual(self._stored_status(complaint), "at_risk")

    def test_cron_action_runs(self):
        cron = self.env.ref("iso10002_complaints.ir_cron_complaint_deadline_status")
        self.assertEqual(cron.model_id.model, "helpdesk.ticket")
        complaint = self._receive_on_friday()
        with freeze_time("2025-01-13 18:00:00"):
            cron.ir_actions_server_id.run()
            self.assertEqual(self._stored_status(complaint), "overdue")
