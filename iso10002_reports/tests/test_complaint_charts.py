# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The charts of the tracking form and of the monitor, read back from their
SVG: bars, dots and deadline marks where the fixture's figures put them."""

import re
from datetime import date, datetime
from xml.etree import ElementTree

from odoo import Command
from odoo.tests import tagged
from odoo.tools.misc import format_date

from odoo.addons.iso10002_complaints.models.system_write import system_write

from ..models import svg_chart
from .common import IsoReportsCase, bridge_queries, dt

SVG = "{http://www.w3.org/2000/svg}"
TRACKING = "iso10002_reports.action_report_complaint_tracking"
# queries of a monitor created and its charts read, cold cache: the KPI
# set, the live state, the overdue list and the intake per day (that they do
# not grow with the complaints: test_kpi_performance's "monitor"); the
# intake per day reads the daily aggregate: the days it does not answer, then
# the counts
MONITOR_CHART_QUERIES = 20  # and the medians from the aggregate


def svg_tree(svg):
    return ElementTree.fromstring(str(svg))


def texts(tree):
    return [node.text for node in tree.iter(f"{SVG}text")]


def bars(tree):
    """(x, width, height, fill) of the bars (the filled rectangles)."""
    return [
        (
            float(node.get("x")),
            float(node.get("width")),
            float(node.get("height")),
            node.get("fill"),
        )
        for node in tree.iter(f"{SVG}rect")
    ]


def marks(tree):
    """x of the dashed lines (the deadlines)."""
    return [
        float(node.get("x1"))
        for node in tree.iter(f"{SVG}line")
        if node.get("stroke-dasharray")
    ]


def dots(tree):
    return [
        (float(node.get("cx")), node.get("fill")) for node in tree.iter(f"{SVG}circle")
    ]


@tagged("post_install", "-at_install")
class TestTimelineChart(IsoReportsCase):
    def test_spans_dots_and_marks_sit_at_their_moments(self):
        day = datetime(2025, 3, 1)
        svg = svg_chart.timeline_chart(
            [
                {"label": "Receipt", "points": [(day, svg_chart.BAR)]},
                {
                    "label": "<i>Step</i>",
                    "spans": [(day, datetime(2025, 3, 6), svg_chart.OK)],
                    "points": [(datetime(2025, 3, 6), svg_chart.OK)],
                    "marks": [(datetime(2025, 3, 11), "Deadline")],
                    "note": "On time",
                },
            ],
            lambda moment: moment.strftime("%d %b"),
            "Timeline",
        )
        tree = svg_tree(svg)  # well-formed, labels escaped
        self.assertIn("&lt;i&gt;Step", svg)
        plot = 640 - 130 - 80 - 8
        [(x, width, _h, fill)] = bars(tree)
        self.assertEqual((x, fill), (130.0, svg_chart.OK))
        self.assertAlmostEqual(width, plot / 2, places=0, msg="5 of 10 days")
        self.assertEqual([x for x, _f in dots(tree)], [130.0, 130.0 + width])
        self.assertEqual(marks(tree), [130.0 + plot])
        self.assertEqual(
            texts(tree)[-2:], ["01 Mar", "11 Mar"], "the axis from first to last"
        )
        self.assertIn("On time", texts(tree))
        self.assertFalse(svg_chart.timeline_chart([], str, "Nothing"))


