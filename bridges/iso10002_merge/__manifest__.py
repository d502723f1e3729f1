# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ISO 10002 Complaints - Merge",
    "summary": "Merging complaints with OCA helpdesk_mgmt_merge keeps their "
    "references, trail, acknowledgement and earliest receipt",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/iso10002-odoo/iso10002",
    "author": "ISO 10002 for Odoo contributors",
    "license": "AGPL-3",
    "depends": ["iso10002_complaints", "helpdesk_mgmt_merge"],
    "auto_install": True,
    "data": ["views/helpdesk_ticket_views.xml"],
}
