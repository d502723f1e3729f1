# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An accountant logs a complaint from a customer invoice (iso10002_account)."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import AccountComplaintCommon


@tagged("post_install", "-at_install")
class TestInvoiceComplaint(AccountComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # invoicing, and nothing of the helpdesk
        cls.billing = new_test_user(
            cls.env,
            login="iso_billing",
            name="Bill Billing",
            groups="account.group_account_invoice",
            company_id=cls.company.id,
        )
        # invoicing, and a helpdesk user of the complaints team
        cls.billing_handler = new_test_user(
            cls.env,
            login="iso_billing_handler",
            name="Hannah Billing",
            groups="account.group_account_invoice,helpdesk_mgmt.group_helpdesk_user",
            company_id=cls.company.id,
        )
        cls.team_complaints.user_ids |= cls.billing_handler

    def test_billing_user_logs_from_the_invoice_without_reading_the_register(self):
        self.assertFalse(self.billing.has_group("helpdesk_mgmt.group_helpdesk_user"))
        result = self._log_from_invoice(self.billing)
        complaint = self._logged()
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.is_complaint)
        self.assertIn(complaint.complaint_ref, result["params"]["message"])
        self.assertEqual(complaint.invoice_id, self.invoice)
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.company_id, self.invoice.company_id)
        self.assertEqual(complaint.team_id, self.team_complaints)
        self.assertEqual(
            complaint.channel_id,
            self.env.ref("iso10002_contact.helpdesk_ticket_channel_letter"),
        )
        self.assertEqual(complaint.create_uid, self.billing)
        self.assertFalse(complaint.user_id)
        self.assertNotIn(self.billing.partner_id, complaint.message_partner_ids)
        note = complaint.message_ids[:1].body
        self.assertIn(f"from invoice {self.invoice.name}", note)
        self.assertIn("received letter", note)
        # no access to the register: not readable, not found, no count
        with self.assertRaises(AccessError):
            complaint.with_user(self.billing).read(["name"])
        tickets = self.env["helpdesk.ticket"].with_user(self.billing)
        self.assertFalse(tickets.search_count([]))
        self.assertFalse(tickets.search_count([("invoice_id", "=", self.invoice.id)]))
        moves = self.env["account.move"].with_user(self.billing)
        self.assertFalse(
            moves._has_field_access(moves._fields["complaint_count"], "read")
        )
        with self.assertRaises(AccessError):
            self.invoice.with_user(self.billing).read(["complaint_count"])

    def test_logged_from_the_contact_form_as_before(self):
        """Without an invoice, the wizard logs as iso10002_contact does."""
        self.customer.with_user(self.billing).action_log_complaint()
        wizard = (
            self.env["iso10002.complaint.log.wizard"]
            .with_user(self.billing)
            .create(
                {
                    "partner_id": self.customer.id,
                    "name": "From the contact",
                    "description": "Rude on the phone.",
                }
            )
        )
        wizard.action_log()
        complaint = self._logged("From the contact")
        self.assertFalse(complaint.invoice_id)
        self.assertIn("from the contact form", complaint.message_ids[:1].body)

    def test_invoice_must_be_the_customers_and_readable(self):
        other = self.env["res.partner"].create({"name": "Someone Else"})
        wizards = self.env["iso10002.complaint.log.wizard"].with_user(self.billing)
        values = {
            "partner_id": other.id,
            "invoice_id": self.invoice.id,
            "name": "Wrong customer",
            "description": "Not their invoice.",
        }
        with self.assertRaisesRegex(UserError, "is not Someone Else's"):
            wizards.create(values).action_log()
        # an employee without access to invoices names none over RPC
        shop_floor = new_test_user(
            self.env,
            login="iso_shop_floor_acc",
            groups="base.group_user",
            company_id=self.company.id,
        )
        with self.assertRaises(AccessError):
            self.env["iso10002.complaint.log.wizard"].with_user(shop_floor).create(
                dict(values, partner_id=self.customer.id)
            ).action_log()
        # a vendor bill is no customer invoice
        bill = self.env["account.move"].create(
            {"move_type": "in_invoice", "partner_id": self.customer.id}
        )
        with self.assertRaisesRegex(UserError, "customer invoice"):
            bill.with_user(self.billing).action_log_complaint()
        with self.assertRaisesRegex(UserError, "customer invoice"):
            wizards.create(
                dict(values, partner_id=self.customer.id, invoice_id=bill.id)
            ).action_log()
        # nor is an invoice without its customer yet
        draft = self.env["account.move"].create({"move_type": "out_invoice"})
        with self.assertRaisesRegex(UserError, "customer invoice"):
            draft.with_user(self.billing).action_log_complaint()
        self.assertFalse(self._logged("Wrong customer"))

    def test_invoice_counts_the_complaints_its_reader_may_see(self):
        self._log_from_invoice(self.billing)
        self._log_from_invoice(self.billing, name="Second one")
        # a complaint about another invoice, and a plain ticket
        self._log_from_invoice(
            self.billing,
            invoice=self._invoice(self.customer, 30.0),
            name="Other invoice",
        )
        self._create_plain(partner_id=self.customer.id)
        as_reader = self.invoice.with_user(self.billing_handler)
        self.assertEqual(as_reader.complaint_count, 2)
        action = as_reader.action_view_complaints()
        self.assertEqual(
            self.env["helpdesk.ticket"]
            .with_user(self.billing_handler)
            .search_count(action["domain"]),
            2,
        )
        # a confidential complaint counts for those who may read it only
        self._logged("Second one").confidential = True
        self.invoice.invalidate_recordset(["complaint_count"])
        self.assertEqual(as_reader.complaint_count, 1)
        self.invoice.invalidate_recordset(["complaint_count"])
        self.assertEqual(self.invoice.complaint_count, 2)

    def test_complaint_count_in_one_query_for_many_invoices(self):
        invoices = self.invoice | self._invoice(self.customer, 10.0)
        invoices |= self._invoice(self.customer, 20.0)
        for invoice in invoices:
            self._log_from_invoice(self.billing, invoice=invoice, name=invoice.name)
        invoices = invoices.with_user(self.billing_handler)

        def queries(moves):
            moves.invalidate_recordset(["complaint_count"])
            before = self.env.cr.sql_log_count
            counts = moves.mapped("complaint_count")
            return self.env.cr.sql_log_count - before, counts

        queries(invoices)  # the record rules, once
        one, _counts = queries(invoices[:1])
        three, counts = queries(invoices)
        self.assertEqual(counts, [1, 1, 1])
        self.assertEqual(three, one, "not one query per invoice")
        self.assertLessEqual(one, 2)

    def test_invoice_link_is_internal_and_objective(self):
        complaint = self._complaint(invoice_id=self.invoice.id)
        field = self.env["helpdesk.ticket"]._fields["invoice_id"]
        portal = new_test_user(
            self.env, login="iso_portal_acc", groups="base.group_portal"
        )
        self.assertFalse(
            self.env["helpdesk.ticket"]
            .with_user(portal)
            ._has_field_access(field, "read")
        )
        # the handler without accounting rights sees which invoice
        values = complaint.with_user(self.helpdesk_user).web_read(
            {"invoice_id": {"fields": {"display_name": {}}}}
        )
        self.assertEqual(
            values[0]["invoice_id"],
            {"id": self.invoice.id, "display_name": self.invoice.display_name},
        )
        # nobody complained about changes it
        with self.assertRaises(AccessError):
            complaint.with_user(self.subject).invoice_id = False
        self.assertEqual(complaint.invoice_id, self.invoice)
