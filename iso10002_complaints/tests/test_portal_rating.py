# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Satisfaction with the handling (8.3): the survey after closing, the
rating page over real HTTP, and the score stored on the complaint."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.test_intake_common import (
    CSRF_RE,
    IntakeHttpCommon,
)


@tagged("post_install", "-at_install")
class TestPortalRating(IntakeHttpCommon):
    def _close(self, complaint, reason="resolved"):
        self._decide(complaint)
        complaint._iso_record_reaction("accepted")
        complaint.write(
            {
                "closure_reason": reason,
                "stage_id": self.env.ref(
                    "iso10002_complaints.stage_complaint_closed"
                ).id,
            }
        )
        return complaint

    def test_closed_stage_asks_for_rating(self):
        stage = self.env.ref("iso10002_complaints.stage_complaint_closed")
        self.assertEqual(
            stage.rating_mail_template_id,
            self.env.ref("iso10002_complaints.mail_template_complaint_rating"),
        )

    def test_rating_through_the_rating_page(self):
        complaint = self._new_complaint(
            self.portal_user.partner_id, user_id=self.handler.id
        )
        self.assertFalse(complaint.rating_ids)
        self._close(complaint)
        rating = complaint._iso_pending_rating()
        self.assertTrue(rating, "the survey was sent on closing")
        self.assertEqual(rating.partner_id, self.portal_user.partner_id)
        # the survey's links carry the rating's token: sent to the
        # complainant alone, never kept in the chatter every reader of the
        # complaint sees (issue 11, finding 4)
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search([("subject", "like", "How did we handle your complaint")])
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(f"/rate/{rating.access_token}/5", str(mail.body_html))
        self.assertEqual(mail.recipient_ids, self.portal_user.partner_id)
        # the complaint's user notification: erased with it, read by its
        # recipient alone, never by the complaint's readers
        self.assertEqual((mail.model, mail.res_id), (complaint._name, complaint.id))
        self.assertEqual(mail.message_type, "user_notification")
        handler_view = complaint.with_user(self.handler)
        for message in handler_view.message_ids:
            self.assertNotIn(rating.access_token, str(message.body))
        self.assertNotIn(mail.mail_message_id, handler_view.message_ids)
        self.assertFalse(
            self.env["mail.message"]
            .with_user(self.handler)
            .search([("id", "=", mail.mail_message_id.id)])
        )
        self.assertTrue(
            complaint.message_ids.filtered(
                lambda m: "Satisfaction survey sent to" in str(m.body)
            )
        )
        # queued, not sent during the closing: a refused closing sends nothing
        self.assertEqual(mail.state, "outgoing")
        self.assertFalse(complaint.satisfaction)

        # the portal page of the closed complaint invites to rate
        self._login(self.portal_user)
        page = self.url_open(f"/my/complaint/{complaint.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("How did we handle your complaint?", page.text)
        self.assertIn(f"/rate/{rating.access_token}/5", page.text)

        # the rating page, as the complainant clicking the link in the email
        self.authenticate(None, None)
        rate_page = self.url_open(f"/rate/{rating.access_token}/5")
        self.assertEqual(rate_page.status_code, 200)
        csrf = CSRF_RE.search(rate_page.text).group(1)
        response = self.url_open(
            f"/rate/{rating.access_token}/submit_feedback",
            data={
                "csrf_token": csrf,
                "rate": "5",
                "feedback": "Quick and kind, thank you.",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Thank you for your feedback", response.text)
        self.assertEqual(complaint.satisfaction, "satisfied")
        self.assertEqual(complaint.satisfaction_score, 5)
        self.assertEqual(complaint.satisfaction_comment, "Quick and kind, thank you.")
        self.assertTrue(complaint.satisfaction_date)
        # stored, so that reports can group and average them
        for name in ("satisfaction", "satisfaction_score", "satisfaction_comment"):
            self.assertTrue(complaint._fields[name].store)
        groups = self.Ticket._read_group(
            [("id", "=", complaint.id)], ["satisfaction"], ["satisfaction_score:avg"]
        )
        self.assertEqual(groups, [("satisfied", 5.0)])

        # the portal then thanks instead of asking again
        self._login(self.portal_user)
        page = self.url_open(f"/my/complaint/{complaint.id}")
        self.assertIn("Thank you for your rating", page.text)
        self.assertIn("Quick and kind, thank you.", page.text)
        self.assertNotIn(f"/rate/{rating.access_token}/5", page.text)

    def test_dissatisfied_rating(self):
        complaint = self._close(self._new_complaint(self.portal_user.partner_id))
        rating = complaint._iso_pending_rating()
        complaint.rating_apply(1, rating=rating, feedback="Took far too long.")
        self.assertEqual(complaint.satisfaction, "dissatisfied")
        self.assertEqual(complaint.satisfaction_score, 1)

    def test_no_survey_when_closing_is_refused(self):
        complaint = self._new_complaint(self.portal_user.partner_id)
        self._decide(complaint)
        # no closure reason: the closing is refused, and no survey goes out
        with self.assertRaises(UserError), self.env.cr.savepoint():
            complaint.write(
                {
                    "stage_id": self.env.ref(
                        "iso10002_complaints.stage_complaint_closed"
                    ).id
                }
            )
        self.assertFalse(complaint.rating_ids)
        self.assertFalse(
            self.env["mail.mail"]
            .sudo()
            .search([("subject", "like", "How did we handle your complaint")])
        )

    def test_no_survey_without_email(self):
        partner = self.env["res.partner"].create({"name": "No Mail"})
        complaint = self._new_complaint(partner)
        complaint.write({"ack_method": "phone"})
        complaint.action_record_acknowledgement()
        self._close(complaint)
        self.assertFalse(complaint.rating_ids)
