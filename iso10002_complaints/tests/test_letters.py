# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Letters falling due as activities from the deadlines, sent with the
letter kind and kept on the complaint as a PDF (issue 13)."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.iso10002_complaints.tests.letters_common import (
    FINAL,
    HOLDING,
    LettersCase,
    pdf_text,
)
from odoo.addons.iso10002_complaints.tests.test_intake_common import (
    IntakeHttpCommon,
)


@tagged("post_install", "-at_install")
class TestLetters(LettersCase):
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
            due.date_deadline, complaint._iso_day(self.received + timedelta(days=56))
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

    def test_holding_response_due_while_the_final_response_is_on_time(self):
        self.policy.holding_response_days = 2
        complaint = self._letter_complaint(
            received_date=fields.Datetime.now() - timedelta(days=3)
        )
        recent = self._letter_complaint(
            received_date=fields.Datetime.now() - timedelta(days=1)
        )
        self._acknowledge(complaint)
        self.assertEqual(complaint.deadline_status, "on_time")
        self.Ticket._cron_iso_escalate()
        self.assertEqual(len(self._activities(complaint, HOLDING)), 1)
        self.assertFalse(self._activities(complaint, FINAL), "not at risk yet")
        self.assertFalse(self._activities(recent, HOLDING), "not due yet")

    def test_acknowledgement_late_is_no_final_response_due(self):
        complaint = self._letter_complaint(
            received_date=fields.Datetime.now() - timedelta(days=6)
        )
        # late, but for its acknowledgement: the final response is weeks away
        self.assertEqual(
            (complaint.next_deadline_kind, complaint.deadline_status),
            ("ack", "overdue"),
        )
        self.assertGreater(
            complaint.response_deadline, fields.Datetime.now() + timedelta(days=14)
        )
        self.Ticket._cron_iso_escalate()
        self.assertFalse(self._activities(complaint, FINAL))

    def test_final_response_due_then_sent_with_the_decision(self):
        complaint = self._ready_to_decide(self._letter_complaint())
        self.Ticket._cron_iso_escalate()
        due = self._activities(complaint, FINAL)
        self.assertEqual(len(due), 1)
        self.assertEqual(
            due.date_deadline,
            complaint._iso_day(complaint.response_deadline),
        )
        complaint.with_context(
            letter_kind="final", force_report_rendering=True
        ).action_send_letter()
        self.assertTrue(complaint.decision_date)
        self.assertEqual(complaint.iso_step, "decision_communicated")
        message = complaint.message_ids.filtered(
            lambda m: (
                m.subject
                == f"Our final response to your complaint {complaint.complaint_ref}"
            )
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
            lambda m: (
                m.subject == f"Our response to your complaint {complaint.complaint_ref}"
            )
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
        self.assertTrue(complaint.summary_letter_available)
        complaint.with_context(letter_kind="summary").action_send_letter()
        self.assertTrue(complaint.summary_letter_date)
        self.assertFalse(complaint.summary_letter_available)
        message = complaint.message_ids.filtered(
            lambda m: (
                m.subject == f"Your complaint {complaint.complaint_ref} is resolved"
            )
        )
        self.assertEqual(len(message), 1)
        self.assertIn("Financial Ombudsman Service", message.body)
        self.assertEqual(len(message.attachment_ids), 1)
        with self.assertRaisesRegex(UserError, "already sent"):
            complaint.with_context(letter_kind="summary").action_send_letter()
        # 60 days after receipt: too late for a summary resolution
        late = self._letter_complaint()
        self.assertFalse(late.summary_letter_available)
        with self.assertRaisesRegex(UserError, "needs a final response"):
            late.with_context(letter_kind="summary").action_send_letter()
        # a policy without summary resolution offers none
        self.policy.summary_resolution_days = 0
        fresh = self._letter_complaint(received_date=fields.Datetime.now())
        self.assertFalse(fresh.summary_letter_available)

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
        # nor words the delay in their own case (objectivity, 4.7)
        with self.assertRaises(AccessError):
            complaint.with_user(subject).holding_reason = "Nothing to see."
        with self.assertRaises(AccessError):
            complaint.with_user(subject).holding_expected_date = fields.Date.today()
        self.assertEqual(complaint.holding_reason, "Waiting for the courier.")
        with self.assertRaises(AccessError):
            complaint.with_user(subject).with_context(
                letter_kind="holding"
            ).action_send_letter()
        self.assertFalse(complaint.holding_letter_date)
        # nor the complainant, over RPC from their portal
        portal = new_test_user(
            self.env, login="iso10002_letter_portal", groups="base.group_portal"
        )
        complaint.partner_id = portal.partner_id
        complaint.partner_id.email = "portal.letters@example.com"
        with self.assertRaises(AccessError):
            complaint.with_user(portal).with_context(
                letter_kind="holding"
            ).action_send_letter()
        self.assertFalse(complaint.holding_letter_date)
        with self.assertRaisesRegex(UserError, "Choose which letter"):
            complaint.with_context(letter_kind="bogus").action_send_letter()
        # the dates of the letters sent are the process's
        with self.assertRaises(UserError):
            complaint.with_user(
                self.helpdesk_user
            ).holding_letter_date = fields.Datetime.now()

    def test_due_letters_job_does_not_query_per_complaint(self):
        def steady_run_queries():
            self.Ticket._iso_schedule_letter_activities()  # schedules the new ones
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Ticket._iso_schedule_letter_activities()
            return self.env.cr.sql_log_count - before

        self._ready_to_decide(self._letter_complaint())
        first = steady_run_queries()
        for _i in range(5):
            self._ready_to_decide(self._letter_complaint())
        self.assertEqual(steady_run_queries(), first)
        self.assertEqual(
            len(
                self.env["mail.activity"].search(
                    [
                        ("res_model", "=", "helpdesk.ticket"),
                        ("user_id", "=", self.helpdesk_user.id),
                        ("activity_type_id", "=", self.env.ref(FINAL).id),
                    ]
                )
            ),
            6,
        )


@tagged("post_install", "-at_install")
class TestLettersPortal(IntakeHttpCommon):
    def test_portal_names_the_adr_body_the_letters_quote(self):
        # the free text of the policy, until an ADR body is chosen
        text = self.url_open("/complaints/policy").text
        self.assertIn("The Consumer Ombudsman", text)
        fos = self.env.ref("iso10002_complaints.adr_body_fos")
        self.policy.adr_body_id = fos
        text = self.url_open("/complaints/policy").text
        self.assertIn(fos.name, text)
        self.assertIn(f'href="{fos.website}"', text)
        self.assertNotIn("The Consumer Ombudsman", text)
