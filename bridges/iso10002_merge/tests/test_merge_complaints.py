# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Merging complaints with helpdesk_mgmt_merge (iso10002_merge)."""

from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import format_datetime

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestMergeComplaints(ComplaintCommon):
    def _merge(self, tickets, dst, companies=None, **values):
        # helpdesk_mgmt_merge moves messages to the kept ticket, which Odoo
        # 19 allows administrators only (mail.message's res_id)
        admin = self.env.ref("base.user_admin")
        wizard = (
            self.env["helpdesk.ticket.merge"]
            .with_user(admin)
            .with_context(
                active_ids=tickets.ids,
                allowed_company_ids=(companies or self.company).ids,
            )
            .create({"dst_ticket_id": dst.id, **values})
        )
        self.assertFalse(wizard.env.su)
        return wizard.merge_tickets()

    def _two_complaints(self):
        first = self._create_complaint(
            name="Kettle leaks", received_date=datetime(2026, 3, 2, 9, 0)
        )
        second = self._create_complaint(
            name="Kettle still leaks", received_date=datetime(2026, 3, 4, 9, 0)
        )
        return first, second

    def test_merge_keeps_references_trail_ack_and_earliest_receipt(self):
        first, second = self._two_complaints()
        # the earlier complaint was acknowledged by phone; the later is the
        # one kept
        self._acknowledge(first)
        ack_date = first.ack_date
        first.message_post(body="Called the complainant back", message_type="comment")
        trail_first = first.message_ids
        self.assertTrue(
            trail_first.filtered(lambda m: m.message_type == "notification")
        )
        deadline_before = second.response_deadline
        self._merge(first | second, second)
        self.assertFalse(first.active, "the merged complaint is archived")
        self.assertTrue(second.active)
        # both references: the kept one's, and the merged one's recorded on it
        self.assertTrue(second.complaint_ref)
        self.assertEqual(second.merged_complaint_refs, first.complaint_ref)
        self.assertTrue(first.complaint_ref, "the merged complaint keeps its own")
        # the whole trail, tracking included, is on the kept complaint
        self.assertFalse(trail_first - second.message_ids)
        note = second.message_ids[:1].body
        self.assertIn(first.complaint_ref, note)
        # dates in the reader's time zone and format, not the database's UTC
        merger_env = self.env(user=self.env.ref("base.user_admin"))
        self.assertIn(format_datetime(merger_env, first.received_date), note)
        self.assertNotIn("2026-03-02 09:00:00", note)
        # the acknowledgement and the earliest receipt: deadlines follow
        self.assertEqual(second.ack_date, ack_date)
        self.assertEqual(second.ack_method, "phone")
        self.assertEqual(second.received_date, datetime(2026, 3, 2, 9, 0))
        self.assertLess(second.response_deadline, deadline_before)

    def test_kept_earlier_acknowledgement_is_not_replaced(self):
        first, second = self._two_complaints()
        self._acknowledge(second)
        kept = second.ack_date
        self._merge(first | second, second)
        self.assertEqual(second.ack_date, kept)

    def test_merged_refs_are_recorded_by_the_merge_only(self):
        first, _second = self._two_complaints()
        with self.assertRaisesRegex(UserError, "recorded by the complaints process"):
            first.with_user(self.helpdesk_user).write(
                {"merged_complaint_refs": "CMP/FAKE"}
            )

    def test_merge_refused_across_confidentiality(self):
        first, second = self._two_complaints()
        first.confidential = True
        with self.assertRaisesRegex(UserError, "confidential"):
            self._merge(first | second, second)
        self.assertTrue(first.active)

    def test_merge_refused_across_complainants(self):
        first, _second = self._two_complaints()
        other = self._create_complaint(partner_id=self.partner.id)
        with self.assertRaisesRegex(UserError, "different complainants"):
            self._merge(first | other, first)
        self.assertTrue(other.active)
        self.assertNotIn(self.partner, first.message_partner_ids)

    def test_merge_refused_across_companies(self):
        first, second = self._two_complaints()
        other = self.env["res.company"].create({"name": "Other kettles"})
        team = self.env["helpdesk.ticket.team"].create(
            {
                "name": "Other complaints",
                "is_complaint_team": True,
                "company_id": other.id,
            }
        )
        third = self._create_complaint(team_id=team.id, company_id=other.id)
        self.env.ref("base.user_admin").company_ids |= other
        with self.assertRaisesRegex(UserError, "different companies"):
            self._merge(first | third, first, companies=self.company | other)
        self.assertTrue(first.active and third.active)

    def test_merge_refused_with_plain_ticket_or_into_a_new_ticket(self):
        first, second = self._two_complaints()
        plain = self._create_plain()
        with self.assertRaisesRegex(UserError, "plain ticket"):
            self._merge(first | plain, first)
        with self.assertRaisesRegex(UserError, "keeps its reference"):
            self._merge(
                first | second,
                first,
                create_new_ticket=True,
                dst_ticket_name="Merged",
                dst_helpdesk_team_id=self.team_complaints.id,
            )

    def test_plain_tickets_merge_as_upstream(self):
        one, two = self._create_plain(), self._create_plain()
        self._merge(one | two, two)
        self.assertFalse(one.active)
        self.assertFalse(two.merged_complaint_refs)
