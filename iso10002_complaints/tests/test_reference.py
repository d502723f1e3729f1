# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaint references (7.2): unique per company, CMP/<year>/NNNNN.

7.2 asks for a unique identifier, not a gapless one: the references come
from a standard sequence (no lock, a rolled-back creation leaves a gap)."""

import re
from datetime import datetime

from freezegun import freeze_time
from psycopg2 import errors as pg_errors

from odoo import SUPERUSER_ID, api
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon

NOW = datetime(2025, 3, 3, 10, 0, 0)


@tagged("post_install", "-at_install")
class TestComplaintReference(ComplaintCommon):
    def _company_with_team(self, name):
        company = self.env["res.company"].create({"name": name})
        team = self.env["helpdesk.ticket.team"].create(
            {
                "name": f"{name} complaints",
                "is_complaint_team": True,
                "company_id": company.id,
            }
        )
        return company, team

    def test_reference_format_and_sequence(self):
        complaint = self._create_complaint()
        self.assertRegex(complaint.complaint_ref, r"^CMP/\d{4}/\d{5}$")
        sequence = self.company._get_complaint_sequence()
        self.assertEqual(sequence.code, "iso10002.complaint")
        self.assertEqual(sequence.implementation, "standard")
        self.assertEqual(sequence.company_id, self.company)
        self.assertEqual(sequence.prefix, "CMP/%(year)s/")
        following = self._create_complaint()
        number = int(complaint.complaint_ref.rsplit("/", 1)[1])
        self.assertEqual(following.complaint_ref[-5:], f"{number + 1:05d}")

    @freeze_time(NOW)
    def test_each_company_numbers_its_own_complaints(self):
        company_a, team_a = self._company_with_team("Alpha Kettles")
        company_b, team_b = self._company_with_team("Beta Toasters")
        a1 = self._create_complaint(team_id=team_a.id, received_date=NOW)
        b1 = self._create_complaint(team_id=team_b.id, received_date=NOW)
        a2 = self._create_complaint(team_id=team_a.id, received_date=NOW)
        a3 = self._create_complaint(team_id=team_a.id, received_date=NOW)
        b2 = self._create_complaint(team_id=team_b.id, received_date=NOW)
        self.assertEqual((a1 | a2 | a3).company_id, company_a)
        self.assertEqual((b1 | b2).company_id, company_b)
        self.assertEqual(
            (a1 | a2 | a3).mapped("complaint_ref"),
            ["CMP/2025/00001", "CMP/2025/00002", "CMP/2025/00003"],
        )
        self.assertEqual(
            (b1 | b2).mapped("complaint_ref"), ["CMP/2025/00001", "CMP/2025/00002"]
        )
        sequences = self.env["ir.sequence"].search(
            [
                ("code", "=", "iso10002.complaint"),
                ("company_id", "in", (company_a | company_b).ids),
            ]
        )
        self.assertEqual(len(sequences), 2)
        self.assertEqual(set(sequences.mapped("implementation")), {"standard"})

    @freeze_time(NOW)
    def test_batch_creation_numbers_consecutively(self):
        _company, team = self._company_with_team("Gamma Fridges")
        complaints = self.Ticket.create(
            [self._complaint_vals(team_id=team.id, name=f"Batch {i}") for i in range(3)]
        )
        self.assertEqual(
            complaints.mapped("complaint_ref"),
            ["CMP/2025/00001", "CMP/2025/00002", "CMP/2025/00003"],
        )

    @freeze_time(NOW)
    def test_reference_year_is_year_of_receipt(self):
        _company, team = self._company_with_team("Delta Ovens")
        backdated = self._create_complaint(
            team_id=team.id, received_date=datetime(2024, 12, 30, 10, 0)
        )
        self.assertEqual(backdated.complaint_ref, "CMP/2024/00001")

    def test_copy_gets_new_reference(self):
        complaint = self._assess(self._create_complaint())
        copy = complaint.copy()
        self.assertTrue(copy.is_complaint)
        self.assertTrue(copy.complaint_ref)
        self.assertNotEqual(copy.complaint_ref, complaint.complaint_ref)
        number = int(complaint.complaint_ref.rsplit("/", 1)[1])
        self.assertEqual(int(copy.complaint_ref.rsplit("/", 1)[1]), number + 1)
        self.assertEqual(copy.stage_id, self.stage_received)
        self.assertFalse(copy.ack_date)
        self.assertTrue(copy.received_date)

    def test_plain_ticket_has_no_reference_and_uses_no_number(self):
        before = self._create_complaint()
        self._create_plain()
        after = self._create_complaint()
        self.assertEqual(
            int(after.complaint_ref.rsplit("/", 1)[1]),
            int(before.complaint_ref.rsplit("/", 1)[1]) + 1,
        )
        self.assertTrue(re.match(r"^CMP/", after.complaint_ref))

    def test_sequence_linked_to_company_and_replaced_if_deleted(self):
        _company, team = self._company_with_team("Eta Heaters")
        complaint = self._create_complaint(team_id=team.id)
        company = complaint.company_id.sudo()
        sequence = company.complaint_sequence_id
        self.assertEqual(sequence.code, "iso10002.complaint")
        self.assertEqual(sequence.company_id, company)
        sequence.unlink()
        self.assertFalse(company.complaint_sequence_id)
        following = self._create_complaint(team_id=team.id)
        self.assertTrue(following.complaint_ref)
        self.assertTrue(company.complaint_sequence_id)
        self.assertNotEqual(company.complaint_sequence_id, sequence)

    @freeze_time(NOW)
    def test_rollback_leaves_a_gap_never_a_duplicate(self):
        _company, team = self._company_with_team("Theta Blenders")
        first = self._create_complaint(team_id=team.id, received_date=NOW)
        self.assertEqual(first.complaint_ref, "CMP/2025/00001")
        with self.assertRaises(RuntimeError), self.env.cr.savepoint():
            cancelled = self._create_complaint(team_id=team.id, received_date=NOW)
            self.assertEqual(cancelled.complaint_ref, "CMP/2025/00002")
            raise RuntimeError("the creating transaction fails")
        following = self._create_complaint(team_id=team.id, received_date=NOW)
        # the cancelled number is not given again
        self.assertEqual(following.complaint_ref, "CMP/2025/00003")

    def test_reference_unique_per_company(self):
        _company, team = self._company_with_team("Iota Grills")
        first = self._create_complaint(team_id=team.id)
        other = self._create_complaint(team_id=team.id)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(pg_errors.UniqueViolation),
            self.env.cr.savepoint(),
        ):
            other.sudo().complaint_ref = first.complaint_ref
            self.env.flush_all()
        # another company may hold the same reference
        _company, team_b = self._company_with_team("Kappa Grills")
        self.assertEqual(
            self._create_complaint(team_id=team_b.id).complaint_ref[-5:], "00001"
        )

    def test_concurrent_creation_never_waits_on_the_sequence(self):
        """A complaint being created holds no lock on the sequence: another
        transaction numbers meanwhile, without waiting, a different number."""
        complaint = self._create_complaint()
        sequence = complaint.company_id._get_complaint_sequence()
        self.env.flush_all()
        with self.registry.cursor() as other_cr:
            other_cr.execute("SET LOCAL lock_timeout TO '1s'")
            # the row the former gapless numbering locked until the commit
            other_cr.execute(
                "SELECT id FROM ir_sequence WHERE id = %s FOR UPDATE NOWAIT",
                [sequence.id],
            )
            other = api.Environment(other_cr, SUPERUSER_ID, {})
            reference = (
                other["ir.sequence"]
                .browse(sequence.id)
                .with_context(ir_sequence_date=complaint.received_date)
                .next_by_id()
            )
            other_cr.rollback()
        self.assertNotEqual(reference, complaint.complaint_ref)
        following = self._create_complaint()
        self.assertNotIn(following.complaint_ref, (reference, complaint.complaint_ref))
