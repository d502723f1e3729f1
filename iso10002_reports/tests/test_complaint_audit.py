# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.iso10002_complaints.models.iso_steps import STEPS

from .common import IsoReportsCase


@tagged("post_install", "-at_install")
class TestComplaintAudit(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()
        cls.audit = (
            cls.env["iso10002.complaint.audit"]
            .with_user(cls.manager)
            .create(cls._march_scope(date=date(2025, 3, 31)))
        )
        cls.audit.action_collect_evidence()

    def _bridge_clauses(self):
        """Clauses a bridge adds where installed (bridges/, the second CI
        configuration): iso10002_mgmtsystem audits 8.7."""
        installed = self.env["ir.module.module"].search_count(
            [("name", "=", "iso10002_mgmtsystem"), ("state", "=", "installed")]
        )
        return ["8.7"] if installed else []

    def _line(self, clause):
        return self.audit.line_ids.filtered(lambda line: line.clause == clause)

    def test_clauses_walked_with_evidence(self):
        self.assertEqual(
            self.audit.line_ids.mapped("clause"),
            [
                "5.3",
                "7.2",
                "7.3",
                "7.4",
                "7.5",
                "7.6",
                "7.7",
                "7.8",
                "7.9",
                "4.7",
                "4.8",
                "4.10",
                "8.2",
                "8.3",
                "8.4",
                "8.6",
                *self._bridge_clauses(),
            ],
        )
        refs = {
            c: c.complaint_ref for c in (self.c1, self.c2, self.c3, self.c4, self.c5)
        }
        expected = {
            # clause: (applies to, gaps, observations, status)
            "5.3": (1, 1, 0, "gap"),  # the policy names no owner
            "7.2": (5, 0, 1, "observation"),  # C5 has no category
            "7.3": (2, 1, 0, "gap"),  # C5 open without a handler
            "7.4": (5, 2, 0, "gap"),  # C2 late, C5 never acknowledged
            "7.5": (4, 0, 0, "conforming"),
            "7.6": (2, 0, 0, "conforming"),
            "7.7": (3, 0, 0, "conforming"),
            "7.8": (5, 3, 0, "gap"),  # C3 late, C4 and C5 overdue
            "7.9": (3, 0, 0, "conforming"),
            "4.7": (0, 0, 0, "conforming"),
            "4.8": (5, 0, 0, "conforming"),
            "8.2": (5, 0, 1, "observation"),
            "8.3": (3, 0, 1, "conforming"),  # C3 not rated, two are
            "8.4": (1, 0, 0, "conforming"),
            "8.6": (0, 1, 0, "gap"),  # no management review in 12 months
        }
        for clause, (population, gaps, observations, status) in expected.items():
            line = self._line(clause)
            self.assertEqual(
                (
                    line.population_count,
                    line.gap_count,
                    line.observation_count,
                    line.status,
                ),
                (population, gaps, observations, status),
                clause,
            )
            self.assertTrue(line.evidence, clause)
        self.assertEqual(self._line("7.3").gap_refs, refs[self.c5])
        self.assertEqual(
            set(self._line("7.4").gap_refs.split(", ")), {refs[self.c2], refs[self.c5]}
        )
        self.assertIn(
            "5 acknowledgements due; 2 late or missing", self._line("7.4").evidence
        )
        samples = self._line("7.2").sample_refs.split(", ")
        self.assertEqual(len(samples), 5)
        self.assertEqual(samples[0], refs[self.c5], "latest first")
        self.assertEqual(self.audit.gap_count, 5)
        self.assertEqual(self.audit.observation_count, 2)
        self.assertNoPersonalData(
            repr(self.audit.read()) + repr(self.audit.line_ids.read()),
            "the audit record",
        )

    def test_auditor_conclusions_survive_a_new_collection(self):
        line = self._line("7.4")
        line.write({"status": "observation", "auditor_note": "Two isolated cases"})
        self.audit.action_collect_evidence()
        line = self._line("7.4")
        self.assertEqual(line.status, "observation")
        self.assertEqual(line.suggested_status, "gap")
        self.assertEqual(line.auditor_note, "Two isolated cases")

    def test_finished_audit_is_frozen_and_feeds_the_review(self):
        self.audit.action_done()
        with self.assertRaises(UserError):
            self._line("7.4").status = "conforming"
        with self.assertRaises(UserError):
            self.audit.action_collect_evidence()
        with self.assertRaises(UserError):
            self.audit.unlink()
        review = self._march_review()
        self.assertEqual(review._kpi_line("audit_count").value, 1)
        self.assertEqual(review._kpi_line("audit_gap_count").value, 5)
        self.assertEqual(review._kpi_line("audit_observation_count").value, 2)
        self.assertEqual(len(review.audit_line_ids), 7)
        self.assertIn(
            "7.8 Communicating the decision",
            " ".join(review.audit_line_ids.mapped("label")),
        )

    def test_audit_form(self):
        form = Form(self.env["iso10002.complaint.audit"].with_user(self.manager))
        form.date_from = date(2025, 3, 1)
        form.date_to = date(2025, 3, 31)
        audit = form.save()
        self.assertFalse(audit.line_ids)
        with self.assertRaises(UserError):
            audit.action_done()  # no evidence yet
        audit.action_collect_evidence()
        self.assertEqual(len(audit.line_ids), 16 + len(self._bridge_clauses()))
        self.assertTrue(audit.name.startswith("AUD/"))

    def test_auditor_group_runs_audits(self):
        auditor = self.env["res.users"].create(
            {
                "name": "Ada Auditor",
                "login": "iso_reports_auditor",
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
                "group_ids": [
                    Command.set(
                        self.env.ref("iso10002_complaints.group_complaint_auditor").ids
                    )
                ],
            }
        )
        audit = (
            self.env["iso10002.complaint.audit"]
            .with_user(auditor)
            .create({"date_from": date(2025, 3, 1), "date_to": date(2025, 3, 31)})
        )
        audit.action_collect_evidence()
        self.assertEqual(
            audit.line_ids.filtered(lambda line: line.clause == "7.4").gap_count, 2
        )

    def test_audit_pdf(self):
        text = self.render_pdf(
            "iso10002_reports.action_report_complaint_audit",
            self.audit.with_user(self.manager),
        )
        for needle in (
            self.audit.name,
            "03/01/2025",
            "03/31/2025",
            "Acknowledgement",
            "5 acknowledgements due; 2 late or missing.",
            self.c5.complaint_ref,
            "Nonconformity",
            "Observation",
            "Conforming",
            "Rita Reviewer",
        ):
            self.assertIn(needle, text)
        self.assertNoPersonalData(text, "the audit PDF")

    def test_audit_walks_every_step_of_the_step_table(self):
        """The walk-through reads the step table: every clause of a step is
        audited, with what the table requires of a complaint at that step."""
        for step in STEPS:
            line = self._line(step.clause)
            self.assertTrue(line, step.clause)
            for rule in step.requires:
                self.assertIn(str(rule.message), line.requirement)

    def test_frozen_mixin_rules_of_the_audit(self):
        """The audit states its frozen rules as data on the shared mixin: once
        done, only its state changes; its clauses cannot be deleted."""
        audit = self.audit.copy({"date": date(2025, 3, 31)})
        audit.action_collect_evidence()
        audit.action_done()
        self.assertEqual(type(audit)._frozen_editable_fields, frozenset({"state"}))
        with self.assertRaises(UserError):
            audit.line_ids[:1].unlink()
        with self.assertRaises(UserError):
            audit.conclusion = "<p>changed</p>"
        audit.message_post(body="still open to the chatter")
        audit.action_reopen()
        audit.conclusion = "<p>changed once reopened</p>"
