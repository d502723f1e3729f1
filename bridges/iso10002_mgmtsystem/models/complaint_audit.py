# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The audit checks that complaints feed corrective actions that work
(ISO 10002 8.7)."""

from odoo import fields, models

from .management_review import ACTION_COUNT_FIELDS


class ComplaintAudit(models.Model):
    _inherit = "iso10002.complaint.audit"

    # evidence collected with the clauses, frozen with them
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

    def _clauses(self):
        return super()._clauses() + [
            (
                "8.7",
                self.env._("Continual improvement"),
                self.env._(
                    "Root causes of complaints lead to corrective actions, whose "
                    "effectiveness is checked."
                ),
            )
        ]

    def _action_counts(self):
        self.ensure_one()
        # sudo: counts only, over the actions of the audited companies (an
        # auditor may have no access to the management system)
        return (
            self.env["mgmtsystem.action"]
            .sudo()
            ._complaint_action_counts(self.company_ids, self.date_from, self.date_to)
        )

    def _config_evidence(self, facts):
        evidence = super()._config_evidence(facts)
        # written by action_collect_evidence just before
        counts = {key: self[field] for key, field in ACTION_COUNT_FIELDS.items()}
        evidence["8.7"] = {
            "population": counts["total"],
            "observation": counts["not_effective"],
            "evidence": self.env._(
                "Corrective actions from complaints: %(total)s, %(open)s open, "
                "%(effective)s checked effective and %(not_effective)s not "
                "effective in the period.",
                **counts,
            ),
        }
        return evidence

    def action_collect_evidence(self):
        # the counts first: clause 8.7 reads them (super refuses to collect
        # for a finished audit, which undoes this write)
        for audit in self.filtered(lambda a: a.state == "draft"):
            counts = audit._action_counts()
            audit.write(
                {field: counts[key] for key, field in ACTION_COUNT_FIELDS.items()}
            )
        return super().action_collect_evidence()
