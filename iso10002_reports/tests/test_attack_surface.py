# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The attack-surface test (issue 11): every channel that can reach a
complaint, found in the running registry and routing map, classified in
surface_table.py, and tried by every role against two confidential
complaints with data in every channel.

Models x roles x operations run over the ORM as each user (what JSON-RPC
reaches); routes x roles over real HTTP. Failures are collected and reported
together, one line each. The counts go to the log (``attack surface:``).
"""

import logging

from odoo.exceptions import AccessError, MissingError, UserError
from odoo.tests import tagged

from odoo.addons.iso10002_complaints.models.portal_fields import PORTAL_READABLE_FIELDS

from . import surface_enum, surface_table
from .surface_common import MARKER, SurfaceHttpCase
from .surface_http import RouteProbeMixin

_logger = logging.getLogger(__name__)

PROBED = ("ticket", "owned", "via", "hub", "aggregate", "config")
WRITTEN = ("ticket", "owned", "via")
MAX_ROWS = 500


class _Rollback(Exception):
    """Raised to undo a write that succeeded."""


class _NotLinked(Exception):
    """A record was created, but not linked to the complaint."""


def _unclassified(kind, found, table, how):
    missing = sorted(set(found) - set(table))
    stale = sorted(set(table) - set(found))
    problems = [
        f"{kind} {item!r} is not classified: add it to {how} in "
        f"iso10002_reports/tests/surface_table.py (routes: surface_routes.py; "
        "a bridge's: BRIDGE_MODELS/BRIDGE_ROUTES of surface_bridges.py)"
        for item in missing
    ]
    problems += [
        f"{kind} {item!r} is classified in surface_table.py (or surface_routes.py, "
        "surface_bridges.py) but no longer exists: remove it"
        for item in stale
    ]
    return problems


@tagged("post_install", "-at_install")
class TestAttackSurface(RouteProbeMixin, SurfaceHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the models and routes of the bridges and their modules, if installed
        surface_table.classify_installed(cls.env)

    # ------------------------------------------------------------------
    # Enumeration and classification
    # ------------------------------------------------------------------
    @classmethod
    def _model_surface(cls):
        """{model: [link spec]} of every model found (own models: [])."""
        env = cls.env
        found = {
            name: list(specs) for name, specs in surface_enum.ticket_links(env).items()
        }
        owned = {
            name
            for name, (category, _why) in surface_table.MODELS.items()
            if category == "owned"
        }
        for name, specs in surface_enum.second_degree_links(env, owned).items():
            found.setdefault(name, []).extend(specs)
        for name in surface_enum.own_models(env):
            found.setdefault(name, [])
        return found

    def test_surface_models_are_classified(self):
        found = self._model_surface()
        problems = _unclassified(
            "model", found, surface_table.MODELS, 'MODELS ("category", "why")'
        )
        for name, (category, _why) in surface_table.MODELS.items():
            if category in ("via",) and name in found and not found[name]:
                problems.append(f"model {name!r}: 'via' but links to nothing owned")
        self.assertFalse(problems, "\n".join(problems))

    def test_surface_routes_are_classified(self):
        found = surface_enum.surface_routes(self.env)
        problems = _unclassified(
            "route", found, surface_table.ROUTES, "ROUTES (probe or None, why)"
        )
        self.assertFalse(problems, "\n".join(problems))

    def test_surface_portal_fields_are_classified(self):
        """The fields a portal user can read over RPC are exactly those
        classified portal-readable, in one place: PORTAL_READABLE_FIELDS
        (iso10002_complaints/models/portal_fields.py); a new field is
        readable by nobody outside the company until classified there."""
        readable = set(
            surface_enum.portal_readable_fields(
                self.env, self.users["portal_complainant"]
            )
        )
        declared = set(PORTAL_READABLE_FIELDS)
        problems = [
            f"portal users read the field {fname!r} of helpdesk.ticket, not "
            "classified: add it to PORTAL_READABLE_FIELDS in "
            "iso10002_complaints/models/portal_fields.py if the complainant "
            "may read it, else give it groups there"
            for fname in sorted(readable - declared)
        ]
        problems += [
            f"{fname!r} is in PORTAL_READABLE_FIELDS but helpdesk.ticket has "
            "no such field any more, or portal users cannot read it: remove it"
            for fname in sorted(declared - readable)
        ]
        summary = f"attack surface: {len(readable)} portal-readable fields"
        _logger.info(summary)
        print(summary)  # noqa: T201  # pylint: disable=print-used
        self.assertNotIn("access_token", readable)
        self.assertTrue(readable)
        self.assertFalse(problems, "\n".join(problems))

    # ------------------------------------------------------------------
    # Models x roles x operations (the ORM, as JSON-RPC reaches it)
    # ------------------------------------------------------------------
    def _attempt(self, func):
        """'done' when func() succeeded (and was undone), else 'denied'."""
        try:
            with self.env.cr.savepoint():
                func()
                self.env.flush_all()
                raise _Rollback()
        except _Rollback:
            self.env.invalidate_all()
            return "done"
        except Exception:  # noqa: BLE001 - refused or failed: no effect either way
            self.env.invalidate_all()
            return "denied"

    def _read_fields(self, model):
        return [
            fname
            for fname, field in model._fields.items()
            if field.type not in ("binary", "properties", "properties_definition")
            and model._has_field_access(field, "read")
        ]

    def _search_read(self, model, domain, fields=None):
        fields = fields or self._read_fields(model)
        try:
            return model.search_read(domain, fields, limit=MAX_ROWS)
        except (AccessError, MissingError):
            return []

    def _linked(self, name, specs):
        """[(spec, domain, sudo ids, ticket id, parent id)] per link spec."""
        Model = self.env[name].sudo().with_context(active_test=False)
        out = []
        ticket_ids = self.targets.ids
        for spec in specs:
            parent_ids = []
            if spec[0] == "via":
                parent_ids = self._owned_ids[spec[2]]
            domain = surface_enum.link_domain(spec, ticket_ids, parent_ids)
            try:
                ids = Model.search(domain, limit=MAX_ROWS).ids
            except (ValueError, UserError):
                # a non-stored field without search: read through the targets
                ids = []
            out.append((spec, domain, ids, ticket_ids[0], (parent_ids or [False])[0]))
        return out

    @staticmethod
    def _denied(func, *args, **kwargs):
        """func's result, or [] when access is refused."""
        try:
            return func(*args, **kwargs)
        except (AccessError, MissingError):
            return []

    def _orm_read_checks(self, name, category, linked, user):
        model = self.env[name].with_user(user).with_context(active_test=False)
        if category in ("aggregate", "config"):
            return self._orm_aggregate_checks(model)
        if category == "hub":
            return self._orm_hub_checks(model, linked)
        fails = []
        for _spec, domain, ids, _tid, _pid in linked:
            # any row is a leak here: read the name only (fast)
            rows = self._search_read(model, domain, ["display_name"])
            if rows:
                fails.append(f"search_read({domain}) returns {len(rows)} rows")
            if ids and self._denied(model.browse(ids).read, ["display_name"]):
                fails.append(f"read {ids} by id succeeds")
            groups = self._denied(model.formatted_read_group, domain, [], ["__count"])
            if groups and groups[0]["__count"]:
                fails.append(f"formatted_read_group counts {groups[0]['__count']}")
            names = self._denied(model.name_search, "", domain, limit=MAX_ROWS)
            if names:
                fails.append(f"name_search names {names[:3]}")
        return 4 * len(linked), fails

    def _orm_aggregate_checks(self, model):
        """Figures and samples: none of the complaint's texts or references."""
        fails = []
        if leak := self.leaks(self._search_read(model, [])):
            fails.append(f"search_read shows {sorted(set(leak))}")
        if leak := self.leaks(self._denied(model.name_search, MARKER)):
            fails.append(f"name_search shows {sorted(set(leak))}")
        return 2, fails

    def _orm_hub_checks(self, model, linked):
        """A partner's, user's or team's tickets: not the complaint."""
        fails = []
        for spec, _domain, ids, _tid, _pid in linked:
            field = spec[1]
            rows = self._denied(model.browse(ids).read, [field])
            shown = {i for row in rows for i in row[field]} & set(self.targets.ids)
            if shown:
                fails.append(f"read {field} lists the complaint ids {shown}")
        return len(linked), fails

    def _orm_write_checks(self, name, category, linked, user):
        model = self.env[name].with_user(user)
        fails = []
        count = 0
        plain = self.records["plain"].id
        for spec, domain, ids, ticket_id, parent_id in linked:
            field_type = model._fields[spec[1]].type
            if category == "ticket":
                other = {"name": "ISOSEC-ATTACK"}
            elif model._transient:
                # a wizard is the user's scratch record: creating one changes
                # nothing (what it shows is checked by _wizard_checks)
                continue
            else:
                if spec[0] != "via":
                    # a new record of the complaint (not one that merely
                    # refers to one of its records, e.g. a message quoting
                    # its attachment: that is _wizard_checks' concern)
                    vals = surface_enum.link_vals(
                        spec, ticket_id, parent_id, field_type
                    )
                    count += 1
                    create = self._create_linked(model, vals, domain)
                    if self._attempt(create) == "done":
                        fails.append(f"create linked by {spec[1]} succeeds")
                other = surface_enum.link_vals(spec, plain, parent_id, field_type)
            if not ids or model._transient:
                continue
            count += 2
            records = model.browse(ids)
            if self._attempt(lambda r=records, v=other: r.write(v)) == "done":
                fails.append(f"write {spec[1]} on {ids[:5]} succeeds")
            if self._attempt(records.unlink) == "done":
                fails.append(f"unlink {ids[:5]} succeeds")
        return count, fails

    def _create_linked(self, model, vals, domain):
        """A create that counts as done only if the record is really linked
        to the complaint (a related field written in vals may be ignored)."""

        def create():
            record = model.create(vals)
            self.env.flush_all()
            linked = (
                model.sudo()
                .with_context(active_test=False)
                .search_count([*domain, ("id", "=", record.id)])
            )
            if not linked:
                raise _NotLinked()

        return create

    def _wizard_checks(self, name, linked, user):
        """A wizard created on the complaint must not show its data."""
        model = self.env[name].with_user(user)
        fails = []
        for spec, _domain, _ids, ticket_id, parent_id in linked:
            vals = surface_enum.link_vals(
                spec, ticket_id, parent_id, model._fields[spec[1]].type
            )
            try:
                with self.env.cr.savepoint():
                    wizard = model.create(vals)
                    shown = wizard.read(self._read_fields(model))
                    self.env.flush_all()
                    raise _Rollback(shown)
            except _Rollback as done:
                self.env.invalidate_all()
                if leak := self.leaks(done.args[0]):
                    fails.append(f"created on it, shows {sorted(set(leak))}")
            except Exception:  # noqa: BLE001 - refused or failed: shows nothing
                self.env.invalidate_all()
        return len(linked), fails

    def test_surface_models_x_roles(self):
        found = self._model_surface()
        self._owned_ids = {}
        linked_by_model = {}
        for name in sorted(found):
            category = surface_table.MODELS.get(name, ("unclassified",))[0]
            if category not in PROBED:
                continue
            specs = found[name]
            if category == "ticket":
                specs = [("m2o", "id", None)]
            linked_by_model[name] = (category, specs)
        # owned records first: the 'via' models search through their ids
        for name, (category, specs) in linked_by_model.items():
            if category in ("owned", "ticket"):
                direct = [spec for spec in specs if spec[0] != "via"]
                linked = self._linked(name, direct)
                self._owned_ids[name] = sorted(
                    {i for *_x, ids, _t, _p in linked for i in ids}
                )
        failures = []
        counts = {"models": 0, "checks": 0}
        for name, (category, specs) in sorted(linked_by_model.items()):
            linked = (
                self._linked(name, specs)
                if category not in ("aggregate", "config")
                else []
            )
            counts["models"] += 1
            transient = self.env[name]._transient
            for role in self.roles:
                user = self.users[role]
                fails = []
                if role not in surface_table.READERS:
                    n, f = self._orm_read_checks(name, category, linked, user)
                    counts["checks"] += n
                    fails += f
                    if transient and category == "owned":
                        n, f = self._wizard_checks(name, linked, user)
                        counts["checks"] += n
                        fails += f
                denied = (
                    role not in surface_table.READERS or role in surface_table.READ_ONLY
                )
                if denied and category in WRITTEN:
                    n, f = self._orm_write_checks(name, category, linked, user)
                    counts["checks"] += n
                    fails += f
                failures += [f"{name} as {role}: {fail}" for fail in fails]
        summary = (
            f"attack surface: {counts['models']} models x {len(self.roles)} roles: "
            f"{counts['checks']} ORM checks, {len(failures)} failed"
        )
        _logger.info(summary)
        print(summary)  # noqa: T201  # pylint: disable=print-used
        classified = {
            n
            for n, (c, _w) in surface_table.MODELS.items()
            if c in PROBED and n in found
        }
        self.assertEqual(set(linked_by_model), classified)
        self.assertGreater(counts["checks"], len(classified) * len(self.roles))
        self.assertFalse(failures, "\n".join(failures))

    # ------------------------------------------------------------------
    # Routes x roles (real HTTP)
    # ------------------------------------------------------------------
    def test_surface_routes_x_roles(self):
        found = surface_enum.surface_routes(self.env)
        counts, failures = self._check_routes(self.roles, found)
        unprobed = [
            rule
            for rule, (probe, _why) in surface_table.ROUTES.items()
            if rule in found and probe is None
        ]
        summary = (
            f"attack surface: {len(found)} routes found, {counts['routes']} probed "
            f"({len(unprobed)} classified as reaching no complaint) x "
            f"{len(self.roles)} roles = {counts['pairs']} route-role pairs, "
            f"{counts['calls']} HTTP calls, {len(failures)} failed"
        )
        _logger.info(summary)
        print(summary)  # noqa: T201  # pylint: disable=print-used
        self.assertEqual(counts["routes"] + len(unprobed), len(found))
        self.assertGreaterEqual(counts["pairs"], counts["routes"])
        self.assertFalse(failures, "\n".join(failures))
