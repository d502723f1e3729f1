# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the letters quote of an external dispute resolution body."""

from odoo import fields, models


class AdrBody(models.Model):
    _inherit = "iso10002.adr.body"

    holding_rights = fields.Html(
        string="Referral rights (holding response)",
        translate=True,
        sanitize=True,
        help="The text the holding response (or delay notification) quotes: "
        "the complainant may refer the complaint now, before the final "
        "response.",
    )
    leaflet_url = fields.Char(
        string="Explanatory leaflet",
        help="Link to the body's explanatory leaflet the final response must "
        "enclose (FCA DISP 1.6.2R(1)(d)).",
    )
