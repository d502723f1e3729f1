# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Regulator returns over a fixture period of 200 complaints: the FCA
return (PS25/19 and DISP 1 Annex 1R layouts) and the ASIC IDR data set,
read back from the XLSX and the CSV and compared cell by cell with the
figures computed in returns_expected.py from the fixture's values (not by
the code under test)."""

import csv
import io
from datetime import date

from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from ..report.regulatory_return_xlsx import HEADER_ROW
from .returns_expected import DISP1, PS2519, SUMMARY_LABELS, Expected, norm
from .returns_fixture import ReturnsCase


@tagged("post_install", "-at_install")
class TestRegulatoryReturns(ReturnsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.channel_names = [c.name for c in cls.channels]

    def _wizard(self, period, return_type="fca", user=None, layout=None):
        vals = {
            "company_id": self.company.id,
            "return_type": return_type,
            "date_from": period[0],
            "date_to": period[1],
        }
        if layout:
            vals["fca_layout"] = layout
        return (
            self.env["iso10002.regulatory.return"]
            .with_user(user or self.manager)
            .create(vals)
        )

    def _xlsx(self, wizard):
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(wizard.env.user)
            ._render_xlsx(
                "iso10002_reports.action_report_regulatory_return_xlsx",
                wizard.ids,
                None,
            )
        )
        self.assertEqual(kind, "xlsx")
        book = load_workbook(io.BytesIO(content), read_only=True)
        return {
            sheet.title: [
                [norm(cell) for cell in row]
                for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)
            ]
            for sheet in book.worksheets
        }

    def _csv(self, wizard):
        action = wizard.action_export_csv()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        raw = self.env["ir.attachment"].browse(attachment_id).raw.decode()
        self.assertNoPersonalData(raw, "the CSV")
        return list(csv.reader(io.StringIO(raw)))

    def _normed(self, tables):
        return {
            code: [[norm(cell) for cell in row] for row in rows]
            for code, rows in tables.items()
        }

    def _assert_cells(self, got, expected, where):
        self.assertEqual(list(got), list(expected), f"tables of {where}")
        for code, rows in expected.items():
            self.assertEqual(len(got[code]), len(rows), f"rows of {where}/{code}")
            for index, row in enumerate(rows):
                # blank cells at the end of a row may be missing or padded
                cells = got[code][index] + [""] * (len(row) - len(got[code][index]))
                self.assertEqual(cells[: len(row)], row, f"{where}/{code} row {index}")
                self.assertFalse(any(cells[len(row) :]), f"{where}/{code} row {index}")

    def _csv_tables(self, lines, codes):
        """The CSV's tables: title line, header, rows; a blank line between."""
        tables, block = [], []
        for line in [*lines, []]:
            if line:
                block.append(line)
            elif block:
                tables.append(block[1:])
                block = []
        return dict(
            zip(codes, [[[norm(c) for c in r] for r in t] for t in tables], strict=True)
        )

    def test_fixture_spans_the_periods_and_their_edges(self):
        ps = Expected(self.specs, PS2519).measures(Expected(self.specs, PS2519).rows)
        self.assertEqual(len(self.specs), 200)
        for key in ("outstanding", "opened", "closed", "upheld", "3bd", "8w", "later"):
            self.assertGreater(ps[key], 5, key)
        self.assertGreater(ps["vulnerable_opened"], 0)
        self.assertGreater(ps["adr_referred"], 0)

    def test_fca_consolidated_return_ps2519_cell_by_cell(self):
        wizard = self._wizard(PS2519, layout="ps2519")
        expected = self._normed(Expected(self.specs, PS2519).fca("ps2519"))
        self._assert_cells(self._xlsx(wizard), expected, "XLSX")
        csv_tables = self._csv_tables(self._csv(wizard), list(expected))
        self._assert_cells(csv_tables, expected, "CSV")
        # figures a compliance officer checks at a glance
        summary = dict(expected["summary"][1:])
        self.assertEqual(
            float(summary[SUMMARY_LABELS["closed"]]),
            sum(float(summary[SUMMARY_LABELS[k]]) for k in ("3bd", "8w", "later")),
        )

    def test_fca_return_disp1_annex1r_layout_cell_by_cell(self):
        wizard = self._wizard(DISP1)
        self.assertEqual(wizard.fca_layout, "disp1")
        expected = self._normed(Expected(self.specs, DISP1).fca("disp1"))
        self._assert_cells(self._xlsx(wizard), expected, "XLSX")
        csv_tables = self._csv_tables(self._csv(wizard), list(expected))
        self._assert_cells(csv_tables, expected, "CSV")

    def test_asic_idr_data_set_cell_by_cell(self):
        wizard = self._wizard(PS2519, "asic")
        expected = self._normed(
            Expected(self.specs, PS2519).asic(self.company.name, self.channel_names)
        )
        self._assert_cells(self._xlsx(wizard), expected, "XLSX")
        lines = self._csv(wizard)
        self._assert_cells(
            {"asic_idr": [[norm(c) for c in line] for line in lines]}, expected, "CSV"
        )
        # one row per complaint, none twice; the other company's complaint
        # of the period (in the analysis) is not in the rows compared above
        refs = [row[0] for row in expected["asic_idr"][1:]]
        self.assertEqual(len(refs), len(set(refs)))
        self.assertEqual(
            self.env["iso10002.complaint.analysis"].search_count(
                [("company_id", "=", self.other_company.id)]
            ),
            1,
        )

    def test_return_refused_when_complaints_are_hidden_from_the_user(self):
        """A manager complained about cannot read that confidential
        complaint: the return would be short, it is refused."""
        ticket = self.tickets[30]
        ticket.write(
            {"confidential": True, "subject_user_ids": [Command.link(self.manager.id)]}
        )
        wizard = self._wizard(PS2519, layout="ps2519")
        with self.assertRaisesRegex(UserError, "1 complaint"):
            wizard.action_export_csv()
        with self.assertRaisesRegex(UserError, "1 complaint"):
            wizard.action_export_xlsx()
        # another manager, who may read it, gets the full return
        other = new_test_user(
            self.env,
            login="iso_returns_manager2",
            groups="helpdesk_mgmt.group_helpdesk_manager,"
            "iso10002_complaints.group_complaint_manager",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        expected = self._normed(Expected(self.specs, PS2519).fca("ps2519"))
        self._assert_cells(
            self._xlsx(self._wizard(PS2519, user=other, layout="ps2519")),
            expected,
            "XLSX",
        )

    def test_return_reads_the_analysis_in_a_bounded_number_of_queries(self):
        """The completeness counts (all complaints, those the user reads),
        one read of the analysis for the period's 160-odd complaints, the
        names of their categories and channels in one query each, the ids of
        the vulnerable customers' complaints (administrators only, read
        apart): no query per complaint. The XLSX export checks completeness
        before the download with the two counts only."""
        wizard = self._wizard(PS2519, "asic")
        wizard._tables()
        self.env.invalidate_all()
        with self.assertQueryCount(13):
            wizard._tables()
        self.env.invalidate_all()
        # the wizard, its company, the two counts, the report action
        with self.assertQueryCount(7):
            wizard.action_export_xlsx()

    def test_layout_follows_the_period(self):
        """PS25/19's consolidated return from 1 January 2027, DISP 1 Annex
        1R before; the compliance officer may choose."""
        wizard = self._wizard((date(2027, 1, 1), date(2027, 6, 30)))
        self.assertEqual(wizard.fca_layout, "ps2519")
        self.assertEqual(self._wizard(DISP1).fca_layout, "disp1")
        self.assertEqual(self._wizard(PS2519).fca_layout, "disp1")

    def test_period_and_company_checked(self):
        with self.assertRaisesRegex(UserError, "ends before it starts"):
            self._wizard((PS2519[1], PS2519[0])).action_export_csv()
        foreign = self.env["res.company"].create({"name": "Not the manager's Co"})
        wizard = self._wizard(PS2519)
        wizard.company_id = foreign
        with self.assertRaisesRegex(UserError, "not one of your companies"):
            wizard.action_export_csv()

    def test_handler_cannot_produce_a_return(self):
        with self.assertRaises(AccessError):
            self._wizard(PS2519, user=self.handler)
