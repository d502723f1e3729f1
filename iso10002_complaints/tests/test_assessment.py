# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Initial assessment (7.5) sets the helpdesk priority of complaints only."""

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestAssessmentPriority(ComplaintCommon):
    def test_priority_matrix(self):
        complaint = self._create_complaint()
        self.assertEqual(
            complaint.priority, "1", "helpdesk_mgmt default before assessment"
        )
        cases = [
            # severity, impact, urgency, complexity, safety -> priority
            ({"severity": "critical"}, "3"),
            ({"severity": "low", "safety_issue": True}, "3"),
            ({"severity": "low", "safety_issue": False}, "0"),
            ({"severity": "low", "impact": "medium"}, "0"),
            ({"severity": "low", "impact": "high"}, "1"),
            ({"severity": "medium", "impact": "low", "urgency": "low"}, "1"),
            ({"severity": "medium", "impact": "medium", "urgency": "medium"}, "2"),
            ({"severity": "high", "impact": "low", "urgency": "low"}, "2"),
            ({"severity": "high", "impact": "high", "urgency": "low"}, "3"),
            ({"severity": "medium", "impact": "high", "urgency": "high"}, "3"),
            (
                {
                    "severity": "low",
                    "impact": "high",
                    "urgency": "high",
                    "complexity": "high",
                },
                "2",
            ),
        ]
        for values, expected in cases:
            with self.subTest(values=values):
                complaint.write(
                    dict(
                        {"impact": False, "urgency": False, "complexity": False},
                        **values,
                    )
                )
                self.assertEqual(complaint.priority, expected)

    def test_priority_set_when_assessed_at_creation(self):
        critical = self._create_complaint(severity="critical")
        self.assertEqual(critical.priority, "3")
        safety = self._create_complaint(severity="low", safety_issue=True)
        self.assertEqual(safety.priority, "3")
        low = self._create_complaint(severity="low")
        self.assertEqual(low.priority, "0")

    def test_explicit_priority_at_creation_is_kept(self):
        complaint = self._create_complaint(severity="low", priority="2")
        self.assertEqual(complaint.priority, "2")
        # a later assessment change sets it again
        complaint.severity = "critical"
        self.assertEqual(complaint.priority, "3")

    def test_unassessed_complaint_keeps_manual_priority(self):
        complaint = self._create_complaint()
        complaint.priority = "2"
        complaint.impact = "high"
        self.assertEqual(complaint.priority, "2")

    def test_plain_ticket_priority_untouched(self):
        ticket = self._create_plain(priority="0")
        ticket.write({"severity": "critical", "safety_issue": True, "impact": "high"})
        self.assertEqual(ticket.priority, "0")
        ticket.priority = "2"
        ticket.severity = "low"
        self.assertEqual(ticket.priority, "2")
        created = self._create_plain(severity="critical", safety_issue=True)
        self.assertEqual(created.priority, "1")
