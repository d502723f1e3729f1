# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ISO 10002 Complaints - Corrective Actions",
    "summary": "Nonconformities and corrective actions (OCA mgmtsystem) from "
    "complaints and from the recurring root causes of the management review",
    "version": "19.0.1.0.0",
    "category": "Management System",
    "website": "https://github.com/iso10002-odoo/iso10002",
    "author": "ISO 10002 for Odoo contributors",
    "license": "AGPL-3",
    "depends": ["iso10002_reports", "mgmtsystem_nonconformity"],
    "auto_install": True,
    "data": [
        "security/iso10002_mgmtsystem_security.xml",
        "data/mgmtsystem_nonconformity_origin_data.xml",
        "views/helpdesk_ticket_views.xml",
        "views/mgmtsystem_nonconformity_views.xml",
        "views/mgmtsystem_action_views.xml",
        "views/management_review_views.xml",
        "views/complaint_audit_views.xml",
    ],
}
