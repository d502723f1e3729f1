# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Turkish translation (i18n/tr.po) reaches the complaint form view and
the complaint form PDF printed in the complainant's language."""

from odoo.tests import TransactionCase, tagged

from .common import pdf_text


@tagged("post_install", "-at_install")
class TestI18nTr(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.env["res.lang"]._activate_lang("tr_TR")
        cls.env["ir.module.module"]._load_module_terms(
            ["iso10002_complaints", "iso10002_reports"], ["tr_TR"], overwrite=True
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "TR complaints team", "is_complaint_team": True}
        )
        cls.partner = cls.env["res.partner"].create(
            {"name": "Ayşe Yılmaz", "email": "ayse@example.com", "lang": "tr_TR"}
        )
        cls.complaint = cls.env["helpdesk.ticket"].create(
            {
                "name": "Geciken teslimat",
                "description": "<p>Siparişim geç geldi.</p>",
                "team_id": cls.team.id,
                "partner_id": cls.partner.id,
                "consent_given": True,
            }
        )

    def test_form_view_labels_in_turkish(self):
        Ticket = self.env["helpdesk.ticket"].with_context(lang="tr_TR")
        result = Ticket.get_views([(False, "form")])
        arch = result["views"]["form"]["arch"]
        fields = result["models"]["helpdesk.ticket"]["fields"]
        self.assertEqual(fields["complaint_ref"]["string"], "Şikâyet referansı")
        self.assertEqual(fields["remedy_requested"]["string"], "Talep edilen çözüm")
        self.assertEqual(fields["incident_place"]["string"], "Nerede oldu")
        self.assertIn("Şikâyet", arch)
        # English labels of our fields are gone from the Turkish description
        self.assertNotEqual(
            Ticket.fields_get(["received_date"])["received_date"]["string"],
            "Received on",
        )

    def test_complaint_form_pdf_in_turkish(self):
        self.assertEqual(self.complaint.partner_id.lang, "tr_TR")
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "iso10002_reports.action_report_complaint_form",
                res_ids=self.complaint.ids,
            )
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = pdf_text(pdf)
        self.assertIn("Şikâyet formu", text)
        self.assertIn("Şikâyetçi", text)
        self.assertIn("Ne oldu", text)
        self.assertNotIn("Complaint form", text)
