# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""ADR referrals in the KPIs (one KPI list: the review freezes them, the
figures are computed by hand below), and the redress, the referrals and
the four-eyes approval on the tracking form."""

from datetime import date

from odoo import Command
from odoo.tests import tagged

from .common import IsoReportsCase, dt

TRACKING = "iso10002_reports.action_report_complaint_tracking"


@tagged("post_install", "-at_install")
class TestRedressAdrReports(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()
        cls.body = cls.env["iso10002.adr.body"].create(
            {"name": "Test Ombudsman Service", "code": "test_ombudsman_reports"}
        )
        Referral = cls.env["iso10002.adr.referral"]
        # March's cohort: C1 referred twice (withdrawn, then not upheld), C2
        # pending, C3 upheld with an award; February's P1 is not of the cohort
        cls.referrals = Referral.create(
            [
                {
                    "ticket_id": cls.c1.id,
                    "body_id": cls.body.id,
                    "referral_date": date(2025, 3, 20),
                    "outcome": "withdrawn",
                    "outcome_date": date(2025, 3, 25),
                },
                {
                    "ticket_id": cls.c1.id,
                    "body_id": cls.body.id,
                    "referral_date": date(2025, 4, 2),
                    "outcome": "not_upheld",
                    "outcome_date": date(2025, 6, 1),
                },
                {
                    "ticket_id": cls.c2.id,
                    "body_id": cls.body.id,
                    "referral_date": date(2025, 4, 1),
                },
                {
                    "ticket_id": cls.c3.id,
                    "body_id": cls.body.id,
                    "case_reference": "TOS-2025-0042",
                    "referral_date": date(2025, 4, 3),
                    "outcome": "upheld",
                    "outcome_date": date(2025, 7, 15),
                    "award_amount": 300.0,
                },
                {
                    "ticket_id": cls.p1.id,
                    "body_id": cls.body.id,
                    "referral_date": date(2025, 3, 1),
                    "outcome": "upheld",
                    "outcome_date": date(2025, 3, 30),
                    "award_amount": 1000.0,
                },
            ]
        )

    def _march_review(self):
        return self.env["iso10002.management.review"].create(
            {
                "date": date(2025, 4, 5),
                "date_from": date(2025, 3, 1),
                "date_to": date(2025, 3, 31),
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
            }
        )

    def test_adr_referrals_in_the_kpis(self):
        # by hand: 5 complaints received in March, 3 of them referred (C1,
        # C2, C3); the body decided 2 referrals (C1 not upheld, C3 upheld);
        # awards 300 (P1's award is February's)
        expected = {
            "adr_referred": 3,
            "adr_rate": 60.0,
            "adr_decided": 2,
            "adr_upheld": 50.0,
            "adr_awards": 300.0,
        }
        figures = self.env["iso10002.complaint.kpi"]._compute_kpis(
            date(2025, 3, 1), date(2025, 3, 31), self.company
        )
        self.assertEqual(figures["received"], 5)
        self.assertEqual(figures["adr"]["referrals"], 4)
        review = self._march_review()
        for code, value in expected.items():
            line = review._kpi_line(code)
            self.assertAlmostEqual(line.value, value, places=6, msg=code)
            self.assertEqual(line.kpi_family, "adr", code)
            self.assertTrue(line.has_data, code)
        # February: P1 only
        february = self.env["iso10002.complaint.kpi"]._compute_kpis(
            date(2025, 2, 1), date(2025, 2, 28), self.company
        )["adr"]
        self.assertEqual(
            (february["referred"], february["upheld"], february["awards"]),
            (1, 100.0, 1000.0),
        )

    def test_no_referral_no_rate(self):
        review = self.env["iso10002.management.review"].create(
            {
                "date": date(2025, 1, 31),
                "date_from": date(2025, 1, 1),
                "date_to": date(2025, 1, 31),
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
            }
        )
        self.assertEqual(review._kpi_line("adr_referred").value, 0)
        self.assertFalse(review._kpi_line("adr_upheld").has_data)

    def test_tracking_form_shows_redress_approval_and_referrals(self):
        self.policy.approval_min_amount = 100.0
        complaint = self._complaint(
            "investigating",
            {"received_date": dt("2025-03-03 09:00")},
            severity="medium",
            ack_method="email",
            ack_date=dt("2025-03-03 10:00"),
            user_id=self.handler.id,
        )
        remedy = self.env["iso10002.complaint.remedy"].create(
            {
                "ticket_id": complaint.id,
                "remedy_type": "compensation",
                "description": "Distress and inconvenience",
                "cost": 150.0,
                "redress_state": "accepted",
            }
        )
        complaint.with_user(self.handler).action_request_approval()
        complaint.with_user(self.manager).action_approve()
        remedy.with_user(self.handler).write(
            {"redress_state": "paid", "payment_method": "bank_transfer"}
        )
        self.assertEqual(complaint.redress_paid_amount, 150.0)
        self.env["iso10002.adr.referral"].create(
            {
                "ticket_id": complaint.id,
                "body_id": self.body.id,
                "case_reference": "TOS-2025-0777",
                "referral_date": date(2025, 4, 10),
                "outcome": "settled",
                "outcome_date": date(2025, 5, 2),
                "award_amount": 75.0,
            }
        )
        timeline = complaint._iso_report_timeline()
        approval = next(s for s in timeline if s["clause"] == "4.9")
        decision = next(s for s in timeline if s["step"] == "Decision")
        self.assertLess(timeline.index(approval), timeline.index(decision))
        self.assertEqual(approval["responsible"], "Rita Reviewer")

        text = self.render_pdf(TRACKING, complaint)
        for needle in (
            "Second approval of the response",
            "Approved",
            "Rita Reviewer",
            "Compensation",
            "Paid",
            "Bank transfer",
            "150.00",
            "Referral to Test Ombudsman Service",
            "TOS-2025-0777",
            "Settled",
            "04/10/2025",
            "75.00",
        ):
            self.assertIn(needle, text)
