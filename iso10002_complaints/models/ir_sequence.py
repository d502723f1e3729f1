# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .res_company import COMPLAINT_SEQUENCE_CODE


class IrSequence(models.Model):
    _inherit = "ir.sequence"

    def _iso_clear_complaint_sequence_cache(self, vals=None):
        # res.company._get_complaint_sequence_id caches the sequence per company
        if (vals and vals.get("code") == COMPLAINT_SEQUENCE_CODE) or any(
            sequence.code == COMPLAINT_SEQUENCE_CODE for sequence in self
        ):
            self.env.registry.clear_cache()

    @api.model_create_multi
    def create(self, vals_list):
        sequences = super().create(vals_list)
        sequences._iso_clear_complaint_sequence_cache()
        return sequences

    def write(self, vals):
        if {"code", "company_id", "active"} & vals.keys():
            self._iso_clear_complaint_sequence_cache(vals)
        return super().write(vals)

    def unlink(self):
        self._iso_clear_complaint_sequence_cache()
        return super().unlink()
