# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

COMPLAINT_SEQUENCE_CODE = "iso10002.complaint"


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_sequence_id = fields.Many2one(
        "ir.sequence",
        string="Complaint reference sequence",
        ondelete="set null",
        copy=False,
        readonly=True,
        groups="base.group_system",
        help="Sequence of the company's complaint references (unique, not "
        "gapless: a cancelled creation leaves a gap).",
    )
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

    def _get_complaint_sequence(self):
        """The company's own complaint reference sequence, created if missing.

        sudo: sequences are technical configuration; any complaint creator
        must be able to obtain the next reference of their company.
        """
        self.ensure_one()
        company = self.sudo()
        if company.complaint_sequence_id:
            return company.complaint_sequence_id
        sequence_model = self.env["ir.sequence"].sudo()
        # the main company's comes with the addon (found, then linked); one
        # deleted by an administrator is replaced
        sequence = sequence_model.search(
            [("code", "=", COMPLAINT_SEQUENCE_CODE), ("company_id", "=", self.id)],
            limit=1,
        ) or sequence_model.create(
            {
                "name": self.env._("Complaint reference (%s)", self.name),
                "code": COMPLAINT_SEQUENCE_CODE,
                "prefix": "CMP/%(year)s/",
                "padding": 5,
                "implementation": "standard",
                "company_id": self.id,
            }
        )
        company.complaint_sequence_id = sequence
        return sequence
