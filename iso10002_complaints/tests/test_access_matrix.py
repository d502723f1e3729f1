# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Access matrix: roles x operations x records, through the ORM and over HTTP.

The expected results are written out below, one line per role and record.
The plain-ticket column is derived from helpdesk_mgmt's own rules
(``helpdesk_mgmt/security/helpdesk_security.xml`` and its
``ir.model.access.csv``), and ``test_plain_column_is_helpdesk_mgmt`` checks it
against those rules alone, with this addon's rules switched off:

* portal users: read-only ACL; rule "Portal Personal Tickets": contact or
  follower in their commercial entity, so the complainant's colleague sees
  the plain ticket and the user of another entity does not;
* ``base.group_user``: read-only ACL; rule "Internal Tickets": contact or
  follower only, so an employee outside the helpdesk sees nothing;
* ``group_helpdesk_user_own``: read/write/create ACL, no unlink; rule
  "Personal Tickets": assigned to them, or unassigned in one of their teams,
  so a helpdesk user who is not a team member sees nothing, and the handler
  (member) sees the unassigned plain ticket;
* ``group_helpdesk_user_team``: rule "Team Tickets": tickets of their teams;
* ``group_helpdesk_user``: rule "All Tickets"; ``group_helpdesk_manager``:
  the only ACL with unlink;
* all: "Helpdesk Ticket Company Rule": tickets of their allowed companies.

