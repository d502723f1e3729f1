# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complainant's email address, whatever the channel (forms, RPC, alias).

The acknowledgement and the decision are mailed to ``partner_email`` when a
complaint has no contact: a complaint only ever holds one valid address,
normalised. Plain tickets keep helpdesk_mgmt's free text.
"""

from odoo import api, models
from odoo.exceptions import ValidationError

from .email_address import EMAIL_MAX_LENGTH, normalize_email_address


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.constrains("partner_email", "is_complaint")
    def _check_iso_partner_email(self):
        for ticket in self.filtered("is_complaint"):
            ticket._iso_valid_partner_email()

    def _iso_valid_partner_email(self):
        """The normalised ``partner_email`` (False if empty); refuse it if
        it is not exactly one valid address."""
        self.ensure_one()
        if not self.partner_email:
            return False
        normalized = normalize_email_address(self.partner_email)
        if not normalized:
            shown = " ".join(self.partner_email.split())[:80]
            raise ValidationError(
                self.env._(
                    "“%(email)s” is not a valid email address for the "
                    "complainant: give a single address written like "
                    "name@example.com (no name, no list, no line break, "
                    "%(max)s characters at most).",
                    email=shown,
                    max=EMAIL_MAX_LENGTH,
                )
            )
        return normalized

    def _iso_normalize_partner_email(self):
        # also covers tickets that became complaints through a computed
        # field, which constraints do not see
        for ticket in self.filtered("is_complaint"):
            normalized = ticket._iso_valid_partner_email()
            if normalized and normalized != ticket.partner_email:
                ticket.partner_email = normalized

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets._iso_normalize_partner_email()
        return tickets

    def write(self, vals):
        res = super().write(vals)
        if {"partner_email", "is_complaint", "team_id", "user_id"} & vals.keys():
            self._iso_normalize_partner_email()
        return res

    def _iso_has_email(self):
        """The complainant can be written to (acknowledgement, decision):
        the address the templates mail to is one valid address."""
        self.ensure_one()
        address = self.partner_id.email if self.partner_id else self.partner_email
        return bool(normalize_email_address(address))
