# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The fixture of the redress and approval tests (test_redress_approval.py,
test_redress_adr.py and the account bridge's): an approver, a policy with
approval thresholds and helpers."""

from contextlib import contextmanager

from odoo.tests import new_test_user

from .common import ComplaintCommon


class RedressCommon(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.approver = new_test_user(
            cls.env,
            login="iso10002_test_approver",
            name="Alice Approver",
            groups="iso10002_complaints.group_complaint_manager",
        )
        # a complaint manager, but the complaint is about him
        cls.subject = new_test_user(
            cls.env,
            login="iso10002_test_subject",
            name="Sam Subject",
            groups="iso10002_complaints.group_complaint_manager",
        )
        cls.policy.write(
            {
                "approval_min_severity": "high",
                "approval_min_amount": 500.0,
                "approval_vulnerable": True,
            }
        )

    @contextmanager
    def _refused(self, exception, regex):
        """The error, and its transaction rolled back as a request's is."""
        with self.assertRaisesRegex(exception, regex), self.env.cr.savepoint():
            yield

    def _complaint(self, **values):
        values.setdefault("user_id", self.helpdesk_user.id)
        values.setdefault("subject_user_ids", [(6, 0, self.subject.ids)])
        return self._create_complaint(**values)

    def _ready_to_decide(self, severity="high", **values):
        complaint = self._respond(self._assess(self._complaint(**values), severity))
        complaint.write(
            {
                "decision_outcome": "upheld",
                "decision": "<p>We uphold your complaint.</p>",
            }
        )
        return complaint

    def _remedy(self, complaint, cost, **values):
        return self.env["iso10002.complaint.remedy"].create(
            dict(
                ticket_id=complaint.id,
                remedy_type="compensation",
                description="Goodwill payment",
                cost=cost,
                **values,
            )
        )
