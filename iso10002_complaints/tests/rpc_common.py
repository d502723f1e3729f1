# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""JSON-RPC calls over real HTTP, as a client (or an attacker) sends them;
mixed into an HttpCase (no test methods here)."""

import json


class JsonRpcMixin:
    def _jsonrpc_post(self, route, params):
        """POST a JSON-RPC call to ``route`` as the authenticated user."""
        return self.url_open(
            route,
            data=json.dumps(
                {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
            ),
            headers={"Content-Type": "application/json"},
        )

    def _jsonrpc(self, route, params):
        """``(True, result)``, or ``(False, the error's name or HTTP status)``."""
        response = self._jsonrpc_post(route, params)
        if response.status_code != 200:
            return False, f"HTTP {response.status_code}"
        payload = response.json()
        if "error" in payload:
            return False, payload["error"]["data"]["name"]
        return True, payload["result"]

    def _call_kw_request(self, model, method, args, kwargs=None):
        """The route and the params calling ``model.method(*args, **kwargs)``
        through ``/web/dataset/call_kw``."""
        return (
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _jsonrpc_call(self, model, method, args, kwargs=None):
        """Call ``model.method(*args, **kwargs)`` through
        ``/web/dataset/call_kw``; return the JSON-RPC answer:
        ``{"result": ...}`` or ``{"error": ...}``."""
        response = self._jsonrpc_post(
            *self._call_kw_request(model, method, args, kwargs)
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def _ticket_call(self, method, args, kwargs=None):
        """``helpdesk.ticket.method(*args, **kwargs)`` over JSON-RPC, as
        :meth:`_jsonrpc` answers it."""
        return self._jsonrpc(
            *self._call_kw_request("helpdesk.ticket", method, args, kwargs)
        )
