# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Controlled taxonomy of complaints per regulatory regime.

A regime (UK FCA PS25/19, FCA DISP 1 Annex 1R, ASIC RG 271...) publishes
the lists a regulated firm must categorise its complaints against: the
products or services, the causes (a tree) and the outcomes. Each list is
data (``data/complaint_taxonomy_*.xml``), citing its source.
"""

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

CATEGORY_KINDS = [
    ("product", "Product or service"),
    ("cause", "Cause"),
    ("outcome", "Outcome"),
]


class ComplaintRegime(models.Model):
    _name = "iso10002.complaint.regime"
    _description = "Complaints Reporting Regime"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical code, e.g. fca_ps2519.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    country_id = fields.Many2one("res.country")
    authority = fields.Char(help="The regulator, e.g. Financial Conduct Authority.")
    source = fields.Text(
        help="The published text the lists come from (title, section, date, URL)."
    )
    date_from = fields.Date(
        string="Applies from", help="First reporting period the lists apply to."
    )
    date_to = fields.Date(
        string="Applies until", help="Last reporting period the lists apply to."
    )
    category_ids = fields.One2many(
        "iso10002.complaint.category", "regime_id", string="Categories"
    )

    _code_uniq = models.Constraint("UNIQUE(code)", "A regime code must be unique.")

    @api.model_create_multi
    def create(self, vals_list):
        regimes = super().create(vals_list)
        self.env.registry.clear_cache()  # _regime_periods
        return regimes

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()  # _regime_periods
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()  # _regime_periods
        return res

    @api.model
    @tools.ormcache()
    def _regime_periods(self):
        """((id, (authority, country id), date_from, date_to), ...) of the
        active regimes, cached: every complaint received looks its regime
        up (ticket_taxonomy.py), without a query."""
        # sudo: the regimes are configuration, whoever files the complaint
        return tuple(
            (r.id, (r.authority, r.country_id.id), r.date_from, r.date_to)
            for r in self.sudo().search([])
        )

    def _regime_at(self, date):
        """The regime of the same regulator (authority and country) whose
        lists apply at ``date``, ``self`` when none does: a policy set to the
        FCA's PS25/19 return reports a complaint received before that
        return's start under the DISP 1 Annex 1R return it replaces."""
        self.ensure_one()
        if not date:
            return self

        def applies(date_from, date_to):
            return (not date_from or date_from <= date) and (
                not date_to or date <= date_to
            )

        periods = self._regime_periods()
        own = next((p for p in periods if p[0] == self.id), None)
        if not own or not own[1][0] or applies(*own[2:]):
            return self
        return self.browse(
            next(
                (
                    regime_id
                    for regime_id, regulator, *dates in periods
                    if regulator == own[1] and applies(*dates)
                ),
                self.id,
            )
        )


class ComplaintCategory(models.Model):
    _name = "iso10002.complaint.category"
    _description = "Complaint Category"
    _parent_store = True
    _order = "regime_id, kind, sequence, code, id"
    _rec_names_search = ["name", "code", "complete_name"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="The regulator's code, reported in the returns.")
    kind = fields.Selection(CATEGORY_KINDS, required=True, index=True)
    regime_id = fields.Many2one(
        "iso10002.complaint.regime", required=True, ondelete="cascade", index=True
    )
    parent_id = fields.Many2one(
        "iso10002.complaint.category",
        ondelete="restrict",
        index=True,
        domain="[('regime_id', '=', regime_id), ('kind', '=', kind)]",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("iso10002.complaint.category", "parent_id")
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _code_uniq = models.Constraint(
        "UNIQUE(regime_id, kind, code)", "A code is unique within a regime's list."
    )

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for category in self:
            category.complete_name = (
                f"{category.parent_id.complete_name} / {category.name}"
                if category.parent_id
                else category.name
            )

    @api.constrains("parent_id", "regime_id", "kind")
    def _check_parent(self):
        # a loop in the tree is refused by the ORM (_parent_store)
        for category in self:
            parent = category.parent_id
            if parent and (
                parent.regime_id != category.regime_id or parent.kind != category.kind
            ):
                raise ValidationError(
                    self.env._(
                        "%(category)s and its parent %(parent)s must belong to "
                        "the same regime's list.",
                        category=category.name,
                        parent=parent.complete_name,
                    )
                )
