# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ISO 10002 Complaints - SLA",
    "summary": "One team calendar for OCA helpdesk_mgmt_sla and the complaint "
    "deadlines",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/iso10002-odoo/iso10002",
    "author": "ISO 10002 for Odoo contributors",
    "license": "AGPL-3",
    "depends": ["iso10002_complaints", "helpdesk_mgmt_sla"],
    "auto_install": True,
    "data": ["views/helpdesk_ticket_team_views.xml"],
    "post_init_hook": "post_init_hook",
}
