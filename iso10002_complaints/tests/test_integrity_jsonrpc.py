# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Integrity of the complaint record over real JSON-RPC (issue 11, finding
8): forged facts refused as a handler would send them."""

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .access_common import AccessHttpCase
from .rpc_common import JsonRpcMixin


@tagged("post_install", "-at_install")
class TestIntegrityJsonRpc(JsonRpcMixin, AccessHttpCase):
    """Forged facts over real JSON-RPC, as a handler would send them."""

    def _rpc_write(self, record, vals):
        # a context key opens nothing
        context = {"iso10002_system_write": True}
        return self._jsonrpc_call(
            record._name, "write", [record.ids, vals], {"context": context}
        )

    def test_finding_08_forged_facts_refused_over_json_rpc(self):
        complaint = self.records["normal"]
        handler = self.users["handler"]
        self.authenticate(handler.login, handler.login)
        before = complaint.read(
            ["iso_step", "ack_date", "anonymised", "decision_date", "complaint_ref"]
        )[0]
        past = fields.Datetime.to_string(complaint.received_date - timedelta(days=3))
        for vals in (
            {"iso_step": "closed"},
            {"ack_date": past},
            {"anonymised": True},
            {"decision_date": past, "decision_outcome": "upheld"},
            {"complaint_ref": "CMP-FORGED"},
        ):
            with self.subTest(vals=list(vals)):
                payload = self._rpc_write(complaint, vals)
                self.assertIn("error", payload)
                self.assertIn(
                    "recorded by the complaints process",
                    payload["error"]["data"]["message"],
                )
        complaint.invalidate_recordset()
        self.assertEqual(complaint.read([k for k in before if k != "id"])[0], before)
        # the handler's ordinary edits still go through
        payload = self._rpc_write(complaint, {"severity": "low"})
        self.assertNotIn("error", payload)
        complaint.invalidate_recordset()
        self.assertEqual(complaint.severity, "low")
