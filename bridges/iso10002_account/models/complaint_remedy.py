# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A redress refunded in accounting (issue 13): the customer credit note of
an accepted redress, and the redress paid as the credit note says.

The complaint's handler drafts the credit note from the remedy; accounting
checks and posts it (the handler needs no accounting rights, and posting
stays with those who have them). The credit note is for the redress
accepted (its cost), for the complainant, and, when the complaint names a
posted customer invoice, reverses part of it: once posted it is set
against what is still due on the invoice, or left as a credit that
accounting pays back. The rules of the redress apply: accepted, approved
by a second person when the policy asks for it, and never by a person
complained about.
"""

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

from odoo.addons.iso10002_complaints.models.system_write import (
    in_system_write,
    system_write,
)

# the remedies paid to the complainant (a repair's cost is the company's)
REFUNDABLE_REMEDIES = ("refund", "compensation")


class ComplaintRemedy(models.Model):
    _inherit = "iso10002.complaint.remedy"

    refund_move_id = fields.Many2one(
        "account.move",
        string="Credit note",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The customer credit note of the redress, drafted from the "
        "complaint and posted by accounting.",
    )

    def write(self, vals):
        if "refund_move_id" in vals and not (self.env.su or in_system_write()):
            raise UserError(
                self.env._(
                    "The credit note of a redress is linked by 'Credit note' on "
                    "the remedy only."
                )
            )
        if "cost" in vals or vals.get("redress_state") in ("offered", "declined"):
            self._check_refund_kept(vals)
        return super().write(vals)

    def _check_refund_kept(self, vals):
        """The redress of a credit note stays as credited: its amount, and
        accepted (or paid), unless accounting cancels the credit note."""
        for remedy in self:
            # sudo: the state of the credit note linked to this remedy
            move = remedy.refund_move_id.sudo()
            if not move or move.state == "cancel":
                continue
            if vals.get("redress_state") in ("offered", "declined") or (
                "cost" in vals
                and remedy.currency_id.compare_amounts(vals["cost"], remedy.cost)
            ):
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s: the redress has its credit note, "
                        "%(move)s; ask accounting to cancel it before changing "
                        "the redress.",
                        ref=remedy.ticket_id.complaint_ref
                        or remedy.ticket_id.display_name,
                        move=move.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_refund(self):
        for remedy in self:
            # sudo: the state of the credit note linked to this remedy
            move = remedy.refund_move_id.sudo()
            if move and move.state != "cancel":
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s: the redress has its credit note, "
                        "%(move)s; ask accounting to cancel it before deleting "
                        "the redress.",
                        ref=remedy.ticket_id.complaint_ref
                        or remedy.ticket_id.display_name,
                        move=move.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # The credit note
    # ------------------------------------------------------------------
    def _refund_check(self):
        """Refuse the credit note of this redress, with the reason."""
        self.ensure_one()
        ticket = self.ticket_id
        ref = ticket.complaint_ref or ticket.display_name
        # objectivity (4.7): nobody complained about refunds their complaint
        ticket._iso_check_not_subject()
        self.check_access("write")
        if self.remedy_type not in REFUNDABLE_REMEDIES:
            raise UserError(
                self.env._(
                    "Complaint %(ref)s: a credit note is for a refund or a "
                    "compensation, not for %(remedy)s.",
                    ref=ref,
                    remedy=dict(
                        self._fields["remedy_type"]._description_selection(self.env)
                    )[self.remedy_type].lower(),
                )
            )
        if self.redress_state != "accepted":
            raise UserError(
                self.env._(
                    "Complaint %(ref)s: a credit note is made for a redress the "
                    "complainant accepted (this one is %(state)s).",
                    ref=ref,
                    state=self._redress_label(self.redress_state).lower(),
                )
            )
        # sudo: the state of the credit note linked to this remedy
        if self.refund_move_id and self.refund_move_id.sudo().state != "cancel":
            raise UserError(
                self.env._(
                    "Complaint %(ref)s: the redress already has its credit note, "
                    "%(move)s.",
                    ref=ref,
                    move=self.refund_move_id.sudo().display_name,
                )
            )
        if self.currency_id.compare_amounts(self.cost, 0.0) <= 0:
            raise UserError(
                self.env._(
                    "Complaint %(ref)s: give the amount of the redress (its cost) "
                    "before its credit note.",
                    ref=ref,
                )
            )
        if not ticket.partner_id:
            raise UserError(
                self.env._(
                    "Complaint %(ref)s has no complainant contact to credit.",
                    ref=ref,
                )
            )
        # four-eyes (4.9): as paying the redress
        ticket._iso_check_approved(self.env._("refund the redress"))

    def _refund_values(self):
        self.ensure_one()
        ticket = self.ticket_id
        ref = ticket.complaint_ref or ticket.display_name
        # sudo: the handler may not read invoices; the complaint's invoice
        # gives the customer to credit and the invoice reversed
        invoice = ticket.sudo().invoice_id
        reversed_invoice = (
            invoice
            if invoice.move_type == "out_invoice" and invoice.state == "posted"
            else invoice.browse()
        )
        partner = invoice.partner_id or ticket.partner_id
        remedy = dict(self._fields["remedy_type"]._description_selection(self.env))[
            self.remedy_type
        ]
        return {
            "move_type": "out_refund",
            "company_id": ticket.company_id.id,
            "partner_id": partner.id,
            "currency_id": self.currency_id.id,
            "reversed_entry_id": reversed_invoice.id,
            "invoice_origin": ticket.complaint_ref,
            "ref": self.env._("Redress of complaint %(ref)s", ref=ref),
            "invoice_line_ids": [
                Command.create(
                    {
                        "name": self.env._(
                            "%(remedy)s, complaint %(ref)s", remedy=remedy, ref=ref
                        ),
                        "quantity": 1.0,
                        "price_unit": self.cost,
                        # compensation is not a sale: accounting adds the
                        # taxes on the draft when it reduces a taxed price
                        "tax_ids": [Command.clear()],
                    }
                )
            ],
        }

    def action_create_refund(self):
        """Draft the customer credit note of the accepted redress."""
        self._refund_check()
        ticket = self.ticket_id
        # sudo: the handler drafts the credit note without accounting
        # rights; accounting checks and posts it (posting needs them)
        move = (
            self.env["account.move"]
            .sudo()
            .with_company(ticket.company_id)
            .create(self._refund_values())
        )
        with system_write():
            self.write({"refund_move_id": move.id})
        ticket.message_post(
            body=self.env._(
                "Credit note %(move)s drafted for the redress (%(amount)s), for "
                "accounting to post.",
                move=move.display_name,
                amount=format_amount(self.env, move.amount_total, move.currency_id),
            ),
            subtype_xmlid="mail.mt_note",
        )
        if move.with_env(self.env).has_access("read"):
            return {
                "type": "ir.actions.act_window",
                "res_model": "account.move",
                "res_id": move.id,
                "view_mode": "form",
            }
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("Credit note drafted"),
                "message": self.env._(
                    "Credit note %(move)s is drafted; accounting posts it.",
                    move=move.display_name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    # ------------------------------------------------------------------
    # The redress paid, from the credit note
    # ------------------------------------------------------------------
    def _refund_payment_values(self):
        """Date, amount and method of the redress paid by its posted
        credit note: the payments that paid it back, else the credit to
        the customer's account on the credit note's date."""
        self.ensure_one()
        # sudo: the credit note of this remedy and its payments, read for
        # their dates and amounts only
        move = self.refund_move_id.sudo()
        if not move or move.state != "posted":
            raise UserError(
                self.env._(
                    "Complaint %(ref)s: the redress is paid from its credit note "
                    "once accounting has posted it.",
                    ref=self.ticket_id.complaint_ref or self.ticket_id.display_name,
                )
            )
        payments = move._get_reconciled_payments()
        if payments:
            date = max(payments.mapped("date"))
            method = (
                "cash"
                if all(p.journal_id.type == "cash" for p in payments)
                else "bank_transfer"
            )
        else:
            date = move.invoice_date or move.date
            method = "account_credit"
        return {
            # a date of accounting's day, ahead of the complaint's zone,
            # is today where the complaint is handled
            "paid_date": min(date, self.ticket_id._iso_day()),
            "paid_amount": abs(move.amount_total_signed),
            "payment_method": method,
        }

    def action_redress_paid_from_refund(self):
        """Mark the redress paid as its posted credit note says (the
        redress's rules apply: accepted, approved, not by a person
        complained about)."""
        for remedy in self:
            values = remedy._refund_payment_values()
            remedy.write(dict(values, redress_state="paid"))
        return True
