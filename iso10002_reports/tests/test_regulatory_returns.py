# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Regulator returns over a fixture period of 200 complaints: the FCA
return (PS25/19 and DISP 1 Annex 1R layouts) and the ASIC IDR data set,
read back from the XLSX and the CSV and compared cell by cell with the
figures computed below from the fixture's values (not by the code under
test)."""

import csv
import io
from datetime import date, datetime, time, timedelta

from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from ..report.regulatory_return_xlsx import HEADER_ROW
from .returns_fixture import CAUSES, EIGHT_WEEKS, PRODUCTS, ReturnsCase

UPHELD = ("upheld", "partially_upheld")
SUMMARY_LABELS = {
    "outstanding": "Complaints outstanding at the start of the period",
    "opened": "Complaints opened",
    "closed": "Complaints closed",
    "upheld": "Complaints upheld",
    "upheld_pct": "Upheld (%)",
    "3bd": "Closed within 3 business days",
    "8w": "Closed after 3 business days, within 8 weeks",
    "later": "Closed after more than 8 weeks",
    "redress": "Redress paid",
    "vulnerable_opened": "Opened: customers identified as vulnerable",
    "vulnerable_closed": "Closed: customers identified as vulnerable",
    "adr_referred": "Closed and referred to an ADR body",
}
# the fixture is in the past (process dates cannot be in the future): the
# first half of 2026 is returned in the PS25/19 layout, chosen by hand
PS2519 = (date(2026, 1, 1), date(2026, 6, 30))
DISP1 = (date(2025, 7, 1), date(2025, 12, 31))


def norm(value):
    """A cell as text, numbers rounded to cents, blanks as ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float)):
        return f"{float(value):.2f}"
    try:
        return f"{float(value):.2f}"
    except ValueError:
        return str(value)


