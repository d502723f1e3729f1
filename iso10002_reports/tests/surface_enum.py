# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The attack surface of a complaint, enumerated from the running registry and
routing map (no test methods here; see test_attack_surface.py).

Nothing here lists what exists: models, routes and portal-readable fields are
found by looking at the registry, the routing map and the field groups, so
that a channel added later by any installed module shows up by itself.
"""

import inspect
import re
import threading

# the modules whose models and routes are the product's own surface: the two
# addons and the bridges of bridges/ (named iso10002_*)
OWN_MODULES = ("iso10002_complaints", "iso10002_reports")
OWN_PREFIX = "iso10002_"
# modules whose routes are in scope (besides routes that take a record)
ROUTE_MODULES = re.compile(r"^(iso10002_|helpdesk)")
TICKET = "helpdesk.ticket"

# field names that say "this integer/text points at a record of that model"
MODEL_FIELDS = ("res_model", "model", "thread_model")
ID_FIELDS = ("res_id", "record_id", "thread_id")
IDS_FIELDS = ("res_ids",)
# route parameters that make a route take any record of any model
ROUTE_RECORD_PARAMS = (
    {"thread_model", "thread_id"},
    {"res_model", "res_id"},
    {"model", "res_id"},
    {"model", "id"},
)


def ticket_links(env):
    """{model: [(kind, field, model_field)]} for every concrete model with a
    field that can point at a ticket.

    kinds: ``m2o``/``x2m`` relational field to helpdesk.ticket; ``ref`` an
    integer (or Many2oneReference) id next to a model-name field; ``refs`` a
    text list of ids next to a model-name field.
    """
    links = {}
    for name in env.registry:
        model = env[name]
        if model._abstract:
            continue
        fields = model._fields
        found = []
        for fname, field in fields.items():
            if field.type in ("many2one", "many2many", "one2many"):
                if field.comodel_name == TICKET:
                    kind = "m2o" if field.type == "many2one" else "x2m"
                    found.append((kind, fname, None))
            elif field.type == "many2one_reference":
                found.append(("ref", fname, field.model_field))
        declared = {f for _k, f, _m in found}
        for model_field in MODEL_FIELDS:
            if model_field not in fields:
                continue
            for id_field in ID_FIELDS:
                if id_field in fields and id_field not in declared:
                    if fields[id_field].type in ("integer", "many2one_reference"):
                        found.append(("ref", id_field, model_field))
                        declared.add(id_field)
            for ids_field in IDS_FIELDS:
                if ids_field in fields and ids_field not in declared:
                    found.append(("refs", ids_field, model_field))
                    declared.add(ids_field)
        if found:
            links[name] = sorted(found)
    return links


def second_degree_links(env, owned_models):
    """{model: [("via", field, parent_model)]}: concrete models with a stored
    relational field to a model that holds a ticket's data (``owned_models``,
    e.g. tracking values of a message, notifications, reactions)."""
    links = {}
    for name in env.registry:
        model = env[name]
        if model._abstract:
            continue
        for fname, field in model._fields.items():
            if (
                field.type in ("many2one", "many2many")
                and field.store
                and field.comodel_name in owned_models
                and not (name == field.comodel_name and field.type == "many2one")
            ):
                links.setdefault(name, []).append(("via", fname, field.comodel_name))
    return {name: sorted(specs) for name, specs in links.items()}


def own_models(env):
    """Every model (wizards, SQL views and abstract models included) that one
    of the product's modules defines."""
    return sorted(
        name
        for name in env.registry
        if env[name]._original_module in OWN_MODULES
        or (env[name]._original_module or "").startswith(OWN_PREFIX)
    )


def link_domain(spec, ids, parent_ids=None):
    """A search domain for the records that ``spec`` links to ticket ``ids``
    (``parent_ids``: for ``via``, the parent records linked to them)."""
    kind, fname, other = spec
    if kind == "m2o":
        return [(fname, "in", ids)]
    if kind == "x2m":
        return [(fname, "in", ids)]
    if kind == "ref":
        return [(other, "=", TICKET), (fname, "in", ids)]
    if kind == "refs":
        # a text list of ids: "[12]" or "12,13"
        return [(other, "=", TICKET), (fname, "ilike", str(ids[0]))]
    return [(fname, "in", parent_ids or [0])]


def link_vals(spec, ticket_id, parent_id=None, field_type=None):
    """Values that create a record linked to ticket ``ticket_id`` (for
    ``via``, to its record ``parent_id``; ``field_type`` of the via field)."""
    kind, fname, other = spec
    if kind == "via" and parent_id and field_type == "many2many":
        return {fname: [(6, 0, [parent_id])]}
    if kind == "m2o":
        return {fname: ticket_id}
    if kind == "x2m":
        return {fname: [(6, 0, [ticket_id])]}
    if kind == "ref":
        return {other: TICKET, fname: ticket_id}
    if kind == "refs":
        return {other: TICKET, fname: str([ticket_id])}
    return {fname: parent_id} if parent_id else {}


def route_owners(rule):
    """The modules whose controllers define (or override) the rule's method."""
    method = rule.endpoint.func
    owners = []
    for cls in type(method.__self__).mro():
        attr = cls.__dict__.get(method.__name__)
        if attr is not None and hasattr(attr, "original_routing"):
            path = cls.__module__.split(".")
            owners.append(path[2] if path[:2] == ["odoo", "addons"] else cls.__module__)
    return owners


def route_params(rule):
    method = rule.endpoint.func
    try:
        params = set(inspect.signature(method).parameters)
    except (TypeError, ValueError):
        params = set()
    return params | set(rule.arguments)


def surface_routes(env):
    """{rule: (auth, methods, type, owners)} for every route of the product
    and helpdesk modules, and every route that takes a record of any model
    (a thread model and id: the chatter, uploads, /web/content...)."""
    routes = {}
    # the routing map is built for the current thread's database
    thread = threading.current_thread()
    if not getattr(thread, "dbname", None):
        thread.dbname = env.cr.dbname
    for rule in env["ir.http"].routing_map().iter_rules():
        owners = route_owners(rule)
        params = route_params(rule)
        in_scope = any(ROUTE_MODULES.match(owner) for owner in owners) or any(
            pair <= params for pair in ROUTE_RECORD_PARAMS
        )
        if not in_scope:
            continue
        routing = rule.endpoint.routing
        methods = tuple(
            sorted(m for m in (routing.get("methods") or ()) if m != "OPTIONS")
        )
        routes[rule.rule] = (routing["auth"], methods, routing["type"], owners)
    return routes


def portal_readable_fields(env, portal_user):
    """Fields of helpdesk.ticket whose groups a portal user passes."""
    tickets = env[TICKET].with_user(portal_user)
    return sorted(
        fname
        for fname, field in tickets._fields.items()
        if tickets._has_field_access(field, "read")
    )
