# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Audit clauses of the framework (ISO 10002 5 and 6): policy,
responsibility and authority. Checked on the configuration."""

from odoo import models


class ComplaintAudit(models.Model):
    _inherit = "iso10002.complaint.audit"

    def _clauses(self):
        return super()._clauses() + [
            (
                "5.3",
                self.env._("Policy, responsibility and authority"),
                self.env._(
                    "A complaints policy per company, with a policy owner and a "
                    "complaints manager named, and a published text (5.2-5.4, 7.1)."
                ),
            ),
        ]

    def _config_evidence(self, facts):
        evidence = super()._config_evidence(facts)
        policies = facts["policies"]
        missing = self.company_ids - policies.company_id
        incomplete = policies.filtered(
            lambda p: not (p.owner_id and p.manager_id and p.description)
        )
        evidence.update(
            {
                "5.3": {
                    "population": len(self.company_ids),
                    "gap": len(missing) + len(incomplete),
                    "gap_refs": (missing.mapped("name") + incomplete.mapped("name")),
                    "evidence": self.env._(
                        "Companies audited: %(companies)s; complaints policies: "
                        "%(count)s; companies without a policy: %(missing)s; "
                        "policies without owner, manager or published text: "
                        "%(incomplete)s.",
                        count=len(policies),
                        companies=len(self.company_ids),
                        missing=len(missing),
                        incomplete=len(incomplete),
                    ),
                },
            }
        )
        return evidence
