# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Routes x roles of the attack-surface test, over real HTTP (no test
methods here).

PROBE KEYS (surface_table.ROUTES):

* ``kind``: ``page`` (GET), ``form`` (POST form with a CSRF token),
  ``json`` (JSON-RPC call), ``upload`` (multipart POST with a file);
* ``url``: the URL, ``{id}`` the complaint, ``{att}`` its attachment,
  ``{bad_token}`` a wrong token, ``{stage}`` a closed stage, ``{partner}``
  the complainant (default: the rule itself);
* ``tokens``: also called with ``access_token`` set to a wrong token;
* ``data`` / ``params``: the form data or JSON-RPC params; the complaint id
  goes in ``id_param`` (default ``thread_id`` next to ``thread_model``,
  ``res_id`` next to ``res_model``);
* ``me``: ``partner_ids`` is the caller's partner (follow/unfollow);
* ``csrf``: False to send no CSRF token;
* ``roles``: only these roles call it (default: every role);
* ``writers``: ``portal`` or ``chatter``: the roles of
  surface_table.PORTAL_WRITERS / CHATTER_WRITERS may change the complaint
  through it; everyone else must change nothing.
"""

import re

from . import surface_table

CSRF_RE = re.compile(r"([0-9a-f]{40}o[0-9]+)")
BAD_TOKEN = "0123456789abcdef0123456789abcdef01234567"
UPLOAD = ("isosec.pdf", b"%PDF-1.4\nISOSEC-ATTACK\n", "application/pdf")


class RouteProbeMixin:
    def _login(self, role):
        if role == "public":
            self.authenticate(None, None)
        else:
            login = self.users[role].login
            self.authenticate(login, login)
        for url in ("/my/complaints/new", "/complaints/new"):
            response = self.url_open(url)
            match = CSRF_RE.search(response.text)
            if match:
                return match.group(1)
        return ""

    def _url(self, probe, rule, ticket, role):
        values = {
            "id": ticket.id,
            "att": self.channels[ticket.id]["attachment"],
            "bad_token": BAD_TOKEN,
            "stage": self.env.ref("iso10002_complaints.stage_complaint_closed").id,
            "partner": self.partner_complainant.id,
        }
        return probe.get("url", rule).format(**values)

    def _id_param(self, probe, values):
        if probe.get("id_param"):
            return probe["id_param"]
        return "res_id" if "res_model" in values else "thread_id"

    def _call(self, probe, url, ticket, role, csrf, token):
        kind = probe["kind"]
        if kind == "page":
            params = {"access_token": token} if token else None
            return self.url_open(url, params=params, timeout=30).text
        if kind == "json":
            params = dict(probe.get("params", {}))
            params[self._id_param(probe, params)] = ticket.id
            if probe.get("me"):
                params["partner_ids"] = self.users[role].partner_id.ids
            if token:
                params["access_token"] = token
            payload = {"jsonrpc": "2.0", "method": "call", "id": 0, "params": params}
            return self.url_open(url, json=payload, timeout=30).text
        data = dict(probe.get("data", {}))
        if probe.get("csrf", True):
            data["csrf_token"] = csrf
        if token:
            data["access_token"] = token
        files = None
        if kind == "upload":
            data[self._id_param(probe, data)] = str(ticket.id)
            files = {"ufile": UPLOAD}
        return self.url_open(url, data=data, files=files, timeout=30).text

    def _route_probes(self):
        return {
            rule: probe
            for rule, (probe, _why) in surface_table.ROUTES.items()
            if probe is not None
        }

    def _check_routes(self, roles, found):
        """Every probed route x role: (counts, failures)."""
        probes = {rule: p for rule, p in self._route_probes().items() if rule in found}
        writers = {
            "portal": surface_table.PORTAL_WRITERS,
            "chatter": surface_table.CHATTER_WRITERS,
        }
        failures = []
        calls = pairs = 0
        for role in roles:
            ticket = self.records[
                "confidential_subject"
                if role == "team_leader_subject"
                else "confidential"
            ]
            csrf = self._login(role)
            after = self._snapshot(ticket)
            for rule, probe in sorted(probes.items()):
                if role not in probe.get("roles", (role,)):
                    continue
                pairs += 1
                allowed = role in writers.get(probe.get("writers"), ())
                url = self._url(probe, rule, ticket, role)
                tokens = [None, BAD_TOKEN] if probe.get("tokens") else [None]
                for token in tokens:
                    calls += 1
                    before = after
                    text = self._call(probe, url, ticket, role, csrf, token)
                    after = self._snapshot(ticket)
                    label = f"{rule} as {role}" + (" (wrong token)" if token else "")
                    if role not in surface_table.READERS and (leak := self.leaks(text)):
                        failures.append(f"{label}: answer shows {sorted(set(leak))}")
                    if not allowed and before != after:
                        changed = sorted(k for k in before if before[k] != after[k])
                        failures.append(f"{label}: changed {changed}")
        return {"routes": len(probes), "pairs": pairs, "calls": calls}, failures
