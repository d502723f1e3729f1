# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintProduct(models.Model):
    """A product or service line complaints are classified under (8.2).

    The complainant's own words stay in ``product_service`` on the
    complaint; analysis groups by this staff-controlled list instead, so that
    nothing the complainant wrote reaches the analysis.
    """

    _name = "iso10002.complaint.product"
    _description = "Complaint Product or Service Line"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty to share the line between companies."
    )
    description = fields.Text()

    _name_company_uniq = models.Constraint(
        "UNIQUE(name, company_id)",
        "A product or service line with this name already exists.",
    )
