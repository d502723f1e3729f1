# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How each channel of the attack surface relates to a complaint, and who may
do what through it (the classification the attack-surface test checks).

The test enumerates models, routes and portal-readable fields itself
(surface_enum.py) and fails on anything found here unclassified, or
classified here but gone. To classify a new item, add a line below:

* MODELS: ``"model.name": (CATEGORY, "why")``. Categories:
  - ``ticket``: the complaint itself;
  - ``owned``: its records hold a complaint's data (through the link fields
    the test found): readable only by who may read the complaint, never
    written by a read-only role nor by one who may not read it;
  - ``via``: linked to an ``owned`` record (a message's tracking values...):
    the same rules as ``owned``;
  - ``hub``: lists tickets among other things (a partner's tickets): its
    ticket list shows only the tickets the user may read;
  - ``aggregate``: figures, samples or a worklist over complaints: no
    reference, name or text of a complaint the user may not read;
  - ``config``: settings, no complaint data (still checked for it);
  - ``metadata``: technical pointer readable by administrators only (not
    probed: say why);
  - ``abstract``: no records of its own.
* ROUTES (in surface_routes.py): ``"/rule": (PROBE, "why")``; PROBE is a
  dict telling how the test calls the route against the confidential
  complaint (see PROBE KEYS in test_attack_surface.py), or None when the
  route reaches no complaint data (say why: it is counted as classified,
  not called).
* Models and routes a bridge brings: BRIDGE_MODELS and BRIDGE_ROUTES (in
  surface_bridges.py), by the module that brings them.
* The fields of helpdesk.ticket a portal user may read are classified in
  one place, PORTAL_READABLE_FIELDS (iso10002_complaints/models/
  portal_fields.py): the test compares what a portal user can read with it.
"""

from .surface_bridges import BRIDGE_MODELS, BRIDGE_ROUTES
from .surface_routes import ROUTES

# roles who may read the confidential complaint (ISO 10002 4.10): its
# complainant, its handler, the leader of its team (unless complained
# about), complaint managers and auditors of its company
READERS = frozenset(
    {"portal_complainant", "handler", "team_leader", "complaint_manager", "auditor"}
)
# roles that change nothing over the ORM, whatever they may read
READ_ONLY = frozenset(
    {
        "public",
        "portal_complainant",
        "portal_colleague",
        "portal_other",
        "internal",
        "auditor",
    }
)
# who may write the complaint's chatter and followers (internal writers; the
# complainant writes through the portal routes only)
CHATTER_WRITERS = frozenset(
    {"portal_complainant", "handler", "team_leader", "complaint_manager"}
)
# who may write through the complaint's portal routes (finding 12)
PORTAL_WRITERS = frozenset({"portal_complainant"})

MODELS = {
    # --- the complaint -------------------------------------------------------
    "helpdesk.ticket": ("ticket", "the complaint (and its duplicates)"),
    # --- records that hold a complaint's data ----------------------------------
    "mail.message": ("owned", "chatter, emails and notes of the complaint"),
    "mail.mail": ("owned", "outgoing emails about the complaint"),
    "mail.scheduled.message": ("owned", "messages scheduled on the complaint"),
    "mail.followers": ("owned", "followers: names and emails (finding 1)"),
    "mail.activity": ("owned", "to-dos on the complaint (finding 14)"),
    "ir.attachment": ("owned", "documents of the complaint"),
    "rating.rating": ("owned", "the complainant's rating and feedback (8.3)"),
    "iso10002.complaint.remedy": ("owned", "remedies and their cost (7.7)"),
    "iso10002.adr.referral": ("owned", "referral to an ADR body (ISO 10003)"),
    "iso10002.complaint.clock.stop": ("owned", "deadlines paused (reason)"),
    "iso10002.complaint.intake.log": ("owned", "intake log: email and IP"),
    "iso10002.complaint.conflict.wizard": ("owned", "conflict check (finding 3)"),
    "iso10002.complaint.anonymise.wizard": ("owned", "erasure wizard (managers)"),
    "iso10002.complaint.correction.wizard": (
        "owned",
        "correction of a recorded fact (managers; audited, finding 8)",
    ),
    "helpdesk.ticket.duplicate.wizard": ("owned", "helpdesk_mgmt duplicate wizard"),
    "mail.compose.message": ("owned", "composer: renders the complaint"),
    "mail.activity.schedule": ("owned", "activity wizard on the complaint"),
    "mail.followers.edit": ("owned", "followers wizard on the complaint"),
    "portal.share": ("owned", "share wizard: builds the link with the token"),
    "sms.composer": ("owned", "SMS composer: renders the complaint"),
    "snailmail.letter": ("owned", "letter sent about the complaint"),
    "privacy.lookup.wizard.line": ("owned", "privacy lookup result (admin)"),
    # --- records of those records -----------------------------------------------
    "mail.tracking.value": ("via", "old and new values of tracked fields"),
    "mail.notification": ("via", "who was notified of a message"),
    "mail.message.reaction": ("via", "reactions to a message"),
    "mail.message.link.preview": ("via", "link previews of a message"),
    "mail.message.schedule": ("via", "scheduled notifications of a message"),
    "mail.message.translation": ("via", "translations of a message"),
    "mail.activity.schedule.line": ("via", "lines of the activity wizard"),
    "mail.template": ("via", "templates holding one of its attachments"),
    "sms.sms": ("via", "SMS sent for a message"),
    "discuss.channel": ("via", "a thread started from one of its messages"),
    "discuss.channel.member": ("via", "last seen/fetched message"),
    "discuss.call.history": ("via", "a call started from one of its messages"),
    "discuss.voice.metadata": ("via", "voice metadata of one of its attachments"),
    # --- lists of tickets among other things -----------------------------------
    "res.partner": ("hub", "a contact's tickets"),
    "res.users": ("hub", "a user's tickets"),
    "helpdesk.ticket.team": ("hub", "a team's tickets"),
    # --- technical pointers ----------------------------------------------------
    "ir.model.data": ("metadata", "external ids; administrators only"),
    "ir.actions.act_window": ("metadata", "window actions; no complaint data"),
    "res.users.settings.embedded.action": (
        "metadata",
        "a user's own embedded-action settings; no complaint data",
    ),
    # --- the product's own models ----------------------------------------------
    "iso10002.complaint.analysis": ("aggregate", "SQL view per complaint (finding 2)"),
    "iso10002.complaint.kpi": (
        "abstract",
        "KPI helpers, no records; get_kpi_figures (RPC) returns figures only, "
        "to who may read the analysis, of companies they may access "
        "(test_kpi_api)",
    ),
    "iso10002.frozen.mixin": ("abstract", "frozen-record rules, no records"),
    "iso10002.frozen.line.mixin": ("abstract", "frozen-line rules, no records"),
    "iso10002.numbered.mixin": ("abstract", "numbering on creation, no records"),
    "iso10002.complaint.monitor": ("aggregate", "worklist of overdue complaints"),
    "iso10002.management.review": ("aggregate", "review figures and Pareto (9.4)"),
    "iso10002.management.review.line": ("aggregate", "review figures and Pareto"),
    "iso10002.management.review.action": ("aggregate", "review decisions"),
    "iso10002.complaint.audit": ("aggregate", "audit of the process (8.5)"),
    "iso10002.complaint.audit.line": ("aggregate", "audit clauses with samples"),
    "iso10002.complaint.product": ("config", "products and services list"),
    "iso10002.complaint.policy": ("config", "the complaints policy"),
    "iso10002.complaint.policy.preset": ("config", "policy presets"),
    "iso10002.complaint.regime": ("config", "regulatory reporting regimes"),
    "iso10002.complaint.category": ("config", "the regimes' taxonomies"),
    "iso10002.adr.body": ("config", "external dispute resolution bodies"),
    "iso10002.complaint.child.mixin": (
        "abstract",
        "records of a complaint accessed as the complaint",
    ),
    "iso10002.complaint.policy.target": ("config", "published objectives"),
    "iso10002.deadline.cache.mixin": ("abstract", "deadline cache mixin"),
    "iso10002.complaint.wizard.access": (
        "abstract",
        "access check of the complaint assistants (finding 3)",
    ),
    "iso10002.regulatory.return": (
        "aggregate",
        "regulator returns: figures of the analysis, refused when incomplete",
    ),
    "report.iso10002_reports.regulatory_return_xlsx": (
        "abstract",
        "XLSX rendering of the regulator return, no records",
    ),
    "iso10002.complaint.kpi.day": (
        "metadata",
        "daily sums of the analysis per company, team and breakdown value "
        "(no reference, no text but staff's root causes); administrators only",
    ),
    "iso10002.complaint.kpi.day.pending": (
        "metadata",
        "(company, day) pairs to recompute; administrators only",
    ),
    "iso10002.complaint.intake.throttle": (
        "metadata",
        "rate-limit counters: hashes of IP addresses and emails, no complaint "
        "link; administrators only (finding 15)",
    ),
}


_BASE_MODELS = dict(MODELS)
_BASE_ROUTES = dict(ROUTES)


def classify_installed(env):
    """MODELS and ROUTES with the entries of BRIDGE_MODELS and BRIDGE_ROUTES
    whose module is installed in ``env``'s database (in place)."""
    installed = set(
        env["ir.module.module"]
        .sudo()
        .search([("state", "=", "installed")])
        .mapped("name")
    )
    MODELS.clear()
    MODELS.update(_BASE_MODELS)
    ROUTES.clear()
    ROUTES.update(_BASE_ROUTES)
    for module in installed:
        MODELS.update(BRIDGE_MODELS.get(module, {}))
        ROUTES.update(BRIDGE_ROUTES.get(module, {}))
