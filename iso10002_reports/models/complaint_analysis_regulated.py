# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Columns of the complaint analysis that the regulator returns read.

Appended to the view of ``complaint_analysis.py`` (its columns stay as they
are): the regime's categories and their codes, the closing time bands of the
FCA returns, redress paid, summary resolution and the ADR referrals. Still
no personal data. The returns count vulnerable customers from the
administrators-only counter of complaint_analysis_vulnerability.py (FCA
PS25/19 asks for counts only).
"""

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.iso10002_complaints.models.adr_referral import ADR_OUTCOMES
from odoo.addons.iso10002_complaints.models.iso_steps import TERMINAL_STEPS

# FCA time bands of closed complaints (DISP 1 Annex 1R and the PS25/19
# consolidated return): by the close of the third business day after
# receipt (the summary resolution of DISP 1.5), within eight weeks of
# receipt (DISP 1.6.2R), or later
CLOSING_BANDS = [
    ("3bd", "Within 3 business days"),
    ("8w", "After 3 business days, within 8 weeks"),
    ("later", "After more than 8 weeks"),
]


class ComplaintAnalysis(models.Model):
    _inherit = "iso10002.complaint.analysis"
    _depends = {
        "helpdesk.ticket": [
            "regime_id",
            "category_product_id",
            "category_cause_id",
            "category_outcome_id",
            "summary_resolution",
            "redress_paid_amount",
        ],
        "iso10002.complaint.category": ["code"],
        "iso10002.adr.referral": [
            "ticket_id",
            "referral_date",
            "outcome",
            "award_amount",
        ],
    }

    regime_id = fields.Many2one(
        "iso10002.complaint.regime", string="Reporting regime", readonly=True
    )
    category_product_id = fields.Many2one(
        "iso10002.complaint.category", string="Product group", readonly=True
    )
    category_product_code = fields.Char(string="Product group code", readonly=True)
    category_cause_id = fields.Many2one(
        "iso10002.complaint.category", string="Cause", readonly=True
    )
    category_cause_code = fields.Char(string="Cause code", readonly=True)
    category_outcome_id = fields.Many2one(
        "iso10002.complaint.category", string="Outcome category", readonly=True
    )
    category_outcome_code = fields.Char(string="Outcome code", readonly=True)
    summary_resolution = fields.Boolean(
        readonly=True,
        help="Resolved by the close of the third business day after receipt "
        "(FCA DISP 1.5): a summary resolution communication, no final response.",
    )
    closing_band = fields.Selection(
        CLOSING_BANDS,
        string="Closed within",
        readonly=True,
        help="Closed complaints only. Within 3 business days: the summary "
        "resolutions (the business calendar of the complaints policy); "
        "8 weeks: 56 calendar days after receipt.",
    )
    redress_paid = fields.Monetary(
        string="Redress paid",
        readonly=True,
        aggregator="sum",
        currency_field="currency_id",
    )
    adr_referral_count = fields.Integer(
        string="# ADR referrals", readonly=True, aggregator="sum"
    )
    adr_outcome = fields.Selection(
        ADR_OUTCOMES,
        string="ADR outcome",
        readonly=True,
        help="Outcome of the latest referral to an external dispute "
        "resolution body (ISO 10003).",
    )
    adr_award_amount = fields.Monetary(
        string="ADR awards",
        readonly=True,
        aggregator="sum",
        currency_field="currency_id",
    )

    def _select(self):
        terminal = SQL("t.iso_step IN %s", TERMINAL_STEPS)
        return SQL(
            """%(base)s,
            t.regime_id AS regime_id,
            t.category_product_id AS category_product_id,
            cat_product.code AS category_product_code,
            t.category_cause_id AS category_cause_id,
            cat_cause.code AS category_cause_code,
            t.category_outcome_id AS category_outcome_id,
            cat_outcome.code AS category_outcome_code,
            COALESCE(t.summary_resolution, FALSE) AS summary_resolution,
            CASE
                WHEN NOT %(terminal)s OR t.closed_date IS NULL THEN NULL
                WHEN t.summary_resolution IS TRUE THEN '3bd'
                WHEN t.closed_date <= t.received_date + INTERVAL '56 days'
                    THEN '8w'
                ELSE 'later'
            END AS closing_band,
            COALESCE(t.redress_paid_amount, 0) AS redress_paid,
            COALESCE(adr.referral_count, 0) AS adr_referral_count,
            adr.latest_outcome AS adr_outcome,
            COALESCE(adr.award_amount, 0) AS adr_award_amount
            """,
            base=super()._select(),
            terminal=terminal,
        )

    def _from(self):
        # the categories' codes and the referrals of each complaint in one
        # join each (an aggregate of the referrals, not a sub-select per
        # row and column); PostgreSQL drops the joins a query does not read
        return SQL(
            """%s
            LEFT JOIN iso10002_complaint_category cat_product
                   ON cat_product.id = t.category_product_id
            LEFT JOIN iso10002_complaint_category cat_cause
                   ON cat_cause.id = t.category_cause_id
            LEFT JOIN iso10002_complaint_category cat_outcome
                   ON cat_outcome.id = t.category_outcome_id
            LEFT JOIN (
                SELECT r.ticket_id,
                       COUNT(*) AS referral_count,
                       (ARRAY_AGG(r.outcome
                                  ORDER BY r.referral_date DESC, r.id DESC))[1]
                           AS latest_outcome,
                       SUM(r.award_amount) AS award_amount
                  FROM iso10002_adr_referral r
                 GROUP BY r.ticket_id
            ) adr ON adr.ticket_id = t.id
            """,
            super()._from(),
        )
