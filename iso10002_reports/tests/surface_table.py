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
* ROUTES: ``"/rule": (PROBE, "why")``; PROBE is a dict telling how the test
  calls the route against the confidential complaint (see PROBE KEYS in
  test_attack_surface.py), or None when the route reaches no complaint data
  (say why: it is counted as classified, not called).
* The fields of helpdesk.ticket a portal user may read are classified in
  one place, PORTAL_READABLE_FIELDS (iso10002_complaints/models/
  portal_fields.py): the test compares what a portal user can read with it.
"""

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

_PAGE = {"kind": "page"}
_NONE_TICKET = "takes no complaint id and shows only the user's own data"

ROUTES = {
    # --- the product's public pages (no login) --------------------------------
    "/complaints": (_PAGE, "the policy page"),
    "/complaints/policy": (None, "same endpoint as /complaints, probed there"),
    "/complaints/new": (_PAGE, "the public form"),
    "/complaints/thank-you": (_PAGE, "the reference of the visitor's own filing"),
    "/complaints/submit": (
        # logged-in users are sent to /my/complaints/submit
        {"kind": "form", "data": {}, "roles": ("public",)},
        "files a new complaint (intake); never touches an existing one",
    ),
    "/complaints/confirm/<string:token>": (
        {"kind": "page", "url": "/complaints/confirm/{bad_token}"},
        "the owner of an address confirms a complaint filed with it: a "
        "single-use secret mailed to that address, never a complaint id "
        "(finding 15)",
    ),
    # --- the product's portal --------------------------------------------------
    "/my/complaints": (_PAGE, "the complainant's own list"),
    "/my/complaints/page/<int:page>": (
        None,
        "same endpoint as /my/complaints, probed there",
    ),
    "/my/complaints/new": (_PAGE, "the portal form"),
    "/my/complaints/submit": (
        {"kind": "form", "data": {}},
        "files a new complaint as the user; never touches an existing one",
    ),
    "/my/complaint/<int:complaint_id>": (
        {"kind": "page", "url": "/my/complaint/{id}", "tokens": True},
        "a complaint's page: its readers, or the emailed link (finding 4)",
    ),
    "/my/complaint/<int:complaint_id>/message": (
        {
            "kind": "form",
            "url": "/my/complaint/{id}/message",
            "tokens": True,
            "data": {"note": "ISOSEC-ATTACK note"},
            "writers": "portal",
        },
        "adds information: the complainant only (finding 12)",
    ),
    "/my/complaint/<int:complaint_id>/reaction": (
        {
            "kind": "form",
            "url": "/my/complaint/{id}/reaction",
            "tokens": True,
            "data": {"reaction": "rejected", "reaction_note": "ISOSEC-ATTACK"},
            "writers": "portal",
        },
        "the complainant's reaction (7.8): the complainant only (finding 12)",
    ),
    # --- helpdesk_mgmt's portal, as the product overrides it --------------------
    "/my/tickets": (_PAGE, "the user's plain tickets"),
    "/my/tickets/page/<int:page>": (
        None,
        "same endpoint as /my/tickets, probed there",
    ),
    "/my/ticket/<int:ticket_id>": (
        {"kind": "page", "url": "/my/ticket/{id}", "tokens": True},
        "redirects a complaint to its own page",
    ),
    "/my/ticket/<int:ticket_id>/<access_token>": (
        {"kind": "page", "url": "/my/ticket/{id}/{bad_token}"},
        "redirects a complaint to its own page",
    ),
    "/new/ticket": (_PAGE, "helpdesk_mgmt's new-ticket form"),
    "/submitted/ticket": (
        None,
        "helpdesk_mgmt's plain-ticket form: takes no ticket id, files a new "
        "plain ticket as superuser",
    ),
    "/ticket/close": (
        {"kind": "page", "url": "/ticket/close?ticket_id={id}&stage_id={stage}"},
        "closes a plain ticket; complaints close through the process (9)",
    ),
    # --- the chatter, for any record ---------------------------------------------
    "/mail/thread/messages": (
        {"kind": "json", "params": {"thread_model": "helpdesk.ticket"}},
        "reads the chatter",
    ),
    "/mail/chatter_fetch": (
        {"kind": "json", "params": {"thread_model": "helpdesk.ticket"}},
        "reads the portal chatter",
    ),
    "/portal/chatter_init": (
        {"kind": "json", "params": {"thread_model": "helpdesk.ticket"}},
        "reads the portal chatter",
    ),
    "/mail/thread/recipients": (
        {"kind": "json", "params": {"thread_model": "helpdesk.ticket"}},
        "reads the followers",
    ),
    "/mail/thread/recipients/get_suggested_recipients": (
        {"kind": "json", "params": {"thread_model": "helpdesk.ticket"}},
        "reads the suggested recipients (complainant's email)",
    ),
    "/mail/partner/from_email": (
        {
            "kind": "json",
            "params": {
                "thread_model": "helpdesk.ticket",
                "emails": ["isosec.attacker@example.com"],
            },
            "writers": "chatter",
        },
        "finds or creates contacts for a record's recipients",
    ),
    "/mail/message/post": (
        {
            "kind": "json",
            "params": {
                "thread_model": "helpdesk.ticket",
                "post_data": {
                    "body": "ISOSEC-ATTACK post",
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_comment",
                },
            },
            "writers": "chatter",
        },
        "posts on the chatter",
    ),
    "/mail/thread/subscribe": (
        {
            "kind": "json",
            "params": {"res_model": "helpdesk.ticket"},
            "me": True,
            "writers": "chatter",
        },
        "adds followers (finding 1)",
    ),
    "/mail/thread/unsubscribe": (
        {
            "kind": "json",
            "params": {"res_model": "helpdesk.ticket"},
            "me": True,
            "writers": "chatter",
        },
        "removes followers",
    ),
    "/mail/attachment/upload": (
        {
            "kind": "upload",
            "data": {"thread_model": "helpdesk.ticket", "is_pending": "false"},
            "writers": "chatter",
        },
        "uploads a document to a record (finding 17)",
    ),
    "/mail/view": (
        {"kind": "page", "url": "/mail/view?model=helpdesk.ticket&res_id={id}"},
        "the link in notification emails: redirects to the record",
    ),
    "/mail/unfollow": (
        {
            "kind": "page",
            "url": "/mail/unfollow?model=helpdesk.ticket&res_id={id}"
            "&pid={partner}&token={bad_token}",
        },
        "unfollow link of notification emails (signed token)",
    ),
    # --- files ---------------------------------------------------------------------
    "/web/content/<int:id>": (
        {"kind": "page", "url": "/web/content/{att}?download=true"},
        "an attachment of the complaint",
    ),
    "/web/image/<int:id>": (
        {"kind": "page", "url": "/web/image/{att}"},
        "an attachment of the complaint, as an image",
    ),
    "/web/content/<string:model>/<int:id>/<string:field>": (
        {"kind": "page", "url": "/web/content/ir.attachment/{att}/datas"},
        "a binary field of a record",
    ),
    "/web/binary/upload_attachment": (
        {
            "kind": "upload",
            "data": {"model": "helpdesk.ticket", "callback": "x"},
            "id_param": "id",
            "writers": "chatter",
        },
        "uploads a document to a record (finding 17)",
    ),
    "/html_editor/attachment/add_data": (
        {
            "kind": "json",
            "params": {
                "res_model": "helpdesk.ticket",
                "name": "isosec.txt",
                "data": "SVNPU0VDLUFUVEFDSw==",
                "is_image": False,
            },
            "id_param": "res_id",
            "writers": "chatter",
        },
        "the editor's upload: creates an attachment on a record",
    ),
    "/html_editor/attachment/add_url": (
        {
            "kind": "json",
            "params": {"res_model": "helpdesk.ticket", "url": "https://x.example/a"},
            "id_param": "res_id",
            "writers": "chatter",
        },
        "the editor's link: creates an attachment on a record",
    ),
    '/html_editor/modify_image/<model("ir.attachment"):attachment>': (
        {
            "kind": "json",
            "url": "/html_editor/modify_image/{att}",
            "params": {
                "res_model": "helpdesk.ticket",
                "data": "iVBORw0KGgo=",
                "mimetype": "image/png",
                "name": "isosec.png",
            },
            "id_param": "res_id",
            "writers": "chatter",
        },
        "the editor's image copy: a copy of an attachment on a record",
    ),
}

# the same endpoint under other URLs: probed once, through the URL named
_SAME = "same endpoint as {}, probed there"
for _rule, _twin in {
    "/web/content": "/web/content/<int:id>",
    "/web/content/<int:id>/<string:filename>": "/web/content/<int:id>",
    "/web/content/<string:model>/<int:id>/<string:field>/<string:filename>": (
        "/web/content/<string:model>/<int:id>/<string:field>"
    ),
    "/web/content/<string:xmlid>": "/web/content/<int:id>",
    "/web/content/<string:xmlid>/<string:filename>": "/web/content/<int:id>",
    "/web/image": "/web/image/<int:id>",
    "/web/image/<int:id>-<string:unique>": "/web/image/<int:id>",
    "/web/image/<int:id>-<string:unique>/<int:width>x<int:height>": (
        "/web/image/<int:id>"
    ),
    "/web/image/<int:id>-<string:unique>/<int:width>x<int:height>/"
    "<string:filename>": "/web/image/<int:id>",
    "/web/image/<int:id>-<string:unique>/<string:filename>": "/web/image/<int:id>",
    "/web/image/<int:id>/<int:width>x<int:height>": "/web/image/<int:id>",
    "/web/image/<int:id>/<int:width>x<int:height>/<string:filename>": (
        "/web/image/<int:id>"
    ),
    "/web/image/<int:id>/<string:filename>": "/web/image/<int:id>",
    "/web/image/<string:model>/<int:id>/<string:field>": "/web/image/<int:id>",
    "/web/image/<string:model>/<int:id>/<string:field>/<int:width>x<int:height>": (
        "/web/image/<int:id>"
    ),
    "/web/image/<string:model>/<int:id>/<string:field>/<int:width>x<int:height>/"
    "<string:filename>": "/web/image/<int:id>",
    "/web/image/<string:model>/<int:id>/<string:field>/<string:filename>": (
        "/web/image/<int:id>"
    ),
    "/web/image/<string:xmlid>": "/web/image/<int:id>",
    "/web/image/<string:xmlid>/<int:width>x<int:height>": "/web/image/<int:id>",
    "/web/image/<string:xmlid>/<int:width>x<int:height>/<string:filename>": (
        "/web/image/<int:id>"
    ),
    "/web/image/<string:xmlid>/<string:filename>": "/web/image/<int:id>",
    "/web_editor/attachment/add_data": "/html_editor/attachment/add_data",
    "/web_editor/attachment/add_url": "/html_editor/attachment/add_url",
    '/web_editor/modify_image/<model("ir.attachment"):attachment>': (
        '/html_editor/modify_image/<model("ir.attachment"):attachment>'
    ),
}.items():
    ROUTES[_rule] = (None, _SAME.format(_twin))

# --- the bridges (bridges/) and the modules they connect to ---------------------
# Classified only where the module that brings them is installed (the second
# configuration of CI installs every bridge): {module: {model: (CATEGORY,
# "why")}} and {module: {rule: (PROBE, "why")}}. classify_installed() adds
# them to MODELS and ROUTES.
BRIDGE_MODELS = {
    "mgmtsystem_nonconformity": {
        "mgmtsystem.nonconformity": (
            "owned",
            "nonconformity opened from complaints (res_model/res_id and "
            "complaint_ids): linking needs read access to the complaint, "
            "multi-company rule (iso10002_mgmtsystem)",
        ),
        "mgmtsystem.action": (
            "via",
            "corrective action of such a nonconformity (management-system users only)",
        ),
    },
    "helpdesk_mgmt_merge": {
        "helpdesk.ticket.merge": ("owned", "merge wizard (iso10002_merge)"),
    },
    "helpdesk_product": {
        "product.product": ("hub", "a product's tickets (helpdesk_product)"),
        "product.template": ("hub", "a product's tickets (helpdesk_product)"),
        "product.document": (
            "owned",
            "a document (ir.attachment) of a record: of a complaint, like its "
            "attachments",
        ),
    },
    "iso10002_contact": {
        "iso10002.complaint.log.wizard": (
            "aggregate",
            "an employee's complaint as typed in the contact form (subject, "
            "description, complainant): its creator's only (record rule); "
            "the fixture holds one with the marker",
        ),
    },
    "account": {
        # iso10002_account: a complaint names its invoice (helpdesk.ticket
        # invoice_id, internal) and a remedy its credit note; none of these
        # models links to a complaint
        "account.move": (
            "via",
            "an invoice's main attachment (mail.thread.main.attachment): an "
            "invoice's own document, never one of a complaint",
        ),
        "account.payment": (
            "via",
            "a payment's main attachment (mail.thread.main.attachment)",
        ),
        "account.bank.statement": (
            "via",
            "attachments of a bank statement (attachment_ids)",
        ),
        "account.move.send.wizard": (
            "owned",
            "sending an invoice (mail.composer.mixin model/res_ids): it sends "
            "its invoice (move_id required), never a complaint",
        ),
    },
    "payment": {
        "payment.link.wizard": (
            "owned",
            "a payment link for a document (res_model/res_id): amounts of an "
            "invoice or an order, nothing of a complaint",
        ),
    },
    "helpdesk_mgmt_sla": {
        "helpdesk.ticket.sla": ("owned", "SLA lines of a ticket: deadlines"),
        "helpdesk.sla.report": ("aggregate", "SQL view: SLA figures per ticket"),
    },
    "helpdesk_mgmt_sale": {
        "sale.order": (
            "hub",
            "an order's tickets (helpdesk_mgmt_sale ticket_ids); the fixture "
            "links an order to the confidential complaint (iso10002_sale)",
        ),
    },
    "survey": {
        "survey.invite": (
            "via",
            "Surveys' invitation wizard (survey users only): its composer "
            "may hold one of the complaint's attachments",
        ),
    },
    "iso10002_survey": {
        "iso10002.survey.answer.access": (
            "abstract",
            "survey answers of a complaint read as the complaint, no records",
        ),
        "survey.user_input": (
            "owned",
            "the complainant's participation in the satisfaction survey sent "
            "at closing (helpdesk_ticket_id): as the complaint "
            "(iso10002_survey/models/survey_user_input.py)",
        ),
        "survey.user_input.line": (
            "via",
            "the complainant's answers (scores, comment): as the complaint",
        ),
    },
}
BRIDGE_ROUTES = {
    "product": {
        "/product/document/upload": (
            None,
            "uploads to products only (is_model_valid: product.product, "
            "product.template), never to a complaint",
        ),
    },
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
