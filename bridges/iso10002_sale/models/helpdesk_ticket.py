# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The orders of a ticket (helpdesk_mgmt_sale) are internal, as the fields
portal_fields.py classifies: a portal user would otherwise read the orders
of their complaints over RPC, which helpdesk_mgmt_sale shows in no portal
page.

A copy of a ticket does not keep its orders: helpdesk_mgmt_sale's default
(copy=True) makes copying any ticket fail for helpdesk users without access
to sales (the copy reads the orders as the user).

A person complained about does not change which orders the complaint is
about (objectivity, ISO 10002 4.7), as its invoice (iso10002_account) and
product. Anonymisation (4.10) forgets the orders, which name the complainant, as it
clears the order reference; sales keeps them."""

from odoo import Command, api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    sale_order_ids = fields.Many2many(groups="base.group_user", copy=False)
    so_count = fields.Integer(groups="base.group_user")

    @api.model
    def _iso_personal_fields(self):
        return super()._iso_personal_fields() | {"sale_order_ids"}

    def _iso_erase_fields(self):
        res = super()._iso_erase_fields()
        self.write({"sale_order_ids": [Command.clear()]})
        return res

    def write(self, vals):
        if "sale_order_ids" in vals and not self._iso_system_trusted():
            self._iso_check_not_subject()
        return super().write(vals)
