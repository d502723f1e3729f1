# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Facts derived from a complaint, stored once (ticket_facts.py)."""

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestTicketFacts(ComplaintCommon):
    def test_has_response_ignores_empty_html(self):
        complaint = self._create_complaint(partner_id=self.partner.id)
        self.assertFalse(complaint.has_response)
        complaint.response_summary = "<p><br></p>"
        self.assertFalse(complaint.has_response, "an empty paragraph is no response")
        complaint.response_summary = "<p>We will replace the kettle.</p>"
        self.assertTrue(complaint.has_response)
        complaint.response_summary = False
        self.assertFalse(complaint.has_response)
        self.env["iso10002.complaint.remedy"].create(
            {"ticket_id": complaint.id, "remedy_type": "apology"}
        )
        self.assertTrue(complaint.has_response, "a remedy is a response")
        plain = self._create_plain(response_summary="<p>Text</p>")
        self.assertFalse(plain.has_response, "plain tickets have no response step")

    def test_next_deadline_follows_the_process(self):
        self.policy.auto_acknowledge = False
        complaint = self._create_complaint(partner_id=self.partner.id)
        self.assertEqual(complaint.next_deadline, complaint.ack_deadline)
        self.assertEqual(complaint.next_deadline_kind, "ack")
        self._acknowledge(complaint)
        self.assertEqual(complaint.next_deadline, complaint.response_deadline)
        self.assertEqual(complaint.next_deadline_kind, "response")
        self._assess(complaint)
        self._respond(complaint)
        self._decide(complaint)
        self.assertFalse(complaint.next_deadline, "answered: nothing pending")
        self.assertFalse(complaint.next_deadline_kind)
        self.assertFalse(self._create_plain().next_deadline)
