# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import importlib.util
import json
import pathlib
import re

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.iso10002_reports.models.kpi_definitions import KPIS

MODEL = "iso10002.complaint.analysis"
# the scorecards and the KPIs they show (kpi_definitions.KPIS)
SCORECARD_KPIS = {
    "Received": "received_count",
    "Open backlog": "backlog_count",
    "On-time ack. %": "ack_on_time_rate",
    "On-time answers %": "response_on_time_rate",
    "Satisfaction 1-5": "rating_avg",
}


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

    def _cell(self, sheet_id, ref):
        [sheet] = [sheet for sheet in self.data["sheets"] if sheet["id"] == sheet_id]
        return sheet["cells"][ref]

    def test_dashboard_figures_equal_the_kpi_engine(self):
        """Each scorecard, followed to the pivot it reads (measure and
        domain), gives its KPI's figure for the same complaints, and shows
        that KPI's objective of the policy."""
        analysis = self.env[MODEL].with_user(self.manager)
        figures = (
            self.env["iso10002.complaint.kpi"]
            .with_user(self.manager)
            .get_kpi_figures("2000-01-01", "2100-12-31")
        )
        kpis = {kpi.code: kpi for kpi in KPIS}
        cards = {
            figure["data"]["title"]["text"]: figure["data"]
            for figure in self.data["sheets"][0]["figures"]
            if figure["data"]["type"] == "scorecard"
        }
        self.assertEqual(set(cards), set(SCORECARD_KPIS))
        for title, code in SCORECARD_KPIS.items():
            card = cards[title]
            sheet_id, ref = card["keyValue"].split("!")
            formula = re.fullmatch(
                r'=PIVOT\.VALUE\((\d+),"([^"]+)"\)', self._cell(sheet_id.lower(), ref)
            )
            pivot = self.data["pivots"][formula[1]]
            self.assertIn(formula[2], [m["id"] for m in pivot["measures"]], title)
            [(value,)] = analysis._read_group(pivot["domain"], [], [formula[2]])
            self.assertAlmostEqual(value or 0.0, figures[code], places=1, msg=title)
            objective = kpis[code].objective
            if objective:
                sheet_id, ref = card["baseline"].split("!")
                self.assertEqual(
                    self._cell(sheet_id.lower(), ref),
                    f'=ODOO.LIST(1,1,"{objective}")',
                    title,
                )
            else:
                self.assertNotIn("baseline", card, title)
        # the figures tell the measures apart: a scorecard reading another
        # scorecard's measure would not pass
        values = [figures[code] for code in SCORECARD_KPIS.values()]
        self.assertEqual(len(set(values)), len(values), values)

    def test_dashboard_is_the_generated_one(self):
        """The dashboard installed is what scripts/gen_dashboard.py writes."""
        script = pathlib.Path(__file__).parents[3] / "scripts" / "gen_dashboard.py"
        spec = importlib.util.spec_from_file_location("gen_dashboard", script)
        gen_dashboard = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(gen_dashboard)
        self.assertEqual(self.data, gen_dashboard.dashboard())

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
