# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a portal user may read of a ticket over RPC (ISO 10002 4.10).

A portal user may read their own complaints (record rules), but through
JSON-RPC they could read every field of them: the investigation, the
assessment, a draft decision not communicated yet... Every field this addon
and iso10002_reports add to ``helpdesk.ticket`` is classified below:

* portal-readable (:data:`PORTAL_READABLE_FIELDS`): the reference, the
  status and the dates the portal shows, and what the complainant wrote
  themselves;
* internal: everything else, restricted to employees with ``groups=``
  (:data:`INTERNAL_GROUPS`) in the class below (``complaint_product_id`` in
  iso10002_reports).

The portal pages read the complaint in sudo once the access to it is
checked (``_document_check_access``), and show the complainant what they
should see: the decision and its remedies once communicated, for instance.
A decision cannot be made readable only once communicated by a field
attribute, so ``decision``, ``decision_outcome`` and ``remedy_ids`` are
internal and served by the portal page only.

The remedy model (``iso10002.complaint.remedy``) and the ratings'
``helpdesk_ticket_id`` need no field groups: portal users and visitors
have no access to these models at all (ACL).
"""

from odoo import fields, models

INTERNAL_GROUPS = "base.group_user"

# Field names of helpdesk.ticket a portal user may read (their own tickets
# and complaints only: record rules). ``access_token`` is left out: the
# portal access token is restricted and rotated apart (issue 11, finding 4).
PORTAL_READABLE_FIELDS = frozenset(
    {
        # Odoo: identity and log fields
        "id",
        "display_name",
        "create_uid",
        "create_date",
        "write_uid",
        "write_date",
        # helpdesk_mgmt: the ticket as helpdesk_mgmt shows it in its portal;
        # its access is helpdesk_mgmt's (plain tickets work as upstream).
        # priority is computed from the severity for assessed complaints, a
        # coarse level that helpdesk_mgmt shows on every ticket.
        "number",
        "name",
        "description",
        "user_id",
        "user_ids",
        "partner_id",
        "commercial_partner_id",
        "partner_name",
        "partner_email",
        "stage_id",
        "priority",
        "last_stage_update",
        "assigned_date",
        "closed_date",
        "closed",
        "unattended",
        "tag_ids",
        "company_id",
        "channel_id",
        "category_id",
        "team_id",
        "attachment_ids",
        "color",
        "kanban_state",
        "sequence",
        "active",
        "properties",
        "duplicate_id",
        "duplicate_ids",
        "duplicate_count",
        "duplicate_tracking_enabled",
        # helpdesk_mgmt_rating
        "positive_rate_percentage",
        "rating_status",
        # mail, rating, portal and sms mixins: what Odoo leaves readable
        "message_is_follower",
        "message_ids",
        "website_message_ids",
        "has_message",
        "message_needaction",
        "message_needaction_counter",
        "message_has_error",
        "message_has_error_counter",
        "message_has_sms_error",
        "duration_tracking",
        "rotting_days",
        "is_rotting",
        "activity_type_icon",
        "activity_exception_decoration",
        "activity_exception_icon",
        "email_cc",
        "rating_count",
        "rating_percentage_satisfaction",
        "access_url",
        "access_warning",
        # this addon: the reference, the status and the dates the portal
        # shows (list of complaints read as the portal user, its sorting and
        # filtering, the complaint page)
        "is_complaint",
        "complaint_ref",
        "iso_step",
        "received_date",
        "ack_date",
        "ack_deadline",
        "response_deadline",
        "deadline_status",
        "decision_date",
        # this addon: what the complainant gave themselves (the complaint
        # form, their consent, their reaction to the decision, their rating
        # of the handling)
        "contact_preference",
        "product_service",
        "order_reference",
        "incident_date",
        "incident_place",
        "remedy_requested",
        "consent_given",
        "reaction",
        "reaction_date",
        "reaction_note",
        "satisfaction",
        "satisfaction_score",
        "satisfaction_comment",
        "satisfaction_date",
    }
)


class HelpdeskTicket(models.Model):
    """The internal fields of complaints: employees only."""

    _inherit = "helpdesk.ticket"

    # receipt: filed for the complainant by someone else (staff records it)
    representative_id = fields.Many2one(groups=INTERNAL_GROUPS)
    representative_authority = fields.Boolean(groups=INTERNAL_GROUPS)
    # derived facts of the handling (ticket_facts.py)
    has_response = fields.Boolean(groups=INTERNAL_GROUPS)
    next_deadline = fields.Datetime(groups=INTERNAL_GROUPS)
    next_deadline_kind = fields.Selection(groups=INTERNAL_GROUPS)
    # the public form's contact and the confirmation of its address
    intake_partner_id = fields.Many2one(groups=INTERNAL_GROUPS)
    intake_unconfirmed = fields.Boolean(groups=INTERNAL_GROUPS)
    intake_confirm_deadline = fields.Datetime(groups=INTERNAL_GROUPS)
    # acknowledgement: how, and the pending email (the date is portal-readable)
    ack_method = fields.Selection(groups=INTERNAL_GROUPS)
    ack_pending = fields.Boolean(groups=INTERNAL_GROUPS)
    # initial assessment (7.5)
    severity = fields.Selection(groups=INTERNAL_GROUPS)
    complexity = fields.Selection(groups=INTERNAL_GROUPS)
    impact = fields.Selection(groups=INTERNAL_GROUPS)
    urgency = fields.Selection(groups=INTERNAL_GROUPS)
    safety_issue = fields.Boolean(groups=INTERNAL_GROUPS)
    immediate_action_needed = fields.Boolean(groups=INTERNAL_GROUPS)
    immediate_action = fields.Text(groups=INTERNAL_GROUPS)
    # investigation (7.6)
    investigation_findings = fields.Html(groups=INTERNAL_GROUPS)
    root_cause = fields.Text(groups=INTERNAL_GROUPS)
    # response and decision (7.7, 7.8): drafts until communicated, then
    # shown by the portal page
    response_summary = fields.Html(groups=INTERNAL_GROUPS)
    remedy_ids = fields.One2many(groups=INTERNAL_GROUPS)
    currency_id = fields.Many2one(groups=INTERNAL_GROUPS)
    remedy_cost = fields.Monetary(groups=INTERNAL_GROUPS)
    decision_outcome = fields.Selection(groups=INTERNAL_GROUPS)
    decision = fields.Html(groups=INTERNAL_GROUPS)
    decision_user_id = fields.Many2one(groups=INTERNAL_GROUPS)
    # closing (7.9)
    closure_reason = fields.Selection(groups=INTERNAL_GROUPS)
    closed_by_id = fields.Many2one(groups=INTERNAL_GROUPS)
    reopen_count = fields.Integer(groups=INTERNAL_GROUPS)
    # principles: confidentiality, objectivity, charges (told to the
    # complainant in the acknowledgement), personal data
    confidential = fields.Boolean(groups=INTERNAL_GROUPS)
    subject_user_ids = fields.Many2many(groups=INTERNAL_GROUPS)
    charge_amount = fields.Monetary(groups=INTERNAL_GROUPS)
    charge_justification = fields.Text(groups=INTERNAL_GROUPS)
    anonymised = fields.Boolean(groups=INTERNAL_GROUPS)
    anonymised_date = fields.Datetime(groups=INTERNAL_GROUPS)
    # escalation (4.15)
    escalated_date = fields.Datetime(groups=INTERNAL_GROUPS)
    escalated_to_id = fields.Many2one(groups=INTERNAL_GROUPS)
    escalated_deadline = fields.Datetime(groups=INTERNAL_GROUPS)
