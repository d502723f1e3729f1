# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command, fields
from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import (
    COMPLAINANT_EMAIL,
    COMPLAINANT_NAME,
    COMPLAINANT_PHONE,
    IsoReportsCase,
    dt,
)

FORM = "iso10002_reports.action_report_complaint_form"
TRACKING = "iso10002_reports.action_report_complaint_tracking"


@tagged("post_install", "-at_install")
class TestComplaintReports(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls._complaint(
            "received",
            {"received_date": dt("2025-03-03 09:00")},
            category_id=cls.cat_quality.id,
            channel_id=cls.ch_email.id,
            product_service="Corner sofa",
            order_reference="SO/2025/0042",
            incident_place="Brussels shop",
            remedy_requested="Replace the sofa",
            contact_preference="phone",
        )
        cls.env["ir.attachment"].create(
            {
                "name": "photo-of-the-stain.jpg",
                "res_model": "helpdesk.ticket",
                "res_id": cls.complaint.id,
                "datas": base64.b64encode(b"not really a photo"),
            }
        )

    def test_report_actions_bound_to_complaints(self):
        report_model = self.env["ir.actions.report"]
        plain = self.env["helpdesk.ticket"].create(
            {"name": "Plain", "description": "<p>x</p>"}
        )
        ref = self.complaint.complaint_ref.replace("/", "-")
        for xmlid, title in (
            (FORM, "Complaint form"),
            (TRACKING, "Complaint tracking"),
        ):
            report = self.env.ref(xmlid)
            self.assertEqual(report.binding_model_id.model, "helpdesk.ticket")
            self.assertEqual(report.report_type, "qweb-pdf")
            # offered on complaints only, from the form and a list selection
            self.assertIn(
                report.id,
                report_model.browse(report.id).get_valid_action_reports(
                    "helpdesk.ticket", (self.complaint | plain).ids
                ),
            )
            self.assertNotIn(
                report.id,
                report_model.browse(report.id).get_valid_action_reports(
                    "helpdesk.ticket", plain.ids
                ),
            )
            self.assertEqual(
                safe_eval(report.print_report_name, {"object": self.complaint}),
                f"{title} - {ref}",
            )

    def test_list_selection_renders_every_complaint(self):
        second = self._complaint("received", {"received_date": dt("2025-03-04 09:00")})
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            FORM, (self.complaint | second).ids
        )
        html = html.decode()
        self.assertIn(self.complaint.complaint_ref, html)
        self.assertIn(second.complaint_ref, html)

    def test_complaint_form_pdf(self):
        text = self.render_pdf(FORM, self.complaint.with_user(self.manager))
        for needle in (
            "Complaint form",
            self.complaint.complaint_ref,
            "03/03/2025",
            "Email T",
            COMPLAINANT_NAME,
            COMPLAINANT_EMAIL,
            COMPLAINANT_PHONE,
            "12 Rue du Test",
            "Phone",  # preferred contact
            "Corner sofa",
            "SO/2025/0042",
            "Brussels shop",
            "am unhappy",
            "Replace the sofa",
            "photo-of-the-stain.jpg",
            "Signature of the complainant",
        ):
            self.assertIn(needle, text)
        self.assertRegex(text, r"handle the complaint:\s+Yes")

    def test_tracking_form_pdf_follows_the_lifecycle(self):
        # a complaint handled through the real lifecycle, tracked
        env = self.env(user=self.manager, context={"tracking_disable": False})
        ticket = env["helpdesk.ticket"].create(
            {
                "name": "Broken leg",
                "description": "<p>The chair leg broke.</p>",
                "team_id": self.team.id,
                "partner_id": self.complainant.id,
                "user_id": self.manager.id,
                "category_id": self.cat_quality.id,
                "channel_id": self.ch_phone.id,
            }
        )
        stages = {
            s.iso_step: s
            for s in env["helpdesk.ticket.stage"].search([("iso_step", "!=", False)])
        }

        def step_done():
            # each step is its own request in real life: post its tracking
            env.flush_all()
            env.cr.precommit.run()

        step_done()
        ticket.ack_method = "phone"
        ticket.action_record_acknowledgement()
        step_done()
        ticket.write(
            {"severity": "high", "impact": "medium", "stage_id": stages["assessed"].id}
        )
        step_done()
        ticket.write(
            {
                "root_cause": "Weak weld on the leg",
                "stage_id": stages["investigating"].id,
            }
        )
        step_done()
        ticket.write(
            {
                "response_summary": "<p>We replace the chair.</p>",
                "remedy_ids": [
                    Command.create({"remedy_type": "replacement", "cost": 120.0})
                ],
                "stage_id": stages["responded"].id,
            }
        )
        step_done()
        ticket.write(
            {"decision_outcome": "upheld", "decision": "<p>You are right.</p>"}
        )
        ticket.action_communicate_decision()
        step_done()
        ticket.action_reaction_accepted()
        step_done()
        ticket.write({"closure_reason": "resolved", "stage_id": stages["closed"].id})
        step_done()
        self._rate(ticket, 5)
        self.assertEqual(ticket.iso_step, "closed")

        history = ticket._iso_report_history()
        for step in (
            "acknowledged",
            "assessed",
            "investigating",
            "responded",
            "decision_communicated",
            "closed",
        ):
            self.assertIn(step, history)
            self.assertEqual(history[step][1], "Rita Reviewer")

        timeline = {
            step["clause"] + step["step"]: step
            for step in ticket._iso_report_timeline()
        }
        self.assertEqual(timeline["7.9Closing"]["responsible"], "Rita Reviewer")
        self.assertTrue(timeline["7.5Initial assessment"]["date"])

        text = self.render_pdf(TRACKING, ticket)
        today = fields.Datetime.now().strftime("%m/%d/%Y")
        for needle in (
            "Complaint tracking form",
            ticket.complaint_ref,
            COMPLAINANT_NAME,  # the complaint's own record names its complainant
            "Receipt",
            "Acknowledgement",
            "Initial assessment",
            "Investigation",
            "Response",
            "Decision",
            "Complainant's reaction",
            "Closing",
            "Satisfaction with the handling",
            today,
            "Rita Reviewer",
            "Phone",  # acknowledged by phone
            "High",
            "Weak weld on the leg",
            "Replacement",
            "120.00",
            "Upheld",
            "Accepted",
            "Resolved",
            "5/5",
        ):
            self.assertIn(needle, text)

    def test_finding_13_tracking_form_receipt_by_the_complainant_online(self):
        """A complaint the complainant filed online (portal, as the portal
        controller does: sudo keeping the user) was received from them, not
        from OdooBot."""
        portal_user = new_test_user(
            self.env,
            login="iso_reports_portal",
            name="Polly Portal",
            groups="base.group_portal",
        )
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(portal_user)
            .sudo()
            .create(
                {
                    "name": "Filed online",
                    "description": "<p>Filed on the portal.</p>",
                    "team_id": self.team.id,
                    "partner_id": portal_user.partner_id.id,
                    "user_id": False,
                }
            )
        )
        self.assertEqual(ticket.create_uid, portal_user)
        receipt = ticket._iso_report_timeline()[0]
        self.assertEqual(receipt["responsible"], "Polly Portal (filed online)")
        self.assertNotIn("OdooBot", receipt["responsible"])
        # a complaint recorded by staff names them
        self.assertEqual(
            self.complaint._iso_report_timeline()[0]["responsible"],
            self.complaint.create_uid.name,
        )
