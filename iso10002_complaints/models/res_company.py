# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

COMPLAINT_SEQUENCE_CODE = "iso10002.complaint"


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_policy_id = fields.Many2one(
        "iso10002.complaint.policy",
        compute="_compute_complaint_policy_id",
        string="Complaints policy",
    )

    def _compute_complaint_policy_id(self):
        policies = self.env["iso10002.complaint.policy"].search(
            [("company_id", "in", self.ids)]
        )
        by_company = {p.company_id.id: p for p in policies}
        for company in self:
            company.complaint_policy_id = by_company.get(company.id)

    @api.model
    @tools.ormcache("company_id")
    def _get_complaint_sequence_id(self, company_id):
        """Id of a company's complaint sequence (or None), cached: every
        complaint created needs it."""
        # sudo: sequences are technical configuration
        return (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [
                    ("code", "=", COMPLAINT_SEQUENCE_CODE),
                    ("company_id", "=", company_id),
                ],
                limit=1,
            )
            .id
            or None
        )

    def _get_complaint_sequence(self):
        """The company's own complaint reference sequence, created if missing.

        sudo: sequences are technical configuration; any complaint creator
        must be able to obtain the next reference of their company.
        """
        self.ensure_one()
        sequence_model = self.env["ir.sequence"].sudo()
        sequence_id = self._get_complaint_sequence_id(self.id)
        if sequence_id:
            return sequence_model.browse(sequence_id)
        sequence = sequence_model.create(
            {
                "name": self.env._("Complaint reference (%s)", self.name),
                "code": COMPLAINT_SEQUENCE_CODE,
                "prefix": "CMP/%(year)s/",
                "padding": 5,
                "implementation": "no_gap",
                "company_id": self.id,
            }
        )
        self.env.registry.clear_cache()  # _get_complaint_sequence_id
        return sequence
