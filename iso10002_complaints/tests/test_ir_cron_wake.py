# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The scheduler is woken for a complaint's acknowledgement once the HTTP
answer is sent, and only if the transaction committed (models/ir_cron_wake.py);
elsewhere at the commit, as Odoo's ``_trigger`` does. The request is mocked
here so that the order of commit, answer and wake-up can be seen; the real
server's wake-up is tests/test_wake_after_answer.py's."""

from contextlib import contextmanager
from unittest.mock import Mock, patch

from werkzeug.wrappers import Response

from odoo import http
from odoo.tests import tagged

from odoo.addons.base.models.ir_cron import IrCron
from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon

ACK_JOB = "iso10002_complaints.ir_cron_complaint_acknowledge"


@tagged("post_install", "-at_install")
class TestIrCronWake(ComplaintCommon):
    def setUp(self):
        super().setUp()
        self.job = self.env.ref(ACK_JOB)
        self.Trigger = self.env["ir.cron.trigger"].sudo()
        self.Trigger.search([("cron_id", "=", self.job.id)]).unlink()
        # what a commit has left to run before this test
        self.env.cr.postcommit.clear()
        self.woken = []
        notify = patch.object(
            IrCron, "_notifydb", lambda cron: self.woken.append(cron.env.cr.dbname)
        )
        notify.start()
        self.addCleanup(notify.stop)

    @contextmanager
    def _in_request(self):
        """A request on this test's cursor (what ``odoo.http.request`` is
        during a dispatch)."""
        http._request_stack.push(Mock(env=self.env, params={}, cookies={}))
        try:
            yield
        finally:
            http._request_stack.pop()

    def _create_in_request(self):
        with self._in_request():
            complaint = self._create_complaint(partner_id=self.partner.id)
        self.assertTrue(complaint.ack_pending)
        self.assertEqual(self.Trigger.search_count([("cron_id", "=", self.job.id)]), 1)
        return complaint

    def _answer(self):
        response = Response("{}")
        with self._in_request():
            self.env["ir.http"]._post_dispatch(response)
        return response

    def test_woken_after_the_answer_not_at_the_commit(self):
        self._create_in_request()
        response = self._answer()
        self.env.cr.postcommit.run()  # the commit
        self.assertEqual(self.woken, [])
        response.close()  # the answer sent
        self.assertEqual(self.woken, [self.env.cr.dbname])

    def test_no_wake_up_when_the_transaction_rolled_back(self):
        self._create_in_request()
        response = self._answer()
        self.env.cr.postcommit.clear()  # a rollback drops the hooks
        response.close()
        self.assertEqual(self.woken, [])

    def test_woken_at_the_commit_when_no_answer_takes_it(self):
        # e.g. a route that commits before its answer is made
        self._create_in_request()
        self.env.cr.postcommit.run()
        self.assertEqual(self.woken, [self.env.cr.dbname])

    def test_outside_a_request_odoo_wakes_at_the_commit(self):
        self._create_complaint(partner_id=self.partner.id)
        self.assertEqual(self.Trigger.search_count([("cron_id", "=", self.job.id)]), 1)
        self.env.cr.postcommit.run()
        self.assertEqual(self.woken, [self.env.cr.dbname])

    def test_plain_ticket_triggers_nothing(self):
        with self._in_request():
            self._create_plain()
        self._answer().close()
        self.env.cr.postcommit.run()
        self.assertEqual(self.woken, [])
        self.assertFalse(self.Trigger.search([("cron_id", "=", self.job.id)]))
