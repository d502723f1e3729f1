# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Following a complaint on the portal: status, dates, messages, adding
information and reacting to the decision (7.3, 7.8, 7.9), over real HTTP."""

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs
from odoo.addons.iso10002_complaints.tests.test_intake_common import (
    CSRF_RE,
    PNG_BYTES,
    IntakeHttpCommon,
)


@tagged("post_install", "-at_install")
class TestPortalTracking(IntakeHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls.env["helpdesk.ticket"].create(
            {
                "name": "Sofa delivered late",
                "description": "<p>My sofa came three weeks late.</p>",
                "team_id": cls.team.id,
                "user_id": cls.handler.id,
                "partner_id": cls.portal_user.partner_id.id,
                "product_service": "Sofa Comfy",
            }
        )
        # the acknowledgement job the creation triggered
        run_pending_jobs(cls.env)
        cls.complaint.message_subscribe(partner_ids=cls.portal_user.partner_id.ids)
        cls.complaint.message_post(
            body="Internal: the carrier lost the parcel twice.",
            subtype_xmlid="mail.mt_note",
            author_id=cls.handler.partner_id.id,
        )
        cls.complaint.message_post(
            body="We are checking with the carrier.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=cls.handler.partner_id.id,
        )

    def _page(self, token=None):
        url = f"/my/complaint/{self.complaint.id}"
        if token:
            url += f"?access_token={token}"
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response

    def test_read_complaint(self):
        self._login(self.portal_user)
        text = self._page().text
        self.assertIn(self.complaint.complaint_ref, text)
        self.assertIn("Sofa delivered late", text)
        self.assertIn("My sofa came three weeks late.", text)
        self.assertIn("Sofa Comfy", text)
        # current step in plain words, and the target dates
        self.assertEqual(self.complaint.iso_step, "acknowledged")
        self.assertIn("We have confirmed that we received your complaint", text)
        self.assertIn("Our final answer by", text)
        self.assertIn("o_iso10002_response_deadline", text)
        self.assertIn("Hugo Handler", text)
        # messages: the acknowledgement and the handler's message, never notes
        self.assertIn("We are checking with the carrier.", text)
        self.assertIn("We have registered your", text)
        self.assertNotIn("the carrier lost the parcel twice", text)
        # nothing to react to yet
        self.assertNotIn("Do you accept our decision?", text)

    def test_reply_with_attachment(self):
        self._login(self.portal_user)
        csrf = CSRF_RE.search(self._page().text).group(1)
        response = self.url_open(
            f"/my/complaint/{self.complaint.id}/message",
            data={"csrf_token": csrf, "note": "Here is a photo of the <b>damage</b>."},
            files=[("attachments", ("damage.png", PNG_BYTES, "image/png"))],
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        self.assertIn("info=sent", response.headers["Location"])
        message = self.complaint.message_ids[0]
        self.assertEqual(message.author_id, self.portal_user.partner_id)
        self.assertEqual(message.message_type, "comment")
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_comment"))
        self.assertIn("&lt;b&gt;damage&lt;/b&gt;", str(message.body))
        self.assertEqual(message.attachment_ids.mapped("name"), ["damage.png"])
        # the handler, a follower, is notified
        self.assertIn(self.handler.partner_id, message.notified_partner_ids)
        text = self.url_open(response.headers["Location"]).text
        self.assertIn("your message was added to your complaint", text)
        self.assertIn("damage.png", text)

    def test_reply_bad_input(self):
        self._login(self.portal_user)
        csrf = CSRF_RE.search(self._page().text).group(1)
        before = len(self.complaint.message_ids)
        url = f"/my/complaint/{self.complaint.id}/message"
        response = self.url_open(url, data={"csrf_token": csrf, "note": "  "})
        self.assertEqual(response.status_code, 400)
        self.assertIn("Write a message or attach a file.", response.text)
        response = self.url_open(
            url,
            data={"csrf_token": csrf, "note": "See file"},
            files=[("attachments", ("run.sh", b"#!/bin/sh\nrm -rf /\n", "text/x-sh"))],
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("this type of file is not accepted", response.text)
        response = self.url_open(url, data={"csrf_token": "forged", "note": "Hi"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("This form has expired", response.text)
        self.assertEqual(len(self.complaint.message_ids), before)

    def test_reply_with_access_token_without_login(self):
        token = self.complaint._portal_ensure_token()
        text = self._page(token).text
        self.assertIn(self.complaint.complaint_ref, text)
        csrf = CSRF_RE.search(text).group(1)
        response = self.url_open(
            f"/my/complaint/{self.complaint.id}/message",
            data={"csrf_token": csrf, "access_token": token, "note": "Any news?"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn(f"access_token={token}", response.headers["Location"])
        message = self.complaint.message_ids[0]
        self.assertIn("Any news?", str(message.body))
        self.assertEqual(message.author_id, self.portal_user.partner_id)
        # without the token, a visitor can neither read nor write
        response = self.url_open(
            f"/my/complaint/{self.complaint.id}/message",
            data={"csrf_token": csrf, "note": "Intruder"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertNotIn("Intruder", str(self.complaint.message_ids[0].body))

    def test_colleague_cannot_read_or_write(self):
        self._login(self.colleague)
        response = self.url_open(
            f"/my/complaint/{self.complaint.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        csrf = self._csrf("/my/complaints/new")
        response = self.url_open(
            f"/my/complaint/{self.complaint.id}/message",
            data={"csrf_token": csrf, "note": "Colleague peeking"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertNotIn(
            "Colleague peeking", "".join(self.complaint.message_ids.mapped("body"))
        )

    def test_accept_decision(self):
        self._decide(self.complaint)
        self._login(self.portal_user)
        text = self._page().text
        self.assertIn("Our decision", text)
        self.assertIn("We uphold your complaint and refund the fee.", text)
        self.assertIn("Do you accept our decision?", text)
        self.assertIn("We have sent you our decision", text)
        csrf = CSRF_RE.search(text).group(1)
        response = self.url_open(
            f"/my/complaint/{self.complaint.id}/reaction",
            data={"csrf_token": csrf, "reaction": "accepted", "reaction_note": ""},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        self.assertEqual(self.complaint.reaction, "accepted")
        self.assertTrue(self.complaint.reaction_date)
        answer = self.complaint.message_ids.filtered(
            lambda m: "I accept the decision." in str(m.body)
        )
        self.assertEqual(answer.author_id, self.portal_user.partner_id)
        self.assertEqual(answer.subtype_id, self.env.ref("mail.mt_comment"))
        activity = self.complaint.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("iso10002_complaints.mail_activity_complaint_reaction")
            )
        )
        self.assertEqual(activity.user_id, self.handler)
        text = self.url_open(response.headers["Location"]).text
        self.assertIn("You accepted this decision", text)
        self.assertNotIn("Do you accept our decision?", text)
        # a second answer is refused with a clear message
        response = self.url_open(
            f"/my/complaint/{self.complaint.id}/reaction",
            data={"csrf_token": csrf, "reaction": "rejected", "reaction_note": "No"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("no decision waiting for your answer", response.text)
        self.assertEqual(self.complaint.reaction, "accepted")

    def test_reject_decision(self):
        self._decide(self.complaint, outcome="not_upheld")
        self._login(self.portal_user)
        csrf = CSRF_RE.search(self._page().text).group(1)
        url = f"/my/complaint/{self.complaint.id}/reaction"
        # a rejection needs the reasons
        response = self.url_open(
            url, data={"csrf_token": csrf, "reaction": "rejected", "reaction_note": ""}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Tell us why you do not accept the decision", response.text)
        self.assertFalse(self.complaint.reaction)
        response = self.url_open(
            url,
            data={
                "csrf_token": csrf,
                "reaction": "rejected",
                "reaction_note": "The refund does not cover my costs.",
            },
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.complaint.reaction, "rejected")
        self.assertEqual(
            self.complaint.reaction_note, "The refund does not cover my costs."
        )
        # the leader reviews it (objectivity: not the handler)
        activity = self.complaint.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("iso10002_complaints.mail_activity_complaint_reaction")
            )
        )
        self.assertEqual(activity.user_id, self.leader)
        text = self.url_open(response.headers["Location"]).text
        self.assertIn("You did not accept this decision", text)
        self.assertIn("The Consumer Ombudsman", text)

    def test_reaction_without_decision_refused(self):
        self._login(self.portal_user)
        csrf = CSRF_RE.search(self._page().text).group(1)
        response = self.url_open(
            f"/my/complaint/{self.complaint.id}/reaction",
            data={"csrf_token": csrf, "reaction": "accepted"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("no decision waiting for your answer", response.text)
        self.assertFalse(self.complaint.reaction)

    def test_reaction_with_access_token(self):
        self._decide(self.complaint)
        token = self.complaint.access_token
        csrf = CSRF_RE.search(self._page(token).text).group(1)
        response = self.url_open(
            f"/my/complaint/{self.complaint.id}/reaction",
            data={"csrf_token": csrf, "access_token": token, "reaction": "accepted"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.complaint.reaction, "accepted")
