# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The product of a ticket (helpdesk_product) is internal, as the fields
portal_fields.py classifies: helpdesk_product shows it in no portal page."""

from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    product_id = fields.Many2one(groups="base.group_user")
