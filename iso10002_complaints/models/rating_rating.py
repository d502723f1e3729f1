# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class RatingRating(models.Model):
    _inherit = "rating.rating"

    helpdesk_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Ticket",
        compute="_compute_helpdesk_ticket_id",
        store=True,
        index="btree_not_null",
        help="The rated ticket: lets record rules keep the ratings of "
        "confidential complaints as private as the complaints (ISO 10002 4.10).",
    )

    @api.depends("res_model", "res_id")
    def _compute_helpdesk_ticket_id(self):
        for rating in self:
            rating.helpdesk_ticket_id = (
                rating.res_id if rating.res_model == "helpdesk.ticket" else False
            )
