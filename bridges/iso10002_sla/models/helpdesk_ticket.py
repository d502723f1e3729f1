# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The SLA fields helpdesk_mgmt_sla adds to tickets are internal: a portal
user reads the complaint's own deadlines through the portal, not the team's
service levels (classified as portal_fields.py asks)."""

from odoo import fields, models

INTERNAL_GROUPS = "base.group_user"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    team_sla = fields.Boolean(groups=INTERNAL_GROUPS)
    ticket_sla_ids = fields.One2many(groups=INTERNAL_GROUPS)
    sla_ids = fields.Many2many(groups=INTERNAL_GROUPS)
    sla_expired = fields.Boolean(groups=INTERNAL_GROUPS)
    sla_deadline = fields.Datetime(groups=INTERNAL_GROUPS)
    sla_fits = fields.Boolean(groups=INTERNAL_GROUPS)
