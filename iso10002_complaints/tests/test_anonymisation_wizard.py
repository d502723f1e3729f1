# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Anonymisation (ISO 10002 4.10) by the wizard and the retention job: the
whole life of a complaint erased, the figures kept."""

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.anonymisation_common import (
    FIGURES,
    AnonymisationCase,
)


@tagged("post_install", "-at_install")
class TestAnonymisation(AnonymisationCase):
    def test_lived_complaint_is_full_of_personal_data(self):
        """The scanner finds the complainant everywhere before anonymisation."""
        complaint = self._lived_complaint()
        left = "\n".join(self._personal_data_left(complaint))
        for place in (
            "ticket.name",
            "ticket.description",
            "ticket.partner_id",
            "ticket.email_cc",
            "(email).incoming_email_cc",
            "(email).email_from",
            "(comment).body",
            ".attachment_ids",
            "mail ",
            "attachments",
            "rating",
            "follower: the complainant",
            "ticket.product_service",
            "activity ",
            "(email).message_id",
        ):
            self.assertIn(place, left)

    def test_anonymise_with_wizard(self):
        complaint = self._lived_complaint()
        figures = complaint.read(list(FIGURES))[0]
        remedies = [(r.remedy_type, r.cost) for r in complaint.remedy_ids]
        scores = complaint.rating_ids.mapped("rating")
        self.assertEqual(scores, [4.0])
        messages_before = self._messages(complaint)

        # refused without the confirmation, with a clear message
        with self.assertRefused(UserError, "Tick the confirmation"):
            self._wizard(self.manager, complaint, confirm=False).action_anonymise()
        self.assertFalse(complaint.anonymised)

        self._wizard(self.manager, complaint).action_anonymise()
        self._flush_tracking()
        complaint.invalidate_recordset()

        self.assertTrue(complaint.anonymised)
        self.assertTrue(complaint.anonymised_date)
        self.assertEqual(complaint.read(list(FIGURES))[0], figures)
        self.assertEqual(
            [(r.remedy_type, r.cost) for r in complaint.remedy_ids], remedies
        )
        self.assertEqual(complaint.remedy_cost, 49.5)
        self.assertEqual(complaint.rating_ids.mapped("rating"), scores)
        left = self._personal_data_left(complaint)
        self.assertEqual(left, [], "\n" + "\n".join(left))
        # messages are kept (the history of the handling), emptied
        self.assertLessEqual(messages_before, self._messages(complaint))

        note = complaint.message_ids.filtered(
            lambda m: "anonymised" in (m.body or "") and self.manager.name in m.body
        )
        self.assertEqual(len(note), 1)
        self.assertEqual(note.author_id, self.manager.partner_id)
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))

        # idempotent
        date = complaint.anonymised_date
        count = len(complaint.message_ids)
        self._wizard(self.manager, complaint).action_anonymise()
        complaint._iso_anonymise()
        self.assertEqual(complaint.anonymised_date, date)
        self.assertEqual(len(complaint.message_ids), count)
        # the handlers and auditors still read it
        self.assertTrue(complaint.with_user(self.auditor).read(["complaint_ref"]))
        self.assertTrue(complaint.with_user(self.handler).read(["complaint_ref"]))

    def test_anonymise_refused(self):
        open_complaint = self.records["normal"]
        with self.assertRefused(UserError, "Only closed complaints"):
            self._wizard(self.manager, open_complaint).action_anonymise()
        self._close_quickly(open_complaint)
        for role in ("handler", "team_leader", "auditor", "helpdesk_manager"):
            user = self.users[role]
            with self.assertRefused(AccessError):
                self._wizard(user, open_complaint).action_anonymise()
            with self.assertRefused(AccessError):
                open_complaint.with_user(user)._iso_anonymise()
        self.assertFalse(open_complaint.anonymised)
        self.assertEqual(open_complaint.partner_id, self.partner_complainant)
        # plain tickets are not touched
        plain = self.records["plain"]
        self._wizard(self.manager, plain).action_anonymise()
        self.assertEqual(plain.partner_id, self.partner_complainant)
        self.assertFalse(plain.anonymised)

    def test_retention_cron(self):
        now = fields.Datetime.now()
        self.policy.retention_months = 12
        policy2 = self.env["iso10002.complaint.policy"]._get_for_company(
            self.company_other
        )
        policy2.retention_months = 24
        team2 = self.env["helpdesk.ticket.team"].create(
            {
                "name": "ISO sec complaints 2",
                "is_complaint_team": True,
                "company_id": self.company_other.id,
            }
        )

        def closed(months, team=self.team, **values):
            # received long ago: no step of the process precedes the receipt
            values.setdefault("received_date", now - relativedelta(years=11))
            complaint = self._close_quickly(self._complaint(team_id=team.id, **values))
            complaint.closed_date = now - relativedelta(months=months, days=1)
            return complaint

        expired = closed(13)
        recent = closed(11)
        expired2 = closed(25, team=team2, user_id=False)
        kept2 = closed(13, team=team2, user_id=False)
        self.assertEqual(expired2.company_id, self.company_other)
        open_old = self._complaint(received_date=now - relativedelta(years=5))
        open_old.closed_date = now - relativedelta(years=4)
        plain_old = self.records["plain"]
        plain_old.write(
            {"stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id}
        )
        plain_old.closed_date = now - relativedelta(years=4)
        archived = closed(13)
        archived.active = False

        cron = self.env.ref("iso10002_complaints.ir_cron_complaint_anonymise")
        self.assertEqual(cron.code.strip(), "model._cron_anonymise_expired()")
        self.Ticket.with_user(cron.user_id)._cron_anonymise_expired()

        self.assertEqual(
            (expired | recent | expired2 | kept2 | open_old | archived).filtered(
                "anonymised"
            ),
            expired | expired2 | archived,
        )
        self.assertEqual(self._personal_data_left(expired), [])
        self.assertEqual(recent.partner_id, self.partner_complainant)
        self.assertEqual(open_old.partner_id, self.partner_complainant)
        self.assertEqual(plain_old.partner_id, self.partner_complainant)
        self.assertFalse(plain_old.anonymised)
        note = expired.message_ids[:1]
        self.assertIn("anonymised", note.body)
        # a retention of 0 months keeps personal data for good
        self.policy.retention_months = 0
        recent.closed_date = now - relativedelta(years=10)
        self.Ticket._cron_anonymise_expired()
        self.assertFalse(recent.anonymised)
