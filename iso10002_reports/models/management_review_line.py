# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The frozen inputs of a management review: its figures (one line per KPI
of :mod:`.kpi_definitions`) and its breakdowns."""

from odoo import api, fields, models

from .kpi_analysis import KPI_ANALYSIS
from .kpi_definitions import DIRECTIONS, FAMILIES, KPIS, UNITS

LINE_DIMENSIONS = [
    ("kpi", "Figure"),
    ("category", "Category"),
    ("product", "Product or service"),
    ("channel", "Channel"),
    ("root_cause", "Root cause"),
    ("month", "Month"),
    ("previous_action", "Action of the previous review"),
    ("audit", "Audit finding"),
]


class ManagementReviewLine(models.Model):
    """A frozen input of a review: a figure (KPI), or a breakdown row
    (Pareto rows, months, status of previous actions, audit findings).
    Labels are copied, not linked, so the review reads the same years
    later."""

    _name = "iso10002.management.review.line"
    _inherit = ["iso10002.frozen.line.mixin"]
    _description = "Management Review Input Line"
    _frozen_parent_field = "review_id"
    _order = "review_id, dimension, sequence, id"

    review_id = fields.Many2one(
        "iso10002.management.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    sequence = fields.Integer()
    dimension = fields.Selection(LINE_DIMENSIONS, required=True)
    label = fields.Char(required=True)
    count = fields.Integer()
    share = fields.Float(string="Share (%)")
    cumulative_share = fields.Float(string="Cumulative (%)")
    previous_count = fields.Integer(string="Previous period")
    note = fields.Char()
    unclassified = fields.Boolean(
        help="Complaints without a value for this dimension (no category, no "
        "root cause yet...)."
    )
    # figures (dimension "kpi"): value, previous value and objective
    kpi_code = fields.Selection(
        [(kpi.code, kpi.label) for kpi in KPIS], string="Indicator"
    )
    kpi_family = fields.Selection(FAMILIES, string="Family")
    unit = fields.Selection(UNITS)
    direction = fields.Selection(DIRECTIONS)
    value = fields.Float()
    previous_value = fields.Float(string="Previous value")
    has_previous = fields.Boolean()
    has_data = fields.Boolean(
        help="False when there was nothing to measure (a rate of nothing)."
    )
    objective = fields.Float()
    has_objective = fields.Boolean()
    has_analysis = fields.Boolean(
        compute="_compute_has_analysis",
        help="The figure has its rows in the complaint analysis.",
    )
    recurring = fields.Boolean(
        compute="_compute_recurring",
        help="A cause met at least twice in the period: a recurring cause.",
    )

    @api.depends("count", "dimension", "unclassified")
    def _compute_recurring(self):
        for line in self:
            line.recurring = (
                line.dimension in ("category", "product", "root_cause")
                and not line.unclassified
                and line.count >= 2
            )

    @api.depends("kpi_code")
    def _compute_has_analysis(self):
        for line in self:
            line.has_analysis = line.kpi_code in KPI_ANALYSIS

    def action_open_analysis(self):
        """The complaints behind the figure, in the analysis: the rows of
        today, over the review's period and scope (the figure is frozen)."""
        self.ensure_one()
        review = self.review_id
        return self.env["iso10002.complaint.kpi"]._kpi_analysis_action(
            [self.kpi_code],
            self.label,
            review.date_from,
            review.date_to,
            review.company_ids,
            review.team_ids,
        )
