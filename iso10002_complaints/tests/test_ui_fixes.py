# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fixes from the screenshot review of the user interface: texts of the
portal pages, labels and columns of the back-office views, demo data."""

import re
from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.tests.test_intake_common import IntakeHttpCommon


def _text(html):
    """The visible text of a page, on one line, blanks collapsed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


@tagged("post_install", "-at_install")
class TestPortalTexts(IntakeHttpCommon):
    def test_policy_page_keeps_the_space_before_the_body(self):
        text = _text(self.url_open("/complaints/policy").text)
        self.assertIn(
            "You can also turn to The Consumer Ombudsman, an independent body", text
        )
        self.policy.adr_name = False
        text = _text(self.url_open("/complaints/policy").text)
        self.assertIn(
            "You can also turn to an independent dispute resolution body at any "
            "time after our final answer.",
            text,
        )

    def test_remedy_without_blank_before_colon(self):
        complaint = self._new_complaint(self.portal_user.partner_id)
        self.env["iso10002.complaint.remedy"].create(
            {
                "ticket_id": complaint.id,
                "remedy_type": "apology",
                "description": "Apology from the service manager",
            }
        )
        self._decide(complaint)
        self._login(self.portal_user)
        text = _text(self.url_open(f"/my/complaint/{complaint.id}").text)
        self.assertIn("Apology: Apology from the service manager", text)
        self.assertNotIn("Apology : Apology", text)
        # the rejection note names the body with a blank before it
        self.assertNotIn("turn toThe", text)

    def test_my_complaints_show_the_deadline_status(self):
        complaint = self._new_complaint(
            self.portal_user.partner_id,
            received_date=fields.Datetime.now() - timedelta(days=90),
        )
        self.assertEqual(complaint.deadline_status, "overdue")
        self._login(self.portal_user)
        html = self.url_open("/my/complaints").text
        badge = re.search(r'<span class="([^"]*o_iso10002_deadline_status[^"]*)"', html)
        self.assertTrue(badge, "a deadline status badge on the line")
        self.assertIn("text-bg-danger", badge.group(1))
        self.assertIn("Overdue", _text(html))


@tagged("post_install", "-at_install")
class TestBackOfficeViews(IntakeHttpCommon):
    def _arch(self, view_type, view_xmlid=None):
        view_id = self.env.ref(view_xmlid).id if view_xmlid else False
        views = self.Ticket.get_views([(view_id, view_type)])
        return etree.fromstring(views["views"][view_type]["arch"])

    def test_decision_texts_in_their_own_group(self):
        arch = self._arch("form")
        for name in ("decision", "reaction_note"):
            self.assertTrue(
                arch.xpath(f"//group[@name='iso_decision_text']/field[@name='{name}']"),
                name,
            )
        # sentence-case labels, like the others
        self.assertEqual(self.Ticket._fields["root_cause"].string, "Root cause")

    def test_list_secondary_columns_hidden(self):
        arch = self._arch(
            "list", "iso10002_complaints.helpdesk_ticket_view_list_complaint"
        )
        for name in ("create_date", "last_stage_update", "tag_ids", "channel_id"):
            self.assertEqual(
                arch.xpath(f"//field[@name='{name}']")[0].get("optional"), "hide", name
            )
        for name in ("complaint_ref", "name", "severity", "stage_id"):
            self.assertNotEqual(
                arch.xpath(f"//field[@name='{name}']")[0].get("optional"), "hide", name
            )

    def test_kanban_countdown_to_the_next_deadline(self):
        """The card counts down to the deadline its status badge is about:
        the acknowledgement's while not acknowledged, else the response's."""
        arch = self._arch("kanban")
        # one countdown, from the stored next deadline (ticket_facts.py): the
        # rule is not written again in the view
        (countdown,) = arch.xpath("//span[hasclass('o_iso10002_next_deadline')]")
        self.assertEqual(countdown.get("t-if"), "record.next_deadline.raw_value")
        self.assertEqual(countdown.xpath("./field/@name"), ["next_deadline"])
        markup = etree.tostring(countdown, encoding="unicode")
        self.assertIn("Ack. due:", markup)
        self.assertIn("Response due:", markup)
        self.assertIn("next_deadline_kind", markup)


@tagged("post_install", "-at_install")
class TestDemoData(IntakeHttpCommon):
    def test_demo_handlers_and_complainants(self):
        received = self.env.ref(
            "iso10002_complaints.complaint_01", raise_if_not_found=False
        )
        if not received:
            self.skipTest("database without demo data")
        self.assertTrue(
            self.env.ref("base.user_demo").has_group(
                "iso10002_complaints.group_complaint_handler"
            )
        )
        for xmlid in ("complaint_01", "complaint_02", "complaint_03"):
            user = self.env.ref(f"iso10002_complaints.{xmlid}").user_id
            self.assertIn(
                user, self.env.ref("base.user_admin") | self.env.ref("base.user_demo")
            )
        complaint = self.env.ref("iso10002_complaints.complaint_04")
        self.assertEqual(complaint.partner_name, complaint.partner_id.name)
        self.assertEqual(complaint.partner_email, complaint.partner_id.email)
