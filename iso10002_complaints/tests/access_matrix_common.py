# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Access matrix: roles x operations x records, through the ORM and over HTTP
(the tests: test_access_matrix.py, ORM, and test_access_matrix_http.py).

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

from odoo.exceptions import AccessError, UserError

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
