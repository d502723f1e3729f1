# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Plain tickets keep helpdesk_mgmt's behaviour, even next to complaints."""

from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestPlainTickets(ComplaintCommon):
    def assertPlain(self, ticket):
        self.assertFalse(ticket.is_complaint)
        self.assertFalse(ticket.complaint_ref)
        self.assertFalse(ticket.stage_id.is_complaint_stage)
        self.assertFalse(ticket.iso_step)
        self.assertFalse(ticket.ack_deadline)
        self.assertFalse(ticket.response_deadline)
        self.assertFalse(ticket.deadline_status)
        self.assertFalse(ticket.ack_date)
        self.assertFalse(self._ack_messages(ticket))

    def test_plain_team_ticket_as_in_helpdesk_mgmt(self):
        ticket = self._create_plain()
        self.assertPlain(ticket)
        self.assertFalse(ticket.received_date)
        self.assertEqual(ticket.stage_id, self.stage_new)
        self.assertEqual(ticket.priority, "1")

    def test_plain_ticket_in_complaints_team(self):
        ticket = self._create_plain(
            team_id=self.team_complaints.id,
            is_complaint=False,
            severity="critical",
            priority="0",
        )
        self.assertEqual(ticket.team_id, self.team_complaints)
        self.assertPlain(ticket)
        self.assertEqual(ticket.stage_id, self.stage_new)
        self.assertEqual(ticket.priority, "0")

    def test_plain_ticket_in_complaints_team_stays_plain(self):
        """Assigning, editing or moving it through stages keeps it a ticket."""
        ticket = self._create_plain(team_id=self.team_complaints.id, is_complaint=False)
        ticket.user_id = self.helpdesk_user
        self.assertPlain(ticket)
        ticket.with_user(self.helpdesk_manager).assign_to_me()
        self.assertEqual(ticket.user_id, self.helpdesk_manager)
        ticket.write({"name": "Descaling, again", "priority": "2", "severity": "high"})
        ticket.stage_id = self.stage_done
        ticket.invalidate_recordset()
        self.assertPlain(ticket)
        self.assertEqual(ticket.stage_id, self.stage_done)
        self.assertEqual(ticket.priority, "2")

    def test_plain_ticket_in_complaints_team_form(self):
        """In the form, assigning a user does not flag it; moving it does."""
        ticket = self._create_plain(team_id=self.team_complaints.id, is_complaint=False)
        with Form(ticket) as form:
            form.user_id = self.helpdesk_user
            self.assertFalse(form.is_complaint)
        self.assertPlain(ticket)
        self.assertEqual(ticket.user_id, self.helpdesk_user)
        plain = self._create_plain(partner_id=self.partner_no_email.id)
        with Form(plain) as form:
            form.team_id = self.team_complaints
            self.assertTrue(form.is_complaint)
        self.assertTrue(plain.is_complaint)
        self.assertTrue(plain.complaint_ref)
        self.assertEqual(plain.stage_id, self.stage_received)

    def test_new_ticket_form_follows_team(self):
        with Form(self.Ticket) as form:
            form.name = "Broken handle"
            form.description = "<p>Broken</p>"
            form.team_id = self.team_complaints
            self.assertTrue(form.is_complaint)
        complaint = form.record
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.stage_id, self.stage_received)
        self.assertTrue(complaint.complaint_ref)
        # unticked by hand in a complaints team: a plain ticket
        with Form(self.Ticket) as form:
            form.name = "Where is my invoice?"
            form.description = "<p>Question</p>"
            form.team_id = self.team_complaints
            form.is_complaint = False
        self.assertPlain(form.record)
        self.assertEqual(form.record.stage_id, self.stage_new)

    def test_no_guards_on_plain_ticket_stages(self):
        for team in (self.team_plain, self.team_complaints):
            ticket = self._create_plain(team_id=team.id, is_complaint=False)
            ticket.stage_id = self.stage_done
            self.assertTrue(ticket.closed)
            self.assertTrue(ticket.closed_date)
            self.assertFalse(ticket.closed_by_id)
            ticket.stage_id = self.stage_new
            self.assertEqual(ticket.stage_id, self.stage_new)
            self.assertEqual(ticket.reopen_count, 0)
            self.assertPlain(ticket)

    def test_team_changes_keep_plain_stage(self):
        ticket = self._create_plain(is_complaint=False)
        other = self.env["helpdesk.ticket.team"].create({"name": "Other support"})
        ticket.team_id = other
        self.assertPlain(ticket)
        self.assertEqual(ticket.stage_id, self.stage_new)

    def test_applicable_stages(self):
        for team in (self.team_plain, self.team_complaints):
            stages = team._get_applicable_stages()
            self.assertIn(self.stage_new, stages)
            self.assertIn(self.stage_done, stages)
            self.assertFalse(stages & self.complaint_stages)
            complaint_stages = team.with_context(
                iso10002_complaint_stages=True
            )._get_applicable_stages()
            self.assertEqual(complaint_stages, self.complaint_stages)
            self.assertEqual(complaint_stages[:1], self.stage_received)
        # without a team, as helpdesk_mgmt
        self.assertFalse(
            self.env["helpdesk.ticket.team"]._get_applicable_stages()
            & self.complaint_stages
        )

    def test_kanban_columns(self):
        Stage = self.env["helpdesk.ticket.stage"]
        columns = self.Ticket._read_group_stage_ids(Stage, [])
        self.assertIn(self.stage_new, columns)
        self.assertFalse(columns & self.complaint_stages)
        columns = self.Ticket.with_context(
            default_is_complaint=True
        )._read_group_stage_ids(Stage, [])
        self.assertEqual(columns & self.complaint_stages, self.complaint_stages)
        self.assertNotIn(self.stage_new, columns)
        # a column that holds records is always shown
        columns = self.Ticket._read_group_stage_ids(self.stage_received, [])
        self.assertIn(self.stage_received, columns)
        self.assertNotIn(self.stage_closed, columns)

    def test_kanban_read_group_expands_complaint_stages_only_for_complaints(self):
        def group_stages(model):
            groups = model.with_context(read_group_expand=True).web_read_group(
                [("id", "=", 0)], ["stage_id"], auto_unfold=False
            )["groups"]
            return self.env["helpdesk.ticket.stage"].browse(
                [g["stage_id"][0] for g in groups if g["stage_id"]]
            )

        plain_columns = group_stages(self.Ticket)
        self.assertIn(self.stage_new, plain_columns)
        self.assertFalse(plain_columns & self.complaint_stages)
        complaint_columns = group_stages(
            self.Ticket.with_context(default_is_complaint=True)
        )
        self.assertEqual(
            complaint_columns & self.complaint_stages, self.complaint_stages
        )

    def test_manager_can_delete_plain_ticket(self):
        ticket = self._create_plain()
        ticket.with_user(self.helpdesk_manager).unlink()
        self.assertFalse(ticket.exists())

    def test_helpdesk_user_cannot_delete(self):
        ticket = self._create_plain()
        with self.assertRaises(AccessError):
            ticket.with_user(self.helpdesk_user).unlink()
        self.assertTrue(ticket.exists())

    def test_complaint_cannot_be_deleted(self):
        complaint = self._create_complaint()
        for env_user in (self.helpdesk_manager, self.env.user):
            with self.assertRaises(UserError) as error:
                complaint.with_user(env_user).unlink()
            self.assertIn("Complaints cannot be deleted", str(error.exception))
            self.assertIn("Archive them instead", str(error.exception))
            self.assertTrue(complaint.exists())
        # batches with a complaint are refused as a whole
        ticket = self._create_plain()
        with self.assertRaises(UserError):
            (ticket | complaint).with_user(self.helpdesk_manager).unlink()
        self.assertTrue(ticket.exists())
        # archiving is the way
        complaint.action_archive()
        self.assertFalse(complaint.active)

    def test_plain_ticket_dates_not_touched(self):
        ticket = self._create_plain(received_date=datetime(2024, 5, 6, 9, 0))
        ticket.stage_id = self.stage_done
        self.assertEqual(ticket.received_date, datetime(2024, 5, 6, 9, 0))
        self.assertFalse(ticket.deadline_status)
