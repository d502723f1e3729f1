# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""'Log a complaint' (iso10002_contact) from a customer invoice: the
complaint records the invoice, goes to the complaints team of the
invoice's company, and the note says which invoice it was logged from."""

from odoo import fields, models
from odoo.exceptions import UserError

from ..models.helpdesk_ticket import CUSTOMER_INVOICE_TYPES


class ComplaintLogWizard(models.TransientModel):
    _inherit = "iso10002.complaint.log.wizard"

    invoice_id = fields.Many2one(
        "account.move",
        ondelete="cascade",
        domain=[("move_type", "in", CUSTOMER_INVOICE_TYPES)],
        help="The customer invoice the complaint is about.",
    )

    def _check_log(self):
        res = super()._check_log()
        invoice = self.invoice_id
        if not invoice:
            return res
        # as the employee: a complaint names only an invoice they may open
        # (the complaint itself is created in sudo)
        invoice.check_access("read")
        if invoice.move_type not in CUSTOMER_INVOICE_TYPES:
            raise UserError(
                self.env._(
                    "A complaint is about a customer invoice or credit note; "
                    "%(move)s is not one.",
                    move=invoice.display_name,
                )
            )
        if invoice.commercial_partner_id != self.partner_id.commercial_partner_id:
            raise UserError(
                self.env._(
                    "Invoice %(invoice)s is not %(partner)s's: log the complaint "
                    "for the invoice's customer, or without the invoice.",
                    invoice=invoice.display_name,
                    partner=self.partner_id.display_name,
                )
            )
        return res

    def _complaint_company(self):
        return self.invoice_id.company_id or super()._complaint_company()

    def _complaint_values(self, team, company):
        values = super()._complaint_values(team, company)
        if self.invoice_id:
            values["invoice_id"] = self.invoice_id.id
        return values

    def _logged_from(self):
        if self.invoice_id:
            return self.env._("invoice %(invoice)s", invoice=self.invoice_id.name)
        return super()._logged_from()
