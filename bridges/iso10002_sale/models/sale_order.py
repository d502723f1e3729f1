# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Log a complaint from the sale order, and count the complaints about it
for those who may read them (as iso10002_contact does on the contact)."""

from odoo import fields, models

from odoo.addons.iso10002_contact.models.res_partner import COMPLAINT_READERS


class SaleOrder(models.Model):
    _inherit = "sale.order"

    complaint_count = fields.Integer(
        string="Complaints",
        compute="_compute_complaint_count",
        groups=COMPLAINT_READERS,
    )

    def _complaint_domain(self):
        return [("is_complaint", "=", True), ("sale_order_ids", "in", self.ids)]

    def _compute_complaint_count(self):
        # as the user: record rules count only the complaints they may read;
        # one query for all the orders
        saved = self.filtered("id")
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                saved._complaint_domain(), ["sale_order_ids"], ["__count"]
            )
            if saved
            else []
        )
        for order in self:
            order.complaint_count = counts.get(order, 0)

    def action_view_complaints(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Complaints"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "domain": self._complaint_domain(),
        }

    def action_log_complaint(self):
        """The contact bridge's wizard, with the order's customer and the
        order filled in."""
        self.ensure_one()
        action = self.partner_id.action_log_complaint()
        action["context"] = dict(action["context"], default_sale_order_id=self.id)
        return action
