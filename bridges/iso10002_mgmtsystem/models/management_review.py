# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The management review opens nonconformities from its recurring root
causes and counts the corrective actions of complaints (ISO 10002 8.6, 8.7)."""

from odoo import fields, models
from odoo.exceptions import UserError

from .helpdesk_ticket import MGMTSYSTEM_READERS

ACTION_COUNT_FIELDS = {
    "total": "corrective_action_count",
    "open": "corrective_open_count",
    "effective": "corrective_effective_count",
    "not_effective": "corrective_not_effective_count",
}


class ManagementReview(models.Model):
    _inherit = "iso10002.management.review"

    nonconformity_ids = fields.One2many(
        "mgmtsystem.nonconformity",
        "review_id",
        string="Nonconformities",
        readonly=True,
        groups=MGMTSYSTEM_READERS,
    )
    # frozen inputs (written with the other inputs, kept once confirmed)
    corrective_action_count = fields.Integer(
        string="Corrective actions", readonly=True, copy=False
    )
    corrective_open_count = fields.Integer(
        string="Open corrective actions", readonly=True, copy=False
    )
    corrective_effective_count = fields.Integer(
        string="Checked effective in the period", readonly=True, copy=False
    )
    corrective_not_effective_count = fields.Integer(
        string="Checked not effective in the period", readonly=True, copy=False
    )

    def _refresh_inputs(self):
        result = super()._refresh_inputs()
        # sudo: counts only, over the actions of the review's companies (a
        # reviewer may have no access to the management system)
        actions = self.env["mgmtsystem.action"].sudo()
        for review in self:
            counts = actions._complaint_action_counts(
                review.company_ids, review.date_from, review.date_to
            )
            review.write(
                {field: counts[key] for key, field in ACTION_COUNT_FIELDS.items()}
            )
        return result

    def action_view_nonconformities(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Nonconformities"),
            "res_model": "mgmtsystem.nonconformity",
            "view_mode": "list,form",
            "domain": [("review_id", "=", self.id)],
        }


class ManagementReviewLine(models.Model):
    _inherit = "iso10002.management.review.line"

    def _root_cause_complaints(self):
        """The complaints of the review's scope that record this line's root
        cause (not the confidential ones: their row names no cause)."""
        self.ensure_one()
        review = self.review_id
        start, stop = self.env["iso10002.complaint.kpi"]._period_bounds(
            review.date_from, review.date_to
        )
        domain = [
            ("is_complaint", "=", True),
            ("company_id", "in", review.company_ids.ids),
            ("received_date", ">=", start),
            ("received_date", "<", stop),
            ("confidential", "=", False),
            ("root_cause", "ilike", self.label),
        ]
        if review.team_ids:
            domain.append(("team_id", "in", review.team_ids.ids))
        tickets = self.env["helpdesk.ticket"].search(domain)
        return tickets.filtered(lambda t: (t.root_cause or "").strip() == self.label)

    def action_open_nonconformity(self):
        """Open a nonconformity with its corrective action for a recurring
        root cause of the review (8.7)."""
        self.ensure_one()
        if self.dimension != "root_cause" or not self.recurring:
            raise UserError(
                self.env._(
                    "A nonconformity is opened from a recurring root cause of the "
                    "review (met at least twice), not from %(label)s.",
                    label=self.label,
                )
            )
        complaints = self._root_cause_complaints()
        if not complaints:
            raise UserError(
                self.env._(
                    "No complaint you may read records the root cause %(label)s.",
                    label=self.label,
                )
            )
        nc = self.env["mgmtsystem.nonconformity"]._open_for_complaints(
            complaints, self.label, self.review_id.company_id, review=self.review_id
        )
        return nc._action_open_form()
