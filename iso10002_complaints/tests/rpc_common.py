# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Model methods called over real JSON-RPC, as a client (or an attacker)
sends them; mixed into an HttpCase (no test methods here)."""

import json


class JsonRpcMixin:
    def _jsonrpc_call(self, model, method, args, kwargs=None):
        """Call ``model.method(*args, **kwargs)`` through
        ``/web/dataset/call_kw`` as the authenticated user; return the
        JSON-RPC answer: ``{"result": ...}`` or ``{"error": ...}``."""
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()
