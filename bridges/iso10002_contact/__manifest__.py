# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ISO 10002 Complaints - Any Employee Logs a Complaint",
    "summary": "Any employee logs a complaint received by phone, letter or in "
    "person from the contact form, without access to the register",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/iso10002-odoo/iso10002",
    "author": "ISO 10002 for Odoo contributors",
    "license": "AGPL-3",
    "depends": ["iso10002_complaints", "contacts"],
    "auto_install": True,
    "data": [
        "security/ir.model.access.csv",
        "data/helpdesk_ticket_channel_data.xml",
        "wizards/complaint_log_wizard_views.xml",
        "views/res_partner_views.xml",
        "security/iso10002_contact_security.xml",
    ],
}
