# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import Form

from odoo.addons.iso10002_complaints.tests.redress_common import RedressCommon


class AccountComplaintCommon(RedressCommon):
    """A posted customer invoice of 100 for the complainant, without taxes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy.intake_team_id = cls.team_complaints
        cls.customer = cls.partner_no_email
        cls.invoice = cls._invoice(cls.customer, 100.0)

    @classmethod
    def _invoice(cls, partner, amount, move_type="out_invoice"):
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Kettle",
                            "quantity": 1.0,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def _log_from_invoice(self, user, invoice=None, channel="letter", name=None):
        """The two clicks: 'Log a complaint' on the invoice, then 'Log'."""
        invoice = (invoice or self.invoice).with_user(user)
        action = invoice.action_log_complaint()
        self.assertEqual(action["res_model"], "iso10002.complaint.log.wizard")
        wizard_model = (
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        with Form(wizard_model) as form:
            form.channel = channel
            form.name = name or "Charged twice for delivery"
            form.description = "The invoice charges the delivery twice."
        wizard = form.save()
        self.assertEqual(wizard.partner_id, invoice.partner_id)
        self.assertEqual(wizard.invoice_id, invoice)
        return wizard.action_log()

    def _logged(self, name="Charged twice for delivery"):
        return self.env["helpdesk.ticket"].search([("name", "=", name)])
