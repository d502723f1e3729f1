# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The orders of a ticket (helpdesk_mgmt_sale) are internal, as the fields
portal_fields.py classifies: a portal user would otherwise read the orders
of their complaints over RPC, which helpdesk_mgmt_sale shows in no portal
page.

A copy of a ticket does not keep its orders: helpdesk_mgmt_sale's default
(copy=True) makes copying any ticket fail for helpdesk users without access
to sales (the copy reads the orders as the user)."""

from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    sale_order_ids = fields.Many2many(groups="base.group_user", copy=False)
    so_count = fields.Integer(groups="base.group_user")
