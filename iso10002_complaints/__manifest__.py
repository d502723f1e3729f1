# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ISO 10002 Complaints Handling",
    "summary": "Handle customer complaints as ISO 10002:2018 asks, on helpdesk tickets",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/iso10002-odoo/iso10002",
    "author": "ISO 10002 for Odoo contributors",
    "license": "AGPL-3",
    "application": True,
    "depends": ["helpdesk_mgmt", "helpdesk_mgmt_rating", "resource"],
    "data": [
        "security/iso10002_security.xml",
        "security/ir.model.access.csv",
        "security/iso10002_channels_security.xml",
        "data/ir_sequence_data.xml",
        "data/helpdesk_ticket_stage_data.xml",
        "data/mail_template_data.xml",
        "data/complaint_policy_preset_data.xml",
        "data/ir_cron_data.xml",
        "views/complaint_policy_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_stage_views.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/res_config_settings_views.xml",
        "views/complaint_wizard_views.xml",
        "views/iso10002_menus.xml",
        "data/mail_template_intake_data.xml",
        "data/ir_cron_intake_data.xml",
        "views/portal_templates.xml",
        "views/complaint_intake_views.xml",
    ],
    "demo": ["demo/iso10002_demo.xml"],
    "assets": {
        "web.assets_frontend": [
            "iso10002_complaints/static/src/interactions/*.esm.js",
            "iso10002_complaints/static/src/scss/portal.scss",
        ],
        "web.assets_tests": [
            "iso10002_complaints/static/tests/tours/*.esm.js",
        ],
    },
}
