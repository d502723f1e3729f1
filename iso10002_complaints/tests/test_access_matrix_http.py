# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Access matrix over HTTP (public visitor and portal users): the expected
results and what each cell means are in access_matrix_common.py; through
the ORM: test_access_matrix.py."""

import json
import logging
import re
from urllib.parse import urlsplit

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.iso10002_complaints.tests.access_common import (
    PORTAL_ROLES,
    AccessHttpCase,
)
from odoo.addons.iso10002_complaints.tests.access_matrix_common import (
    EXPECTED_HTTP,
    HTTP_CELLS,
    HTTP_OPS,
    RECORDS,
)
from odoo.addons.iso10002_complaints.tests.rpc_common import JsonRpcMixin

_logger = logging.getLogger(__name__)


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
