# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The models and routes the bridges (bridges/) and the modules they
connect to add to the attack surface (how to classify: the docstring of
surface_table.py); surface_table.classify_installed() adds those of the
installed modules to surface_table.MODELS and ROUTES."""

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
