# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complainant's link and portal writes, over real HTTP (issue 11:
findings 4, 12 and 13)."""

from odoo.tests import new_test_user, tagged

from odoo.addons.iso10002_complaints.models.system_write import system_write
from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs
from odoo.addons.iso10002_complaints.tests.rpc_common import JsonRpcMixin
from odoo.addons.iso10002_complaints.tests.test_intake_common import (
    IntakeHttpCommon,
)
from odoo.addons.mail.tests.common import MockEmail


@tagged("post_install", "-at_install")
class TestPortalSecurity(JsonRpcMixin, IntakeHttpCommon, MockEmail):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.auditor = new_test_user(
            cls.env,
            login="iso_portal_auditor",
            name="Aude Auditor",
            email="aude.auditor@example.com",
            groups="iso10002_complaints.group_complaint_auditor",
        )
        cls.employee = new_test_user(
            cls.env,
            login="iso_portal_employee",
            name="Emil Employee",
            email="emil.employee@example.com",
            groups="base.group_user",
        )
        cls.complaint = cls._new_complaint(
            cls, cls.portal_user.partner_id, user_id=cls.handler.id
        )
        cls.complaint.message_subscribe(
            partner_ids=(cls.portal_user | cls.employee | cls.auditor).partner_id.ids
        )
        cls.odoobot = cls.env.ref("base.partner_root")

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _token(self, complaint=None):
        return (complaint or self.complaint).sudo().access_token

    def _chatter_post(self, body, **access):
        return self._jsonrpc(
            "/mail/message/post",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": self.complaint.id,
                "post_data": {"body": body, "message_type": "comment"},
                **access,
            },
        )

    def _page_status(self, token):
        return self.url_open(
            f"/my/complaint/{self.complaint.id}?access_token={token}",
            allow_redirects=False,
        )

    def _assert_link_dead(self, token):
        self.authenticate(None, None)
        response = self._page_status(token)
        self.assertEqual(response.status_code, 303)
        self.assertNotIn(
            f"/my/complaint/{self.complaint.id}", response.headers["Location"]
        )
        text = self.url_open(
            f"/my/complaint/{self.complaint.id}?access_token={token}"
        ).text
        self.assertNotIn(self.complaint.complaint_ref, text)
        self.assertNotIn("My sofa came three weeks late.", text)
        ok, _result = self._chatter_post("Old link", token=token)
        self.assertFalse(ok)

    def _assert_link_works(self, token):
        self.authenticate(None, None)
        response = self._page_status(token)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.complaint.complaint_ref, response.text)

    def _post(self, route, data):
        """POST a portal form of the complaint; returns the response."""
        data = dict(data, csrf_token=self._csrf("/my/complaints/new"))
        return self.url_open(
            f"/my/complaint/{self.complaint.id}/{route}",
            data=data,
            allow_redirects=False,
        )

    def _bodies(self):
        return "".join(str(body) for body in self.complaint.message_ids.mapped("body"))

    # ------------------------------------------------------------------
    # Finding 4: the access token
    # ------------------------------------------------------------------
    def test_finding_04_token_not_readable_over_jsonrpc_by_handler(self):
        token = self._token()
        self._login(self.handler)
        ok, result = self._ticket_call("read", [self.complaint.ids, ["access_token"]])
        self.assertFalse(ok)
        self.assertEqual(result, "odoo.exceptions.AccessError")
        ok, result = self._ticket_call(
            "search_read",
            [[("id", "=", self.complaint.id)]],
            {"fields": ["access_token"]},
        )
        self.assertFalse(ok)
        ok, result = self._ticket_call(
            "search_read", [[("access_token", "=", token)]], {"fields": ["name"]}
        )
        self.assertFalse(ok)
        # what the handler may read still reads
        ok, result = self._ticket_call("read", [self.complaint.ids, ["name"]])
        self.assertTrue(ok, result)
        # public methods build links without it
        ok, result = self._ticket_call("get_portal_url", [self.complaint.ids])
        self.assertTrue(ok, result)
        self.assertNotIn(token, result)
        # nor does the share wizard (sent to any address) carry it
        url = self.complaint.with_user(self.handler)._get_share_url(
            redirect=True, signup_partner=True, pid=self.portal_user.partner_id.id
        )
        self.assertNotIn(token, url)
        self.assertNotIn("hash=", url)
        self.assertNotIn("signup", url)

    def test_finding_04_token_never_sent_to_internal_followers_nor_in_chatter(self):
        with self.mock_mail_gateway():
            complaint = self._new_complaint(
                self.portal_user.partner_id, user_id=self.handler.id
            )
            complaint.message_subscribe(
                partner_ids=(self.employee | self.auditor).partner_id.ids
            )
            self.assertTrue(complaint.ack_date, "acknowledged by email")
            self._decide(complaint)
            complaint.message_post(
                body="We have refunded the fee.",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                author_id=self.handler.partner_id.id,
            )
        token = self._token(complaint)
        self.assertTrue(token)
        # the chatter keeps the bodies: never the token
        for message in complaint.message_ids:
            self.assertNotIn(token, str(message.body))
        mails = self._new_mails.filtered(
            lambda m: m.model == "helpdesk.ticket" and m.res_id == complaint.id
        )
        self.assertTrue(mails)
        internal = (
            self.handler | self.leader | self.employee | self.auditor
        ).partner_id
        to_internal = mails.filtered(lambda m: m.recipient_ids & internal)
        self.assertTrue(to_internal, "internal followers are notified")
        for mail in to_internal:
            self.assertNotIn(token, str(mail.body_html))
            self.assertFalse(mail.recipient_ids - internal)
        # the complainant's own copy has the link with the token
        to_complainant = mails.filtered(
            lambda m: self.portal_user.partner_id in m.recipient_ids
        )
        self.assertTrue(to_complainant)
        self.assertTrue(any(token in str(m.body_html) for m in to_complainant))

    def test_finding_04_token_rotated_when_confidential(self):
        old = self._token()
        self._assert_link_works(old)
        self.complaint.confidential = True
        self.assertNotEqual(self._token(), old)
        self._assert_link_dead(old)
        self._assert_link_works(self._token())

    def test_finding_04_token_rotated_when_handler_changes(self):
        old = self._token()
        self.complaint.user_id = self.leader
        self.assertNotEqual(self._token(), old)
        self._assert_link_dead(old)
        # the same handler written again keeps the link
        current = self._token()
        self.complaint.write({"user_id": self.leader.id})
        self.assertEqual(self._token(), current)

    def test_finding_04_token_rotated_when_a_new_team_drops_the_handler(self):
        team = self.team.copy({"name": "Other complaints", "user_ids": []})
        old = self._token()
        self.complaint.team_id = team
        self.assertFalse(self.complaint.user_id)
        self.assertNotEqual(self._token(), old)

    def test_finding_04_token_kept_by_other_changes(self):
        old = self._token()
        self.complaint.write({"name": "Sofa delivered very late", "priority": "2"})
        self.complaint.confidential = False
        self.assertEqual(self._token(), old)

    def test_finding_04_token_rotated_when_anonymised(self):
        old = self._token()
        with system_write():
            self.complaint.write({"anonymised": True})
        self.assertNotEqual(self._token(), old)
        self._assert_link_dead(old)

    def test_finding_04_old_mail_link_dead_after_rotation(self):
        """The button of the complainant's email (/mail/view with token,
        pid and hash) stops working too."""
        partner = self.portal_user.partner_id
        old = self._token()
        old_hash = self.complaint._sign_token(partner.id)
        self.complaint.confidential = True
        self.authenticate(None, None)
        response = self.url_open(
            f"/mail/view?model=helpdesk.ticket&res_id={self.complaint.id}"
            f"&access_token={old}&pid={partner.id}&hash={old_hash}",
        )
        self.assertNotIn(f"/my/complaint/{self.complaint.id}", response.url)
        self.assertNotIn(self.complaint.complaint_ref, response.text)
        ok, _result = self._chatter_post("Old hash", pid=partner.id, hash=old_hash)
        self.assertFalse(ok)
        self.assertNotIn("Old hash", self._bodies())
        # the new button leads the complainant to the complaint
        response = self.url_open(
            f"/mail/view?model=helpdesk.ticket&res_id={self.complaint.id}"
            f"&access_token={self._token()}&pid={partner.id}"
            f"&hash={self.complaint._sign_token(partner.id)}",
        )
        self.assertIn(f"/my/complaint/{self.complaint.id}", response.url)
        self.assertIn(self.complaint.complaint_ref, response.text)

    def test_finding_04_token_gives_nothing_to_a_logged_in_other_user(self):
        token = self._token()
        # an employee who does not follow the complaint: no right to read it
        stranger = new_test_user(
            self.env,
            login="iso_portal_stranger",
            name="Stan Stranger",
            groups="base.group_user",
        )
        self._login(stranger)
        response = self._page_status(token)
        self.assertEqual(response.status_code, 303)
        ok, _result = self._chatter_post("Employee with the link", token=token)
        self.assertFalse(ok)
        self.assertNotIn("Employee with the link", self._bodies())
        # nor through helpdesk_mgmt's ticket page
        for url in (
            f"/my/ticket/{self.complaint.id}/{token}",
            f"/my/ticket/{self.complaint.id}?access_token={token}",
        ):
            response = self.url_open(url)
            self.assertNotIn(self.complaint.complaint_ref, response.text)
            self.assertNotIn("My sofa came three weeks late.", response.text)
        # with their own link, the complainant reads it
        self._assert_link_works(token)

    # ------------------------------------------------------------------
    # Finding 12: portal writes are the complainant's alone
    # ------------------------------------------------------------------
    def _assert_portal_writes_refused(self, user):
        self._decide(self.complaint)
        token = self._token()
        # the decision's tracking messages, as its commit writes them
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.flush_all()
        before = self.complaint.message_ids
        self._login(user)
        for data in ({}, {"access_token": token}):
            response = self._post("message", dict(data, note=f"Posted by {user.name}"))
            self.assertEqual(response.status_code, 403, response.text[:300])
            self.assertIn("Only the complainant", response.text)
            response = self._post(
                "reaction",
                dict(data, reaction="accepted", reaction_note=""),
            )
            self.assertEqual(response.status_code, 403, response.text[:300])
        self.assertFalse(self.complaint.reaction)
        self.assertFalse(self.complaint.reaction_date)
        added = self.complaint.message_ids - before
        self.assertFalse(added, added.mapped("body"))
        # the chatter route (portal and backend), with or without the token
        for access in ({}, {"token": token}):
            body = f"Chatter by {user.name} {len(access)}"
            ok, _result = self._chatter_post(body, **access)
            if user == self.handler:
                # who may change the complaint writes, in their own name
                self.assertTrue(ok)
                message = self.complaint.message_ids[0]
                self.assertEqual(message.author_id, user.partner_id)
            else:
                self.assertFalse(ok)
                self.assertNotIn(body, self._bodies())

    def test_finding_12_auditor_cannot_write_through_portal_routes(self):
        self._assert_portal_writes_refused(self.auditor)

    def test_finding_12_handler_cannot_write_through_portal_routes(self):
        self._assert_portal_writes_refused(self.handler)

    def test_finding_12_employee_follower_cannot_write_through_portal_routes(self):
        self._assert_portal_writes_refused(self.employee)

    def test_finding_12_auditor_page_has_no_forms(self):
        self._decide(self.complaint)
        self._login(self.auditor)
        response = self.url_open(f"/my/complaint/{self.complaint.id}")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(f"/my/complaint/{self.complaint.id}/message", response.text)
        self.assertNotIn(f"/my/complaint/{self.complaint.id}/reaction", response.text)

    def test_finding_12_complainant_still_writes(self):
        self._decide(self.complaint)
        token = self._token()
        self.authenticate(None, None)
        csrf = self._csrf(f"/my/complaint/{self.complaint.id}?access_token={token}")
        response = self.url_open(
            f"/my/complaint/{self.complaint.id}/message",
            data={"csrf_token": csrf, "access_token": token, "note": "Any news?"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self._login(self.portal_user)
        response = self._post("reaction", {"reaction": "accepted"})
        self.assertEqual(response.status_code, 303, response.text[:300])
        self.assertEqual(self.complaint.reaction, "accepted")

    # ------------------------------------------------------------------
    # Finding 13: the complainant is the author of their acts
    # ------------------------------------------------------------------
    def _assert_filed_by(self, complaint, partner):
        self.assertFalse(complaint.user_id, "unassigned, never OdooBot")
        first = complaint.message_ids.sorted("id")[:1]
        self.assertEqual(first.author_id, partner)
        public = self.env.ref("base.public_user").partner_id
        self.assertNotIn(public, complaint.message_ids.author_id)
        # the organisation acknowledges, and nothing before
        ack = complaint.message_ids.filtered(
            lambda m: "We received your complaint" in (m.subject or "")
        )
        self.assertIn(ack.author_id, self.company.partner_id | self.odoobot)
        before_ack = complaint.message_ids.filtered(lambda m: m.id < ack.id)
        self.assertEqual(before_ack.author_id, partner)

    def test_finding_13_portal_filing_by_the_complainant(self):
        self._login(self.portal_user)
        response = self._post_portal(subject="Portal filing author")
        self.assertEqual(response.status_code, 303, response.text[:300])
        # the acknowledgement job the filing triggered
        run_pending_jobs(self.env)
        complaint = self._complaints(name="Portal filing author")
        self.assertEqual(complaint.create_uid, self.portal_user)
        self._assert_filed_by(complaint, self.portal_user.partner_id)
        self.assertTrue(complaint.ack_date)

    def test_finding_13_public_filing_by_the_complainant(self):
        self.authenticate(None, None)
        response = self._post_public(subject="Public filing author")
        self.assertEqual(response.status_code, 303, response.text[:300])
        # the acknowledgement job the filing triggered
        run_pending_jobs(self.env)
        complaint = self._complaints(name="Public filing author")
        self.assertEqual(complaint.partner_id.email, "nora.newcomer@example.com")
        self._assert_filed_by(complaint, complaint.partner_id)

    def test_finding_13_reaction_and_messages_by_the_complainant(self):
        self._decide(self.complaint)
        partner = self.portal_user.partner_id
        token = self._token()
        self.authenticate(None, None)
        csrf = self._csrf(f"/my/complaint/{self.complaint.id}?access_token={token}")
        url = f"/my/complaint/{self.complaint.id}"
        self.url_open(
            f"{url}/message",
            data={"csrf_token": csrf, "access_token": token, "note": "By link"},
        )
        self.url_open(
            f"{url}/reaction",
            data={"csrf_token": csrf, "access_token": token, "reaction": "accepted"},
        )
        ok, result = self._chatter_post("Through the portal chatter", token=token)
        self.assertTrue(ok, result)
        self.assertEqual(self.complaint.reaction, "accepted")
        since = self.complaint.message_ids.filtered(lambda m: "By link" in str(m.body))
        later = self.complaint.message_ids.filtered(lambda m: m.id >= since.id)
        self.assertTrue(later.tracking_value_ids, "the reaction is tracked")
        self.assertEqual(later.author_id, partner)
