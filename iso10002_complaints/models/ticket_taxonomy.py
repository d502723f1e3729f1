# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A complaint categorised against its regime's taxonomy (7.5, 8.4).

The regime is the one of the company's complaints policy when the complaint
is received, or the same regulator's return in force on the day of receipt
(a system field: the process sets it, see ticket_integrity.py);
a complaint keeps its regime when the policy later moves to another one
(e.g. from FCA DISP 1 Annex 1R to PS25/19), so that it is reported in the
lists it was categorised against. The product group, cause and outcome are
categories of that regime, each of its own kind; the free-text root cause
(ticket_investigation.py) stays as the handler's notes.
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .portal_fields import INTERNAL_GROUPS

# ticket field -> kind of category it takes
CATEGORY_FIELDS = {
    "category_product_id": "product",
    "category_cause_id": "cause",
    "category_outcome_id": "outcome",
}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    regime_id = fields.Many2one(
        "iso10002.complaint.regime",
        string="Reporting regime",
        groups=INTERNAL_GROUPS,
        compute="_compute_regime_id",
        store=True,
        index="btree_not_null",
        help="The regime of the company's complaints policy, or the same "
        "regulator's return in force, on the day of receipt.",
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

    @api.depends("is_complaint", "company_id", "received_date")
    def _compute_regime_id(self):
        Policy = self.env["iso10002.complaint.policy"]
        for ticket in self:
            if not ticket.is_complaint:
                ticket.regime_id = False
            elif ticket.regime_id and any(ticket[fname] for fname in CATEGORY_FIELDS):
                # categorised: keeps the lists it was categorised against
                ticket.regime_id = ticket.regime_id
            else:
                # _get_for_company: sudo, the policy is company configuration
                policy = Policy._get_for_company(ticket.company_id or self.env.company)
                regime = policy.env["iso10002.complaint.regime"].browse(
                    policy._facts().regime_id
                )
                # the same regulator's return in force at receipt
                received = ticket.received_date
                ticket.regime_id = regime and regime._regime_at(
                    received and ticket._iso_day(received)
                )

    @api.constrains("regime_id", *CATEGORY_FIELDS)
    def _check_categories_of_regime(self):
        for ticket in self:
            for fname, kind in CATEGORY_FIELDS.items():
                category = ticket[fname]
                if not category:
                    continue
                if not ticket.regime_id:
                    raise ValidationError(
                        self.env._(
                            "%(ticket)s has no reporting regime, so it cannot be "
                            "categorised (%(category)s). Choose a regime in the "
                            "company's complaints policy.",
                            ticket=ticket.complaint_ref or ticket.display_name,
                            category=category.complete_name,
                        )
                    )
                if category.regime_id != ticket.regime_id:
                    raise ValidationError(
                        self.env._(
                            "%(category)s is a category of %(other)s, but "
                            "%(ticket)s is reported under %(regime)s: choose a "
                            "category of %(regime)s.",
                            category=category.complete_name,
                            other=category.regime_id.display_name,
                            ticket=ticket.complaint_ref or ticket.display_name,
                            regime=ticket.regime_id.display_name,
                        )
                    )
                if category.kind != kind:
                    kinds = dict(
                        category._fields["kind"]._description_selection(self.env)
                    )
                    raise ValidationError(
                        self.env._(
                            "%(category)s is listed under %(its_kind)s: the "
                            "%(field)s of %(ticket)s is chosen among the "
                            "categories listed under %(kind)s.",
                            category=category.complete_name,
                            its_kind=kinds[category.kind],
                            field=ticket._fields[fname]._description_string(self.env),
                            ticket=ticket.complaint_ref or ticket.display_name,
                            kind=kinds[kind],
                        )
                    )
