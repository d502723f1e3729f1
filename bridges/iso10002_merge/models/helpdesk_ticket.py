# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

MERGE_FIELDS = frozenset({"merged_complaint_refs"})


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    merged_complaint_refs = fields.Char(
        string="Merged complaints",
        readonly=True,
        copy=False,
        groups="base.group_user",
        help="References of the complaints merged into this one: they stay "
        "valid, archived, and their trail is on this complaint.",
    )

    def _iso_check_system_values(self, vals, creating=False):
        # recorded by the merge only (iso10002_merge), like the other facts
        if forbidden := MERGE_FIELDS & vals.keys():
            self._iso_refuse_system_fields(forbidden)
        return super()._iso_check_system_values(vals, creating=creating)
