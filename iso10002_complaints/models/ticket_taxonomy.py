# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A complaint categorised against its regime's taxonomy (7.5, 8.4)."""

from odoo import fields, models

from .portal_fields import INTERNAL_GROUPS


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    regime_id = fields.Many2one(
        "iso10002.complaint.regime",
        string="Reporting regime",
        groups=INTERNAL_GROUPS,
        help="The regime of the company's complaints policy when categorised.",
    )
    category_product_id = fields.Many2one(
        "iso10002.complaint.category",
        string="Product group",
        groups=INTERNAL_GROUPS,
        index="btree_not_null",
        domain="[('kind', '=', 'product'), ('regime_id', '=', regime_id)]",
    )
    category_cause_id = fields.Many2one(
        "iso10002.complaint.category",
        string="Cause",
        groups=INTERNAL_GROUPS,
        index="btree_not_null",
        domain="[('kind', '=', 'cause'), ('regime_id', '=', regime_id)]",
    )
    category_outcome_id = fields.Many2one(
        "iso10002.complaint.category",
        string="Outcome category",
        groups=INTERNAL_GROUPS,
        domain="[('kind', '=', 'outcome'), ('regime_id', '=', regime_id)]",
    )
