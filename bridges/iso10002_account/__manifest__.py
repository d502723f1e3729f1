# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ISO 10002 Complaints - Invoicing",
    "summary": "Log a complaint from a customer invoice; refund an accepted "
    "redress with a customer credit note",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/iso10002-odoo/iso10002",
    "author": "ISO 10002 for Odoo contributors",
    "license": "AGPL-3",
    "depends": ["iso10002_contact", "account"],
    "auto_install": True,
    "data": [
        "wizards/complaint_log_wizard_views.xml",
        "views/account_move_views.xml",
        "views/helpdesk_ticket_views.xml",
    ],
}
