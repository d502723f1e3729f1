# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tools import SQL

from .common import IsoReportsCase, dt


@tagged("post_install", "-at_install")
class TestComplaintAnalysis(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_dataset()
        cls.analysis = cls.env["iso10002.complaint.analysis"].with_user(cls.manager)

    def _row(self, ticket):
        return self.analysis.browse(ticket.id)

    def test_one_row_per_complaint_only(self):
        rows = self.analysis.search([("company_id", "=", self.company.id)])
        self.assertEqual(
            set(rows.ids),
            set(
                (
                    self.c1
                    | self.c2
                    | self.c3
                    | self.c4
                    | self.c5
                    | self.p1
                    | self.p2
                    | self.april
                ).ids
            ),
            "plain tickets and other companies' complaints are not rows",
        )
        self.assertNotIn(self.plain.id, rows.ids)

    def test_durations_and_flags(self):
        c1, c2, c3, c4, c5 = (
            self._row(c) for c in (self.c1, self.c2, self.c3, self.c4, self.c5)
        )
        self.assertEqual(c1.complaint_ref, self.c1.complaint_ref)
        self.assertAlmostEqual(c1.hours_to_ack, 3.0)
        self.assertAlmostEqual(c1.days_to_response, 7.0)
        self.assertAlmostEqual(c1.days_to_close, 9.0)
        self.assertTrue(c1.ack_on_time and c1.response_on_time and c1.is_closed)
        self.assertTrue(c1.safety_issue and c1.is_upheld and c1.has_response)
        self.assertEqual(c1.remedy_cost, 100.0)
        self.assertEqual(
            (c1.rating_count, c1.rating_value, c1.satisfied_rate),
            (2, 5.0, 100.0),
            "the last rating counts",
        )
        self.assertTrue(c2.ack_late and c2.is_reopened)
        self.assertEqual(c2.ack_on_time_rate, 0.0)
        self.assertEqual((c2.rating_value, c2.satisfied_rate), (2.0, 0.0))
        self.assertTrue(c3.response_late)
        self.assertFalse(c3.is_upheld)
        self.assertEqual(c3.upheld_rate, 0.0)
        self.assertEqual(c3.rating_count, 0, "unanswered rating requests are ignored")
        self.assertFalse(c4.is_closed)
        self.assertFalse(c4.closed_date)
        self.assertTrue(c4.response_late, "the deadline passed without a response")
        self.assertEqual(c4.age_bucket, "over_8w")
        self.assertFalse(c5.ack_date)
        self.assertTrue(c5.ack_late)
        self.assertEqual(c5.ack_on_time_rate, 0.0)
        self.assertFalse(c5.category_id)

    def test_pivot_aggregates(self):
        """The pivot reads rates as averages of 100/0 values."""
        groups = self.analysis.formatted_read_group(
            [
                ("company_id", "=", self.company.id),
                ("received_date", ">=", dt("2025-03-01 00:00")),
                ("received_date", "<", dt("2025-04-01 00:00")),
            ],
            ["category_id"],
            ["nbr:sum", "ack_on_time_rate:avg", "remedy_cost:sum", "rating_value:avg"],
        )
        by_category = {(g["category_id"] or (False, ""))[1]: g for g in groups}
        quality = by_category["Quality T"]
        self.assertEqual(quality["nbr:sum"], 3)
        self.assertAlmostEqual(quality["ack_on_time_rate:avg"], 200.0 / 3)
        self.assertEqual(quality["remedy_cost:sum"], 150.0)
        self.assertAlmostEqual(quality["rating_value:avg"], 3.5)

    def test_view_selects_no_personal_data(self):
        """The view reads no complainant column, and no row shows one."""
        definition = self.env.execute_query(
            SQL("SELECT pg_get_viewdef(%s::regclass, true)", self.analysis._table)
        )[0][0]
        for column in (
            "partner_id",
            "partner_name",
            "partner_email",
            "email_cc",
            "representative_id",
            "t.name",
            "description",
            "remedy_requested",
            "reaction_note",
            "incident_place",
            "order_reference",
            "investigation_findings",
            "decision,",
            "charge_justification",
            "feedback",
        ):
            self.assertNotIn(column, definition)
        fields = [
            name
            for name, field in self.analysis._fields.items()
            if field.store
            and name not in ("display_name",)
            and self.analysis._has_field_access(field, "read")
        ]
        self.assertFalse({"partner_id", "partner_name", "partner_email"} & set(fields))
        # the complaint of a row is for the confidentiality rule only: its
        # name is the complainant's title
        self.assertNotIn("ticket_id", fields)
        rows = self.analysis.search_read([("company_id", "=", self.company.id)], fields)
        self.assertEqual(len(rows), 8)
        self.assertNoPersonalData(repr(rows), "the analysis rows")
        # the Many2one labels too
        for row in self.analysis.search([("company_id", "=", self.company.id)]):
            labels = " ".join(
                row[name].display_name
                for name, field in self.analysis._fields.items()
                if field.type == "many2one"
                and self.analysis._has_field_access(field, "read")
                and row[name]
            )
            self.assertNoPersonalData(labels, "the analysis labels")

    def test_product_line_not_the_complainants_words(self):
        """Products are analysed by the staff's product line, never by what
        the complainant typed."""
        self.assertEqual(self.c1.complaint_product_id, self.prod_sofa)
        self.assertEqual(self._row(self.c1).product_id, self.prod_sofa)
        self.assertEqual(self._row(self.c3).product_id, self.prod_table)
        typed = self._complaint(
            "received",
            {"received_date": dt("2025-03-15 10:00")},
            product_service="The sofa Zebulon Quxworth bought",
        )
        self.assertFalse(typed.complaint_product_id, "no line has that name")
        self.assertFalse(self._row(typed).product_id)
        # staff classify it; the complainant's words stay on the complaint
        typed.complaint_product_id = self.prod_sofa
        typed.product_service = "Sofa, again, Quxworth"
        self.assertEqual(typed.complaint_product_id, self.prod_sofa)
        self.env.flush_all()
        self.analysis.invalidate_model()
        self.assertEqual(self._row(typed).product_id, self.prod_sofa)
        rows = self.analysis.search_read([("id", "=", typed.id)])
        self.assertNoPersonalData(repr(rows), "the analysis row")
        # existing complaints are classified when a line is added
        other = self._complaint(
            "received",
            {"received_date": dt("2025-03-16 10:00")},
            product_service="  armchair ",
        )
        armchair = self.env["iso10002.complaint.product"].create({"name": "Armchair"})
        self.env["helpdesk.ticket"]._iso_classify_complaint_products()
        self.assertEqual(other.complaint_product_id, armchair)

    def test_multi_company(self):
        rows = self.analysis.with_context(allowed_company_ids=self.company.ids).search(
            []
        )
        self.assertNotIn(self.other.id, rows.ids)
        rows = self.analysis.with_context(
            allowed_company_ids=(self.company | self.other_company).ids
        ).search([])
        self.assertIn(self.other.id, rows.ids)

    def test_pareto_actions(self):
        for xmlid, field in (
            ("action_complaint_pareto_category", "category_id"),
            ("action_complaint_pareto_product", "product_id"),
            ("action_complaint_pareto_channel", "channel_id"),
            ("action_complaint_pareto_root_cause", "root_cause"),
        ):
            action = self.env["ir.actions.act_window"]._for_xml_id(
                f"iso10002_reports.{xmlid}"
            )
            self.assertEqual(action["res_model"], "iso10002.complaint.analysis")
            self.assertIn(f"'graph_groupbys': ['{field}']", action["context"])
        graph = self.env.ref("iso10002_reports.complaint_analysis_view_graph")
        self.assertIn('order="desc"', graph.arch)
