# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Regulator complaints returns of a company for a period (XLSX and CSV).

The figures come from the complaint analysis (one row per complaint, no
personal data), read as the user: its record rules apply. A return that
would leave out complaints the user may not read (confidential ones, or
those about the user) is refused rather than silently short.
"""

import csv
import io
from datetime import date, datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .regulatory_return_tables import Figures, asic_table, fca_tables

RETURN_TYPES = [
    ("fca", "UK FCA complaints return"),
    ("asic", "Australia ASIC IDR data set"),
]
FCA_LAYOUTS = [
    ("ps2519", "Consolidated complaints return (FCA PS25/19)"),
    ("disp1", "Complaints return (FCA DISP 1 Annex 1R)"),
]
# FCA PS25/19: the consolidated return replaces DISP 1 Annex 1 for the
# reporting periods from 1 January 2027
PS2519_FROM = date(2027, 1, 1)
# the analysis columns the returns read: nothing about the complainant
ROW_FIELDS = [
    "complaint_ref",
    "channel_id",
    "received_date",
    "closed_date",
    "is_upheld",
    "closing_band",
    "redress_paid",
    "adr_referral_count",
    "category_product_id",
    "category_product_code",
    "category_cause_id",
    "category_cause_code",
    "category_outcome_code",
]


def _last_half_year(today):
    """The last complete six-month period (FCA and ASIC report every six
    months: 1 January to 30 June, 1 July to 31 December)."""
    if today.month > 6:
        return date(today.year, 1, 1), date(today.year, 6, 30)
    return date(today.year - 1, 7, 1), date(today.year - 1, 12, 31)


class RegulatoryReturn(models.TransientModel):
    _name = "iso10002.regulatory.return"
    _description = "Regulator Complaints Return"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
    )
    return_type = fields.Selection(RETURN_TYPES, required=True, default="fca")
    date_from = fields.Date(
        required=True,
        default=lambda self: _last_half_year(fields.Date.context_today(self))[0],
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: _last_half_year(fields.Date.context_today(self))[1],
    )
    fca_layout = fields.Selection(
        FCA_LAYOUTS,
        string="FCA layout",
        compute="_compute_fca_layout",
        store=True,
        readonly=False,
        help="The consolidated return of PS25/19 for periods from 1 January "
        "2027, the DISP 1 Annex 1R return before.",
    )

    @api.depends("date_from")
    def _compute_fca_layout(self):
        for wizard in self:
            wizard.fca_layout = (
                "disp1"
                if wizard.date_from and wizard.date_from < PS2519_FROM
                else "ps2519"
            )

    # ------------------------------------------------------------------
    # Figures
    # ------------------------------------------------------------------
    def _bounds(self):
        """The period as [start, end) in UTC, as the analysis dates."""
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(self.env._("The period ends before it starts."))
        start = datetime.combine(self.date_from, time.min)
        end = datetime.combine(self.date_to + timedelta(days=1), time.min)
        return start, end

    def _domain(self, start, end):
        # opened in the period, closed in it or outstanding at its start
        return [
            ("company_id", "=", self.company_id.id),
            ("received_date", "<", end),
            "|",
            ("closed_date", "=", False),
            ("closed_date", ">=", start),
        ]

    def _check_complete(self):
        """The period and company of the return, as [start, end) and the
        domain of its analysis rows; refuses a return the user may not
        make, or that would leave out complaints the user may not read."""
        start, end = self._bounds()
        if self.company_id not in self.env.companies:
            raise UserError(
                self.env._(
                    "You may not report for %(company)s: it is not one of "
                    "your companies.",
                    company=self.company_id.name,
                )
            )
        domain = self._domain(start, end)
        Analysis = self.env["iso10002.complaint.analysis"]
        # sudo: counts the complaints of the period the user may not read,
        # only to refuse a return that would leave them out (nothing of
        # them is read or shown)
        hidden = Analysis.sudo().search_count(domain) - Analysis.search_count(domain)
        if hidden:
            raise UserError(
                self.env._(
                    "%(count)s complaint(s) of this period are confidential to "
                    "you (or about you): the return would leave them out. A "
                    "complaints manager who may read all of them must produce "
                    "it.",
                    count=hidden,
                )
            )
        return start, end, domain

    def _figures(self):
        start, end, domain = self._check_complete()
        Analysis = self.env["iso10002.complaint.analysis"]
        rows = Analysis.search_read(domain, ROW_FIELDS, order="received_date, id")
        # sudo: whether a customer is vulnerable is counted, never listed
        # (complaint_analysis_vulnerability.py: administrators only); the
        # return only sums it over the rows of the period, all of which the
        # user may read (_check_complete)
        vulnerable = set(
            Analysis.sudo().search(domain + [("vulnerable_nbr", ">", 0)]).ids
        )
        for row in rows:
            row["vulnerable_count"] = int(row["id"] in vulnerable)
        return Figures(rows, start, end)

    def _labels(self):
        return {
            "summary": self.env._("Summary"),
            "data_point": self.env._("Data point"),
            "value": self.env._("Value"),
            "outstanding": self.env._(
                "Complaints outstanding at the start of the period"
            ),
            "opened": self.env._("Complaints opened"),
            "closed": self.env._("Complaints closed"),
            "upheld": self.env._("Complaints upheld"),
            "upheld_pct": self.env._("Upheld (%)"),
            "3bd": self.env._("Closed within 3 business days"),
            "8w": self.env._("Closed after 3 business days, within 8 weeks"),
            "later": self.env._("Closed after more than 8 weeks"),
            "redress": self.env._("Redress paid"),
            "vulnerable_opened": self.env._(
                "Opened: customers identified as vulnerable"
            ),
            "vulnerable_closed": self.env._(
                "Closed: customers identified as vulnerable"
            ),
            "adr_referred": self.env._("Closed and referred to an ADR body"),
            "product_code": self.env._("Product group code"),
            "product": self.env._("Product group"),
            "cause_code": self.env._("Cause code"),
            "cause": self.env._("Cause"),
            "uncategorised": self.env._("Not categorised"),
            "total": self.env._("Total"),
            "by_product": self.env._("By product group"),
            "by_cause": self.env._("By cause"),
            "disp1_table1": self.env._(
                "Table 1: complaints opened by product group and cause"
            ),
            "disp1_table2": self.env._("Table 2: complaints closed and upheld"),
            "disp1_table3": self.env._("Table 3: redress paid"),
            "asic": self.env._("IDR data set"),
        }

    def _tables(self):
        """The return as a list of tables (code, title, header, rows)."""
        self.ensure_one()
        figures = self._figures()
        labels = self._labels()
        if self.return_type == "asic":
            return [asic_table(figures, self.company_id.name, labels["asic"])]
        return fca_tables(figures, self.fca_layout, labels)

    def _file_name(self, extension):
        kind = self.fca_layout if self.return_type == "fca" else self.return_type
        return (
            f"{kind}_{self.company_id.name}_{self.date_from}_{self.date_to}.{extension}"
        ).replace(" ", "_")

    # ------------------------------------------------------------------
    # Exports
    # ------------------------------------------------------------------
    def _csv(self):
        """The tables one after the other, each under its title, a blank
        line between them; the ASIC data set is one table with its header
        only (one row per complaint)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        tables = self._tables()
        for index, table in enumerate(tables):
            if len(tables) > 1:
                if index:
                    writer.writerow([])
                writer.writerow([table.title])
            writer.writerow(table.header)
            writer.writerows(
                [
                    ["" if value is None else value for value in row]
                    for row in table.rows
                ]
            )
        return out.getvalue().encode("utf-8")

    def action_export_csv(self):
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": self._file_name("csv"),
                "raw": self._csv(),
                "mimetype": "text/csv",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_export_xlsx(self):
        self.ensure_one()
        self._check_complete()  # refuse an incomplete return before the download
        return self.env.ref(
            "iso10002_reports.action_report_regulatory_return_xlsx"
        ).report_action(self)
