# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    complaint_digest_date = fields.Date(
        string="Last complaints digest",
        copy=False,
        readonly=True,
        groups="base.group_system",
        help="Day the escalation digest of complaints at risk or overdue was "
        "last sent to this team leader (one per day).",
    )
