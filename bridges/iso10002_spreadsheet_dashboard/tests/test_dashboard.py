# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.tests import HttpCase, new_test_user, tagged

MODEL = "iso10002.complaint.analysis"


@tagged("post_install", "-at_install")
class TestComplaintsDashboard(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref(
            "iso10002_spreadsheet_dashboard.dashboard_complaints"
        )
        cls.data = json.loads(cls.dashboard.spreadsheet_data)
        cls.manager = new_test_user(
            cls.env,
            "dash_manager",
            groups="base.group_user,iso10002_complaints.group_complaint_manager",
        )
        cls.employee = new_test_user(cls.env, "dash_employee", groups="base.group_user")

    def _charts(self):
        return [
            figure["data"]
            for sheet in self.data["sheets"]
            for figure in sheet["figures"]
            if figure["data"]["type"].startswith("odoo_")
        ]

    def test_dashboard_shown_to_complaint_managers_only(self):
        dashboards = self.env["spreadsheet.dashboard"]
        self.assertTrue(self.dashboard.is_published)
        self.assertIn(self.dashboard, dashboards.with_user(self.manager).search([]))
        self.assertNotIn(self.dashboard, dashboards.with_user(self.employee).search([]))

    def test_every_figure_reads_fields_the_analysis_has(self):
        fields = self.env[MODEL].fields_get(attributes=["groupable", "aggregator"])
        charts = self._charts()
        self.assertGreaterEqual(len(charts), 8)
        for chart in charts:
            meta = chart["metaData"]
            self.assertEqual(meta["resModel"], MODEL)
            for groupby in meta["groupBy"]:
                self.assertTrue(fields[groupby.split(":")[0]]["groupable"], groupby)
            if meta["measure"] != "__count":
                self.assertTrue(fields[meta["measure"]]["aggregator"], meta["measure"])
            for leaf in chart["searchParams"]["domain"]:
                self.assertIn(leaf[0], fields)
        for pivot in self.data["pivots"].values():
            self.assertEqual(pivot["model"], MODEL)
            for measure in pivot["measures"]:
                name = measure["fieldName"]
                self.assertTrue(name == "__count" or fields[name]["aggregator"], name)
        policy = self.env["iso10002.complaint.policy"]._fields
        for column in self.data["lists"]["1"]["columns"]:
            self.assertIn(column, policy)
        # each filter applies to every chart and figure
        filters = {f["id"] for f in self.data["globalFilters"]}
        for spec in charts + list(self.data["pivots"].values()):
            self.assertEqual(set(spec["fieldMatching"]), filters)
            for matching in spec["fieldMatching"].values():
                self.assertIn(matching["chain"], fields)
        for spec in self.data["globalFilters"]:
            if spec["type"] == "relation":
                self.assertIn(spec["modelName"], self.env)

    def test_dashboard_figures_equal_the_kpi_engine(self):
        """The scorecards' pivots, read as the dashboard reads them, give the
        KPI list's figures for the same complaints."""
        analysis = self.env[MODEL].with_user(self.manager)
        kpis = self.env["iso10002.complaint.kpi"].with_user(self.manager)
        figures = kpis.get_kpi_figures("2000-01-01", "2100-12-31")
        [(count, ack, response)] = analysis._read_group(
            [],
            [],
            ["__count", "ack_on_time_rate:avg", "response_on_time_rate:avg"],
        )
        self.assertTrue(count)
        self.assertEqual(count, figures["received_count"])
        self.assertAlmostEqual(ack or 0.0, figures["ack_on_time_rate"], places=1)
        self.assertAlmostEqual(
            response or 0.0, figures["response_on_time_rate"], places=1
        )

    def test_dashboard_served_to_the_web_client(self):
        self.authenticate("dash_manager", "dash_manager")
        response = self.url_open(f"/spreadsheet/dashboard/data/{self.dashboard.id}")
        self.assertEqual(response.status_code, 200)
        snapshot = response.json()["snapshot"]
        titles = {
            figure["data"]["title"]["text"]
            for sheet in snapshot["sheets"]
            for figure in sheet["figures"]
        }
        self.assertIn("Complaints received per month", titles)
        self.assertIn("Pareto of categories", titles)
