# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the receipt of every complaint reads of its policy, cached.

A complaint's creation needs its policy's targets, calendar, at-risk share,
summary resolution day, reporting regime and acknowledgement setting
(ISO 10002:2018 7.2, 7.3). Read from the records, they cost a search and
two fetches of the policy and its targets in every creating transaction;
they change a few times a year. As ``res.lang``'s
``_get_data`` does for languages, they are kept in an ``ormcache`` as
immutable tuples, cleared (in every worker) whenever one of them changes:
a policy's write of these fields, its creation or deletion
(complaint_policy.py), a target's creation, write or deletion, and any
change of a working calendar (resource_calendar.py).
"""

from collections import namedtuple

from odoo import api, models, tools

PolicyFacts = namedtuple(
    "PolicyFacts",
    "auto_acknowledge calendar_id at_risk_ratio vulnerable_response_value "
    "summary_resolution_days regime_id targets",
)
TargetFacts = namedtuple(
    "TargetFacts", "id severity ack_value ack_unit response_value response_unit"
)
# the policy fields of the facts: a write of one of them clears the cache
FACT_FIELDS = frozenset(
    {
        "auto_acknowledge",
        "resource_calendar_id",
        "at_risk_ratio",
        "vulnerable_response_value",
        "summary_resolution_days",
        "regime_id",
        "target_ids",
    }
)


class ComplaintPolicy(models.Model):
    _inherit = "iso10002.complaint.policy"

    def write(self, vals):
        res = super().write(vals)
        if FACT_FIELDS & vals.keys():
            self.env.registry.clear_cache()  # _get_facts
        return res

    @api.model
    @tools.ormcache("policy_id")
    def _get_facts(self, policy_id):
        # sudo: the policy is company configuration, read for any creator
        policy = self.sudo().browse(policy_id)
        return PolicyFacts(
            auto_acknowledge=policy.auto_acknowledge,
            calendar_id=policy.resource_calendar_id.id,
            at_risk_ratio=policy.at_risk_ratio,
            vulnerable_response_value=policy.vulnerable_response_value,
            summary_resolution_days=policy.summary_resolution_days,
            regime_id=policy.regime_id.id,
            targets=tuple(
                TargetFacts(
                    t.id,
                    t.severity,
                    t.ack_value,
                    t.ack_unit,
                    t.response_value,
                    t.response_unit,
                )
                for t in policy.target_ids
            ),
        )

    def _facts(self):
        """The policy's :class:`PolicyFacts` (cached, read-only)."""
        self.ensure_one()
        return self._get_facts(self.id)

    def _target_facts(self, severity):
        """The :class:`TargetFacts` of a severity: its own target, else the
        medium one, else any (None without targets)."""
        targets = self._facts().targets
        for wanted in (severity or "medium", "medium"):
            for target in targets:
                if target.severity == wanted:
                    return target
        return targets[0] if targets else None

    def _get_target(self, severity):
        """The target record of a severity (same choice as :meth:`_target_facts`)."""
        facts = self._target_facts(severity)
        return self.env["iso10002.complaint.policy.target"].browse(
            facts.id if facts else ()
        )


class ComplaintPolicyTarget(models.Model):
    _inherit = "iso10002.complaint.policy.target"

    @api.model_create_multi
    def create(self, vals_list):
        targets = super().create(vals_list)
        self.env.registry.clear_cache()  # ComplaintPolicy._get_facts
        return targets

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()  # ComplaintPolicy._get_facts
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()  # ComplaintPolicy._get_facts
        return res
