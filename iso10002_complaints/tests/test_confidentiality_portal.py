# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Finding 5 of issue 11: a portal complainant reads no internal field of
their complaint, through the ORM and over real JSON-RPC, while the portal
pages still show what they should (the fixture is ``access_common``'s)."""

import json

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.iso10002_complaints.models.portal_fields import (
    INTERNAL_GROUPS,
    PORTAL_READABLE_FIELDS,
)
from odoo.addons.iso10002_complaints.tests.access_common import (
    AccessCase,
    AccessHttpCase,
)
from odoo.addons.iso10002_complaints.tests.rpc_common import JsonRpcMixin

# internal fields the issue saw a portal complainant read over RPC
LEAKED_TO_PORTAL = (
    "root_cause",
    "investigation_findings",
    "decision",
    "decision_outcome",
    "severity",
    "confidential",
    "escalated_to_id",
)


def portal_fetchable(record, user):
    """The portal-readable fields ``user`` can fetch on ``record``: some
    fail for portal users upstream (helpdesk_mgmt gives them no access to
    tags, mail's activity fields read restricted ones)."""
    fetchable = []
    for name in sorted(PORTAL_READABLE_FIELDS):
        record.env.invalidate_all()
        try:
            record.with_user(user).read([name])
        except AccessError:
            continue
        fetchable.append(name)
    return fetchable


@tagged("post_install", "-at_install")
class TestPortalFields(AccessCase):
    """Finding 5 through the ORM: internal fields are employees' only."""

    def test_finding_05_portal_reads_no_internal_field(self):
        self.confidential.write(
            {"root_cause": "Engineer's attitude", "severity": "high"}
        )
        portal = self.users["portal_complainant"]
        mine = self.confidential.with_user(portal)
        Ticket = self.env["helpdesk.ticket"].with_user(portal)
        for field in LEAKED_TO_PORTAL:
            with self.subTest(field=field):
                with self.assertRaises(AccessError):
                    mine.read([field])
                with self.assertRaises(AccessError):
                    Ticket.search_read([("id", "=", mine.id)], [field])
                # nor guessed by searching or grouping on it
                with self.assertRaises(AccessError):
                    Ticket.search([(field, "!=", False)])
                with self.assertRaises(AccessError):
                    Ticket.formatted_read_group([], [field], ["__count"])
        everything = mine.read(portal_fetchable(self.confidential, portal))[0]
        self.assertEqual(everything["complaint_ref"], self.confidential.complaint_ref)
        self.assertNotIn("Engineer's attitude", str(everything))

    def test_finding_05_every_field_is_classified(self):
        """A field a portal user may read is in PORTAL_READABLE_FIELDS; every
        other field is restricted; the listed ones exist and are readable."""
        portal = self.users["portal_complainant"]
        Ticket = self.env["helpdesk.ticket"].with_user(portal)
        readable = {
            name
            for name, field in Ticket._fields.items()
            if Ticket._has_field_access(field, "read")
        }
        # the portal access token is restricted apart (finding 4)
        self.assertEqual(readable - {"access_token"}, PORTAL_READABLE_FIELDS)
        internal = {
            name
            for name, field in Ticket._fields.items()
            if field._module in ("iso10002_complaints", "iso10002_reports")
            and name not in PORTAL_READABLE_FIELDS
        }
        self.assertTrue(set(LEAKED_TO_PORTAL) <= internal)
        employee = self.env["helpdesk.ticket"].with_user(self.users["handler"])
        for name in internal:
            groups = Ticket._fields[name].groups
            # employees, or stricter (administrators: a secret's hash)
            self.assertIn(groups, (INTERNAL_GROUPS, "base.group_system"), name)
            if groups == INTERNAL_GROUPS:
                field = Ticket._fields[name]
                self.assertTrue(employee._has_field_access(field, "read"), name)

    def test_finding_05_portal_list_still_works(self):
        """The portal list reads the complaints as the portal user."""
        portal = self.users["portal_complainant"]
        complaints = (
            self.env["helpdesk.ticket"]
            .with_user(portal)
            .search(
                [("is_complaint", "=", True), ("closed", "=", False)],
                order="received_date desc, complaint_ref desc",
            )
        )
        self.assertEqual(complaints, self.normal | self.confidential)
        for complaint in complaints:
            self.assertTrue(complaint._iso_portal_step()["title"])
            complaint.read(
                ["complaint_ref", "deadline_status", "decision_date", "iso_step"]
            )


@tagged("post_install", "-at_install")
class TestPortalFieldsHttp(JsonRpcMixin, AccessHttpCase):
    """Finding 5 over real JSON-RPC, as the complainant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.confidential.write(
            {
                "root_cause": "ISOSEC root cause",
                "investigation_findings": "<p>ISOSEC findings</p>",
                "severity": "high",
                "decision_outcome": "upheld",
                "decision": "<p>ISOSEC draft decision</p>",
            }
        )

    def _call_kw(self, method, args, kwargs=None):
        payload = self._jsonrpc_call("helpdesk.ticket", method, args, kwargs)
        if "error" in payload:
            return None, payload["error"]["data"]["name"]
        return payload["result"], None

    def test_finding_05_portal_rpc_reads_no_internal_field(self):
        portal = self.users["portal_complainant"]
        self.authenticate(portal.login, portal.login)
        ticket_id = self.confidential.id
        domain = [["id", "=", ticket_id]]
        with mute_logger("odoo.http"):
            for field in LEAKED_TO_PORTAL:
                with self.subTest(field=field):
                    for method, args, kwargs in (
                        ("search_read", [domain], {"fields": [field]}),
                        ("read", [[ticket_id], [field]], {}),
                        ("web_read", [[ticket_id]], {"specification": {field: {}}}),
                        (
                            "web_search_read",
                            [domain],
                            {"specification": {field: {}}},
                        ),
                        ("search_count", [[[field, "!=", False]]], {}),
                        ("formatted_read_group", [[], [field], ["__count"]], {}),
                    ):
                        result, error = self._call_kw(method, args, kwargs)
                        self.assertEqual(
                            error, "odoo.exceptions.AccessError", (method, result)
                        )
        # every portal-readable field: nothing internal comes back
        fields_ = portal_fetchable(self.confidential, portal)
        rows, error = self._call_kw("search_read", [domain], {"fields": fields_})
        self.assertIsNone(error)
        self.assertEqual(len(rows), 1)
        self.assertEqual(set(rows[0]), {"id", *fields_})
        text = json.dumps(rows)
        for secret in ("ISOSEC root cause", "ISOSEC findings", "ISOSEC draft"):
            self.assertNotIn(secret, text)
        self.assertEqual(rows[0]["complaint_ref"], self.confidential.complaint_ref)

    def test_finding_05_portal_page_still_shows_what_it_should(self):
        portal = self.users["portal_complainant"]
        self.authenticate(portal.login, portal.login)
        url = f"/my/complaint/{self.confidential.id}"
        page = self.url_open(url).text
        self.assertIn(self.confidential.complaint_ref, page)
        self.assertNotIn("ISOSEC draft decision", page)
        self.assertNotIn("ISOSEC root cause", page)
        # once communicated, the decision shows
        self.confidential.write(
            {
                "ack_date": self.confidential.ack_date or fields.Datetime.now(),
                "response_summary": "<p>We apologise.</p>",
            }
        )
        self.confidential.action_communicate_decision()
        page = self.url_open(url).text
        self.assertIn("ISOSEC draft decision", page)
        self.assertNotIn("ISOSEC root cause", page)
        listing = self.url_open("/my/complaints").text
        self.assertIn(self.confidential.complaint_ref, listing)
