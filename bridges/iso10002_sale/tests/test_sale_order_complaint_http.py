# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The two clicks from the sale order over real HTTP, as the web client
sends them (iso10002_sale)."""

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.iso10002_complaints.tests.common import ComplaintCommon
from odoo.addons.iso10002_complaints.tests.rpc_common import JsonRpcMixin


@tagged("post_install", "-at_install")
class TestSaleOrderComplaintHttp(JsonRpcMixin, ComplaintCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy.intake_team_id = cls.team_complaints
        cls.salesman = new_test_user(
            cls.env,
            login="iso_salesman_http",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company.id,
        )
        cls.kettle = cls.env["product.product"].create({"name": "Kettle K-400"})
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.partner.id,
                "user_id": cls.salesman.id,
                "order_line": [Command.create({"product_id": cls.kettle.id})],
            }
        )

    def _button(self, model, method, ids, context):
        return self._jsonrpc(
            f"/web/dataset/call_button/{model}.{method}",
            {
                "model": model,
                "method": method,
                "args": [ids],
                "kwargs": {"context": context},
            },
        )

    def test_salesman_logs_from_the_order_over_http(self):
        self.authenticate("iso_salesman_http", "iso_salesman_http")
        # first click: the order's button gives the wizard's action
        ok, action = self._button(
            "sale.order", "action_log_complaint", [self.order.id], {}
        )
        self.assertTrue(ok, action)
        self.assertEqual(action["res_model"], "iso10002.complaint.log.wizard")
        context = action["context"]
        # the web client saves the wizard's form with the action's context:
        # the customer, the order and its only product come filled in
        ok, saved = self._jsonrpc(
            *self._call_kw_request(
                "iso10002.complaint.log.wizard",
                "web_save",
                [
                    [],
                    {
                        "channel": "in_person",
                        "name": "Kettle leaks",
                        "description": "At the counter.",
                    },
                ],
                {
                    "context": context,
                    "specification": {
                        "partner_id": {},
                        "sale_order_id": {},
                        "product_id": {},
                    },
                },
            )
        )
        self.assertTrue(ok, saved)
        self.assertEqual(saved[0]["partner_id"], self.partner.id)
        self.assertEqual(saved[0]["sale_order_id"], self.order.id)
        self.assertEqual(saved[0]["product_id"], self.kettle.id)
        # second click: Log (a default_* key added to the call sets nothing)
        ok, done = self._button(
            "iso10002.complaint.log.wizard",
            "action_log",
            [saved[0]["id"]],
            dict(context, default_confidential=True),
        )
        self.assertTrue(ok, done)
        complaint = self.env["helpdesk.ticket"].search([("name", "=", "Kettle leaks")])
        self.assertEqual(len(complaint), 1)
        self.assertIn(complaint.complaint_ref, done["params"]["message"])
        self.assertEqual(complaint.sale_order_ids, self.order)
        self.assertEqual(complaint.product_id, self.kettle)
        self.assertEqual(
            complaint.channel_id,
            self.env.ref("iso10002_contact.helpdesk_ticket_channel_in_person"),
        )
        self.assertFalse(complaint.confidential)
        # and the salesman reads neither the complaint nor the order's count
        ok, error = self._ticket_call("read", [complaint.ids, ["name"]])
        self.assertEqual((ok, error), (False, "odoo.exceptions.AccessError"))
        ok, error = self._jsonrpc(
            *self._call_kw_request(
                "sale.order", "read", [self.order.ids, ["complaint_count"]]
            )
        )
        self.assertEqual((ok, error), (False, "odoo.exceptions.AccessError"))
