# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint analysis by the product of the catalogue and its category
(ISO 10002 8.2), next to the product line of iso10002_reports."""

from odoo import fields, models
from odoo.tools import SQL


class ComplaintAnalysis(models.Model):
    _inherit = "iso10002.complaint.analysis"

    catalog_product_id = fields.Many2one(
        "product.product", string="Product", readonly=True
    )
    product_categ_id = fields.Many2one(
        "product.category", string="Product category", readonly=True
    )

    def _select(self):
        return SQL(
            "%s, t.product_id AS catalog_product_id, pt.categ_id AS product_categ_id",
            super()._select(),
        )

    def _from(self):
        return SQL(
            "%s LEFT JOIN product_product pp ON pp.id = t.product_id"
            " LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id",
            super()._from(),
        )
