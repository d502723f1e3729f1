# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fixes from the screenshot review: the monitoring dashboard's title and
labels, "No data" instead of 0.00 when nothing is behind a figure."""

from lxml import etree

from odoo.tests import tagged

from .common import IsoReportsCase


@tagged("post_install", "-at_install")
class TestReportsUiFixes(IsoReportsCase):
    def _arch(self, model, view_xmlid):
        views = (
            self.env[model]
            .with_user(self.manager)
            .get_views([(self.env.ref(view_xmlid).id, "form")])
        )
        return etree.fromstring(views["views"]["form"]["arch"])

    def test_monitor_title(self):
        monitor_model = self.env["iso10002.complaint.monitor"].with_user(self.manager)
        # the breadcrumb of the unsaved dashboard
        self.assertEqual(monitor_model.new({}).display_name, "Complaints monitoring")
        # what the web client reads when it opens the form of a new record
        result = monitor_model.onchange({}, [], {"display_name": {}, "period": {}})
        self.assertEqual(result["value"]["display_name"], "Complaints monitoring")
        self.assertEqual(monitor_model.create({}).display_name, "Complaints monitoring")

    def test_monitor_labels_and_no_data(self):
        arch = self._arch(
            "iso10002.complaint.monitor",
            "iso10002_reports.complaint_monitor_view_form",
        )
        self.assertEqual(
            arch.xpath("//label[@for='date_from']")[0].get("string"), "Dates"
        )
        for name, count in (
            ("rating_avg", "rated_count"),
            ("satisfied_rate", "rated_count"),
        ):
            field = arch.xpath(f"//field[@name='{name}']")[0]
            self.assertEqual(field.get("invisible"), f"not {count}")
            self.assertEqual(field.getnext().text, "No data")
            self.assertEqual(field.getnext().get("invisible"), count)

    def test_review_previous_period_no_data(self):
        # the figures are KPI lines: a value without data and a previous
        # period without complaints are left blank, not shown as 0
        arch = self._arch(
            "iso10002.management.review",
            "iso10002_reports.management_review_view_form",
        )
        kpis = arch.xpath("//field[@name='kpi_line_ids']")[0]
        for name, flag in (("value", "has_data"), ("previous_value", "has_previous")):
            field = kpis.xpath(f".//field[@name='{name}']")[0]
            self.assertEqual(field.get("invisible"), f"not {flag}")
