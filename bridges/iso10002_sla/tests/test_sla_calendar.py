# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""helpdesk_mgmt_sla and the complaints share the team's calendar: one
field, one definition, the policy's working hours by default."""

from datetime import datetime

from lxml import etree

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon
from odoo.addons.iso10002_sla.hooks import post_init_hook


@tagged("post_install", "-at_install")
class TestSlaCalendar(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.weekend_calendar = cls.env["resource.calendar"].create(
            {
                "name": "Saturday and Sunday",
                "tz": "UTC",
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"Day {day}",
                            "dayofweek": day,
                            "hour_from": 8,
                            "hour_to": 16,
                        }
                    )
                    for day in "56"
                ],
            }
        )

    def test_one_definition_of_the_team_calendar(self):
        field = self.env["helpdesk.ticket.team"]._fields["resource_calendar_id"]
        self.assertTrue(field.check_company)
        self.assertIn("SLA deadlines and its complaint deadlines", field.help)
        arch = etree.fromstring(
            self.env["helpdesk.ticket.team"].get_view(view_type="form")["arch"]
        )
        shown = [
            node
            for node in arch.iter("field")
            if node.get("name") == "resource_calendar_id"
            and node.get("invisible") not in ("1", "True")
        ]
        self.assertEqual(len(shown), 1, "the field is shown once")

    def test_new_team_gets_the_policy_calendar_not_the_company_one(self):
        """Without the bridge a new team gets the company's working hours
        (helpdesk_mgmt_sla's default), which then win over the policy's for
        every complaint deadline."""
        self.policy.resource_calendar_id = self.weekend_calendar
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Complaints SLA", "is_complaint_team": True, "use_sla": True}
        )
        self.assertEqual(team.resource_calendar_id, self.weekend_calendar)
        self.policy.resource_calendar_id = False
        other = self.env["helpdesk.ticket.team"].create({"name": "Plain SLA"})
        self.assertEqual(other.resource_calendar_id, self.company.resource_calendar_id)

    def test_sla_and_complaint_deadlines_count_on_the_same_calendar(self):
        team = self.env["helpdesk.ticket.team"].create(
            {
                "name": "Weekend complaints",
                "is_complaint_team": True,
                "use_sla": True,
                "resource_calendar_id": self.weekend_calendar.id,
            }
        )
        self.env["helpdesk.sla"].create(
            {"name": "8 hours", "team_ids": [Command.set(team.ids)], "hours": 8}
        )
        # received on a Monday: the weekend calendar's first working day is
        # Saturday, for the SLA and for the acknowledgement alike
        complaint = self._create_complaint(
            team_id=team.id, received_date=datetime(2026, 3, 2, 9, 0)
        )
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(
            complaint._get_complaint_calendar(self.policy), self.weekend_calendar
        )
        self.assertEqual(complaint.ack_deadline.weekday(), 5)
        sla_line = complaint.ticket_sla_ids
        self.assertEqual(len(sla_line), 1)
        self.assertIn(sla_line.deadline.weekday(), (5, 6))

    def test_a_team_using_slas_has_working_hours(self):
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Complaints", "is_complaint_team": True}
        )
        with self.assertRaisesRegex(ValidationError, "give it working hours"):
            team.write({"use_sla": True, "resource_calendar_id": False})

    def test_install_gives_teams_without_working_hours_the_default(self):
        """Teams created before helpdesk_mgmt_sla keep no calendar (the column
        was the complaints addon's): the bridge's install gives them one, else
        helpdesk_mgmt_sla fails on their tickets."""
        team = self.env["helpdesk.ticket.team"].create({"name": "Old team"})
        self.env.cr.execute(
            "UPDATE helpdesk_ticket_team SET resource_calendar_id = NULL WHERE id = %s",
            [team.id],
        )
        team.invalidate_recordset()
        self.policy.resource_calendar_id = self.weekend_calendar
        post_init_hook(self.env)
        self.assertEqual(team.resource_calendar_id, self.weekend_calendar)
