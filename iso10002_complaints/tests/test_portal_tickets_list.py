# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""helpdesk_mgmt's portal ticket list leaves complaints to their own list."""

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.test_intake_common import (
    IntakeHttpCommon,
)


@tagged("post_install", "-at_install")
class TestPortalTicketsList(IntakeHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        partner = cls.portal_user.partner_id
        cls.complaint = cls.env["helpdesk.ticket"].create(
            {
                "name": "Wardrobe door hangs crooked",
                "description": "<p>The door does not close.</p>",
                "team_id": cls.team.id,
                "partner_id": partner.id,
            }
        )
        cls.plain_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Plain support"}
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "How do I assemble the shelf?",
                "description": "<p>Question.</p>",
                "team_id": cls.plain_team.id,
                "partner_id": partner.id,
            }
        )

    def test_tickets_list_without_complaints(self):
        self.assertTrue(self.complaint.is_complaint)
        self.assertFalse(self.ticket.is_complaint)
        self._login(self.portal_user)
        tickets = self.url_open("/my/tickets").text
        self.assertIn("How do I assemble the shelf?", tickets)
        self.assertNotIn("Wardrobe door hangs crooked", tickets)
        # nor the complaint stages among the filters
        self.assertNotIn("Decision communicated", tickets)
        complaints = self.url_open("/my/complaints").text
        self.assertIn("Wardrobe door hangs crooked", complaints)
        self.assertNotIn("How do I assemble the shelf?", complaints)

    def test_home_counters(self):
        self._login(self.portal_user)
        response = self.url_open(
            "/my/counters",
            json={"params": {"counters": ["ticket_count", "complaint_count"]}},
        )
        self.assertEqual(response.status_code, 200, response.text[:300])
        counters = response.json()["result"]
        my = self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.portal_user.partner_id.id)]
        )
        self.assertEqual(
            counters["ticket_count"], len(my.filtered(lambda t: not t.is_complaint))
        )
        self.assertEqual(counters["complaint_count"], len(my.filtered("is_complaint")))
