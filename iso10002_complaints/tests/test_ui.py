# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestComplaintUi(HttpCase):
    def test_login_page_served(self):
        response = self.url_open("/web/login")
        self.assertEqual(response.status_code, 200)
        self.assertIn('name="login"', response.text)

    def test_complaint_form_tour(self):
        """A demo complaint opens in the form view, in a real browser."""
        if not self.env.ref(
            "iso10002_complaints.complaint_14", raise_if_not_found=False
        ):
            # without demo data, make one complaint under investigation
            team = self.env["helpdesk.ticket.team"].create(
                {"name": "Complaints", "is_complaint_team": True}
            )
            complaint = self.env["helpdesk.ticket"].create(
                {
                    "name": "Broken drawer",
                    "description": "<p>Broken</p>",
                    "team_id": team.id,
                    "partner_name": "Walk-in",
                }
            )
            complaint.write(
                {
                    "ack_method": "phone",
                    "severity": "medium",
                }
            )
            complaint.action_record_acknowledgement()
            complaint.stage_id = self.env.ref(
                "iso10002_complaints.stage_complaint_investigating"
            )
        self.start_tour("/odoo/complaints", "iso10002_complaint_form", login="admin")
