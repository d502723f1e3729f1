# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared fixtures of the letter tests (no test methods here)."""

import shutil
import subprocess
import tempfile
from datetime import timedelta

from odoo import fields
from odoo.tools import format_date

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon

HOLDING = "iso10002_complaints.mail_activity_complaint_holding_letter"
FINAL = "iso10002_complaints.mail_activity_complaint_final_letter"


def pdf_text(pdf):
    """Text of a PDF (pdftotext), whitespace collapsed."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        tmp.write(pdf)
        tmp.flush()
        text = subprocess.run(
            [shutil.which("pdftotext") or "pdftotext", tmp.name, "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return " ".join(text.split())


class LettersCase(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.env["res.lang"]._activate_lang("tr_TR")
        cls.env["ir.module.module"]._load_module_terms(
            ["iso10002_complaints"], ["tr_TR"], overwrite=True
        )
        cls.fos = cls.env.ref("iso10002_complaints.adr_body_fos")
        cls.afca = cls.env.ref("iso10002_complaints.adr_body_afca")
        cls.tr_body = cls.env.ref("iso10002_complaints.adr_body_tr_consumer")
        cls.policy.write(
            {
                "adr_body_id": cls.fos.id,
                "holding_response_days": 56,
                "summary_resolution_days": 3,
            }
        )
        cls.partner.lang = "en_US"
        cls.partner_tr = cls.env["res.partner"].create(
            {"name": "Ayşe Yılmaz", "email": "ayse@example.com", "lang": "tr_TR"}
        )
        cls.received = fields.Datetime.now() - timedelta(days=60)

    def _letter_complaint(self, partner=None, **values):
        values.setdefault("received_date", self.received)
        return self._create_complaint(
            partner_id=(partner or self.partner).id,
            user_id=self.helpdesk_user.id,
            **values,
        )

    def _ready_to_decide(self, complaint):
        self._respond(complaint)
        complaint.write(
            {
                "decision_outcome": "partially_upheld",
                "decision": "<p>We refund the delivery charge of 12 pounds.</p>",
            }
        )
        return complaint

    def _render(self, kind, complaint, lang):
        """The letter's text, rendered by wkhtmltopdf in ``lang``."""
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(lang=lang, force_report_rendering=True)
            ._render_qweb_pdf(
                f"iso10002_complaints.action_report_letter_{kind}",
                res_ids=complaint.ids,
            )
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), "wkhtmltopdf rendered no PDF")
        return pdf_text(pdf)

    def _dates(self, complaint, lang):
        env = self.env(context=dict(self.env.context, lang=lang))
        # the letter's days are the complaint's (its calendar's time zone),
        # not the reader's: ticket._iso_day()
        return (
            format_date(env, complaint._iso_day()),
            format_date(env, complaint._iso_day(complaint.received_date)),
        )

    def _assert_letter(self, text, complaint, lang, needles, absent=()):
        today, received = self._dates(complaint, lang)
        for needle in (complaint.complaint_ref, today, received, *needles):
            self.assertIn(needle, text)
        for needle in absent:
            self.assertNotIn(needle, text)
