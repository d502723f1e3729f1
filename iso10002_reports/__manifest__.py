# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ISO 10002 Complaints Reports",
    "summary": "Complaint forms, analysis, monitoring, audit and management "
    "review for ISO 10002",
    "version": "19.0.1.1.0",
    "category": "After-Sales",
    "website": "https://github.com/iso10002-odoo/iso10002",
    "author": "ISO 10002 for Odoo contributors",
    "license": "AGPL-3",
    "depends": ["iso10002_complaints", "report_xlsx"],
    "data": [
        "security/iso10002_reports_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "report/complaint_form_report.xml",
        "report/complaint_tracking_report.xml",
        "report/management_review_report.xml",
        "report/complaint_audit_report.xml",
        "views/complaint_product_views.xml",
        "views/complaint_analysis_views.xml",
        "wizards/complaint_monitor_views.xml",
        "views/complaint_audit_views.xml",
        "views/management_review_views.xml",
        "views/complaint_policy_views.xml",
        "views/iso10002_reports_menus.xml",
        "report/complaint_tracking_redress.xml",
        "report/complaint_tracking_clock_stop.xml",
        "wizards/regulatory_return_views.xml",
        "views/complaint_analysis_regulated_views.xml",
        "report/complaint_tracking_chart.xml",
        "wizards/complaint_monitor_charts_views.xml",
        "data/kpi_day_cron.xml",
    ],
    "demo": ["demo/complaint_product_demo.xml"],
    "uninstall_hook": "uninstall_hook",
    "assets": {
        "web.report_assets_common": [
            "iso10002_reports/static/src/scss/iso10002_reports.scss",
        ],
    },
}
