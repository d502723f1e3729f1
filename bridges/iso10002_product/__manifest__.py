# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ISO 10002 Complaints - Products",
    "summary": "Complaints name the product (OCA helpdesk_product); the analysis "
    "groups them by product and product category",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/iso10002-odoo/iso10002",
    "author": "ISO 10002 for Odoo contributors",
    "license": "AGPL-3",
    "depends": ["iso10002_reports", "helpdesk_product"],
    "auto_install": True,
    "data": ["views/complaint_analysis_views.xml"],
}
