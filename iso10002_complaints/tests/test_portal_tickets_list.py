# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""helpdesk_mgmt's portal ticket list leaves complaints to their own list,
through the portal controller's hooks (no search switched by a context)."""

import re

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.controllers.portal_tickets import (
    PlainTicketsPortal,
)
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
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_progress = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        cls.ticket_in_progress = cls.env["helpdesk.ticket"].create(
            {
                "name": "Shelf screws missing",
                "description": "<p>Two screws.</p>",
                "team_id": cls.plain_team.id,
                "partner_id": partner.id,
                "stage_id": cls.stage_progress.id,
            }
        )
        cls.ticket.stage_id = cls.stage_new
        # another customer's: never in this complainant's lists or counters
        cls.other_partner = cls.env["res.partner"].create(
            {"name": "Olga Other", "email": "olga.other@example.com"}
        )
        cls.env["helpdesk.ticket"].create(
            [
                {
                    "name": name,
                    "description": "<p>Other customer.</p>",
                    "team_id": team.id,
                    "partner_id": cls.other_partner.id,
                }
                for name, team in (
                    ("Olga's ticket", cls.plain_team),
                    ("Olga's complaint", cls.team),
                )
            ]
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

    def _counters(self):
        response = self.url_open(
            "/my/counters",
            json={"params": {"counters": ["ticket_count", "complaint_count"]}},
        )
        self.assertEqual(response.status_code, 200, response.text[:300])
        return response.json()["result"]

    def test_counters_are_exact(self):
        """Two plain tickets and one complaint of the complainant's own; the
        other customer's count for nobody else; the home page shows both
        lists."""
        self._login(self.portal_user)
        self.assertEqual(self._counters(), {"ticket_count": 2, "complaint_count": 1})
        second = self._create_portal_complaint()
        self.assertTrue(second.is_complaint)
        self.assertEqual(self._counters(), {"ticket_count": 2, "complaint_count": 2})
        home = self.url_open("/my")
        self.assertEqual(home.status_code, 200)
        self.assertIn('href="/my/tickets"', home.text)
        self.assertIn('href="/my/complaints"', home.text)

    def _create_portal_complaint(self):
        return self.env["helpdesk.ticket"].create(
            {
                "name": "Second complaint about the door",
                "description": "<p>Still crooked.</p>",
                "team_id": self.team.id,
                "partner_id": self.portal_user.partner_id.id,
            }
        )

    def test_stage_filters(self):
        """The stage filters are helpdesk_mgmt's plain stages; each filters
        the plain tickets; a complaint stage's id shows no complaint."""
        self._login(self.portal_user)
        page = self.url_open("/my/tickets").text
        filters = {int(i) for i in re.findall(r"filterby=(\d+)", page)}
        self.assertIn(self.stage_progress.id, filters)
        self.assertIn(self.stage_new.id, filters)
        complaint_stages = self.env["helpdesk.ticket.stage"].search(
            [("is_complaint_stage", "=", True)]
        )
        self.assertTrue(complaint_stages)
        self.assertFalse(filters & set(complaint_stages.ids))

        in_progress = self.url_open(
            f"/my/tickets?filterby={self.stage_progress.id}"
        ).text
        self.assertIn("Shelf screws missing", in_progress)
        self.assertNotIn("How do I assemble the shelf?", in_progress)

        new = self.url_open(f"/my/tickets?filterby={self.stage_new.id}").text
        self.assertIn("How do I assemble the shelf?", new)
        self.assertNotIn("Shelf screws missing", new)

        # the complaint's own stage, asked for by hand: all plain tickets
        asked = self.url_open(f"/my/tickets?filterby={self.complaint.stage_id.id}").text
        self.assertNotIn("Wardrobe door hangs crooked", asked)
        self.assertIn("How do I assemble the shelf?", asked)
        self.assertIn("Shelf screws missing", asked)

    def test_search_grouping_and_paging_keep_complaints_out(self):
        self._login(self.portal_user)
        for query in (
            "search=Wardrobe&search_in=all",
            "search=Wardrobe&search_in=name",
            "groupby=stage",
            "groupby=category&sortby=update",
            "sortby=not-a-sorting",
        ):
            response = self.url_open(f"/my/tickets?{query}")
            self.assertEqual(response.status_code, 200, query)
            self.assertNotIn("Wardrobe door hangs crooked", response.text, query)
            self.assertNotIn("Olga", response.text, query)
        found = self.url_open("/my/tickets?search=shelf&search_in=name").text
        self.assertIn("How do I assemble the shelf?", found)
        self.assertIn("Shelf screws missing", found)
        grouped = self.url_open("/my/tickets?groupby=stage").text
        self.assertIn("How do I assemble the shelf?", grouped)
        self.assertIn("Shelf screws missing", grouped)
        complaints = self.url_open("/my/complaints").text
        self.assertIn("Wardrobe door hangs crooked", complaints)
        self.assertNotIn("Olga", complaints)

    def test_lists_use_hooks_not_a_switched_search(self):
        """The portal narrows the lists through its controller: tickets and
        stages have no _search of this addon (no search switched by a
        request context)."""
        for model in ("helpdesk.ticket", "helpdesk.ticket.stage"):
            overriding = [
                cls.__module__
                for cls in type(self.env[model]).__mro__
                if cls.__module__.startswith("odoo.addons.iso10002_")
                and "_search" in vars(cls)
            ]
            self.assertEqual(overriding, [], model)
        self.assertIn("portal_my_tickets", vars(PlainTicketsPortal))
