# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The credit note of an accepted redress, and the redress paid from it
(iso10002_account)."""

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AccountComplaintCommon


@tagged("post_install", "-at_install")
class TestRedressRefund(AccountComplaintCommon):
    def _accepted(self, cost, complaint=None, remedy_type="compensation"):
        complaint = complaint or self._complaint(invoice_id=self.invoice.id)
        remedy = self.env["iso10002.complaint.remedy"].create(
            {
                "ticket_id": complaint.id,
                "remedy_type": remedy_type,
                "description": "Goodwill payment",
                "cost": cost,
                "redress_state": "accepted",
            }
        )
        return complaint, remedy

    def _post(self, move):
        # dated on the complaint's day (the test users live 25 hours apart)
        move.invoice_date = move.reversed_entry_id.invoice_date or fields.Date.today()
        move.action_post()
        return move

    def test_credit_note_of_an_approved_redress(self):
        complaint, remedy = self._accepted(600.0)
        as_handler = remedy.with_user(self.helpdesk_user)
        # four-eyes: refused before the required approval
        with self._refused(UserError, "before you refund the redress"):
            as_handler.action_create_refund()
        self.assertFalse(remedy.refund_move_id)
        complaint.with_user(self.helpdesk_user).action_request_approval()
        with self._refused(UserError, "before you refund the redress"):
            as_handler.action_create_refund()
        complaint.with_user(self.approver).action_approve()

        # the handler, without accounting rights, drafts it
        self.assertFalse(self.helpdesk_user.has_group("account.group_account_invoice"))
        result = as_handler.action_create_refund()
        move = remedy.refund_move_id
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn(move.display_name, result["params"]["message"])
        self.assertRecordValues(
            move,
            [
                {
                    "move_type": "out_refund",
                    "state": "draft",
                    "partner_id": self.customer.id,
                    "company_id": complaint.company_id.id,
                    "currency_id": remedy.currency_id.id,
                    "reversed_entry_id": self.invoice.id,
                    "invoice_origin": complaint.complaint_ref,
                    "amount_untaxed": 600.0,
                    "amount_total": 600.0,
                }
            ],
        )
        self.assertIn(complaint.complaint_ref, move.ref)
        note = complaint.message_ids[:1].body
        self.assertIn(move.display_name, note)
        self.assertIn("600.00", note)
        # one credit note per redress; the link is the action's only
        with self._refused(UserError, "already has its credit note"):
            as_handler.action_create_refund()
        with self._refused(UserError, "linked by 'Credit note'"):
            as_handler.refund_move_id = False
        # the redress stays as credited, unless accounting cancels it
        with self._refused(UserError, "ask accounting to cancel it"):
            as_handler.cost = 700.0
        with self._refused(UserError, "ask accounting to cancel it"):
            as_handler.redress_state = "declined"
        with self._refused(UserError, "ask accounting to cancel it"):
            as_handler.unlink()
        # not paid until accounting posts it
        with self._refused(UserError, "once accounting has posted it"):
            as_handler.action_redress_paid_from_refund()
        self.assertEqual(remedy.redress_state, "accepted")
        # cancelled: the redress may change, and be credited again
        move.button_cancel()
        as_handler.cost = 650.0
        self.assertEqual(complaint.approval_state, "to_approve")
        complaint.with_user(self.approver).action_approve()
        as_handler.action_create_refund()
        self.assertNotEqual(remedy.refund_move_id, move)
        self.assertEqual(remedy.refund_move_id.amount_total, 650.0)

    def test_redress_paid_follows_the_credit_note_set_against_the_invoice(self):
        complaint, remedy = self._accepted(40.0)
        remedy.with_user(self.helpdesk_user).action_create_refund()
        move = self._post(remedy.refund_move_id)
        # the credit note reverses part of the invoice: 60 left to pay
        self.assertEqual(self.invoice.amount_residual, 60.0)
        self.assertEqual(move.payment_state, "paid")
        remedy.with_user(self.helpdesk_user).action_redress_paid_from_refund()
        self.assertRecordValues(
            remedy,
            [
                {
                    "redress_state": "paid",
                    "paid_amount": 40.0,
                    "paid_date": min(move.invoice_date, complaint._iso_day()),
                    "payment_method": "account_credit",
                }
            ],
        )
        self.assertEqual(complaint.redress_paid_amount, 40.0)

    def test_redress_paid_follows_the_refund_payment(self):
        """No invoice named: a credit note for the complainant, paid back
        by a bank payment."""
        complaint, remedy = self._accepted(
            25.0, complaint=self._complaint(), remedy_type="refund"
        )
        accountant = self.env.user  # the administrator has accounting rights
        result = remedy.with_user(self.helpdesk_manager).action_create_refund()
        move = remedy.refund_move_id
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(move.partner_id, complaint.partner_id)
        self.assertFalse(move.reversed_entry_id)
        self.assertEqual(move.amount_total, 25.0)
        self._post(move.with_user(accountant))
        self.assertEqual(move.payment_state, "not_paid")
        payment_date = min(fields.Date.today(), complaint._iso_day())
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=move.ids
        ).create({"payment_date": payment_date})._create_payments()
        self.assertIn(move.payment_state, ("paid", "in_payment"))
        remedy.with_user(self.helpdesk_user).action_redress_paid_from_refund()
        self.assertRecordValues(
            remedy,
            [
                {
                    "redress_state": "paid",
                    "paid_amount": 25.0,
                    "paid_date": payment_date,
                    "payment_method": "bank_transfer",
                }
            ],
        )

    def test_refused_to_the_person_complained_about(self):
        _complaint, remedy = self._accepted(30.0)
        with self._refused(AccessError, "the complaint is about them"):
            remedy.with_user(self.subject).action_create_refund()
        self.assertFalse(remedy.refund_move_id)

    def test_refused_before_acceptance_and_for_remedies_not_paid(self):
        complaint = self._complaint(invoice_id=self.invoice.id)
        offered = self._remedy(complaint, 30.0)
        with self._refused(UserError, "the complainant accepted"):
            offered.with_user(self.helpdesk_user).action_create_refund()
        _complaint, repair = self._accepted(
            30.0, complaint=complaint, remedy_type="repair"
        )
        with self._refused(UserError, "not for repair"):
            repair.with_user(self.helpdesk_user).action_create_refund()
        _complaint, free = self._accepted(0.0, complaint=complaint)
        with self._refused(UserError, "amount of the redress"):
            free.with_user(self.helpdesk_user).action_create_refund()
        # a user who may not write the complaint drafts nothing
        _complaint, remedy = self._accepted(30.0, complaint=complaint)
        shop_floor = self.env["res.users"].create(
            {"name": "Shop", "login": "iso_shop_acc2"}
        )
        with self.assertRaises(AccessError):
            remedy.with_user(shop_floor).action_create_refund()
        self.assertFalse(
            (offered | repair | free | remedy).refund_move_id,
        )

    def test_anonymisation_forgets_the_invoice_and_the_credit_note(self):
        complaint, remedy = self._accepted(40.0)
        remedy.with_user(self.helpdesk_user).action_create_refund()
        move = remedy.refund_move_id
        self._close(complaint)
        complaint._iso_anonymise()
        self.assertTrue(complaint.anonymised)
        self.assertFalse(complaint.invoice_id)
        self.assertFalse(remedy.refund_move_id)
        # accounting keeps its documents
        self.assertTrue(move.exists())
        self.assertTrue(self.invoice.exists())
