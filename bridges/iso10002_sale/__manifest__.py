# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ISO 10002 Complaints - Sale Orders",
    "summary": "Any employee logs a complaint from the sale order; the complaint "
    "links the order (OCA helpdesk_mgmt_sale) and its product",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/iso10002-odoo/iso10002",
    "author": "ISO 10002 for Odoo contributors",
    "license": "AGPL-3",
    # the product of the order is helpdesk_product's, which the analysis of
    # iso10002_product groups by category: installed with this bridge
    "depends": ["iso10002_contact", "helpdesk_mgmt_sale", "iso10002_product"],
    "auto_install": ["iso10002_contact", "helpdesk_mgmt_sale"],
    "data": [
        "wizards/complaint_log_wizard_views.xml",
        "views/sale_order_views.xml",
    ],
}
