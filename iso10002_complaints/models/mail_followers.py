# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Followers of a ticket are as private as the ticket (ISO 10002 4.10).

Odoo lets every internal user read every follower (ACL, no rule): the
complainant of a confidential complaint and its handler would show through
``mail.followers``. As ``mail.message``, ``mail.activity`` and
``ir.attachment`` do for the documents they belong to, followers of
tickets are searched and read only by who may read the ticket; followers of
other models are left as Odoo has them.
"""

from odoo import api, models
from odoo.exceptions import AccessError, MissingError
from odoo.fields import Domain
from odoo.tools import SQL

from .access_check import also_forbidden

TICKET_MODEL = "helpdesk.ticket"


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if not (self.env.su or kwargs.get("bypass_access")):
            # one query: the tickets the user may read as a subquery
            domain = Domain(domain) & self._iso_readable_followers_domain()
        return super()._search(domain, offset, limit, order, **kwargs)

    @api.model
    def _iso_readable_followers_domain(self):
        """Followers of other models, and of the tickets the user may read."""
        not_ticket = Domain("res_model", "!=", TICKET_MODEL)
        tickets = self.env[TICKET_MODEL].with_context(active_test=False)
        if not tickets.has_access("read"):
            return not_ticket
        return not_ticket | Domain("res_id", "any!", tickets._search([]))

    def _check_access(self, operation):
        return also_forbidden(
            self,
            super()._check_access(operation),
            lambda followers: followers._iso_forbidden_ticket_followers(),
            lambda: AccessError(
                self.env._(
                    "You cannot see the followers of a ticket or complaint you "
                    "may not read."
                )
            ),
        )

    def _iso_forbidden_ticket_followers(self):
        """Followers of ``self`` that belong to tickets the user may not read."""
        self.flush_model(["res_model", "res_id"])
        # read without the ORM: the cache is not filled with records the
        # user may not read
        rows = self.env.execute_query(
            SQL(
                "SELECT id, res_id FROM mail_followers "
                "WHERE id = ANY(%s) AND res_model = %s",
                [id_ for id_ in self._ids if isinstance(id_, int)],
                TICKET_MODEL,
            )
        )
        if not rows:
            return self.browse()
        tickets = (
            self.env[TICKET_MODEL]
            .with_context(active_test=False)
            .browse({res_id for _id, res_id in rows})
        )
        try:
            allowed = tickets._filtered_access("read")
        except MissingError:
            allowed = tickets.exists()._filtered_access("read")
        return self.browse(
            follower_id for follower_id, res_id in rows if res_id not in allowed._ids
        )
