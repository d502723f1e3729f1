# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The regulator return as an XLSX workbook (OCA report_xlsx): one sheet
per table of the return, its header on row 4, its rows below."""

from odoo import models

HEADER_ROW = 3  # 0-based: title, company and period, blank, header


class RegulatoryReturnXlsx(models.AbstractModel):
    _name = "report.iso10002_reports.regulatory_return_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Regulator Complaints Return (XLSX)"

    def generate_xlsx_report(self, workbook, data, wizards):
        wizard = wizards.ensure_one()
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 12})
        period = f"{wizard.company_id.name}: {wizard.date_from} - {wizard.date_to}"
        for table in wizard._tables():
            sheet = workbook.add_worksheet(table.code)
            sheet.write(0, 0, table.title, title)
            sheet.write(1, 0, period)
            sheet.write_row(HEADER_ROW, 0, table.header, bold)
            for index, row in enumerate(table.rows, start=HEADER_ROW + 1):
                sheet.write_row(
                    index, 0, ["" if value is None else value for value in row]
                )
            sheet.set_column(0, 0, 16)
            sheet.set_column(1, 1, 40)
            sheet.set_column(2, len(table.header), 16)
