# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Views, menu action and demo data."""

from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.iso10002_complaints.models.iso_steps import ISO_STEPS
from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintViews(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.action = cls.env.ref("iso10002_complaints.action_complaints")

    def _views(self):
        ref = self.env.ref
        result = self.Ticket.with_user(self.helpdesk_user).get_views(
            [
                (ref("helpdesk_mgmt.view_helpdesk_ticket_kanban").id, "kanban"),
                (
                    ref("iso10002_complaints.helpdesk_ticket_view_list_complaint").id,
                    "list",
                ),
                (False, "form"),
                (self.action.search_view_id.id, "search"),
            ],
            {"action_id": self.action.id},
        )
        return {
            view_type: etree.fromstring(view["arch"])
            for view_type, view in result["views"].items()
        }

    def assertFields(self, arch, *names):
        for name in names:
            self.assertTrue(
                arch.xpath(f"//field[@name='{name}']"), f"field {name} missing"
            )

    def test_action_shows_complaints_only(self):
        self.assertEqual(self.action.res_model, "helpdesk.ticket")
        domain = safe_eval(self.action.domain)
        self.assertEqual(domain, [("is_complaint", "=", True)])
        self.assertTrue(safe_eval(self.action.context).get("default_is_complaint"))
        complaint = self._create_complaint()
        plain = self._create_plain()
        found = self.Ticket.search(domain + [("id", "in", (complaint | plain).ids)])
        self.assertEqual(found, complaint)
        self.assertEqual(
            self.env.ref("iso10002_complaints.menu_complaints_all").action, self.action
        )

    def test_form_view(self):
        form = self._views()["form"]
        self.assertFields(
            form,
            "is_complaint",
            "complaint_ref",
            "received_date",
            "ack_deadline",
            "response_deadline",
            "deadline_status",
            "severity",
            "safety_issue",
            "remedy_ids",
            "remedy_cost",
            "decision_outcome",
            "decision",
            "closure_reason",
        )
        buttons = {b.get("name") for b in form.xpath("//header/button")}
        self.assertTrue(
            {
                "action_send_acknowledgement",
                "action_record_acknowledgement",
                "action_communicate_decision",
            }
            <= buttons
        )
        page = form.xpath("//page[@name='iso10002_complaint']")
        self.assertTrue(page)
        self.assertEqual(page[0].get("invisible"), "not is_complaint")

    def test_list_and_kanban_views(self):
        views = self._views()
        self.assertFields(
            views["list"],
            "complaint_ref",
            "severity",
            "response_deadline",
            "deadline_status",
        )
        self.assertFields(
            views["kanban"], "complaint_ref", "deadline_status", "is_complaint"
        )

    def test_search_view_filters(self):
        search = self._views()["search"]
        filters = {f.get("name"): f for f in search.xpath("//filter")}
        for name in (
            "complaints",
            "overdue",
            "at_risk",
            "not_acknowledged",
            "severity_critical",
            "severity_high",
            "severity_medium",
            "severity_low",
            "group_iso_step",
            "group_severity",
            "group_deadline_status",
        ):
            self.assertIn(name, filters)
        self.assertEqual(
            safe_eval(filters["overdue"].get("domain")),
            [("deadline_status", "=", "overdue"), ("closed", "=", False)],
        )
        self.assertEqual(
            safe_eval(filters["at_risk"].get("domain")),
            [("deadline_status", "=", "at_risk"), ("closed", "=", False)],
        )
        self.assertEqual(
            safe_eval(filters["severity_critical"].get("domain")),
            [("severity", "=", "critical")],
        )
        self.assertEqual(
            safe_eval(filters["group_iso_step"].get("context")),
            {"group_by": "iso_step"},
        )
        self.assertFields(search, "complaint_ref")

    def test_overdue_action_uses_filter(self):
        action = self.env.ref("iso10002_complaints.action_complaints_overdue")
        self.assertEqual(safe_eval(action.domain), [("is_complaint", "=", True)])
        self.assertEqual(safe_eval(action.context).get("search_default_overdue"), 1)

    def test_group_by_iso_step(self):
        complaint = self._create_complaint()
        acknowledged = self._acknowledge(self._create_complaint())
        groups = dict(
            self.Ticket._read_group(
                [("id", "in", (complaint | acknowledged).ids)],
                ["iso_step"],
                ["__count"],
            )
        )
        self.assertEqual(groups, {"received": 1, "acknowledged": 1})


@tagged("post_install", "-at_install")
class TestDemoData(ComplaintCommon):
    def test_demo_complaints_across_steps(self):
        team = self.env.ref(
            "iso10002_complaints.team_complaints", raise_if_not_found=False
        )
        module = self.env["ir.module.module"].search(
            [("name", "=", "iso10002_complaints")]
        )
        if not team:
            self.assertFalse(
                module.demo, "demo data loaded but the complaints team is missing"
            )
            self.skipTest("demo data of iso10002_complaints not loaded")
        complaints = self.Ticket.with_context(active_test=False).search(
            [("team_id", "=", team.id), ("is_complaint", "=", True)]
        )
        self.assertGreaterEqual(len(complaints), len(ISO_STEPS))
        self.assertEqual(
            set(complaints.mapped("iso_step")), {step for step, _label in ISO_STEPS}
        )
        for complaint in complaints:
            self.assertRegex(complaint.complaint_ref, r"^CMP/\d{4}/\d{5}$")
            self.assertTrue(complaint.received_date)
            self.assertTrue(complaint.response_deadline)
            # every demo complaint satisfies its step's requirements
            self.assertFalse(
                complaint._iso_requirement_errors(complaint.iso_step),
                complaint.complaint_ref,
            )
        self.assertEqual(len(set(complaints.mapped("complaint_ref"))), len(complaints))
        closed = complaints.filtered(lambda c: c.iso_step in ("closed", "withdrawn"))
        self.assertTrue(all(closed.mapped("closure_reason")))
