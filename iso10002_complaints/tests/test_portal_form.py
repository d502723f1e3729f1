# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Filing a complaint from the customer portal, over real HTTP (4.5, 7.2)."""

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs
from odoo.addons.iso10002_complaints.tests.test_intake_common import (
    PDF_BYTES,
    IntakeHttpCommon,
)


@tagged("post_install", "-at_install")
class TestPortalForm(IntakeHttpCommon):
    def test_portal_home_has_complaints_entry_and_counter(self):
        self._login(self.portal_user)
        home = self.url_open("/my")
        self.assertEqual(home.status_code, 200)
        self.assertIn("/my/complaints", home.text)
        self.assertIn('data-placeholder_count="complaint_count"', home.text)
        self.assertIn("/complaints/policy", home.text)
        self._new_complaint(self.portal_user.partner_id)
        self._new_complaint(self.colleague.partner_id)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["complaint_count"]}
        )
        self.assertEqual(counters["complaint_count"], 1, "colleague's not counted")

    def test_logged_in_user_on_the_public_form_route(self):
        """A user who logged in after opening the public form gets the
        portal's form answer: the complaint, or the form with its errors
        (it was a server error before)."""
        self._login(self.portal_user)
        csrf = self._csrf("/my/complaints/new")
        data = dict(self._form(), csrf_token=csrf, description="")
        response = self.url_open("/complaints/submit", data=data)
        self.assertEqual(response.status_code, 400)
        self.assertIn("Tell us what happened.", response.text)
        self.assertFalse(self._complaints(partner_id=self.portal_user.partner_id.id))
        data["description"] = "The lid broke on the first day."
        response = self.url_open("/complaints/submit", data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 307)
        response = self.url_open("/complaints/submit", data=data)
        self.assertEqual(response.status_code, 200)
        complaint = self._complaints(partner_id=self.portal_user.partner_id.id)
        self.assertEqual(len(complaint), 1)
        self.assertIn(f"/my/complaint/{complaint.id}", response.url)

    def test_portal_file_complaint(self):
        self._login(self.portal_user)
        form = self.url_open("/my/complaints/new")
        self.assertEqual(form.status_code, 200)
        for label in (
            "What happened?",
            "Product or service concerned",
            "When did it happen?",
            "What would you like us to do?",
            "How should we contact you?",
            "Documents or pictures",
            'name="consent"',
        ):
            self.assertIn(label, form.text)
        self.assertNotIn('name="website"', form.text, "no honeypot for users")
        response = self._post_portal(
            files=[("attachments", ("receipt.pdf", PDF_BYTES, "application/pdf"))],
            contact_preference="portal",
        )
        self.assertEqual(response.status_code, 303, response.text[:1000])
        # the acknowledgement job the request triggered
        run_pending_jobs(self.env)
        complaint = self._complaints(partner_id=self.portal_user.partner_id.id)
        self.assertEqual(len(complaint), 1)
        self.assertIn(f"/my/complaint/{complaint.id}", response.headers["Location"])
        self.assertTrue(complaint.complaint_ref)
        self.assertTrue(complaint.received_date)
        self.assertEqual(complaint.team_id, self.team)
        self.assertEqual(complaint.category_id, self.category)
        self.assertEqual(
            complaint.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web"),
        )
        self.assertEqual(complaint.name, "Broken kettle")
        self.assertIn("leaks from the bottom", complaint.description)
        self.assertEqual(complaint.product_service, "Kettle K-200")
        self.assertEqual(complaint.order_reference, "SO-4242")
        self.assertEqual(str(complaint.incident_date), "2025-01-06")
        self.assertEqual(complaint.remedy_requested, "A replacement")
        self.assertEqual(complaint.contact_preference, "portal")
        self.assertTrue(complaint.consent_given)
        self.assertIn(self.portal_user.partner_id, complaint.message_partner_ids)
        # acknowledged on receipt (7.4)
        self.assertTrue(complaint.ack_date)
        self.assertEqual(complaint.iso_step, "acknowledged")
        # the attachment came with a message of the complainant
        with_files = complaint.message_ids.filtered("attachment_ids")
        self.assertEqual(with_files.attachment_ids.mapped("name"), ["receipt.pdf"])
        self.assertEqual(with_files.author_id, self.portal_user.partner_id)
        # and the complainant lands on the complaint
        page = self.url_open(response.headers["Location"])
        self.assertEqual(page.status_code, 200)
        self.assertIn(complaint.complaint_ref, page.text)
        self.assertIn("your complaint is registered", page.text)

    def test_portal_missing_fields(self):
        self._login(self.portal_user)
        response = self._post_portal(subject="", description="  ", consent=None)
        self.assertEqual(response.status_code, 400)
        self.assertIn("Give your complaint a short title.", response.text)
        self.assertIn("Tell us what happened.", response.text)
        self.assertIn("We need your agreement", response.text)
        self.assertIn("is-invalid", response.text)
        self.assertFalse(self._complaints(partner_id=self.portal_user.partner_id.id))

    def test_portal_phone_needed_when_asked_to_phone(self):
        self.portal_user.partner_id.phone = False
        self._login(self.portal_user)
        response = self._post_portal(contact_preference="phone")
        self.assertEqual(response.status_code, 400)
        self.assertIn("You asked us to phone you", response.text)
        self.assertFalse(self._complaints(partner_id=self.portal_user.partner_id.id))
        response = self._post_portal(
            contact_preference="phone", phone="+32 470 11 22 33"
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.portal_user.partner_id.phone, "+32 470 11 22 33")

    def test_portal_invalid_csrf(self):
        self._login(self.portal_user)
        response = self._post_portal(csrf="forged-token")
        self.assertEqual(response.status_code, 400)
        self.assertIn("This form has expired", response.text)
        self.assertFalse(self._complaints(partner_id=self.portal_user.partner_id.id))

    def test_portal_future_and_invalid_dates(self):
        self._login(self.portal_user)
        response = self._post_portal(incident_date="2999-01-01")
        self.assertEqual(response.status_code, 400)
        self.assertIn("This date is in the future.", response.text)
        response = self._post_portal(incident_date="31/01/2025")
        self.assertEqual(response.status_code, 400)
        self.assertIn("year-month-day", response.text)
        self.assertFalse(self._complaints(partner_id=self.portal_user.partner_id.id))

    def test_portal_requires_login(self):
        response = self.url_open("/my/complaints/new", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_portal_list_shows_own_complaints_only(self):
        mine = self._new_complaint(self.portal_user.partner_id, name="My own one")
        theirs = self._new_complaint(self.colleague.partner_id, name="Colleague's")
        self._login(self.portal_user)
        page = self.url_open("/my/complaints")
        self.assertEqual(page.status_code, 200)
        self.assertIn(mine.complaint_ref, page.text)
        self.assertIn("My own one", page.text)
        self.assertNotIn(theirs.complaint_ref, page.text)
        self.assertIn("File a complaint", page.text)
        # the colleague's complaint is not reachable either, without its token
        response = self.url_open(f"/my/complaint/{theirs.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertNotIn(f"/my/complaint/{theirs.id}", response.headers["Location"])
        # helpdesk_mgmt's ticket page sends complaints to the complaint page
        response = self.url_open(f"/my/ticket/{mine.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn(f"/my/complaint/{mine.id}", response.headers["Location"])

    def test_helpdesk_close_route_keeps_complaints_in_the_process(self):
        """helpdesk_mgmt's GET /ticket/close wrote as superuser on any id."""
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.assertTrue(done.close_from_portal)
        mine = self._new_complaint(self.portal_user.partner_id)
        theirs = self._new_complaint(self.colleague.partner_id)
        plain_team = self.env["helpdesk.ticket.team"].create({"name": "Plain desk"})
        plain = self.Ticket.create(
            {
                "name": "How do I descale?",
                "description": "<p>Question</p>",
                "team_id": plain_team.id,
                "partner_id": self.portal_user.partner_id.id,
            }
        )
        self._login(self.portal_user)
        for complaint in (mine, theirs):
            stage = complaint.stage_id
            response = self.url_open(
                f"/ticket/close?ticket_id={complaint.id}&stage_id={done.id}",
                allow_redirects=False,
            )
            self.assertEqual(response.status_code, 303)
            complaint.invalidate_recordset()
            self.assertEqual(complaint.stage_id, stage)
        # plain tickets keep helpdesk_mgmt's behaviour
        self.url_open(
            f"/ticket/close?ticket_id={plain.id}&stage_id={done.id}",
            allow_redirects=False,
        )
        plain.invalidate_recordset()
        self.assertEqual(plain.stage_id, done)
