# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Complaints name the product of the catalogue; the analysis groups them
by product category (iso10002_product)."""

from odoo.tests import tagged

from odoo.addons.iso10002_reports.tests.common import IsoReportsCase


@tagged("post_install", "-at_install")
class TestComplaintProduct(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()
        category = cls.env["product.category"]
        cls.kitchen = category.create({"name": "Kitchen appliances T"})
        cls.furniture = category.create({"name": "Furniture T"})
        product = cls.env["product.product"]
        cls.kettle = product.create(
            {"name": "Kettle K-200", "categ_id": cls.kitchen.id}
        )
        cls.toaster = product.create(
            {"name": "Toaster T-2", "categ_id": cls.kitchen.id}
        )
        cls.sofa = product.create({"name": "Sofa S-3", "categ_id": cls.furniture.id})
        cls.c1.product_id = cls.kettle
        cls.c2.product_id = cls.toaster
        cls.c3.product_id = cls.sofa

    def test_analysis_groups_by_product_category(self):
        analysis = self.env["iso10002.complaint.analysis"].with_user(self.manager)
        domain = [("company_id", "=", self.company.id)]
        by_category = dict(
            analysis._read_group(domain, ["product_categ_id"], ["__count"])
        )
        self.assertEqual(by_category[self.kitchen], 2)
        self.assertEqual(by_category[self.furniture], 1)
        by_product = dict(
            analysis._read_group(domain, ["catalog_product_id"], ["__count"])
        )
        self.assertEqual(by_product[self.kettle], 1)
        row = analysis.search([("complaint_ref", "=", self.c1.complaint_ref)])
        self.assertEqual(row.product_categ_id, self.kitchen)

    def test_plain_tickets_stay_out_of_the_analysis(self):
        plain = self.env["helpdesk.ticket"].create(
            {
                "name": "Question about a kettle",
                "description": "<p>Does it boil milk?</p>",
                "product_id": self.kettle.id,
            }
        )
        self.assertFalse(plain.is_complaint)
        self.env.flush_all()
        rows = self.env["iso10002.complaint.analysis"].search(
            [("catalog_product_id", "=", self.kettle.id)]
        )
        self.assertEqual(rows.mapped("complaint_ref"), [self.c1.complaint_ref])

    def test_product_is_internal(self):
        field = self.env["helpdesk.ticket"]._fields["product_id"]
        self.assertEqual(field.groups, "base.group_user")
        portal = self.env["res.users"].create(
            {
                "name": "Portal product",
                "login": "iso_portal_product",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        tickets = self.env["helpdesk.ticket"].with_user(portal)
        self.assertFalse(tickets._has_field_access(field, "read"))
