# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The letter library (issue 13): each letter rendered to PDF by the real
wkhtmltopdf in English and Turkish, with the referral rights of the
policy's ADR body; letters falling due as activities; a letter sent is
kept on the complaint as a PDF."""

import shutil
import subprocess
import tempfile
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
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


@tagged("post_install", "-at_install")
class TestLetters(ComplaintCommon):
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
        return (
            format_date(env, fields.Date.context_today(complaint)),
            format_date(env, complaint.received_date),
        )

    def _assert_letter(self, text, complaint, lang, needles, absent=()):
        today, received = self._dates(complaint, lang)
        for needle in (complaint.complaint_ref, today, received, *needles):
            self.assertIn(needle, text)
        for needle in absent:
            self.assertNotIn(needle, text)

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
        self.assertIn("within six months of the date of this letter", self.fos.referral_rights)
        self.assertIn("186,000 TRY", self.tr_body.referral_rights)

    # ------------------------------------------------------------------
    # Each letter, in English and Turkish, by the real wkhtmltopdf
    # ------------------------------------------------------------------
    def test_acknowledgement_letter_pdf(self):
        complaint = self._letter_complaint()
        deadline = format_date(self.env, complaint.response_deadline)
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
        deadline = format_date(
            self.env(context={"lang": "tr_TR"}), complaint.response_deadline
        )
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
                "Süre sınırı: bu mektubun tarihinden itibaren 6 ay",
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

    # ------------------------------------------------------------------
    # Due letters and sending them
    # ------------------------------------------------------------------
    def _activities(self, complaint, xmlid):
        return complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(xmlid)
        )

    def _pdf_attachments(self, message):
        return message.attachment_ids.filtered(
            lambda a: a.mimetype == "application/pdf"
        )

    def test_holding_response_due_then_sent_and_kept_as_pdf(self):
        complaint = self._letter_complaint()
        recent = self._letter_complaint(received_date=fields.Datetime.now())
        self.Ticket._cron_iso_escalate()
        due = self._activities(complaint, HOLDING)
        self.assertEqual(len(due), 1)
        self.assertEqual(due.user_id, self.helpdesk_user)
        self.assertEqual(
            due.date_deadline, (self.received + timedelta(days=56)).date()
        )
        self.assertIn(complaint.complaint_ref, due.summary)
        self.assertFalse(self._activities(recent, HOLDING), "not due yet")
        # the job runs daily: one activity, not one per run
        self.Ticket._cron_iso_escalate()
        self.assertEqual(len(self._activities(complaint, HOLDING)), 1)

        with self.assertRaisesRegex(UserError, "why the final response is delayed"):
            complaint.with_context(letter_kind="holding").action_send_letter()
        complaint.write(
            {
                "holding_reason": "We are waiting for the courier's report.",
                "holding_expected_date": fields.Date.today() + timedelta(days=14),
            }
        )
        complaint.with_user(self.helpdesk_user).with_context(
            letter_kind="holding", force_report_rendering=True
        ).action_send_letter()
        message = complaint.message_ids.filtered(
            lambda m: m.subject == f"Update on your complaint {complaint.complaint_ref}"
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.partner, message.partner_ids)
        pdf = self._pdf_attachments(message)
        self.assertEqual(len(pdf), 1)
        # kept on the complaint, as an attachment of the complaint
        self.assertEqual((pdf.res_model, pdf.res_id), (complaint._name, complaint.id))
        self.assertIn(
            "you may now refer your complaint to the Financial Ombudsman Service",
            pdf_text(pdf.raw),
        )
        self.assertTrue(complaint.holding_letter_date)
        self.assertFalse(self._activities(complaint, HOLDING), "marked done")
        self.assertTrue(
            complaint.message_ids.filtered(
                lambda m: m.mail_activity_type_id == self.env.ref(HOLDING)
            ),
            "the activity done is logged",
        )
        self.Ticket._cron_iso_escalate()
        self.assertFalse(self._activities(complaint, HOLDING), "sent: not due again")

    def test_final_response_due_then_sent_with_the_decision(self):
        complaint = self._ready_to_decide(self._letter_complaint())
        self.Ticket._cron_iso_escalate()
        due = self._activities(complaint, FINAL)
        self.assertEqual(len(due), 1)
        self.assertEqual(
            due.date_deadline,
            fields.Date.context_today(complaint, complaint.response_deadline),
        )
        complaint.with_context(
            letter_kind="final", force_report_rendering=True
        ).action_send_letter()
        self.assertTrue(complaint.decision_date)
        self.assertEqual(complaint.iso_step, "decision_communicated")
        message = complaint.message_ids.filtered(
            lambda m: m.subject
            == f"Our final response to your complaint {complaint.complaint_ref}"
        )
        self.assertEqual(len(message), 1)
        self.assertIn("within six months of the date of this letter", message.body)
        pdf = self._pdf_attachments(message)
        self.assertEqual((pdf.res_model, pdf.res_id), (complaint._name, complaint.id))
        text = pdf_text(pdf.raw)
        self.assertIn("Our final response to your complaint", text)
        self.assertIn("We refund the delivery charge of 12 pounds.", text)
        self.assertIn("Time limit: 6 months from the date of this letter", text)
        self.assertFalse(self._activities(complaint, FINAL), "marked done")
        self.assertFalse(self._activities(complaint, HOLDING), "moot once answered")

    def test_afca_member_sends_the_idr_response_as_its_decision(self):
        self.policy.adr_body_id = self.afca
        complaint = self._ready_to_decide(self._letter_complaint())
        complaint.action_communicate_decision()
        message = complaint.message_ids.filtered(
            lambda m: m.subject
            == f"Our response to your complaint {complaint.complaint_ref}"
        )
        self.assertEqual(len(message), 1)
        self.assertIn("Australian Financial Complaints Authority", message.body)
        self.assertEqual(
            message.attachment_ids.mapped("name"),
            [f"IDR response - {complaint.complaint_ref.replace('/', '-')}.html"],
            "the letter goes with the email (HTML in test mode, PDF in production)",
        )

    def test_without_adr_body_the_decision_email_is_unchanged(self):
        self.policy.adr_body_id = False
        complaint = self._decide(self._letter_complaint())
        sent = self._decision_messages(complaint)
        self.assertEqual(len(sent), 1)
        self.assertFalse(sent.attachment_ids)
        # no activity for a letter the policy does not ask for
        self.policy.holding_response_days = 0
        other = self._letter_complaint()
        self.Ticket._cron_iso_escalate()
        self.assertFalse(self._activities(other, HOLDING))

    def test_summary_resolution_communication(self):
        complaint = self._letter_complaint(received_date=fields.Datetime.now())
        complaint.with_context(letter_kind="summary").action_send_letter()
        self.assertTrue(complaint.summary_letter_date)
        message = complaint.message_ids.filtered(
            lambda m: m.subject == f"Your complaint {complaint.complaint_ref} is resolved"
        )
        self.assertEqual(len(message), 1)
        self.assertIn("Financial Ombudsman Service", message.body)
        self.assertEqual(len(message.attachment_ids), 1)
        with self.assertRaisesRegex(UserError, "already sent"):
            complaint.with_context(letter_kind="summary").action_send_letter()
        # 60 days after receipt: too late for a summary resolution
        late = self._letter_complaint()
        with self.assertRaisesRegex(UserError, "needs a final response"):
            late.with_context(letter_kind="summary").action_send_letter()

    def test_letters_refused_to_a_person_complained_about(self):
        subject = new_test_user(
            self.env,
            login="iso10002_letter_subject",
            name="Sam Subject",
            groups="helpdesk_mgmt.group_helpdesk_user",
        )
        self.team_complaints.user_ids = [Command.link(subject.id)]
        complaint = self._letter_complaint(
            holding_reason="Waiting for the courier.",
            holding_expected_date=fields.Date.today() + timedelta(days=7),
        )
        complaint.subject_user_ids = [Command.link(subject.id)]
        with self.assertRaises(AccessError):
            complaint.with_user(subject).with_context(
                letter_kind="holding"
            ).action_send_letter()
        self.assertFalse(complaint.holding_letter_date)
        with self.assertRaisesRegex(UserError, "Choose which letter"):
            complaint.with_context(letter_kind="bogus").action_send_letter()
        # the dates of the letters sent are the process's
        with self.assertRaises(UserError):
            complaint.with_user(self.helpdesk_user).holding_letter_date = (
                fields.Datetime.now()
            )
