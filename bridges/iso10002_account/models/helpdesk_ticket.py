# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer invoice a complaint is about.

Internal (``groups=``, as portal_fields.py classifies the complaint's
fields): the link is a fact of the handling, set by the employee who logs
the complaint or by its handler; the complainant reads their invoices in
their own portal (account's rules), and the complaint's portal page shows
no invoice. A person complained about does not change it (objectivity,
ISO 10002 4.7), as the product of the complaint.
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.iso10002_complaints.models.portal_fields import INTERNAL_GROUPS

# the customer documents a complaint may be about
CUSTOMER_INVOICE_TYPES = ("out_invoice", "out_refund")


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    invoice_id = fields.Many2one(
        "account.move",
        groups=INTERNAL_GROUPS,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        domain=[("move_type", "in", CUSTOMER_INVOICE_TYPES)],
        help="The customer invoice the complaint is about.",
    )

    @api.model
    def _iso_personal_fields(self):
        # the invoice names the complainant, as the order reference does
        return super()._iso_personal_fields() | {"invoice_id"}

    def _iso_erase_fields(self):
        """Anonymisation (4.10): the complaint forgets the invoice and the
        credit notes of its redress, which name the complainant; accounting
        keeps them as the law asks (the credit note names the reference of
        the complaint only)."""
        res = super()._iso_erase_fields()
        self.write({"invoice_id": False})
        self.remedy_ids.write({"refund_move_id": False})
        return res

    def write(self, vals):
        if "invoice_id" in vals and not self._iso_system_trusted():
            self._iso_check_not_subject()
        return super().write(vals)

    @api.constrains("invoice_id")
    def _check_invoice_id(self):
        # sudo: the handler may not read invoices; only the type is checked
        for ticket in self.sudo().filtered("invoice_id"):
            if ticket.invoice_id.move_type not in CUSTOMER_INVOICE_TYPES:
                raise ValidationError(
                    self.env._(
                        "%(ticket)s: a complaint is about a customer invoice or "
                        "credit note, not %(move)s.",
                        ticket=ticket.complaint_ref or ticket.display_name,
                        move=ticket.invoice_id.display_name,
                    )
                )
