# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ISO 10002 Complaints Reports",
    "summary": "Complaint forms, analysis and management review for ISO 10002",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/iso10002-odoo/iso10002",
    "author": "ISO 10002 for Odoo contributors",
    "license": "AGPL-3",
    "installable": True,
    "depends": ["iso10002_complaints"],
    "data": [],
}
