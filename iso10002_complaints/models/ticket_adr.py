# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""External dispute resolution referrals (ISO 10002 7.9, ISO 10003): the
complainant took the complaint to an ADR body (FOS, AFCA, consumer
arbitration committee...); the referral, its case reference, its outcome
and any award are recorded on the complaint, logged in its chatter, and
counted in the KPIs and the returns.

Who may act: whoever may write the complaint, never a person complained
about (4.7): complaint_child.py.
"""

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date

# outcomes that may come with an award to the complainant
AWARD_OUTCOMES = ("upheld", "partially_upheld", "settled")
# what the body decided on the merits (the ADR upheld rate's denominator)
ADR_DECIDED_OUTCOMES = ("upheld", "partially_upheld", "not_upheld")
ADR_UPHELD_OUTCOMES = ("upheld", "partially_upheld")


class AdrReferral(models.Model):
    _inherit = "iso10002.adr.referral"

    @api.model_create_multi
    def create(self, vals_list):
        tickets = self.env["helpdesk.ticket"].browse(
            {vals["ticket_id"] for vals in vals_list if vals.get("ticket_id")}
        )
        policies = tickets._iso_policies()
        for vals in vals_list:
            if not vals.get("body_id") and vals.get("ticket_id"):
                ticket = tickets.browse(vals["ticket_id"])
                vals["body_id"] = policies[ticket.company_id].adr_body_id.id
        referrals = super().create(vals_list)
        for referral in referrals:
            referral.ticket_id.message_post(
                body=self.env._(
                    "Referred to %(body)s on %(date)s (case %(case)s).",
                    body=referral.body_id.name,
                    date=format_date(self.env, referral.referral_date),
                    case=referral.case_reference or "-",
                ),
                subtype_xmlid="mail.mt_note",
            )
        return referrals

    def write(self, vals):
        before = {ref.id: (ref.outcome, ref.award_amount) for ref in self}
        res = super().write(vals)
        outcomes = dict(self._fields["outcome"]._description_selection(self.env))
        for referral in self.filtered(
            lambda r: (r.outcome, r.award_amount) != before[r.id]
        ):
            referral.ticket_id.message_post(
                body=self.env._(
                    "Referral to %(body)s: %(outcome)s on %(date)s, award %(award)s.",
                    body=referral.body_id.name,
                    outcome=outcomes[referral.outcome],
                    date=format_date(self.env, referral.outcome_date) or "-",
                    award=referral.currency_id.format(referral.award_amount),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return res

    @api.constrains(
        "ticket_id", "referral_date", "outcome", "outcome_date", "award_amount"
    )
    def _check_referral(self):
        for referral in self:
            ticket = referral.ticket_id
            today = ticket._iso_day()
            ref = ticket.complaint_ref or ticket.display_name
            if not ticket.is_complaint:
                raise ValidationError(
                    self.env._("Only a complaint is referred to an ADR body.")
                )
            received = ticket.received_date
            dates = [referral.referral_date, referral.outcome_date or today]
            if (
                dates != sorted(dates)
                or any(d > today for d in dates)
                or (received and referral.referral_date < ticket._iso_day(received))
            ):
                raise ValidationError(
                    self.env._(
                        "Complaint %(ref)s: a referral is dated after the "
                        "complaint was received, its outcome after the "
                        "referral, and neither in the future.",
                        ref=ref,
                    )
                )
            if referral.outcome != "pending" and not referral.outcome_date:
                raise ValidationError(
                    self.env._(
                        "Complaint %(ref)s: give the date of the body's outcome.",
                        ref=ref,
                    )
                )
            if referral.award_amount and referral.outcome not in AWARD_OUTCOMES:
                raise ValidationError(
                    self.env._(
                        "Complaint %(ref)s: an award comes with an outcome upheld, "
                        "partially upheld or settled.",
                        ref=ref,
                    )
                )
