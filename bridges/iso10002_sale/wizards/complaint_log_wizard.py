# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The contact bridge's "Log a complaint", from the sale order: the
complaint links the order (helpdesk_mgmt_sale) and the product it is about
(helpdesk_product, which the analysis groups by product category)."""

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class ComplaintLogWizard(models.TransientModel):
    _inherit = "iso10002.complaint.log.wizard"

    commercial_partner_id = fields.Many2one(related="partner_id.commercial_partner_id")
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sale order",
        ondelete="cascade",
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
        help="The order the complaint is about.",
    )
    order_product_ids = fields.Many2many(
        "product.product", compute="_compute_order_product_ids"
    )
    # the domain reads order_product_ids, not sale_order_id: the form shows
    # the order to sales users only, the product to every employee
    product_id = fields.Many2one(
        "product.product",
        compute="_compute_product_id",
        store=True,
        readonly=False,
        domain="order_product_ids and [('id', 'in', order_product_ids)] or []",
        help="The product the complaint is about: one of the order's.",
    )

    @api.depends("sale_order_id")
    def _compute_order_product_ids(self):
        for wizard in self:
            lines = wizard.sale_order_id.order_line.filtered(
                lambda line: not line.display_type and not line.is_downpayment
            )
            wizard.order_product_ids = lines.product_id

    @api.depends("sale_order_id")
    def _compute_product_id(self):
        for wizard in self:
            products = wizard.order_product_ids
            wizard.product_id = products if len(products) == 1 else False

    def _check_log(self):
        res = super()._check_log()
        order = self.sale_order_id
        if order:
            # an order the employee may not read is not theirs to link
            order.check_access("read")
            customer = order.partner_id.commercial_partner_id
            if customer != self.partner_id.commercial_partner_id:
                raise UserError(
                    self.env._(
                        "%(partner)s is not the customer of %(order)s: log the "
                        "complaint for %(customer)s, or pick an order of "
                        "%(partner)s.",
                        partner=self.partner_id.display_name,
                        order=order.name,
                        customer=customer.display_name,
                    )
                )
            if self.product_id and self.product_id not in self.order_product_ids:
                raise UserError(
                    self.env._(
                        "%(product)s is not on %(order)s: pick one of the "
                        "order's products, or none.",
                        product=self.product_id.display_name,
                        order=order.name,
                    )
                )
        elif self.product_id:
            self.product_id.check_access("read")
        return res

    def _complaint_company(self):
        return self.sale_order_id.company_id or super()._complaint_company()

    def _complaint_values(self, team, company):
        values = super()._complaint_values(team, company)
        if self.sale_order_id:
            values["sale_order_ids"] = [Command.link(self.sale_order_id.id)]
        if self.product_id:
            values["product_id"] = self.product_id.id
        return values

    def _logged_from(self):
        if self.sale_order_id:
            return self.env._("sale order %(order)s", order=self.sale_order_id.name)
        return super()._logged_from()
