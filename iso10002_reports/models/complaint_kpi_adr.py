# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI figures of external dispute resolution (ISO 10003): complaints of
the cohort referred to an ADR body, the share the body upheld, and the
awards, from the referral records in one aggregate query."""

from odoo import api, models

from odoo.addons.iso10002_complaints.models.ticket_adr import (
    ADR_DECIDED_OUTCOMES,
    ADR_UPHELD_OUTCOMES,
)

ADR_AGGREGATES = ["__count", "ticket_id:count_distinct", "award_amount:sum"]


class ComplaintKpi(models.AbstractModel):
    _inherit = "iso10002.complaint.kpi"

    @api.model
    def _compute_kpis(self, date_from, date_to, companies, teams=None, currency=None):
        figures = super()._compute_kpis(
            date_from, date_to, companies, teams=teams, currency=currency
        )
        figures["adr"] = self._adr_figures(
            date_from, date_to, companies, teams, figures["currency"]
        )
        received = figures["received"]
        referred = figures["adr"]["referred"]
        figures["adr"]["rate"] = self._pct(referred, received) if received else None
        return figures

    @api.model
    def _adr_figures(self, date_from, date_to, companies, teams, currency):
        """Referrals of the complaints received in the period: complaints
        referred, referrals decided by the body and upheld for the
        complainant, awards (in ``currency``). Counts and sums only."""
        self._analysis(companies)  # the user's access to these companies
        companies = companies._origin
        start, stop = self._period_bounds(date_from, date_to)
        domain = [
            ("ticket_id.company_id", "in", companies.ids),
            ("ticket_id.received_date", ">=", start),
            ("ticket_id.received_date", "<", stop),
        ]
        if teams:
            domain.append(("ticket_id.team_id", "in", teams._origin.ids))
        # sudo: aggregates over the referrals of every complaint of the
        # scope, confidential and archived ones included, as the analysis
        # view's figures (complaint_kpi.py); nothing names a complaint
        referrals = (
            self.env["iso10002.adr.referral"].sudo().with_context(active_test=False)
        )
        total, by_outcome, by_company = referrals._read_grouping_sets(
            domain, [[], ["outcome"], ["company_id"]], ADR_AGGREGATES
        )
        outcomes = {row[0]: row[1] for row in by_outcome}
        decided = sum(outcomes.get(o, 0) for o in ADR_DECIDED_OUTCOMES)
        upheld = sum(outcomes.get(o, 0) for o in ADR_UPHELD_OUTCOMES)
        awards = sum(
            company.currency_id._convert(amount or 0.0, currency, company, date_to)
            if company.currency_id != currency
            else (amount or 0.0)
            for company, _count, _distinct, amount in by_company
        )
        return {
            "referrals": total[0][0] if total else 0,
            "referred": total[0][1] if total else 0,
            "decided": decided,
            "upheld": self._pct(upheld, decided) if decided else None,
            "awards": awards,
        }
