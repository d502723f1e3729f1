# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Query counts of the hot paths.

Each operation is run once to warm the registry caches (views, groups,
xmlids), then the record cache is emptied and the second run is counted.
The limits are the counts measured on Odoo 19.0 + helpdesk_mgmt 19.0 with a
margin of about 10%: a regression that adds a query per ticket, per stage or
per target fails.
"""

from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.base.models.ir_cron import IrCron
from odoo.addons.iso10002_complaints.tests.common import (
    FRIDAY_1500,
    ComplaintCommon,
    job_commit_progress,
)

# measured: 21, 24, 26, 26 (with an acknowledgement: flagged, its job
# triggered), 57 (the job, per complaint), 10, 20; the policy's facts are
# cached (complaint_policy_facts.py): a complaint's creation reads neither
# its policy nor its targets
PLAIN_CREATE = 23
COMPLAINT_CREATE = 26
COMPLAINT_CREATE_AS_USER = 28
COMPLAINT_CREATE_WITH_ACK = 28
ACK_JOB_PER_COMPLAINT = 63
# the job on a batch, committed (tracking included): measured 56 for one
# complaint, 159 for ten, i.e. 11.4 per complaint more
ACK_JOB_BATCH_FIXED = 50
ACK_JOB_BATCH_EACH = 12
COMPLAINT_STAGE_CHANGE = 12
PLAIN_STAGE_CHANGE = 22


@tagged("post_install", "-at_install")
class TestPerformance(ComplaintCommon):
    def _warm(self):
        self.env.flush_all()
        self.env.invalidate_all()

    def test_create_plain_ticket_queries(self):
        self._create_plain()
        self._warm()
        with self.assertQueryCount(PLAIN_CREATE):
            ticket = self._create_plain()
        self.assertFalse(ticket.is_complaint)

    def test_create_complaint_queries(self):
        self._create_complaint(received_date=FRIDAY_1500)
        self._warm()
        with self.assertQueryCount(COMPLAINT_CREATE):
            complaint = self._create_complaint(received_date=FRIDAY_1500)
        self.assertTrue(complaint.complaint_ref)
        self.assertTrue(complaint.response_deadline)

    def test_create_complaint_as_helpdesk_user_queries(self):
        Ticket = self.Ticket.with_user(self.helpdesk_user)
        Ticket.create(self._complaint_vals(received_date=FRIDAY_1500))
        self._warm()
        with self.assertQueryCount(COMPLAINT_CREATE_AS_USER):
            complaint = Ticket.create(self._complaint_vals(received_date=FRIDAY_1500))
        self.assertTrue(complaint.complaint_ref)
        self.assertEqual(complaint.create_uid, self.helpdesk_user)

    def test_create_complaint_with_acknowledgement_queries(self):
        """The acknowledgement leaves the request: creating a complaint to
        acknowledge costs about what a complaint without email costs (the
        flag and the job's trigger)."""
        self._create_complaint(partner_id=self.partner.id)
        self._warm()
        with self.assertQueryCount(COMPLAINT_CREATE_WITH_ACK):
            complaint = self._create_complaint(partner_id=self.partner.id)
        self.assertTrue(complaint.ack_pending)
        self.assertEqual(complaint.iso_step, "received")

    def test_create_complaint_acknowledgement_job_queries(self):
        """The acknowledgement job, per complaint (run by the scheduler)."""
        self._create_complaint(partner_id=self.partner.id)
        self._run_pending_jobs()
        complaint = self._create_complaint(partner_id=self.partner.id)
        self._warm()
        with (
            patch.object(IrCron, "_commit_progress", lambda *a, **k: float("inf")),
            self.assertQueryCount(ACK_JOB_PER_COMPLAINT),
        ):
            self.Ticket._cron_iso_send_acknowledgements()
        self.assertEqual(complaint.iso_step, "acknowledged")

    def _ack_job_queries(self, count):
        """Queries of the acknowledgement job for ``count`` pending
        complaints, acknowledged in one batch and committed (what a commit
        runs first included: the tracking)."""
        complaints = self.Ticket.create(
            [self._complaint_vals(partner_id=self.partner.id) for _i in range(count)]
        )
        self._warm()
        with (
            patch.object(IrCron, "_commit_progress", job_commit_progress),
            self.assertQueryCount(ACK_JOB_BATCH_FIXED + count * ACK_JOB_BATCH_EACH),
        ):
            start = self.cr.sql_log_count
            self.Ticket._cron_iso_send_acknowledgements()
            self.env.flush_all()
            queries = self.cr.sql_log_count - start
        self.assertEqual(set(complaints.mapped("iso_step")), {"acknowledged"})
        self.assertEqual(
            len(self.env["mail.mail"].search([("res_id", "in", complaints.ids)])),
            count,
        )
        return queries

    def test_acknowledgement_job_batch_queries(self):
        """The job acknowledges a batch with a bounded number of queries per
        complaint, well under what one complaint alone costs."""
        self._create_complaint(partner_id=self.partner.id)
        self._run_pending_jobs()
        one = self._ack_job_queries(1)
        ten = self._ack_job_queries(10)
        self.assertLessEqual((ten - one) / 9, ACK_JOB_BATCH_EACH)

    def test_complaint_stage_change_queries(self):
        first, second = (
            self._acknowledge(self._create_complaint(severity="medium")),
            self._acknowledge(self._create_complaint(severity="medium")),
        )
        first.stage_id = self.stage_assessed
        self._warm()
        with self.assertQueryCount(COMPLAINT_STAGE_CHANGE):
            second.stage_id = self.stage_assessed
        self.assertEqual(second.iso_step, "assessed")

    def test_plain_stage_change_queries(self):
        first, second = self._create_plain(), self._create_plain()
        first.stage_id = self.stage_done
        self._warm()
        with self.assertQueryCount(PLAIN_STAGE_CHANGE):
            second.stage_id = self.stage_done
        self.assertTrue(second.closed)
