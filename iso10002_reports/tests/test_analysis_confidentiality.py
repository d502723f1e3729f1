# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Finding 2 of issue 11: the analysis view, the management review and the
audit show nothing of a confidential complaint to who may not read it.

The fixture is the access matrix's (iso10002_complaints' ``access_common``):
a confidential complaint, and another one, of Ada Lovelace.
"""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.access_common import AccessCase

SECRET_CAUSE = "ISOSEC engineer insulted the customer"


@tagged("post_install", "-at_install")
class TestAnalysisConfidentiality(AccessCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confidential = cls.records["confidential"]
        cls.normal = cls.records["normal"]
        cls.confidential.write({"root_cause": SECRET_CAUSE, "severity": "high"})
        cls.normal.write({"root_cause": "ISOSEC leaking seal"})
        cls.env["iso10002.complaint.remedy"].create(
            {"ticket_id": cls.confidential.id, "remedy_type": "refund", "cost": 99.0}
        )
        cls.today = fields.Date.context_today(cls.env["res.users"])
        cls.Analysis = cls.env["iso10002.complaint.analysis"]

    def _rows(self, role):
        self.env.invalidate_all()
        analysis = self.Analysis.with_user(self.users[role])
        ids = (self.confidential | self.normal).ids
        return {
            row["id"]
            for row in analysis.search_read(
                [("id", "in", ids)], ["complaint_ref", "root_cause"]
            )
        }

    def test_finding_02_analysis_rows_follow_the_complaint(self):
        both = {self.confidential.id, self.normal.id}
        for role, expected in (
            ("helpdesk_manager", {self.normal.id}),
            ("complaint_manager", both),
            ("auditor", both),
        ):
            with self.subTest(role=role):
                self.assertEqual(self._rows(role), expected)

    def test_finding_02_no_channel_of_the_analysis_shows_it(self):
        user = self.users["helpdesk_manager"]
        analysis = self.Analysis.with_user(user)
        ref = self.confidential.complaint_ref
        self.assertFalse(analysis.search([("complaint_ref", "=", ref)]))
        self.assertFalse(analysis.name_search(ref))
        groups = analysis.formatted_read_group(
            [("id", "in", (self.confidential | self.normal).ids)],
            ["complaint_ref", "root_cause", "user_id"],
            ["__count", "remedy_cost:sum"],
        )
        self.assertEqual(
            [(g["complaint_ref"], g["root_cause"]) for g in groups],
            [(self.normal.complaint_ref, "ISOSEC leaking seal")],
        )
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            analysis.browse(self.confidential.id).read(["complaint_ref"])

    def test_finding_02_complained_about_manager_auditor_reads(self):
        self.confidential.subject_user_ids = (
            self.users["complaint_manager"] | self.users["auditor"]
        )
        self.assertEqual(self._rows("complaint_manager"), {self.normal.id})
        self.assertIn(self.confidential.id, self._rows("auditor"))

    def _scope(self, **values):
        """The last 30 days of the team, as a review or an audit covers them."""
        return dict(
            {
                "date": self.today,
                "date_from": self.today - timedelta(days=30),
                "date_to": self.today,
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
                "team_ids": [Command.set(self.team.ids)],
            },
            **values,
        )

    def _review(self, user):
        return (
            self.env["iso10002.management.review"]
            .with_user(user)
            .create(self._scope(attendee_ids=[Command.set(user.ids)]))
        )

    def test_finding_02_review_pareto_names_no_confidential_root_cause(self):
        review = self._review(self.users["complaint_manager"])
        lines = review.root_cause_line_ids
        labels = lines.mapped("label")
        self.assertNotIn(SECRET_CAUSE, labels)
        self.assertIn("ISOSEC leaking seal", labels)
        hidden = lines.filtered(lambda line: "Confidential" in line.label)
        self.assertEqual(hidden.count, 1)
        self.assertFalse(hidden.unclassified)
        # every complaint is counted, whoever computed the review
        self.assertEqual(
            sum(lines.mapped("count")), review._kpi_line("received_count").value
        )
        self.assertEqual(review._kpi_line("received_count").value, 2)
        self.assertEqual(
            self._review(self.users["helpdesk_manager"])
            ._kpi_line("received_count")
            .value,
            2,
        )
        # a helpdesk user reads the review: no confidential text in it
        as_user = review.with_user(self.users["helpdesk_manager"])
        self.env.invalidate_all()
        text = str(as_user.read()) + str(as_user.line_ids.read())
        self.assertNotIn(SECRET_CAUSE, text)
        self.assertNotIn(self.confidential.complaint_ref, text)

    def _audit(self, user):
        audit = (
            self.env["iso10002.complaint.audit"].with_user(user).create(self._scope())
        )
        audit.action_collect_evidence()
        return audit

    def test_finding_02_audit_samples_name_no_confidential_complaint(self):
        audit = self._audit(self.users["auditor"])
        ref = self.confidential.complaint_ref
        for line in audit.line_ids:
            self.assertNotIn(ref, line.sample_refs or "", line.clause)
            self.assertNotIn(ref, line.gap_refs or "", line.clause)
        confidentiality = audit.line_ids.filtered(lambda line: line.clause == "4.10")
        self.assertEqual(confidentiality.population_count, 1)
        receipt = audit.line_ids.filtered(lambda line: line.clause == "7.2")
        self.assertEqual(receipt.population_count, 2)
        self.assertIn(self.normal.complaint_ref, receipt.sample_refs)

    def test_finding_02_figures_only_for_the_users_companies(self):
        kpi = self.env["iso10002.complaint.kpi"].with_user(self.users["other_company"])
        with self.assertRaises(AccessError):
            kpi._compute_kpis(self.today - timedelta(days=30), self.today, self.company)
        with self.assertRaises(AccessError):
            kpi._live_status(self.company)
