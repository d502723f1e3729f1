# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Audit clauses of the guiding principles (ISO 10002 4.x):
objectivity, charges, confidentiality."""

from functools import partial

from odoo import api, models
from odoo.tools import SQL

from .complaint_audit import sql_true


class ComplaintAudit(models.Model):
    _inherit = "iso10002.complaint.audit"

    def _clauses(self):
        return super()._clauses() + [
            (
                "4.7",
                self.env._("Objectivity"),
                self.env._(
                    "Complaints about named staff are neither handled nor decided "
                    "by them (enforced by the system)."
                ),
            ),
            (
                "4.8",
                self.env._("Charges"),
                self.env._(
                    "Complaints handling is free of charge; any charge is allowed "
                    "by the policy and justified."
                ),
            ),
            (
                "4.10",
                self.env._("Confidentiality"),
                self.env._(
                    "Confidential complaints are restricted; personal data is "
                    "erased after the retention period."
                ),
            ),
        ]

    @api.model
    def _complaint_checks(self, col):
        checks = super()._complaint_checks(col)
        true = partial(sql_true, col)
        every = SQL("TRUE")
        checks.update(
            {
                "4.7": (true("has_subject_users"), None, None),
                "4.8": (every, None, true("charged")),
                "4.10": (true("confidential"), None, None),
            }
        )
        return checks

    def _complaint_evidence_texts(self, population, gap, observation):
        texts = super()._complaint_evidence_texts(population, gap, observation)
        texts.update(
            {
                "4.7": self.env._(
                    "%(pop)s complaints about named staff; handling or deciding "
                    "them by those staff is refused by the system.",
                    pop=population,
                ),
                "4.8": self.env._(
                    "%(pop)s complaints; %(obs)s with a charge to the complainant.",
                    pop=population,
                    obs=observation,
                ),
                "4.10": self.env._(
                    "%(pop)s confidential complaints, visible to their handler, "
                    "team leader, complaint managers and auditors only.",
                    pop=population,
                ),
            }
        )
        return texts

    def _config_evidence(self, facts):
        evidence = super()._config_evidence(facts)
        policies = facts["policies"]
        no_retention = policies.filtered(lambda p: not p.retention_months)
        evidence.update(
            {
                "4.10": {
                    "observation": len(no_retention),
                    "observation_refs": no_retention.mapped("name"),
                    "evidence_extra": self.env._(
                        "Retention of personal data: %(months)s.",
                        months=", ".join(
                            self.env._("%(months)s months", months=p.retention_months)
                            if p.retention_months
                            else self.env._("none")
                            for p in policies
                        )
                        or "-",
                    ),
                },
            }
        )
        return evidence
