# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Redress (ISO 10002 7.7, 7.8): a remedy is offered, then accepted or
declined by the complainant, and an accepted one is paid (date, amount,
method). The complaint keeps the total paid (``redress_paid_amount``),
which the regulators' returns report.

Who may act: whoever may write the complaint, never a person complained
about (complaint_remedy.py). Paying a redress that needs a second approval
waits for it (ticket_approval.py); changing the redress offered withdraws
an approval given.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# what may follow each status; a paid redress is final
REDRESS_TRANSITIONS = {
    "offered": {"accepted", "declined"},
    "accepted": {"paid", "declined"},
    "declined": {"offered"},
    "paid": set(),
}
# the redress offered: a change withdraws the second approval
OFFER_FIELDS = ("remedy_type", "description", "cost")
PAYMENT_FIELDS = ("paid_date", "paid_amount", "payment_method")


class ComplaintRemedy(models.Model):
    _inherit = "iso10002.complaint.remedy"

    @api.model
    def _redress_dates(self, vals, current=None):
        """The dates a status change records, unless given: accepted (or
        paid) on the day, paid on the day, for the amount of the cost."""
        state = vals.get("redress_state")
        if not state:
            return vals
        ticket = (
            current.ticket_id
            if current
            else self.env["helpdesk.ticket"].browse(vals.get("ticket_id"))
        )
        # without its complaint, the remedy is refused (a required field)
        today = ticket._iso_day() if ticket else fields.Date.context_today(self)
        if state in ("accepted", "paid") and not vals.get("accepted_date"):
            if not (current and current.accepted_date):
                vals["accepted_date"] = vals.get("paid_date") or today
        if state == "paid":
            vals.setdefault("paid_date", today)
            if not vals.get("paid_amount") and not (current and current.paid_amount):
                vals["paid_amount"] = vals.get("cost", current.cost if current else 0.0)
        if state == "offered" and current:
            # offered again after a refusal
            vals.setdefault("offered_date", today)
            vals.setdefault("accepted_date", False)
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._redress_dates(dict(vals)) for vals in vals_list]
        remedies = super().create(vals_list)
        tickets = remedies.ticket_id
        tickets._iso_reset_approval(self.env._("the redress"))
        remedies.filtered(
            lambda r: r.redress_state == "paid"
        ).ticket_id._iso_check_approved(self.env._("mark a redress paid"))
        return remedies

    def write(self, vals):
        state = vals.get("redress_state")
        if state:
            self._check_redress_transition(state)
            if len(self) > 1:
                # the dates a status records depend on each remedy
                for remedy in self:
                    remedy.write(vals)
                return True
            vals = self._redress_dates(dict(vals), self)
        before = {
            remedy.id: [remedy[f] for f in OFFER_FIELDS]
            for remedy in self
            if set(OFFER_FIELDS) & vals.keys()
        }
        res = super().write(vals)
        self._redress_after_write(vals, before)
        return res

    def _check_redress_transition(self, state):
        for remedy in self:
            if (
                state != remedy.redress_state
                and state not in (REDRESS_TRANSITIONS[remedy.redress_state])
            ):
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s: a redress %(current)s cannot become "
                        "%(new)s (offered, then accepted or declined, then paid "
                        "once accepted).",
                        ref=remedy.ticket_id.complaint_ref
                        or remedy.ticket_id.display_name,
                        current=remedy._redress_label(remedy.redress_state),
                        new=remedy._redress_label(state),
                    )
                )

    def _redress_after_write(self, vals, before):
        changed = self.filtered(
            lambda r: (
                (r.id in before and [r[f] for f in OFFER_FIELDS] != before[r.id])
                or (
                    "paid_amount" in vals
                    and r.currency_id.compare_amounts(r.paid_amount, r.cost) > 0
                )
            )
        )
        changed.ticket_id._iso_reset_approval(self.env._("the redress"))
        if vals.get("redress_state") == "paid" or "paid_amount" in vals:
            self.filtered(
                lambda r: r.redress_state == "paid"
            ).ticket_id._iso_check_approved(self.env._("mark a redress paid"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_paid(self):
        if any(remedy.redress_state == "paid" for remedy in self):
            raise UserError(
                self.env._(
                    "A redress paid is part of the record: it cannot be deleted."
                )
            )

    def unlink(self):
        tickets = self.ticket_id
        res = super().unlink()
        tickets.exists()._iso_reset_approval(self.env._("the redress"))
        return res

    def _redress_label(self, state):
        return dict(self._fields["redress_state"]._description_selection(self.env))[
            state
        ]

    @api.constrains(
        "redress_state",
        "offered_date",
        "accepted_date",
        "paid_date",
        "paid_amount",
        "payment_method",
    )
    def _check_redress(self):
        for remedy in self:
            today = remedy.ticket_id._iso_day()
            ref = remedy.ticket_id.complaint_ref or remedy.ticket_id.display_name
            paid = remedy.redress_state == "paid"
            if paid and not (
                remedy.paid_date and remedy.paid_amount > 0 and remedy.payment_method
            ):
                raise ValidationError(
                    self.env._(
                        "Complaint %(ref)s: a redress paid needs the date, the "
                        "amount and the method of the payment.",
                        ref=ref,
                    )
                )
            if not paid and any(remedy[f] for f in PAYMENT_FIELDS):
                raise ValidationError(
                    self.env._(
                        "Complaint %(ref)s: only a redress paid has a payment "
                        "date, amount and method.",
                        ref=ref,
                    )
                )
            if remedy.redress_state in ("accepted", "paid") and not (
                remedy.accepted_date
            ):
                raise ValidationError(
                    self.env._(
                        "Complaint %(ref)s: an accepted redress needs the date "
                        "of the acceptance.",
                        ref=ref,
                    )
                )
            received = remedy.ticket_id.received_date
            dates = [
                d
                for d in (remedy.offered_date, remedy.accepted_date, remedy.paid_date)
                if d
            ]
            if (
                dates != sorted(dates)
                or any(d > today for d in dates)
                or (
                    received
                    and dates
                    and dates[0] < remedy.ticket_id._iso_day(received)
                )
            ):
                raise ValidationError(
                    self.env._(
                        "Complaint %(ref)s: the redress is offered, then accepted, "
                        "then paid, after the complaint was received and not in "
                        "the future.",
                        ref=ref,
                    )
                )


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # the skeleton's field, maintained from the remedies
    redress_paid_amount = fields.Monetary(
        compute="_compute_redress_paid_amount", store=True
    )

    @api.depends("remedy_ids.paid_amount")
    def _compute_redress_paid_amount(self):
        # only a redress paid has a paid amount (_check_redress)
        for ticket in self:
            ticket.redress_paid_amount = sum(ticket.remedy_ids.mapped("paid_amount"))
