# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class RatingRating(models.Model):
    _inherit = "rating.rating"

    # The token lets whoever holds it rate as the customer (/rate/<token>):
    # it is for the rated person's mailbox alone. Odoo's rating mails and
    # routes read it as superuser; readers of a complaint (its handler, an
    # auditor) must not rate its handling in the complainant's name.
    access_token = fields.Char(groups="base.group_system")
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
