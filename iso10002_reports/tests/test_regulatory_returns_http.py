# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The regulator return downloaded over real HTTP: the XLSX through OCA
report_xlsx's report route, the CSV through /web/content; nobody but the
complaints manager who made it downloads it."""

import csv
import io
from datetime import datetime

from openpyxl import load_workbook

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import SQL, mute_logger

from ..report.regulatory_return_xlsx import HEADER_ROW

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@tagged("post_install", "-at_install")
class TestRegulatoryReturnsHttp(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Returns HTTP Co"})
        users = {}
        for login, groups in (
            ("iso_returns_http_manager", "iso10002_complaints.group_complaint_manager"),
            ("iso_returns_http_other", "iso10002_complaints.group_complaint_manager"),
            ("iso_returns_http_handler", "helpdesk_mgmt.group_helpdesk_user"),
        ):
            users[login] = new_test_user(
                cls.env,
                login=login,
                password=login,
                groups=f"helpdesk_mgmt.group_helpdesk_user,{groups}",
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
        cls.manager = users["iso_returns_http_manager"]
        team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Returns HTTP team",
                "is_complaint_team": True,
                "company_id": cls.company.id,
            }
        )
        cls.received = [datetime(2026, 3, 2, 9), datetime(2026, 4, 15, 9)]
        for received in cls.received:
            ticket = cls.env["helpdesk.ticket"].create(
                {
                    "name": "A complaint",
                    "description": "<p>Unhappy.</p>",
                    "team_id": team.id,
                    "company_id": cls.company.id,
                    "received_date": received,
                    "consent_given": True,
                }
            )
            cls.env.flush_all()
            cls.env.cr.execute(
                SQL(
                    "UPDATE helpdesk_ticket SET received_date = %s WHERE id = %s",
                    received,
                    ticket.id,
                )
            )
        cls.wizard = (
            cls.env["iso10002.regulatory.return"]
            .with_user(cls.manager)
            .create(
                {
                    "company_id": cls.company.id,
                    "date_from": "2026-01-01",
                    "date_to": "2026-06-30",
                    "fca_layout": "ps2519",
                }
            )
        )

    def test_xlsx_and_csv_downloaded_by_their_maker_only(self):
        url = f"/report/xlsx/iso10002_reports.regulatory_return_xlsx/{self.wizard.id}"
        self.authenticate("iso_returns_http_manager", "iso_returns_http_manager")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX_MIMETYPE)
        sheet = load_workbook(io.BytesIO(response.content))["summary"]
        summary = {
            row[0]: row[1]
            for row in sheet.iter_rows(min_row=HEADER_ROW + 2, values_only=True)
        }
        self.assertEqual(summary["Complaints opened"], len(self.received))
        self.assertEqual(summary["Complaints closed"], 0)

        action = self.wizard.action_export_csv()
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        lines = list(csv.reader(io.StringIO(response.content.decode())))
        self.assertIn(["Complaints opened", "2"], lines)

        # another manager, a handler, the public: not their wizard
        for login in ("iso_returns_http_other", "iso_returns_http_handler", None):
            with self.subTest(login=login):
                self.authenticate(login, login)
                with mute_logger("odoo.http", "odoo.addons.report_xlsx"):
                    response = self.url_open(url)
                self.assertNotIn(b"Complaints opened", response.content)
                response = self.url_open(action["url"])
                self.assertNotIn(b"Complaints opened", response.content)
