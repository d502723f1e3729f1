# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Any employee logs a complaint from the contact form (iso10002_contact)."""

from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestEmployeeLogsComplaint(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = new_test_user(
            cls.env,
            login="iso_shop_floor",
            name="Sam Shopfloor",
            groups="base.group_user",
            company_id=cls.company.id,
        )
        cls.policy.intake_team_id = cls.team_complaints

    def _log(self, user, channel="phone", **values):
        """The two clicks: 'Log a complaint' on the contact, then 'Log'."""
        action = self.partner.with_user(user).action_log_complaint()
        self.assertEqual(action["res_model"], "iso10002.complaint.log.wizard")
        wizard_model = (
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        with Form(wizard_model) as form:
            form.channel = channel
            form.name = values.get("name", "Rude delivery driver")
            form.description = "The driver threw the parcel over the fence."
            if "received_date" in values:
                form.received_date = values["received_date"]
        wizard = form.save()
        self.assertEqual(wizard.partner_id, self.partner)
        return wizard.action_log()

    def _logged(self, name="Rude delivery driver"):
        return self.env["helpdesk.ticket"].search(
            [("name", "=", name), ("partner_id", "=", self.partner.id)]
        )

    def test_employee_logs_a_phone_complaint_without_reading_the_register(self):
        result = self._log(self.employee)
        complaint = self._logged()
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.is_complaint)
        self.assertTrue(complaint.complaint_ref)
        self.assertIn(complaint.complaint_ref, result["params"]["message"])
        self.assertEqual(
            complaint.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone"),
        )
        self.assertEqual(complaint.team_id, self.team_complaints)
        self.assertEqual(complaint.create_uid, self.employee)
        self.assertFalse(complaint.user_id)
        self.assertNotIn(self.employee.partner_id, complaint.message_partner_ids)
        self.assertIn("received phone", complaint.message_ids[:1].body)
        # no access to the register: not readable, not found, not writable
        as_employee = complaint.with_user(self.employee)
        with self.assertRaises(AccessError):
            as_employee.read(["name"])
        self.assertFalse(
            self.env["helpdesk.ticket"].with_user(self.employee).search_count([])
        )
        field = self.env["res.partner"]._fields["complaint_count"]
        self.assertFalse(
            self.env["res.partner"]
            .with_user(self.employee)
            ._has_field_access(field, "read")
        )

    def test_what_an_employee_typed_stays_theirs(self):
        """The wizard keeps the complaint as typed until the transient
        records are vacuumed: another employee reads none of it."""
        self._log(self.employee)
        colleague = new_test_user(
            self.env,
            login="iso_shop_floor_2",
            groups="base.group_user",
            company_id=self.company.id,
        )
        wizards = self.env["iso10002.complaint.log.wizard"]
        self.assertEqual(len(wizards.with_user(self.employee).search([])), 1)
        self.assertFalse(wizards.with_user(colleague).search([]))
        with self.assertRaises(AccessError):
            wizards.search([]).with_user(colleague).read(["description"])

    def test_channel_and_receipt_date_are_recorded(self):
        received = fields.Datetime.now() - timedelta(days=2)
        received = received.replace(microsecond=0)
        self._log(
            self.employee, channel="letter", name="Letter", received_date=received
        )
        complaint = self._logged("Letter")
        self.assertEqual(
            complaint.channel_id,
            self.env.ref("iso10002_contact.helpdesk_ticket_channel_letter"),
        )
        self.assertEqual(complaint.received_date, received)
        self._log(self.employee, channel="in_person", name="At the counter")
        self.assertEqual(
            self._logged("At the counter").channel_id,
            self.env.ref("iso10002_contact.helpdesk_ticket_channel_in_person"),
        )

    def test_caller_context_sets_no_field_of_the_complaint(self):
        """The complaint is created in sudo: a default_* key sent with the
        call (any JSON-RPC caller may send one) sets nothing on it."""
        wizard = (
            self.env["iso10002.complaint.log.wizard"]
            .with_user(self.employee)
            .create(
                {
                    "partner_id": self.partner.id,
                    "name": "Forged",
                    "description": "Defaults sent with the call.",
                }
            )
        )
        forged_ack = fields.Datetime.now().replace(microsecond=0)
        wizard.with_context(
            default_confidential=True,
            default_ack_date=forged_ack,
        ).action_log()
        complaint = self._logged("Forged")
        self.assertEqual(len(complaint), 1)
        self.assertFalse(complaint.confidential)
        self.assertNotEqual(complaint.ack_date, forged_ack)

    def test_future_receipt_refused(self):
        with self.assertRaisesRegex(UserError, "future"):
            self._log(self.employee, received_date=datetime.now() + timedelta(days=3))

    def test_contact_form_counts_complaints_its_reader_may_see(self):
        self._log(self.employee)
        self._log(self.employee, name="Second one")
        self._create_plain(partner_id=self.partner.id)
        partner = self.partner.with_user(self.helpdesk_manager)
        self.assertEqual(partner.complaint_count, 2, "complaints only, not tickets")
        action = partner.action_view_complaints()
        self.assertEqual(self.env["helpdesk.ticket"].search_count(action["domain"]), 2)
        # a confidential complaint counts for those who may read it only
        self._logged("Second one").confidential = True
        self.partner.invalidate_recordset(["complaint_count"])
        self.assertEqual(partner.with_user(self.helpdesk_user).complaint_count, 1)

    def test_complaint_count_in_one_query_for_many_contacts(self):
        self._log(self.employee)
        others = self.env["res.partner"].create(
            [{"name": f"Other customer {n}"} for n in range(3)]
        )
        for other in others:
            self._create_complaint(partner_id=other.id)
        contacts = (self.partner | others).with_user(self.helpdesk_manager)

        def queries(partners):
            partners.invalidate_recordset(["complaint_count"])
            before = self.env.cr.sql_log_count
            counts = partners.mapped("complaint_count")
            return self.env.cr.sql_log_count - before, counts

        queries(contacts)  # the record rules, once
        one, _counts = queries(contacts[:1])
        four, counts = queries(contacts)
        self.assertEqual(counts, [1, 1, 1, 1])
        self.assertEqual(four, one, "not one query per contact")
