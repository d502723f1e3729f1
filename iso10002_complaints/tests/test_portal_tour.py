# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Filing a complaint through the portal UI, in headless Chromium."""

from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs
from odoo.addons.iso10002_complaints.tests.test_intake_common import IntakeHttpCommon


@tagged("post_install", "-at_install")
class TestPortalTour(IntakeHttpCommon):
    def test_portal_file_complaint_tour(self):
        partner = self.portal_user.partner_id
        self.assertFalse(self._complaints(partner_id=partner.id))
        self.start_tour(
            "/my", "iso10002_portal_file_complaint", login=self.portal_user.login
        )
        # the acknowledgement job the filing triggered
        run_pending_jobs(self.env)
        complaint = self._complaints(partner_id=partner.id)
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.name, "Wrong size delivered")
        self.assertEqual(complaint.product_service, "Winter jacket")
        self.assertEqual(complaint.remedy_requested, "Exchange it for a size M")
        self.assertEqual(complaint.category_id, self.category)
        self.assertEqual(complaint.contact_preference, "portal")
        self.assertTrue(complaint.consent_given)
        self.assertEqual(complaint.iso_step, "acknowledged")
