# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A document numbered on creation by the sequence of its model (the
audit, the management review)."""

from odoo import api, fields, models


class NumberedDocumentMixin(models.AbstractModel):
    _name = "iso10002.numbered.mixin"
    _description = "Document numbered by its sequence"

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )

    @api.model_create_multi
    def create(self, vals_list):
        # the sequence whose code is the model's name (data/ir_sequence_data.xml)
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    self._name
                ) or self.env._("New")
        return super().create(vals_list)
