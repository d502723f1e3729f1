# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each letter rendered to PDF by the real wkhtmltopdf, in English and
Turkish, with the referral rights of the policy's ADR body (issue 13)."""

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tools import format_date

from odoo.addons.iso10002_complaints.tests.letters_common import LettersCase


@tagged("post_install", "-at_install")
class TestLetterPdf(LettersCase):
    # ------------------------------------------------------------------
    # The ADR bodies
    # ------------------------------------------------------------------
    def test_adr_bodies_cite_their_rules(self):
        self.assertEqual(
            (self.fos.referral_months, self.afca.referral_months),
            (6, 24),
        )
        self.assertFalse(self.tr_body.referral_months)
        self.assertIn("DISP 1 Annex 3R", self.fos.source)
        self.assertIn("RG 271", self.afca.source)
        self.assertIn("6502", self.tr_body.source)
        self.assertIn(
            "within six months of the date of this letter", self.fos.referral_rights
        )
        self.assertIn("186,000 TRY", self.tr_body.referral_rights)

    # ------------------------------------------------------------------
    # Each letter, in English and Turkish, by the real wkhtmltopdf
    # ------------------------------------------------------------------
    def test_acknowledgement_letter_pdf(self):
        complaint = self._letter_complaint()
        # the day the response is due where the complaint is handled
        due_day = complaint._iso_day(complaint.response_deadline)
        deadline = format_date(self.env, due_day)
        text = self._render("ack", complaint, "en_US")
        self._assert_letter(
            text,
            complaint,
            "en_US",
            ("Acknowledgement of your complaint", deadline, "Harriet Handler"),
            absent=("Financial Ombudsman",),
        )
        complaint.partner_id = self.partner_tr
        text = self._render("ack", complaint, "tr_TR")
        deadline = format_date(self.env(context={"lang": "tr_TR"}), due_day)
        self._assert_letter(
            text,
            complaint,
            "tr_TR",
            ("Şikâyetinizin alındı bildirimi", deadline),
            absent=("Acknowledgement of your complaint",),
        )

    def test_summary_resolution_letter_pdf(self):
        complaint = self._letter_complaint()
        text = self._render("summary", complaint, "en_US")
        self._assert_letter(
            text,
            complaint,
            "en_US",
            (
                "Your complaint is resolved",
                "we now consider your complaint to have been resolved",
                "Financial Ombudsman Service",
                "within six months of the date of this letter",
                "Time limit: 6 months from the date of this letter",
                "www.financial-ombudsman.org.uk",
            ),
            # the leaflet goes with the final and holding responses only
            absent=("complaints-leaflet",),
        )
        complaint.partner_id = self.partner_tr
        text = self._render("summary", complaint, "tr_TR")
        self._assert_letter(
            text,
            complaint,
            "tr_TR",
            (
                "Şikâyetiniz çözüldü",
                "Financial Ombudsman Service",
                "bu mektubun tarihinden itibaren altı ay içinde",
                "Süre sınırı: 6 ay (bu mektubun tarihinden itibaren)",
            ),
            absent=("Your complaint is resolved", "within six months"),
        )

    def test_holding_response_pdf_quotes_fos_rights_and_time_limit(self):
        complaint = self._letter_complaint(
            holding_reason="We are waiting for the courier's report.",
            holding_expected_date=fields.Date.today() + timedelta(days=14),
        )
        expected = format_date(self.env, complaint.holding_expected_date)
        text = self._render("holding", complaint, "en_US")
        self._assert_letter(
            text,
            complaint,
            "en_US",
            (
                "our final response is delayed",
                "We are waiting for the courier's report.",
                expected,
                "you may now refer your complaint to the Financial Ombudsman Service",
                "you will have 6 months from its date to refer your complaint",
            ),
            # the final response's wording would be wrong here
            absent=("within six months of the date of this letter",),
        )
        complaint.partner_id = self.partner_tr
        expected = format_date(
            self.env(context={"lang": "tr_TR"}), complaint.holding_expected_date
        )
        text = self._render("holding", complaint, "tr_TR")
        self._assert_letter(
            text,
            complaint,
            "tr_TR",
            ("nihai yanıtımız gecikiyor", expected, "6 ay"),
            absent=("our final response is delayed",),
        )

    def test_final_response_pdf_per_adr_body(self):
        complaint = self._ready_to_decide(self._letter_complaint())
        self.env["iso10002.complaint.remedy"].create(
            [
                {"ticket_id": complaint.id, "remedy_type": "refund"},
                {
                    "ticket_id": complaint.id,
                    "remedy_type": "apology",
                    "description": "A written apology from our manager",
                },
            ]
        )
        text = self._render("final", complaint, "en_US")
        self._assert_letter(
            text,
            complaint,
            "en_US",
            (
                "Our final response to your complaint",
                "Partially upheld",
                "We refund the delivery charge of 12 pounds.",
                "You have the right to refer your complaint to the Financial "
                "Ombudsman Service, free of charge",
                "Time limit: 6 months from the date of this letter",
                "Exchange Tower",
                "complaints-leaflet",
                # the remedies, by their label or description
                "What we will do for you: Refund A written apology from our manager",
            ),
            absent=("AFCA", "Tüketici"),
        )
        # a Turkish firm: the consumer arbitration committee, in Turkish
        self.policy.adr_body_id = self.tr_body
        complaint.partner_id = self.partner_tr
        text = self._render("final", complaint, "tr_TR")
        self._assert_letter(
            text,
            complaint,
            "tr_TR",
            (
                "Şikâyetinize nihai yanıtımız",
                "Tüketici Hakem Heyeti",
                "186.000 TL",
                "Tüketici Mahkemesi",
                "6502",
                "İade",
            ),
            absent=("Financial Ombudsman", "Time limit", "Süre sınırı"),
        )

    def test_idr_response_pdf_quotes_afca(self):
        self.policy.adr_body_id = self.afca
        complaint = self._ready_to_decide(self._letter_complaint())
        text = self._render("idr", complaint, "en_US")
        self._assert_letter(
            text,
            complaint,
            "en_US",
            (
                "IDR response",
                "Australian Financial Complaints Authority",
                "within two years of the date of our IDR response",
                "Time limit: 24 months from the date of this letter",
                "1800 931 678",
                "www.afca.org.au",
            ),
            absent=("Financial Ombudsman",),
        )
        complaint.partner_id = self.partner_tr
        text = self._render("idr", complaint, "tr_TR")
        self._assert_letter(
            text,
            complaint,
            "tr_TR",
            ("İUÇ yanıtı", "AFCA", "iki yıl", "1800 931 678"),
            absent=("IDR response", "within two years"),
        )
