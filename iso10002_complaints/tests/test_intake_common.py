# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared fixtures of the intake and portal tests (no test methods here)."""

import re

from odoo import Command
from odoo.tests import HttpCase, new_test_user

from odoo.addons.iso10002_complaints.tests.common import run_pending_jobs

CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08"
    b"\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00"
    b"\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


class IntakeHttpCommon(HttpCase):
    """A complaints team receiving online complaints, portal complainants.

    The company's policy is reset so that the tests do not depend on the
    configuration or the demo data of the database.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.email = "complaints-desk@example.com"
        cls.Ticket = cls.env["helpdesk.ticket"]
        cls.leader = new_test_user(
            cls.env,
            login="iso_intake_leader",
            name="Lena Leader",
            email="leader@example.com",
            groups="iso10002_complaints.group_complaint_handler",
        )
        cls.handler = new_test_user(
            cls.env,
            login="iso_intake_handler",
            name="Hugo Handler",
            email="hugo.handler@example.com",
            groups="iso10002_complaints.group_complaint_handler",
        )
        cls.manager = new_test_user(
            cls.env,
            login="iso_intake_manager",
            name="Mona Manager",
            email="mona.manager@example.com",
            groups="iso10002_complaints.group_complaint_manager",
        )
        cls.category = cls.env["helpdesk.ticket.category"].create(
            {"name": "Delivery", "show_in_portal": True}
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Online complaints",
                "is_complaint_team": True,
                "user_id": cls.leader.id,
                "user_ids": [Command.set((cls.leader | cls.handler).ids)],
                "category_ids": [Command.set(cls.category.ids)],
            }
        )
        cls.policy = cls.env["iso10002.complaint.policy"]._get_for_company(cls.company)
        cls.policy.write(
            {
                "intake_team_id": cls.team.id,
                "public_form_enabled": True,
                "auto_acknowledge": True,
                "charges_allowed": False,
                "manager_id": cls.manager.id,
                "adr_name": "The Consumer Ombudsman",
                "adr_url": "https://ombudsman.example.com",
            }
        )
        cls.policy._apply_preset(cls.env.ref("iso10002_complaints.policy_preset_iso"))
        cls.customer_company = cls.env["res.partner"].create(
            {"name": "Acme Households", "is_company": True}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="iso_intake_portal",
            name="Paula Portal",
            email="paula.portal@example.com",
            groups="base.group_portal",
            parent_id=cls.customer_company.id,
        )
        cls.colleague = new_test_user(
            cls.env,
            login="iso_intake_colleague",
            name="Colin Colleague",
            email="colin.colleague@example.com",
            groups="base.group_portal",
            parent_id=cls.customer_company.id,
        )
        # generous limits by default; the rate limit tests lower them
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("iso10002_complaints.intake_rate_limit_ip", 1000)
        params.set_param("iso10002_complaints.intake_rate_limit_email", 1000)
        params.set_param("iso10002_complaints.intake_max_file_mb", 1)
        params.set_param("iso10002_complaints.intake_max_files", 3)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _password(self, user):
        return user.login + "x" * (8 - len(user.login))

    def _login(self, user):
        self.authenticate(user.login, self._password(user))

    def _csrf(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, response.text[:500])
        match = CSRF_RE.search(response.text)
        self.assertTrue(match, f"no CSRF token on {url}")
        return match.group(1)

    def _form(self, **values):
        data = {
            "subject": "Broken kettle",
            "description": "The kettle I bought last week leaks from the bottom.",
            "product_service": "Kettle K-200",
            "order_reference": "SO-4242",
            "incident_date": "2025-01-06",
            "incident_place": "At home",
            "remedy_requested": "A replacement",
            "contact_preference": "email",
            "category_id": str(self.category.id),
            "consent": "1",
        }
        data.update(values)
        return {key: value for key, value in data.items() if value is not None}

    def _public_form(self, **values):
        data = {
            "name": "Nora Newcomer",
            "email": "nora.newcomer@example.com",
            "phone": "+32 2 555 01 01",
            "website": "",
        }
        data.update(values)
        return self._form(**data)

    def _post_public(self, files=None, csrf=None, **values):
        data = self._public_form(**values)
        data["csrf_token"] = csrf or self._csrf("/complaints/new")
        return self.url_open(
            "/complaints/submit", data=data, files=files, allow_redirects=False
        )

    def _post_portal(self, files=None, csrf=None, **values):
        data = self._form(**values)
        data["csrf_token"] = csrf or self._csrf("/my/complaints/new")
        return self.url_open(
            "/my/complaints/submit", data=data, files=files, allow_redirects=False
        )

    def _complaints(self, **domain):
        return self.Ticket.search(
            [("is_complaint", "=", True)]
            + [(key, "=", value) for key, value in domain.items()]
        )

    def _new_complaint(self, partner, **values):
        vals = {
            "name": "Late delivery",
            "description": "<p>My sofa came three weeks late.</p>",
            "team_id": self.team.id,
            "partner_id": partner.id,
        }
        vals.update(values)
        complaint = self.Ticket.create(vals)
        # the acknowledgement job the creation triggered
        run_pending_jobs(self.env)
        complaint._portal_ensure_token()
        return complaint

    def _decide(self, complaint, outcome="upheld"):
        complaint.write(
            {
                "severity": "medium",
                "stage_id": self.env.ref(
                    "iso10002_complaints.stage_complaint_assessed"
                ).id,
            }
        )
        complaint.write(
            {
                "response_summary": "<p>We will refund the delivery fee.</p>",
                "stage_id": self.env.ref(
                    "iso10002_complaints.stage_complaint_responded"
                ).id,
            }
        )
        complaint.write(
            {
                "decision_outcome": outcome,
                "decision": "<p>We uphold your complaint and refund the fee.</p>",
            }
        )
        complaint.action_communicate_decision()
        return complaint