@tagged("post_install", "-at_install")
class TestTrackingFormChart(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()

    def _day(self, ticket, moment):
        return format_date(self.env, ticket._iso_day(moment))

    def test_late_acknowledgement_and_response_on_time(self):
        # C2: acknowledged the day after its deadline, answered the day before
        ticket = self.c2.with_user(self.manager)
        tree = svg_tree(ticket._iso_report_timeline_chart())
        self.assertEqual(
            [fill for _x, _w, _h, fill in bars(tree)],
            [svg_chart.BELOW, svg_chart.OK],
            "acknowledgement late, final response on time",
        )
        (ack_x, ack_w, _h, _f), (resp_x, resp_w, _h, _f) = bars(tree)
        self.assertEqual(ack_x, resp_x, "both run from receipt")
        received, acked, answered = (x for x, _fill in dots(tree))
        self.assertEqual(received, ack_x)
        self.assertAlmostEqual(acked, ack_x + ack_w, places=1)
        self.assertAlmostEqual(answered, resp_x + resp_w, places=1)
        ack_deadline, response_deadline = marks(tree)
        self.assertLess(ack_deadline, acked, "acknowledged after its deadline")
        self.assertGreater(response_deadline, answered, "answered before")
        # the axis ends at the latest moment: the response deadline
        self.assertAlmostEqual(response_deadline, 640 - 80 - 8, places=1)
        words = texts(tree)
        for needle in (
            "Late",
            "On time",
            self._day(ticket, ticket.received_date),
            "Deadline " + self._day(ticket, ticket.ack_deadline),
            "Deadline " + self._day(ticket, ticket.response_deadline),
        ):
            self.assertIn(needle, words)

    def test_open_complaint_runs_until_now_and_is_overdue(self):
        # C5: never acknowledged, both deadlines passed
        tree = svg_tree(self.c5.with_user(self.manager)._iso_report_timeline_chart())
        self.assertEqual(
            [fill for _x, _w, _h, fill in bars(tree)], [svg_chart.PENDING] * 2
        )
        self.assertEqual(len(dots(tree)), 1, "only the receipt happened")
        self.assertEqual(texts(tree).count("Overdue"), 2)
        # now is the end of the axis, after both deadlines
        self.assertTrue(all(x < 640 - 80 - 8 for x in marks(tree)))

    def test_clock_stops_are_drawn_and_the_pdf_holds_the_chart_text(self):
        # C4: acknowledged on time, under investigation
        ticket = self.c4
        self.policy.clock_stop_allowed = True
        with system_write():
            for stop in (
                {
                    "ticket_id": ticket.id,
                    "date_start": dt("2025-03-21 09:00"),
                    "date_end": dt("2025-11-26 09:00"),
                    "reason": "Asked for photos",
                    "user_id": self.handler.id,
                },
                {
                    "ticket_id": ticket.id,
                    "date_start": dt("2025-12-01 09:00"),
                    "date_end": dt("2026-03-11 09:00"),
                    "reason": "Asked for the receipt",
                    "user_id": self.handler.id,
                },
            ):
                self.env["iso10002.complaint.clock.stop"].create(stop)
        self.env.flush_all()
        ticket = ticket.with_user(self.manager)
        tree = svg_tree(ticket._iso_report_timeline_chart())
        stops = [bar for bar in bars(tree) if bar[3] == svg_chart.STOPPED]
        self.assertEqual(len(stops), 2)
        self.assertAlmostEqual(stops[0][1] / stops[1][1], 2.5, places=2)
        self.assertLess(stops[0][0] + stops[0][1], stops[1][0], "in their order")
        self.assertIn("350.0 days", texts(tree))
        # real wkhtmltopdf: the chart's text is text in the PDF
        text = self.render_pdf(TRACKING, ticket)
        for needle in (
            "Timeline",
            "Clock stopped",
            "350.0 days",
            "Deadline " + self._day(ticket, ticket.ack_deadline),
            "On time",
        ):
            self.assertIn(needle, text)

    def test_plain_ticket_has_no_chart(self):
        self.assertFalse(self.plain._iso_report_timeline_chart())


@tagged("post_install", "-at_install")
class TestMonitorCharts(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()

    def _values(self, tree):
        """The figures written above the bars."""
        return [
            int(node.text)
            for node in tree.iter(f"{SVG}text")
            if node.get("text-anchor") == "middle"
            and re.fullmatch(r"\d+", node.text or "")
        ]

    def test_intake_per_day_adds_up_to_the_received_figure(self):
        monitor = self._march_monitor()
        tree = svg_tree(monitor.intake_chart)
        self.assertEqual(len(bars(tree)), 31, "one bar a day of March")
        values = self._values(tree)
        self.assertEqual(sum(values), monitor.received_count)
        self.assertEqual(values.count(1), 5, "five days with one complaint")
        heights = {h for _x, _w, h, _f in bars(tree) if h}
        self.assertEqual(len(heights), 1, "equal counts, equal bars")

    def test_intake_per_month_over_a_year(self):
        monitor = self._march_monitor()
        monitor.write({"date_from": date(2025, 1, 1), "date_to": date(2025, 12, 31)})
        tree = svg_tree(monitor.intake_chart)
        self.assertEqual(
            self._values(tree), [0, 2, 5, 1, 0, 0, 0, 0, 0, 0, 0, 0], "Jan to Dec"
        )
        self.assertIn("Mar 2025", texts(tree))
        self.assertEqual(sum(self._values(tree)), monitor.received_count)

    def test_on_time_rates_against_their_objectives(self):
        monitor = self._march_monitor()
        tree = svg_tree(monitor.on_time_chart)
        rates = [bar for bar in bars(tree) if bar[3] != "#f2f2f2"]
        plot = 640 - 200 - 50
        # acknowledged on time 60 %, final response 40 %: both below
        self.assertEqual(
            [(round(w, 1), fill) for _x, w, _h, fill in rates],
            [
                (round(plot * 0.6, 1), svg_chart.BELOW),
                (round(plot * 0.4, 1), svg_chart.BELOW),
            ],
        )
        self.assertIn(f"{monitor.ack_on_time_rate:.1f} %", texts(tree))
        objective = [
            float(node.get("x1"))
            for node in tree.iter(f"{SVG}line")
            if node.get("stroke-width") == "2"
        ]
        self.assertAlmostEqual(objective[0], 200 + plot * 0.95, places=1)
        self.policy.write({"objective_ack_on_time": 60.0})
        monitor = self._march_monitor()
        fills = [b[3] for b in bars(svg_tree(monitor.on_time_chart))]
        self.assertEqual(
            [f for f in fills if f != "#f2f2f2"], [svg_chart.OK, svg_chart.BELOW]
        )

    def test_pareto_of_root_causes(self):
        self.c3.sudo().root_cause = "<b>Carrier</b> damage"
        monitor = self._march_monitor()
        svg = monitor.cause_chart
        tree = svg_tree(svg)
        self.assertNotIn("<b>", svg)
        self.assertEqual(self._values(tree), [2, 2, 1])
        labels = texts(tree)
        # labels shortened, escaped in the SVG, read back unescaped
        for label in ("Not determined", "Supplier defe…", "<b>Carrier</b…"):
            self.assertIn(label, labels)
        points = tree.find(f"{SVG}polyline").get("points").split()
        self.assertEqual(len(points), 3)
        self.assertEqual(float(points[-1].split(",")[1]), 14.0, "100 % at the top")

    def test_no_chart_without_complaints(self):
        monitor = self._march_monitor()
        monitor.write({"date_from": date(2024, 1, 1), "date_to": date(2024, 1, 31)})
        self.assertEqual(set(self._values(svg_tree(monitor.intake_chart))), {0})
        self.assertFalse(monitor.on_time_chart)
        self.assertFalse(monitor.cause_chart)

    def test_monitor_with_its_charts_in_bounded_queries(self):
        env = self.env(user=self.manager)
        vals = {
            "period": "custom",
            "date_from": date(2025, 3, 1),
            "date_to": date(2025, 3, 31),
            "company_ids": [Command.set(self.company.ids)],
        }
        self.assertTrue(env["iso10002.complaint.monitor"].create(vals).intake_chart)
        self.env.invalidate_all()
        expected = MONITOR_CHART_QUERIES + bridge_queries(self.env, "monitor")
        with self.assertQueryCount(expected):
            monitor = env["iso10002.complaint.monitor"].create(vals)
            self.assertTrue(monitor.intake_chart)
            self.assertTrue(monitor.cause_chart)
