# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Regulated firms' facts on a complaint: redress paid, ADR referrals,
summary resolution, clock stops, vulnerability and the four-eyes approval.

Skeleton of the fields the concerns share; each concern's behaviour lives in
its own file (ticket_redress, ticket_adr, ticket_summary_resolution,
ticket_clock_stop, ticket_vulnerability, ticket_approval).
"""

from odoo import fields, models

from .portal_fields import INTERNAL_GROUPS

VULNERABILITY_DRIVERS = ("health", "life_event", "resilience", "capability")
PREFERRED_FORMATS = [
    ("standard", "Standard"),
    ("large_print", "Large print"),
    ("braille", "Braille"),
    ("audio", "Audio"),
    ("easy_read", "Easy read"),
    ("phone", "By phone"),
    ("other", "Other"),
]
APPROVAL_STATES = [
    ("not_required", "Not required"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("refused", "Refused"),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # redress (remedies paid) and external dispute resolution (ISO 10003)
    redress_paid_amount = fields.Monetary(
        string="Redress paid",
        currency_field="currency_id",
        groups=INTERNAL_GROUPS,
        readonly=True,
        copy=False,
    )
    adr_referral_ids = fields.One2many(
        "iso10002.adr.referral",
        "ticket_id",
        string="ADR referrals",
        groups=INTERNAL_GROUPS,
        copy=False,
    )
    # summary resolution (FCA DISP 1.5)
    summary_resolution = fields.Boolean(
        groups=INTERNAL_GROUPS, readonly=True, copy=False, index=True
    )
    # clock stops (policy option)
    clock_stop_ids = fields.One2many(
        "iso10002.complaint.clock.stop",
        "ticket_id",
        string="Clock stops",
        groups=INTERNAL_GROUPS,
        copy=False,
    )
    clock_stopped = fields.Boolean(groups=INTERNAL_GROUPS, readonly=True, copy=False)
    # vulnerability and accessibility (4.5; FCA FG21/1's four drivers)
    vulnerable = fields.Boolean(string="Vulnerable customer", groups=INTERNAL_GROUPS)
    vulnerability_health = fields.Boolean(string="Health", groups=INTERNAL_GROUPS)
    vulnerability_life_event = fields.Boolean(
        string="Life event", groups=INTERNAL_GROUPS
    )
    vulnerability_resilience = fields.Boolean(
        string="Resilience", groups=INTERNAL_GROUPS
    )
    vulnerability_capability = fields.Boolean(
        string="Capability", groups=INTERNAL_GROUPS
    )
    preferred_lang = fields.Char(string="Preferred language", groups=INTERNAL_GROUPS)
    preferred_format = fields.Selection(PREFERRED_FORMATS, groups=INTERNAL_GROUPS)
    support_needs = fields.Text(groups=INTERNAL_GROUPS)
    # four-eyes approval of the final response and redress (4.9)
    approval_state = fields.Selection(
        APPROVAL_STATES,
        default="not_required",
        groups=INTERNAL_GROUPS,
        readonly=True,
        copy=False,
    )
    approval_user_id = fields.Many2one(
        "res.users", string="Approved by", groups=INTERNAL_GROUPS, copy=False
    )
    approval_date = fields.Datetime(groups=INTERNAL_GROUPS, copy=False)
    approval_note = fields.Text(groups=INTERNAL_GROUPS, copy=False)
