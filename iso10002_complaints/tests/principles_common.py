# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The fixture of the guiding-principles tests (test_principles.py,
test_integrity.py, the anonymisation tests): the access roles with a
complaints policy, and helpers (no test methods here)."""

import contextlib

from odoo import Command

from odoo.addons.iso10002_complaints.tests.access_common import AccessCase
from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs


class PrinciplesCase(AccessCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["helpdesk.ticket"]
        cls.manager = cls.users["complaint_manager"]
        cls.handler = cls.users["handler"]
        cls.leader = cls.users["team_leader"]
        cls.auditor = cls.users["auditor"]
        cls.complainant_user = cls.users["portal_complainant"]
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        handler_group = cls.env.ref("iso10002_complaints.group_complaint_handler")
        cls.member2, cls.member3 = Users.create(
            [
                {
                    "name": name,
                    "login": login,
                    "password": login,
                    "email": f"{login}@example.com",
                    "group_ids": [Command.set(handler_group.ids)],
                }
                for name, login in (
                    ("Member Two", "iso_sec_member2"),
                    ("Member Three", "iso_sec_member3"),
                )
            ]
        )
        cls.team.user_ids = [Command.link(cls.member2.id), Command.link(cls.member3.id)]
        cls.category = cls.env["helpdesk.ticket.category"].create(
            {"name": "ISO sec appliances"}
        )
        cls.channel = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        ref = cls.env.ref
        cls.stage_assessed = ref("iso10002_complaints.stage_complaint_assessed")
        cls.stage_investigating = ref(
            "iso10002_complaints.stage_complaint_investigating"
        )
        cls.stage_responded = ref("iso10002_complaints.stage_complaint_responded")
        cls.stage_closed = ref("iso10002_complaints.stage_complaint_closed")

    def _complaint(self, **values):
        vals = {
            "name": "Kettle leaks",
            "description": "<p>It leaks.</p>",
            "team_id": self.team.id,
            "partner_id": self.partner_complainant.id,
            "user_id": self.handler.id,
        }
        vals.update(values)
        complaint = self.Ticket.create(vals)
        # the acknowledgement job the creation triggered
        run_pending_jobs(self.env)
        return complaint

    @contextlib.contextmanager
    def assertRefused(self, exception, regex=""):
        """assertRaisesRegex, rolling back what the refused operation did."""
        with self.assertRaisesRegex(exception, regex) as caught:
            with self.env.cr.savepoint():
                yield caught

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.flush_all()
