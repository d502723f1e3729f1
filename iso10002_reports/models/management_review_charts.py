# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The charts of the management review PDF (ISO 10002 8.6): the intake per
month, each Pareto, the on-time rates against their objectives. Drawn from
the review's frozen lines, as its tables are."""

from odoo import models

from . import svg_chart


class ManagementReview(models.Model):
    _inherit = "iso10002.management.review"

    def _chart_months(self):
        self.ensure_one()
        lines = self.month_line_ids
        return svg_chart.bar_chart(
            lines.mapped("label"),
            lines.mapped("count"),
            self.env._("Complaints received per month"),
        )

    def _chart_pareto(self, lines, title):
        lines = lines.filtered("count")
        return svg_chart.pareto_chart(
            lines.mapped("label"),
            lines.mapped("count"),
            lines.mapped("cumulative_share"),
            title,
        )

    def _chart_objectives(self):
        self.ensure_one()
        lines = self.kpi_line_ids.filtered(
            lambda line: line.has_objective and line.has_data and line.unit == "percent"
        )
        return svg_chart.objective_chart(
            [
                (line.label, line.value, line.objective, line.direction == "up")
                for line in lines
            ],
            self.env._("Rates against their objectives"),
        )