Complaints add (``security/iso10002_security.xml``): confidential complaints
to their handler, team leader, complainant, complaint managers and auditors
only; portal users see their own complaints only (not their colleagues');
auditors read every complaint, change nothing; nobody deletes a complaint.

"create" means "create a record like this one" (same team, contact,
assigned user, kind and confidentiality). "export" is ``export_data`` on the
record, what the export button does; internal roles have Odoo's export right
(base.group_allow_export), portal users and visitors do not.

Over HTTP (public visitor and portal users): helpdesk_mgmt's portal pages,
this addon's complaint pages, the chatter routes, JSON-RPC ``call_kw`` and
JSON-2 with an API key: see ``HTTP_OPS``.
"""

import contextlib
import json
import logging
import re
from urllib.parse import urlsplit

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.iso10002_complaints.tests.access_common import (
    PORTAL_ROLES,
    AccessCase,
    AccessHttpCase,
)
from odoo.addons.iso10002_complaints.tests.rpc_common import JsonRpcMixin

_logger = logging.getLogger(__name__)

RECORDS = ("normal", "confidential", "plain")

# ----------------------------------------------------------------------
# ORM
# ----------------------------------------------------------------------
ORM_OPS = ("read", "write", "create", "unlink", "search", "read_group", "export")
NONE = frozenset()
READ = frozenset({"read", "search", "read_group"})  # portal: no export right
READ_EXPORT = READ | {"export"}
EDIT = READ_EXPORT | {"write", "create"}
ALL = EDIT | {"unlink"}

EXPECTED_ORM = {
    "public": {"normal": NONE, "confidential": NONE, "plain": NONE},
    "portal_complainant": {"normal": READ, "confidential": READ, "plain": READ},
    # same commercial entity: helpdesk_mgmt shows them the plain ticket, not
    # their colleague's complaints
    "portal_colleague": {"normal": NONE, "confidential": NONE, "plain": READ},
    "portal_other": {"normal": NONE, "confidential": NONE, "plain": NONE},
    "internal": {"normal": NONE, "confidential": NONE, "plain": NONE},
    "helpdesk_own_not_member": {"normal": NONE, "confidential": NONE, "plain": NONE},
    "handler": {"normal": EDIT, "confidential": EDIT, "plain": EDIT},
    "team_leader": {"normal": EDIT, "confidential": EDIT, "plain": EDIT},
    "complaint_manager": {"normal": EDIT, "confidential": EDIT, "plain": EDIT},
    "auditor": {"normal": READ_EXPORT, "confidential": READ_EXPORT, "plain": NONE},
    "other_company": {"normal": NONE, "confidential": NONE, "plain": NONE},
    # all tickets, but not confidential complaints; deletes plain tickets only
    "helpdesk_manager": {"normal": EDIT, "confidential": NONE, "plain": ALL},
}

# Denials are AccessError, except these UserErrors: the complaint deletion
# guard where the ACL and rules would let the user delete, and Odoo's export
# right (base.group_allow_export), which portal users and visitors lack.
DENIED_BY_USER_ERROR = {
    ("helpdesk_manager", "normal", "unlink"): "Complaints cannot be deleted"
}
DENIED_BY_USER_ERROR.update(
    {
        (role, key, "export"): "You don't have the rights to export data"
        for role in ("public", "portal_complainant", "portal_colleague", "portal_other")
        for key in RECORDS
    }
)

# ----------------------------------------------------------------------
# HTTP (public visitor and portal users)
# ----------------------------------------------------------------------
HTTP_OPS = (
    # helpdesk_mgmt's ticket page; for a complaint it leads to the complaint page
    "portal_page",  # GET /my/ticket/<id>, redirects followed
    "portal_lists",  # GET /my/tickets and /my/complaints
    "complaint_page",  # GET /my/complaint/<id> (this addon)
    "complaint_post",  # POST /my/complaint/<id>/message (this addon)
    "chatter_read",  # POST /mail/thread/messages
    "chatter_post",  # POST /mail/message/post
    "rpc_search_read",  # POST /web/dataset/call_kw
    "rpc_search_count",
    "rpc_read",
    "rpc_read_group",
    "rpc_write",
    "rpc_create",
    "json2_search_read",  # POST /json/2/helpdesk.ticket/<method>, API key
    "json2_read",
)
HTTP_READ = frozenset(
    {
        "portal_page",
        "portal_lists",
        "chatter_read",
        "chatter_post",  # helpdesk_mgmt: _mail_post_access = "read"
        "rpc_search_read",
        "rpc_search_count",
        "rpc_read",
        "rpc_read_group",
        "json2_search_read",
        "json2_read",
    }
)
# the complaint pages show complaints only: a plain ticket is never found there
HTTP_COMPLAINT = HTTP_READ | {"complaint_page", "complaint_post"}
EXPECTED_HTTP = {
    "public": {"normal": NONE, "confidential": NONE, "plain": NONE},
    "portal_complainant": {
        "normal": HTTP_COMPLAINT,
        "confidential": HTTP_COMPLAINT,
        "plain": HTTP_READ,
    },
    "portal_colleague": {"normal": NONE, "confidential": NONE, "plain": HTTP_READ},
    "portal_other": {"normal": NONE, "confidential": NONE, "plain": NONE},
}

ORM_CELLS = len(EXPECTED_ORM) * len(RECORDS) * len(ORM_OPS)
HTTP_CELLS = len(EXPECTED_HTTP) * len(RECORDS) * len(HTTP_OPS)


class OrmMatrixMixin:
    """Runs one ORM cell: returns (allowed, detail)."""

    def _orm_cell(self, role, key, op):
        user = self.users[role]
        record = self.records[key]
        Ticket = self.env["helpdesk.ticket"].with_user(user)
        mine = record.with_user(user)
        self.env.invalidate_all()
        if op == "read":
            rows = mine.read(["name", "complaint_ref", "is_complaint"])
            return rows[0]["name"] == record.name, f"read {rows}"
        if op == "search":
            found = Ticket.search([("id", "=", record.id)])
            count = Ticket.search_count([("id", "=", record.id)])
            named = Ticket.search([("name", "=", record.name)])
            if not (found == named and len(found) == count):
                raise AssertionError(
                    f"search {found.ids} / count {count} / by name {named.ids} disagree"
                )
            return bool(found), f"search {found.ids} count {count}"
        if op == "read_group":
            domain = [("id", "=", record.id)]
            groups = Ticket._read_group(domain, ["stage_id"], ["__count"])
            formatted = Ticket.formatted_read_group(domain, ["stage_id"], ["__count"])
            seen = [(stage.id, count) for stage, count in groups if count]
            seen_web = [
                (group["stage_id"][0], group["__count"])
                for group in formatted
                if group["__count"]
            ]
            if seen != seen_web:
                raise AssertionError(f"_read_group {seen} != formatted {seen_web}")
            allowed = seen == [(record.stage_id.id, 1)]
            if seen and not allowed:
                raise AssertionError(f"unexpected groups {seen}")
            return allowed, f"groups {seen}"
        if op == "export":
            data = mine.export_data(["name", "complaint_ref"])["datas"]
            return data == [[record.name, record.complaint_ref or ""]], f"{data}"
        with contextlib.closing(self.env.cr.savepoint()):
            if op == "write":
                mine.write({"name": record.name + " (edited)"})
                self.env.flush_all()
                done = record.sudo().read(["name"])[0]["name"].endswith("(edited)")
                return done, "written"
            if op == "create":
                new = Ticket.create(dict(self.record_vals[key], name="Like " + key))
                self.env.flush_all()
                new = new.sudo()
                same = (
                    new.is_complaint == record.is_complaint
                    and new.confidential == record.confidential
                    and new.company_id == record.company_id
                )
                return same, f"created {new.id}"
            if op == "unlink":
                mine.unlink()
                self.env.flush_all()
                gone = not self.env["helpdesk.ticket"].sudo().browse(record.id).exists()
                return gone, "deleted"
        raise ValueError(op)

    def _check_orm_matrix(self, roles=None):
        failures = []
        checked = 0
        for role in roles or EXPECTED_ORM:
            for key in RECORDS:
                allowed_ops = EXPECTED_ORM[role][key]
                for op in ORM_OPS:
                    checked += 1
                    expected = op in allowed_ops
                    cell = f"{role} / {key} / {op}"
                    try:
                        allowed, detail = self._orm_cell(role, key, op)
                    except AccessError as exc:
                        allowed, detail = False, f"AccessError: {exc}"
                        if (role, key, op) in DENIED_BY_USER_ERROR:
                            failures.append(f"{cell}: AccessError, not the guard")
                            continue
                    except UserError as exc:
                        allowed, detail = False, f"UserError: {exc}"
                        if (role, key, op) not in DENIED_BY_USER_ERROR:
                            failures.append(f"{cell}: unexpected {detail}")
                            continue
                        if DENIED_BY_USER_ERROR[role, key, op] not in str(exc):
                            failures.append(f"{cell}: unclear message {detail}")
                            continue
                    except Exception as exc:  # noqa: BLE001 - reported as failure
                        failures.append(f"{cell}: {type(exc).__name__}: {exc}")
                        continue
                    if allowed != expected:
                        failures.append(
                            f"{cell}: expected {'allowed' if expected else 'denied'}, "
                            f"got {'allowed' if allowed else 'denied'} ({detail})"
                        )
        return checked, failures


@tagged("post_install", "-at_install")
class TestAccessMatrixOrm(OrmMatrixMixin, AccessCase):
    def test_orm_matrix(self):
        checked, failures = self._check_orm_matrix()
        _logger.info(
            "ORM access matrix: %s cells checked, %s failed", checked, len(failures)
        )
        self.assertEqual(failures, [], "\n" + "\n".join(failures))
        self.assertEqual(checked, ORM_CELLS)
        self.assertEqual(checked, 12 * 3 * 7)

    def test_plain_column_is_helpdesk_mgmt(self):
        """Without this addon's rules and ACL, plain tickets behave the same."""

        def plain_results():
            results = {}
            for role in EXPECTED_ORM:
                for op in ORM_OPS:
                    try:
                        results[role, op] = self._orm_cell(role, "plain", op)[0]
                    except UserError as exc:  # AccessError included
                        results[role, op] = type(exc).__name__
            return results

        with_addon = plain_results()
        ours = (
            self.env["ir.rule"]
            .search([("model_id.model", "=", "helpdesk.ticket")])
            .filtered(lambda r: r.get_external_id()[r.id].startswith("iso10002"))
        )
        acls = (
            self.env["ir.model.access"]
            .search([("model_id.model", "=", "helpdesk.ticket")])
            .filtered(lambda a: a.get_external_id()[a.id].startswith("iso10002"))
        )
        self.assertEqual(len(ours), 3, "the confidential, portal and auditor rules")
        self.assertEqual(len(acls), 1, "the auditor's read access")
        ours.write({"active": False})
        acls.write({"active": False})
        self.env.flush_all()
        helpdesk_only = plain_results()
        self.assertEqual(with_addon, helpdesk_only)
        for role in EXPECTED_ORM:
            self.assertEqual(
                {op for op in ORM_OPS if helpdesk_only[role, op] is True},
                set(EXPECTED_ORM[role]["plain"]),
                role,
            )

    def test_other_company_sees_nothing_of_the_first(self):
        user = self.users["other_company"]
        Ticket = self.env["helpdesk.ticket"].with_user(user)
        self.assertFalse(Ticket.search([("company_id", "=", self.company.id)]))
        self.assertFalse(
            Ticket.with_context(active_test=False).search_count(
                [("company_id", "!=", self.company_other.id)]
            )
        )
        self.assertFalse(
            self.env["iso10002.complaint.policy"]
            .with_user(user)
            .search([("company_id", "=", self.company.id)])
        )
        # even naming the first company in the context does not help
        with self.assertRaises(AccessError):
            Ticket.with_context(allowed_company_ids=self.company.ids).search([])
        # nor anonymising its complaints through the wizard
        self._close_quickly(self.records["normal"])
        with contextlib.suppress(AccessError):
            self.env["iso10002.complaint.anonymise.wizard"].with_user(user).create(
                {"ticket_ids": [(6, 0, self.records["normal"].ids)], "confirm": True}
            ).action_anonymise()
        self.assertFalse(self.records["normal"].anonymised)
        self.assertEqual(self.records["normal"].partner_id, self.partner_complainant)

    def test_ratings_of_confidential_complaints_stay_private(self):
        """The complainant's rating and feedback of a confidential complaint
        are as private as the complaint; its handler still reads them."""
        complaint = self.records["confidential"]
        token = complaint._rating_get_access_token(self.partner_complainant)
        complaint.rating_apply(1, token=token, feedback="Ada is very unhappy")
        self.env.invalidate_all()
        domain = [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
        employee = self.users["internal"]
        self.assertFalse(
            complaint.with_user(employee).search_count([("id", "=", complaint.id)])
        )
        rating_model = self.env["rating.rating"]
        self.assertFalse(
            rating_model.with_user(employee).search_read(domain, ["feedback"])
        )
        handler_ratings = rating_model.with_user(self.users["handler"]).search_read(
            domain, ["feedback"]
        )
        self.assertEqual(
            [r["feedback"] for r in handler_ratings], ["Ada is very unhappy"]
        )

    def test_remedies_follow_their_complaint(self):
        """Remedies (descriptions, costs) are as reachable as their complaint."""
        remedy_model = self.env["iso10002.complaint.remedy"]
        normal, confidential = remedies = remedy_model.create(
            [
                {
                    "ticket_id": self.records[key].id,
                    "remedy_type": "refund",
                    "description": f"Refund to Ada Lovelace ({key})",
                    "cost": 40.0,
                }
                for key in ("normal", "confidential")
            ]
        )
        for role, visible, editable in (
            ("public", NONE, NONE),
            ("portal_complainant", NONE, NONE),  # no ACL: the portal shows none
            ("internal", NONE, NONE),
            ("helpdesk_own_not_member", NONE, NONE),
            ("handler", remedies, remedies),
            ("team_leader", remedies, remedies),
            ("complaint_manager", remedies, remedies),
            ("auditor", remedies, NONE),
            ("helpdesk_manager", normal, normal),
            ("other_company", NONE, NONE),
        ):
            user = self.users[role]
            mine = remedy_model.with_user(user)
            self.env.invalidate_all()
            try:
                found = mine.search([("id", "in", remedies.ids)])
            except AccessError:
                found = remedy_model
            self.assertEqual(found, remedy_model.browse(visible and visible.ids), role)
            for remedy in remedies:
                can_edit = bool(editable) and remedy in editable
                for operation in ("write", "create", "unlink"):
                    with self.subTest(
                        role=role, remedy=remedy.description, op=operation
                    ):
                        try:
                            with contextlib.closing(self.env.cr.savepoint()):
                                if operation == "write":
                                    remedy.with_user(user).write({"cost": 1e6})
                                elif operation == "create":
                                    mine.create(
                                        {
                                            "ticket_id": remedy.ticket_id.id,
                                            "remedy_type": "compensation",
                                            "cost": 1e6,
                                        }
                                    )
                                else:
                                    remedy.with_user(user).unlink()
                                self.env.flush_all()
                            done = True
                        except AccessError:
                            done = False
                        self.assertEqual(done, can_edit)
        self.assertEqual(self.records["normal"].remedy_cost, 40.0)


@tagged("post_install", "-at_install")
class TestAccessMatrixHttp(JsonRpcMixin, AccessHttpCase):
    """Public visitor and portal users, over real HTTP requests."""

    def _json2(self, role, method, body):
        key = self.api_keys.get(role)
        headers = {"Content-Type": "application/json"}
        if key:
            headers["Authorization"] = f"Bearer {key}"
        response = self.url_open(
            f"/json/2/helpdesk.ticket/{method}",
            data=json.dumps(body),
            headers=headers,
        )
        if response.status_code != 200:
            return False, f"HTTP {response.status_code}"
        return True, response.json()

    def _csrf_token(self):
        response = self.url_open("/my/complaints/new")
        match = re.search(r"([0-9a-f]{40}o[0-9]+)", response.text)
        if not match:
            raise AssertionError(f"no CSRF token on {response.url}")
        return match.group(1)

    def _page_shows(self, response, name, paths):
        """200 on one of ``paths`` with the record, or a redirect elsewhere."""
        path = urlsplit(response.url).path
        shown = response.status_code == 200 and path in paths and name in response.text
        if response.status_code == 200 and path in paths and not shown:
            raise AssertionError(f"{path} served without the record")
        if not shown and name in response.text:
            raise AssertionError(f"{path}: the record's name leaks")
        return shown, f"HTTP {response.status_code} {path}"

    def _http_cell(self, role, key, op):
        """Runs one HTTP cell: returns (allowed, detail)."""
        return getattr(self, f"_http_{op}")(role, key, self.records[key])

    def _posted(self, record, marker):
        return (
            self.env["mail.message"]
            .sudo()
            .search_count(
                [
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "=", record.id),
                    ("body", "ilike", marker),
                ]
            )
        )

    def _http_portal_page(self, role, key, record):
        response = self.url_open(f"/my/ticket/{record.id}")
        pages = {f"/my/ticket/{record.id}", f"/my/complaint/{record.id}"}
        return self._page_shows(response, record.name, pages)

    def _http_complaint_page(self, role, key, record):
        response = self.url_open(f"/my/complaint/{record.id}")
        return self._page_shows(response, record.name, {f"/my/complaint/{record.id}"})

    def _http_portal_lists(self, role, key, record):
        texts = [self.url_open(url).text for url in ("/my/tickets", "/my/complaints")]
        return any(record.name in text for text in texts), "lists"

    def _http_complaint_post(self, role, key, record):
        marker = f"Portal note ISOSEC {role} {key}"
        response = self.url_open(
            f"/my/complaint/{record.id}/message",
            data={"csrf_token": self._csrf_token(), "note": marker},
            allow_redirects=False,
        )
        return bool(self._posted(record, marker)), f"HTTP {response.status_code}"

    def _http_chatter_read(self, role, key, record):
        ok, result = self._jsonrpc(
            "/mail/thread/messages",
            {"thread_model": "helpdesk.ticket", "thread_id": record.id},
        )
        if not ok:
            return False, result
        # without access, mail returns no thread, and the messages of no
        # thread in particular: only those the user may read elsewhere
        messages = self.env["mail.message"].sudo().browse(result["messages"])
        mine = messages.filtered(
            lambda m: m.model == "helpdesk.ticket" and m.res_id == record.id
        )
        readable = self.env["mail.message"].with_user(self.users[role])
        readable.browse(messages.ids).check_access("read")
        if mine and self.replies[key] not in mine:
            raise AssertionError(f"messages {mine.ids} without the reply")
        return bool(mine), f"{len(mine)} of {len(messages)} messages"

    def _http_chatter_post(self, role, key, record):
        marker = f"Chatter note ISOSEC {role} {key}"
        _ok, result = self._jsonrpc(
            "/mail/message/post",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": record.id,
                "post_data": {
                    "body": marker,
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                },
            },
        )
        return bool(self._posted(record, marker)), result

    def _http_rpc_search_read(self, role, key, record):
        ok, result = self._ticket_call(
            "search_read", [[["id", "=", record.id]]], {"fields": ["name"]}
        )
        return ok and result == [{"id": record.id, "name": record.name}], result

    def _http_rpc_search_count(self, role, key, record):
        ok, result = self._ticket_call("search_count", [[["id", "=", record.id]]])
        return ok and result == 1, result

    def _http_rpc_read(self, role, key, record):
        ok, result = self._ticket_call("read", [[record.id], ["name"]])
        return ok and result == [{"id": record.id, "name": record.name}], result

    def _http_rpc_read_group(self, role, key, record):
        ok, result = self._ticket_call(
            "formatted_read_group",
            [[["id", "=", record.id]]],
            {"groupby": ["stage_id"], "aggregates": ["__count"]},
        )
        shown = ok and any(
            group["__count"] == 1 and group["stage_id"][0] == record.stage_id.id
            for group in result
        )
        if ok and not shown and any(group["__count"] for group in result):
            raise AssertionError(f"unexpected groups {result}")
        return shown, result

    def _http_rpc_write(self, role, key, record):
        ok, result = self._ticket_call(
            "write", [[record.id], {"name": record.name + " (hacked)"}]
        )
        record.invalidate_recordset()
        changed = record.name.endswith("(hacked)")
        if ok != changed:
            raise AssertionError(f"write said {result}, changed: {changed}")
        return ok, result

    def _http_rpc_create(self, role, key, record):
        vals = dict(self.record_vals[key], name="Portal-made " + key)
        return self._ticket_call("create", [vals])

    def _http_json2_search_read(self, role, key, record):
        ok, result = self._json2(
            role,
            "search_read",
            {"domain": [["id", "=", record.id]], "fields": ["name"]},
        )
        return ok and result == [{"id": record.id, "name": record.name}], result

    def _http_json2_read(self, role, key, record):
        ok, result = self._json2(role, "read", {"ids": [record.id], "fields": ["name"]})
        return ok and result == [{"id": record.id, "name": record.name}], result

    @mute_logger("odoo.http")
    def test_http_matrix(self):
        failures = []
        checked = 0
        for role in EXPECTED_HTTP:
            user = self.users[role]
            for op in HTTP_OPS:
                if op.startswith("json2"):
                    # stateless: the API key alone identifies the caller
                    self.authenticate(None, None)
                elif role == "public":
                    self.authenticate(None, None)
                else:
                    self.authenticate(user.login, user.login)
                for key in RECORDS:
                    checked += 1
                    expected = op in EXPECTED_HTTP[role][key]
                    cell = f"{role} / {key} / {op}"
                    try:
                        allowed, detail = self._http_cell(role, key, op)
                    except Exception as exc:  # noqa: BLE001 - reported as failure
                        failures.append(f"{cell}: {type(exc).__name__}: {exc}")
                        continue
                    if allowed != expected:
                        failures.append(
                            f"{cell}: expected {'allowed' if expected else 'denied'}, "
                            f"got {'allowed' if allowed else 'denied'} ({detail})"
                        )
        _logger.info(
            "HTTP access matrix: %s cells checked, %s failed", checked, len(failures)
        )
        self.assertEqual(failures, [], "\n" + "\n".join(failures))
        self.assertEqual(checked, HTTP_CELLS)
        self.assertEqual(checked, 4 * 3 * 14)
        self.assertEqual(set(EXPECTED_HTTP), set(PORTAL_ROLES))

    @mute_logger("odoo.http")
    def test_portal_close_route(self):
        """helpdesk_mgmt's GET /ticket/close writes the stage as superuser on
        any ticket id: only tickets the user may read are closed, and
        complaints never (they close through the ISO process)."""
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.assertTrue(done.close_from_portal)

        def close(role, key):
            user = self.users[role]
            self.authenticate(user.login, user.login)
            record = self.records[key]
            self.url_open(
                f"/ticket/close?ticket_id={record.id}&stage_id={done.id}",
                allow_redirects=False,
            )
            record.invalidate_recordset()
            return record.stage_id == done

        stages = {key: record.stage_id for key, record in self.records.items()}
        for role, key in (
            ("portal_other", "normal"),
            ("portal_other", "confidential"),
            ("portal_other", "plain"),
            ("portal_colleague", "normal"),
            ("portal_complainant", "normal"),
            ("portal_complainant", "confidential"),
        ):
            self.assertFalse(close(role, key), f"{role} closed {key}")
            self.assertEqual(self.records[key].stage_id, stages[key])
        self.assertEqual(self.records["normal"].iso_step, stages["normal"].iso_step)
        # helpdesk_mgmt's feature, for a plain ticket the user may read
        self.assertTrue(close("portal_colleague", "plain"))

    @mute_logger("odoo.http")
    def test_access_token_link(self):
        """The link of the acknowledgement opens its complaint, and only it."""
        normal, confidential = self.records["normal"], self.records["confidential"]
        token = normal._portal_ensure_token()
        self.authenticate(None, None)
        cases = (
            (f"/my/complaint/{normal.id}?access_token={token}", normal, True),
            (f"/my/ticket/{normal.id}/{token}", normal, True),
            (f"/my/complaint/{normal.id}?access_token={token[:-1]}x", normal, False),
            (
                f"/my/complaint/{confidential.id}?access_token={token}",
                confidential,
                False,
            ),
            (f"/my/ticket/{confidential.id}/{token}", confidential, False),
        )
        for url, record, visible in cases:
            response = self.url_open(url)
            self.assertEqual(
                response.status_code == 200 and record.name in response.text,
                visible,
                url,
            )
            if not visible:
                self.assertNotIn(record.name, response.text, url)

    def test_http_roles_are_really_logged_in(self):
        """The portal sessions are the portal users' (not the public user's)."""
        for role in ("portal_complainant", "portal_colleague", "portal_other"):
            user = self.users[role]
            self.authenticate(user.login, user.login)
            response = self.url_open("/my/tickets", allow_redirects=False)
            self.assertEqual(response.status_code, 200, role)
            self.assertIn(user.partner_id.name, response.text, role)
        self.authenticate(None, None)
        response = self.url_open("/my/tickets", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
