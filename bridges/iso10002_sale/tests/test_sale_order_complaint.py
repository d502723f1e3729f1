# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A salesman logs a complaint from the sale order (iso10002_sale): the
complaint links the order and its product, the salesman gains no access to
the register."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestSaleOrderComplaint(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy.intake_team_id = cls.team_complaints
        # the complaints team reads the orders (all of them)
        (cls.helpdesk_user | cls.helpdesk_manager).group_ids |= cls.env.ref(
            "sales_team.group_sale_salesman_all_leads"
        )
        cls.salesman = new_test_user(
            cls.env,
            login="iso_salesman",
            name="Sally Salesman",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
        )
        cls.other_salesman = new_test_user(
            cls.env,
            login="iso_salesman_2",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
        )
        category = cls.env["product.category"]
        cls.kitchen = category.create({"name": "Kitchen appliances S"})
        cls.furniture = category.create({"name": "Furniture S"})
        product = cls.env["product.product"]
        cls.kettle = product.create(
            {"name": "Kettle K-300", "categ_id": cls.kitchen.id, "list_price": 30}
        )
        cls.sofa = product.create(
            {"name": "Sofa S-4", "categ_id": cls.furniture.id, "list_price": 900}
        )
        cls.lamp = product.create({"name": "Lamp L-1", "categ_id": cls.furniture.id})
        cls.order = cls._create_order(cls.salesman, cls.kettle | cls.sofa)

    @classmethod
    def _create_order(cls, salesman, products, partner=None):
        lines = [Command.create({"display_type": "line_section", "name": "Goods"})]
        lines += [
            Command.create({"product_id": product.id, "product_uom_qty": 1})
            for product in products
        ]
        return cls.env["sale.order"].create(
            {
                "partner_id": (partner or cls.partner).id,
                "user_id": salesman.id,
                "order_line": lines,
            }
        )

    def _open(self, user, order=None):
        """First click: 'Log a complaint' on the order: the wizard's form."""
        action = (order or self.order).with_user(user).action_log_complaint()
        self.assertEqual(action["res_model"], "iso10002.complaint.log.wizard")
        self.assertEqual(action["target"], "new")
        return Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )

    def _log(self, user, channel="phone", name="Sofa arrived scratched", **values):
        """The two clicks; the employee types the complaint in between."""
        with self._open(user, values.pop("order", None)) as form:
            form.channel = channel
            form.name = name
            form.description = "The sofa has a long scratch on its left arm."
            for field, value in values.items():
                setattr(form, field, value)
        return form.save().action_log()

    def _logged(self, name="Sofa arrived scratched"):
        return self.env["helpdesk.ticket"].search([("name", "=", name)])

    def test_salesman_logs_from_the_order_in_two_clicks(self):
        self.assertFalse(
            self.salesman.has_group("helpdesk_mgmt.group_helpdesk_user_own")
        )
        # first click: the wizard, with the order's customer and the order;
        # the order has two products, none is picked for the employee
        form = self._open(self.salesman)
        self.assertEqual(form.partner_id, self.partner)
        self.assertEqual(form.sale_order_id, self.order)
        self.assertFalse(form.product_id)
        form.channel = "letter"
        form.name = "Sofa arrived scratched"
        form.description = "The sofa has a long scratch on its left arm."
        form.product_id = self.sofa
        wizard = form.save()
        self.assertEqual(wizard.order_product_ids, self.kettle | self.sofa)
        # second click: Log
        result = wizard.action_log()
        complaint = self._logged()
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.is_complaint)
        self.assertIn(complaint.complaint_ref, result["params"]["message"])
        self.assertEqual(complaint.sale_order_ids, self.order)
        self.assertEqual(complaint.product_id, self.sofa)
        self.assertEqual(complaint.partner_id, self.partner)
        self.assertEqual(
            complaint.channel_id,
            self.env.ref("iso10002_contact.helpdesk_ticket_channel_letter"),
        )
        self.assertEqual(complaint.team_id, self.team_complaints)
        self.assertEqual(complaint.create_uid, self.salesman)
        self.assertFalse(complaint.user_id)
        self.assertNotIn(self.salesman.partner_id, complaint.message_partner_ids)
        note = complaint.message_ids[:1].body
        self.assertIn(f"from sale order {self.order.name}", note)
        self.assertIn("received letter", note)
        # helpdesk_mgmt_sale's link, seen from the order by the team
        self.assertIn(complaint, self.order.ticket_ids)

    def test_complaint_goes_to_the_team_of_the_orders_company(self):
        """The salesman works in their main company; the order is of the
        other: the complaint is that company's, for its complaints team."""
        other = self.env["res.company"].create({"name": "Other company S"})
        other_team = self.env["helpdesk.ticket.team"].create(
            {
                "name": "Other complaints team",
                "is_complaint_team": True,
                "company_id": other.id,
                "resource_calendar_id": self.calendar.id,
            }
        )
        self.env["iso10002.complaint.policy"]._get_for_company(
            other
        ).intake_team_id = other_team
        self.salesman.company_ids |= other
        order = self.env["sale.order"].create(
            {
                "company_id": other.id,
                "partner_id": self.partner.id,
                "user_id": self.salesman.id,
            }
        )
        self.assertEqual(self.env(user=self.salesman).company, self.company)
        self._log(self.salesman, order=order)
        complaint = self._logged()
        self.assertEqual(complaint.company_id, other)
        self.assertEqual(complaint.team_id, other_team)
        self.assertEqual(complaint.sale_order_ids, order)

    def test_anonymisation_forgets_the_order(self):
        self._log(self.salesman, product_id=self.sofa)
        complaint = self._logged()
        self.assertEqual(complaint.sale_order_ids, self.order)
        self._close(complaint)
        complaint._iso_anonymise()
        self.assertTrue(complaint.anonymised)
        self.assertFalse(complaint.sale_order_ids)
        self.assertNotIn(complaint, self.order.ticket_ids)
        # sales keeps its order
        self.assertTrue(self.order.exists())

    def test_person_complained_about_does_not_change_the_orders(self):
        subject = new_test_user(
            self.env,
            login="iso_subject_sales",
            groups="iso10002_complaints.group_complaint_manager,"
            "sales_team.group_sale_salesman_all_leads",
            company_id=self.company.id,
        )
        self._log(self.salesman)
        complaint = self._logged()
        complaint.subject_user_ids = subject
        other = self._create_order(self.salesman, self.lamp)
        with self.assertRaisesRegex(AccessError, "the complaint is about them"):
            complaint.with_user(subject).sale_order_ids = [Command.link(other.id)]
        with self.assertRaisesRegex(AccessError, "the complaint is about them"):
            complaint.with_user(subject).sale_order_ids = [Command.clear()]
        self.assertEqual(complaint.sale_order_ids, self.order)
        # the complaints team does
        complaint.with_user(self.helpdesk_user).sale_order_ids = [
            Command.link(other.id)
        ]
        self.assertEqual(complaint.sale_order_ids, self.order | other)

    def test_salesman_gains_no_access_to_the_register(self):
        self._log(self.salesman)
        complaint = self._logged()
        with self.assertRaises(AccessError):
            complaint.with_user(self.salesman).read(["name"])
        tickets = self.env["helpdesk.ticket"].with_user(self.salesman)
        self.assertFalse(tickets.search_count([]))
        order = self.order.with_user(self.salesman)
        # neither through the order: its tickets list shows none, its count
        # of complaints is not theirs to read
        self.assertFalse(order.ticket_ids)
        field = self.env["sale.order"]._fields["complaint_count"]
        self.assertFalse(order._has_field_access(field, "read"))
        with self.assertRaises(AccessError):
            order.read(["complaint_count"])

    def test_one_product_order_prefills_the_product(self):
        order = self._create_order(self.salesman, self.kettle)
        self.assertEqual(self._open(self.salesman, order).product_id, self.kettle)
        self._log(self.salesman, order=order, name="Kettle leaks")
        self.assertEqual(self._logged("Kettle leaks").product_id, self.kettle)

    def test_order_complaint_in_the_analysis_by_product_category(self):
        self._log(self.salesman, product_id=self.sofa)
        complaint = self._logged()
        self.env.flush_all()
        row = self.env["iso10002.complaint.analysis"].search(
            [("complaint_ref", "=", complaint.complaint_ref)]
        )
        self.assertEqual(row.catalog_product_id, self.sofa)
        self.assertEqual(row.product_categ_id, self.furniture)

    def test_order_form_counts_complaints_its_reader_may_see(self):
        self._log(self.salesman)
        self._log(self.salesman, name="Second one", channel="in_person")
        self._create_plain(sale_order_ids=[Command.link(self.order.id)])
        order = self.order.with_user(self.helpdesk_manager)
        self.assertEqual(order.complaint_count, 2, "complaints only, not tickets")
        action = order.action_view_complaints()
        self.assertEqual(self.env["helpdesk.ticket"].search_count(action["domain"]), 2)
        # a confidential complaint counts for those who may read it only
        self._logged("Second one").confidential = True
        self.order.invalidate_recordset(["complaint_count"])
        self.assertEqual(order.with_user(self.helpdesk_user).complaint_count, 1)
        self.order.invalidate_recordset(["complaint_count"])
        self.assertEqual(self.order.complaint_count, 2, "in sudo: both")

    def test_complaint_count_in_one_query_for_many_orders(self):
        self._log(self.salesman)
        others = self.env["sale.order"].browse(
            [self._create_order(self.salesman, self.kettle).id for _n in range(3)]
        )
        for other in others:
            self._create_complaint(sale_order_ids=[Command.link(other.id)])
        orders = (self.order | others).with_user(self.helpdesk_manager)

        def queries(records):
            records.invalidate_recordset(["complaint_count"])
            before = self.env.cr.sql_log_count
            counts = records.mapped("complaint_count")
            return self.env.cr.sql_log_count - before, counts

        queries(orders)  # the record rules, once
        one, _counts = queries(orders[:1])
        four, counts = queries(orders)
        self.assertEqual(counts, [1, 1, 1, 1])
        self.assertEqual(four, one, "not one query per order")

    def test_helpdesk_user_without_sales_copies_a_ticket_of_an_order(self):
        """The copy does not keep the orders (it read them as the user)."""
        agent = new_test_user(
            self.env,
            login="iso_agent_no_sales",
            groups="helpdesk_mgmt.group_helpdesk_user",
            company_id=self.company.id,
        )
        ticket = self._create_plain(sale_order_ids=[Command.link(self.order.id)])
        copy = ticket.with_user(agent).copy()
        self.assertEqual(copy.name, ticket.name)
        self.assertFalse(copy.sudo().sale_order_ids)
        self.assertEqual(ticket.sale_order_ids, self.order)

    def test_complainant_must_be_the_orders_customer(self):
        stranger = self.env["res.partner"].create({"name": "Not the customer"})
        with self.assertRaisesRegex(UserError, "is not the customer of"):
            self._log(self.salesman, partner_id=stranger)
        self.assertFalse(self._logged())
        # a contact of the customer company complains about its order
        company = self.env["res.partner"].create(
            {"name": "Customer Ltd", "is_company": True}
        )
        buyer = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": company.id}
        )
        order = self._create_order(self.salesman, self.kettle, partner=company)
        self._log(self.salesman, order=order, partner_id=buyer, name="By the buyer")
        self.assertEqual(self._logged("By the buyer").sale_order_ids, order)

    def test_product_must_be_on_the_order(self):
        with self.assertRaisesRegex(UserError, "is not on"):
            self._log(self.salesman, product_id=self.lamp)
        self.assertFalse(self._logged())

    def test_order_the_employee_may_not_read_is_refused(self):
        """The complaint is created in sudo: an order of another salesman
        (own documents only) cannot be linked by id."""
        theirs = self._create_order(self.other_salesman, self.lamp)
        with self.assertRaises(AccessError):
            self.env["iso10002.complaint.log.wizard"].with_user(self.salesman).create(
                {
                    "partner_id": self.partner.id,
                    "sale_order_id": theirs.id,
                    "name": "Not my order",
                    "description": "Linked by id over RPC.",
                }
            ).action_log()
        self.assertFalse(self._logged("Not my order"))