class Expected:
    """The returns computed from the fixture's values."""

    def __init__(self, specs, period):
        self.specs = specs
        self.start = datetime.combine(period[0], time.min)
        self.end = datetime.combine(period[1] + timedelta(days=1), time.min)
        self.rows = [
            s
            for s in specs
            if s["received"] < self.end and (not s["closed"] or s["closed"] >= self.start)
        ]

    def is_opened(self, s):
        return self.start <= s["received"] < self.end

    def is_closed(self, s):
        return bool(s["closed"]) and self.start <= s["closed"] < self.end

    @staticmethod
    def band(s):
        if s["summary"]:
            return "3bd"
        return "8w" if s["closed"] - s["received"] <= EIGHT_WEEKS else "later"

    def measures(self, group):
        opened = [s for s in group if self.is_opened(s)]
        closed = [s for s in group if self.is_closed(s)]
        upheld = len([s for s in closed if s["decision"] in UPHELD])
        return {
            "outstanding": len(
                [
                    s
                    for s in group
                    if s["received"] < self.start
                    and (not s["closed"] or s["closed"] >= self.start)
                ]
            ),
            "opened": len(opened),
            "closed": len(closed),
            "upheld": upheld,
            "upheld_pct": round(100 * upheld / len(closed), 2) if closed else "",
            "3bd": len([s for s in closed if self.band(s) == "3bd"]),
            "8w": len([s for s in closed if self.band(s) == "8w"]),
            "later": len([s for s in closed if self.band(s) == "later"]),
            "redress": sum(s["redress"] for s in closed),
            "vulnerable_opened": len([s for s in opened if s["vulnerable"]]),
            "vulnerable_closed": len([s for s in closed if s["vulnerable"]]),
            "adr_referred": len([s for s in closed if s["adr"]]),
        }

    def by(self, key, names, columns, rows=None):
        rows = self.rows if rows is None else rows
        table = []
        for code in [*sorted(names), None]:
            group = [s for s in rows if s[key] == code]
            if not group:
                continue
            measures = self.measures(group)
            table.append(
                [code or "", names[code] if code else "Not categorised"]
                + [measures[c] for c in columns]
            )
        total = self.measures(rows)
        table.append(["", "Total"] + [total[c] for c in columns])
        return table

    def fca(self, layout):
        total = self.measures(self.rows)
        keys = ["outstanding", "opened", "closed", "upheld", "3bd", "8w", "later"]
        keys += ["redress"]
        if layout == "ps2519":
            keys += ["vulnerable_opened", "vulnerable_closed"]
        keys += ["adr_referred"]
        summary = [["Data point", "Value"]] + [[SUMMARY_LABELS[k], total[k]] for k in keys]
        product_head = ["Product group code", "Product group"]
        cause_head = ["Cause code", "Cause"]
        if layout == "ps2519":
            pcols = ["opened", "closed", "upheld", "upheld_pct", "3bd", "8w", "later"]
            pcols += ["redress", "vulnerable_opened", "vulnerable_closed", "adr_referred"]
            ccols = ["opened", "closed", "upheld", "redress", "vulnerable_opened"]
            return {
                "summary": summary,
                "product": [product_head + [SUMMARY_LABELS[c] for c in pcols]]
                + self.by("product", PRODUCTS, pcols),
                "cause": [cause_head + [SUMMARY_LABELS[c] for c in ccols]]
                + self.by("cause", CAUSES, ccols),
            }
        closed_cols = ["closed", "3bd", "8w", "later", "upheld", "upheld_pct"]
        return {
            "summary": summary,
            "opened": self._opened_matrix(),
            "closed": [product_head + [SUMMARY_LABELS[c] for c in closed_cols]]
            + self.by("product", PRODUCTS, closed_cols),
            "redress": [product_head + ["Redress paid"]]
            + self.by("product", PRODUCTS, ["redress"]),
        }

    def _opened_matrix(self):
        opened = [s for s in self.rows if self.is_opened(s)]
        causes = [c for c in [*sorted(CAUSES), None] if any(s["cause"] == c for s in opened)]
        head = ["Product group code", "Product group"]
        head += [f"{c} {CAUSES[c]}" if c else "Not categorised" for c in causes]
        table = [head + ["Total"]]
        for code in [*sorted(PRODUCTS), None]:
            group = [s for s in opened if s["product"] == code]
            if group:
                table.append(
                    [code or "", PRODUCTS[code] if code else "Not categorised"]
                    + [len([s for s in group if s["cause"] == c]) for c in causes]
                    + [len(group)]
                )
        table.append(
            ["", "Total"]
            + [len([s for s in opened if s["cause"] == c]) for c in causes]
            + [len(opened)]
        )
        return table

    def asic(self, brand, channels):
        head = [
            "complaint_unique_identifier",
            "brand",
            "complainant_gender",
            "complainant_age",
            "complainant_postcode",
            "received_method",
            "date_received",
            "complaint_status",
            "date_closed",
            "days_to_resolve",
            "product_or_service_code",
            "issue_code",
            "outcome_code",
            "financial_compensation",
        ]
        table = [head]
        for s in sorted(self.rows, key=lambda s: (s["received"], s["index"])):
            done = bool(s["closed"]) and s["closed"] < self.end
            table.append(
                [
                    s["ref"],
                    brand,
                    "",
                    "",
                    "",
                    channels[s["channel"]],
                    s["received"].strftime("%Y-%m-%d"),
                    "closed" if done else "open",
                    s["closed"].strftime("%Y-%m-%d") if done else "",
                    (s["closed"].date() - s["received"].date()).days if done else "",
                    s["product"] or "",
                    s["cause"] or "",
                    (s["outcome"] or "") if done else "",
                    s["redress"] if done else "",
                ]
            )
        return {"asic_idr": table}


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
        return dict(zip(codes, [[[norm(c) for c in r] for r in t] for t in tables], strict=True))

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
        self._assert_cells(self._xlsx(self._wizard(PS2519, user=other, layout="ps2519")), expected, "XLSX")

    def test_return_reads_the_analysis_in_a_bounded_number_of_queries(self):
        """One read of the analysis for the period's 160-odd complaints, the
        names of their categories and channels in one query each, the
        completeness count: no query per complaint."""
        wizard = self._wizard(PS2519, "asic")
        wizard._tables()
        self.env.invalidate_all()
        with self.assertQueryCount(8):
            wizard._tables()

    def test_layout_follows_the_period(self):
        """PS25/19's consolidated return from 1 January 2027, DISP 1 Annex
        1R before; the compliance officer may choose."""
        wizard = self._wizard((date(2027, 1, 1), date(2027, 6, 30)))
        self.assertEqual(wizard.fca_layout, "ps2519")
        self.assertEqual(self._wizard(DISP1).fca_layout, "disp1")
        self.assertEqual(self._wizard(PS2519).fca_layout, "disp1")

    def test_handler_cannot_produce_a_return(self):
        with self.assertRaises(AccessError):
            self._wizard(PS2519, user=self.handler)
