# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError

from ..models.access_check import also_forbidden


class ComplaintWizardAccess(models.AbstractModel):
    """Assistants that act on complaints: only on complaints the user may
    read and change (ISO 10002 4.10).

    Their stored computes run as superuser, and the complaint is given by
    the caller (a context default, or any value over RPC): without this
    check, an assistant opened on any complaint would show its data.
    Creating, reading or changing an assistant, and computing it in a form
    not saved yet, fail with an AccessError unless the user may read and
    write all its complaints.
    """

    _name = "iso10002.complaint.wizard.access"
    _description = "Complaint assistant access"

    def _iso_wizard_tickets(self):
        """The complaints the assistants ``self`` act on."""
        raise NotImplementedError

    def _iso_forbidden_tickets(self, tickets):
        """The tickets among ``tickets`` the user may not read or write."""
        # as the user, also when called from a compute run as superuser
        tickets = tickets._origin.sudo(False).with_context(active_test=False)
        forbidden = tickets.browse()
        for operation in ("read", "write"):
            forbidden |= tickets - tickets._filtered_access(operation)
        return forbidden

    def _iso_access_error(self):
        return AccessError(
            self.env._(
                "You can only use this assistant on complaints you may read and change."
            )
        )

    def _iso_check_tickets_access(self):
        """Raise unless the user may read and write the complaints of the
        assistants ``self``; for the computes of a form not saved yet."""
        if self._iso_forbidden_tickets(self._iso_wizard_tickets()):
            raise self._iso_access_error()

    def _iso_forbidden_wizards(self):
        """The assistants among ``self`` on a complaint the user may not read
        or write."""
        # sudo: the complaints of the assistants are read to check them
        wizards = self.sudo()
        forbidden_tickets = self._iso_forbidden_tickets(wizards._iso_wizard_tickets())
        if not forbidden_tickets:
            return self.browse()
        return self.browse(
            wizard.id
            for wizard in wizards
            if wizard._iso_wizard_tickets() & forbidden_tickets
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        query = super()._search(domain, offset, limit, order, **kwargs)
        if self.env.su or kwargs.get("bypass_access"):
            return query
        # assistants are a user's few records of the moment: filter them
        wizards = self.browse(query.get_result_ids())
        return (wizards - wizards._iso_forbidden_wizards())._as_query(order)

    def _check_access(self, operation):
        return also_forbidden(
            self,
            super()._check_access(operation),
            lambda wizards: wizards._iso_forbidden_wizards(),
            self._iso_access_error,
        )
