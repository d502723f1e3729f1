# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The routes of the attack surface: ``"/rule": (PROBE, "why")``, the
classification the attack-surface test checks (how to classify: the
docstring of surface_table.py; PROBE KEYS: surface_http.py). Read through
surface_table.ROUTES, which adds the bridges' routes where installed."""

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
