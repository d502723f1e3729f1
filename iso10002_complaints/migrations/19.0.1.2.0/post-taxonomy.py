# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.1.2.0: regulated firms (issue 13), the presets' regulated settings.

The presets are noupdate data: on a database installed before this
version, ``data/complaint_policy_preset_regulated_data.xml`` creates the new
UK payment services preset but leaves the existing FCA and ASIC presets as
they were. Complete them here, where a user has not set them already.
Policies are left alone: a company applies its preset again (Apply preset
targets) when it chooses to.
"""

from odoo import SUPERUSER_ID, api

PRESETS = {
    "iso10002_complaints.policy_preset_fca": {
        "regime": "iso10002_complaints.regime_fca_ps2519",
        "adr_body": "iso10002_complaints.adr_body_fos",
        "holding_response_days": 56,
    },
    "iso10002_complaints.policy_preset_asic": {
        "regime": "iso10002_complaints.regime_asic_rg271",
        "adr_body": "iso10002_complaints.adr_body_afca",
        "holding_response_days": 0,
    },
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for preset_xmlid, settings in PRESETS.items():
        preset = env.ref(preset_xmlid, raise_if_not_found=False)
        if not preset:
            continue
        regime = env.ref(settings["regime"], raise_if_not_found=False)
        adr_body = env.ref(settings["adr_body"], raise_if_not_found=False)
        values = {}
        if not preset.regime_id and regime:
            values["regime_id"] = regime.id
        if not preset.adr_body_id and adr_body:
            values["adr_body_id"] = adr_body.id
        if not preset.holding_response_days:
            values["holding_response_days"] = settings["holding_response_days"]
        if values:
            preset.write(values)
