# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ISO 10002 Complaints - Satisfaction Survey",
    "summary": "A survey on the handling of the complaint (ISO 10004) sent at "
    "closing with Odoo's Surveys; its results in the complaints KPIs",
    "version": "19.0.1.0.0",
    "category": "Marketing/Surveys",
    "website": "https://github.com/iso10002-odoo/iso10002",
    "author": "ISO 10002 for Odoo contributors",
    "license": "AGPL-3",
    "depends": ["iso10002_reports", "survey"],
    "auto_install": True,
    "data": [
        "security/ir.model.access.csv",
        "security/iso10002_survey_security.xml",
        "data/survey_data.xml",
        "data/mail_template_data.xml",
        "views/complaint_policy_views.xml",
        "views/res_config_settings_views.xml",
        "views/complaint_monitor_views.xml",
        "views/survey_user_input_views.xml",
    ],
}
