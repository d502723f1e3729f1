# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The tracking form (7.3) shows the four-eyes approval of the response
(4.9) before the decision, and the referrals to external dispute
resolution bodies (ISO 10003; ISO 10002 7.9) after the closing."""

from odoo import models
from odoo.tools.misc import format_amount, format_date

from odoo.addons.iso10002_complaints.models.iso_steps import STEPS_BY_CODE


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _iso_report_timeline(self):
        steps = super()._iso_report_timeline()
        decision_clause = STEPS_BY_CODE["decision_communicated"].clause
        at = next(
            (i for i, s in enumerate(steps) if s["clause"] == decision_clause),
            len(steps),
        )
        approval = self._iso_report_approval()
        if approval:
            steps.insert(at, approval)
        steps.extend(self._iso_report_adr_referrals())
        return steps

    def _iso_report_approval(self):
        """The row of the second approval, when one was asked for or the
        policy asks for it."""
        self.ensure_one()
        if self.approval_state == "not_required" and not self.approval_required:
            return None
        states = dict(self._fields["approval_state"]._description_selection(self.env))
        details = [
            (self.env._("Status"), states[self.approval_state]),
            (self.env._("Note"), self.approval_note or ""),
        ]
        return {
            "step": self.env._("Second approval of the response"),
            "clause": "4.9",
            "date": self.approval_date,
            "responsible": self.approval_user_id.name or "",
            "details": [(k, v) for k, v in details if v],
            "deadline": False,
            "html": False,
            "remedy_cost": None,
        }

    def _iso_report_adr_referrals(self):
        """One row per referral to an ADR body: case, outcome, award."""
        self.ensure_one()
        outcomes = dict(
            self.env["iso10002.adr.referral"]
            ._fields["outcome"]
            ._description_selection(self.env)
        )
        rows = []
        for referral in self.adr_referral_ids.sorted(lambda r: (r.referral_date, r.id)):
            details = [
                (
                    self.env._("Referred on"),
                    format_date(self.env, referral.referral_date),
                ),
                (self.env._("Case reference"), referral.case_reference or ""),
                (self.env._("Outcome"), outcomes[referral.outcome]),
                (
                    self.env._("Outcome date"),
                    format_date(self.env, referral.outcome_date)
                    if referral.outcome_date
                    else "",
                ),
                (
                    self.env._("Award"),
                    format_amount(self.env, referral.award_amount, referral.currency_id)
                    if referral.award_amount
                    else "",
                ),
            ]
            rows.append(
                {
                    "step": self.env._(
                        "Referral to %(body)s", body=referral.body_id.name
                    ),
                    # the step's column shows datetimes: the dates are details
                    "clause": STEPS_BY_CODE["closed"].clause,
                    "date": False,
                    "responsible": "",
                    "details": [(k, v) for k, v in details if v],
                    "deadline": False,
                    "html": False,
                    "remedy_cost": None,
                }
            )
        return rows
