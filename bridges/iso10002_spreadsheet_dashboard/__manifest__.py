# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ISO 10002 Complaints Dashboard",
    "summary": "The complaints dashboard in the Dashboards app (spreadsheet)",
    "version": "19.0.1.0.0",
    "category": "Productivity/Dashboard",
    "website": "https://github.com/iso10002-odoo/iso10002",
    "author": "ISO 10002 for Odoo contributors",
    "license": "AGPL-3",
    "depends": ["iso10002_reports", "spreadsheet_dashboard"],
    "data": ["data/dashboards.xml"],
    "auto_install": True,
}
