# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Records of a complaint are as private as the complaint (ISO 10002 4.10).

ADR referrals, clock stops... belong to one complaint (``ticket_id``,
declared here with its company): who
may read the complaint reads them, who may write it writes them. Record
rules are evaluated as superuser and cannot follow the ticket's own rules,
so the access is delegated to the ticket here, once, as Odoo does for
``mail.message`` and ``ir.attachment``. Nobody complained about creates,
changes or deletes them (objectivity, 4.7).
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

TICKET_OPERATION = {
    "read": "read",
    "write": "write",
    "create": "write",
    "unlink": "write",
}


class ComplaintChildMixin(models.AbstractModel):
    _name = "iso10002.complaint.child.mixin"
    _description = "Record of a complaint, accessed as the complaint"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)

    # Date fields recorded, when left empty, on the complaint's day: the day
    # where the complaint is handled, not the recording user's
    # (helpdesk.ticket._iso_day, ticket_deadlines.py)
    _iso_day_defaults = ()

    # objectivity (4.7): nobody complained about changes the records of
    # the complaint about them (ticket_integrity.py)
    @api.model_create_multi
    def create(self, vals_list):
        tickets = self.env["helpdesk.ticket"].browse(
            {vals["ticket_id"] for vals in vals_list if vals.get("ticket_id")}
        )
        tickets._iso_check_not_subject()
        for vals in vals_list:
            missing = [f for f in self._iso_day_defaults if not vals.get(f)]
            if missing and vals.get("ticket_id"):
                day = tickets.browse(vals["ticket_id"])._iso_day()
                vals.update(dict.fromkeys(missing, day))
        return super().create(vals_list)

    def write(self, vals):
        tickets = self.ticket_id
        if vals.get("ticket_id"):
            tickets |= tickets.browse(vals["ticket_id"])
        tickets._iso_check_not_subject()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_subject(self):
        self.ticket_id._iso_check_not_subject()

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if not (self.env.su or kwargs.get("bypass_access")):
            tickets = self.env["helpdesk.ticket"].with_context(active_test=False)
            readable = (
                Domain("ticket_id", "any!", tickets._search([]))
                if tickets.has_access("read")
                else Domain.FALSE
            )
            domain = Domain(domain) & readable
        return super()._search(domain, offset, limit, order, **kwargs)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        records = self - result[0] if result else self
        if not records or self.env.su:
            return result
        # sudo: read the link to the complaint, whose access is checked next
        tickets = records.sudo().ticket_id.with_env(self.env)
        allowed = tickets._filtered_access(TICKET_OPERATION[operation])
        forbidden = (
            records.sudo()
            .filtered(lambda rec: rec.ticket_id not in allowed)
            .with_env(self.env)
        )
        if not forbidden:
            return result
        if result:
            forbidden += result[0]
        return forbidden, lambda: AccessError(
            self.env._(
                "You cannot access the %(records)s of a complaint you may not %(op)s.",
                records=self._description,
                op=TICKET_OPERATION[operation],
            )
        )
