# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import date

from odoo import Command
from odoo.tests import tagged

from ..models import svg_chart
from .common import IsoReportsCase


@tagged("post_install", "-at_install")
class TestSvgCharts(IsoReportsCase):
    def test_bar_chart_draws_one_bar_per_value_with_escaped_labels(self):
        svg = svg_chart.bar_chart(["Jan", "<b>Feb</b>", "Mar"], [3, 0, 6], "Intake")
        self.assertEqual(svg.count("<rect"), 3)
        self.assertIn("&lt;b&gt;Feb", svg)
        self.assertNotIn("<b>", svg)
        heights = [float(h) for h in re.findall(r'height="([\d.]+)" fill', svg)]
        self.assertEqual(heights[1], 0.0)
        self.assertAlmostEqual(heights[0] * 2, heights[2], places=1)
        self.assertFalse(svg_chart.bar_chart([], [], "Nothing"))

    def test_pareto_chart_draws_the_cumulative_line_up_to_100(self):
        svg = svg_chart.pareto_chart(["A", "B", "C"], [6, 3, 1], [60, 90, 100], "P")
        self.assertEqual(svg.count("<rect"), 3)
        self.assertEqual(svg.count("<circle"), 3)
        points = re.search(r'points="([^"]+)"', svg).group(1).split()
        ys = [float(p.split(",")[1]) for p in points]
        self.assertEqual(ys, sorted(ys, reverse=True), "cumulative line rises")
        self.assertEqual(ys[-1], 14.0, "100 % at the top of the plot")
        self.assertIn("80 %", svg)

    def test_objective_chart_colours_met_and_missed_objectives(self):
        svg = svg_chart.objective_chart(
            [
                ("Acknowledged on time", 97.0, 95.0, True),
                ("Final response on time", 80.0, 90.0, True),
                ("Reopened", 2.0, 5.0, False),
            ],
            "Objectives",
        )
        fills = re.findall(r'height="14" fill="(#[0-9a-f]+)"', svg)
        bars = [fill for fill in fills if fill != "#f2f2f2"]
        self.assertEqual(
            bars, [svg_chart.OK, svg_chart.BELOW, svg_chart.OK], "met, missed, met"
        )


@tagged("post_install", "-at_install")
class TestReviewCharts(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()
        cls.review = (
            cls.env["iso10002.management.review"]
            .with_user(cls.manager)
            .create(
                {
                    "title": "March review",
                    "date": date(2025, 4, 5),
                    "date_from": date(2025, 3, 1),
                    "date_to": date(2025, 3, 31),
                    "company_id": cls.company.id,
                    "company_ids": [Command.set(cls.company.ids)],
                    "attendee_ids": [Command.set(cls.manager.ids)],
                }
            )
        )

    def test_review_pdf_has_the_intake_pareto_and_objective_charts(self):
        review = self.review
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "iso10002_reports.action_report_management_review", review.ids
            )[0]
            .decode()
        )
        charts = re.findall(r"<svg.*?</svg>", html, re.S)
        paretos = sum(
            bool(lines.filtered("count"))
            for lines in (
                review.category_line_ids,
                review.root_cause_line_ids,
                review.product_line_ids,
                review.channel_line_ids,
            )
        )
        self.assertEqual(len(charts), 2 + paretos, "intake, objectives, Paretos")
        intake = charts[0]
        self.assertEqual(intake.count("<rect"), len(review.month_line_ids))
        self.assertIn("Complaints received per month", intake)
        rates = review.kpi_line_ids.filtered(
            lambda x: x.has_objective and x.has_data and x.unit == "percent"
        )
        self.assertTrue(rates)
        for line in rates:
            self.assertIn(line.label[:30], html)
        # real wkhtmltopdf: the charts' text is in the PDF
        text = self.render_pdf(
            "iso10002_reports.action_report_management_review", review
        )
        self.assertIn("80 %", text)
