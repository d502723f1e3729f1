# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Audit clauses of maintenance and improvement (ISO 10002 8.x):
analysis, satisfaction, monitoring, management review."""

from functools import partial

from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.tools import SQL

from .complaint_audit import SAMPLE_SIZE, sql_is_null, sql_true


class ComplaintAudit(models.Model):
    _inherit = "iso10002.complaint.audit"

    def _clauses(self):
        return super()._clauses() + [
            (
                "8.2",
                self.env._("Analysis and evaluation"),
                self.env._(
                    "Complaints are classified so that recurring causes can be found."
                ),
            ),
            (
                "8.3",
                self.env._("Satisfaction with the handling"),
                self.env._(
                    "Complainants are asked how satisfied they are with the "
                    "handling, and the answers are recorded."
                ),
            ),
            (
                "8.4",
                self.env._("Monitoring"),
                self.env._("Performance is monitored against measurable objectives."),
            ),
            (
                "8.6",
                self.env._("Management review"),
                self.env._(
                    "Top management reviews the process at least yearly and "
                    "follows up its actions."
                ),
            ),
        ]

    @api.model
    def _complaint_checks(self, col):
        checks = super()._complaint_checks(col)
        is_null = partial(sql_is_null, col)
        true = partial(sql_true, col)
        every = SQL("TRUE")
        checks.update(
            {
                "8.2": (every, None, is_null("category_id")),
                "8.3": (
                    true("is_closed"),
                    None,
                    SQL("COALESCE(%s, 0) = 0", col("rating_count")),
                ),
            }
        )
        return checks

    def _complaint_evidence_texts(self, population, gap, observation):
        texts = super()._complaint_evidence_texts(population, gap, observation)
        texts.update(
            {
                "8.2": self.env._(
                    "%(pop)s complaints; %(obs)s without a category.",
                    pop=population,
                    obs=observation,
                ),
                "8.3": self.env._(
                    "%(pop)s complaints closed; %(obs)s without a satisfaction rating.",
                    pop=population,
                    obs=observation,
                ),
            }
        )
        return texts

    def _config_evidence(self, facts):
        evidence = super()._config_evidence(facts)
        policies = facts["policies"]
        no_objectives = policies.filtered(
            lambda p: not (p.objective_ack_on_time and p.objective_response_on_time)
        )
        year_ago = self.date - relativedelta(years=1)
        reviews = self.env["iso10002.management.review"].search(
            [
                ("company_id", "in", self.company_ids.ids),
                ("state", "=", "confirmed"),
                ("date", ">", year_ago),
                ("date", "<=", self.date),
            ],
            order="date desc",
        )
        overdue_actions = self.env["iso10002.management.review.action"].search(
            [
                ("company_id", "in", self.company_ids.ids),
                ("review_id.state", "=", "confirmed"),
                ("kind", "=", "action"),
                ("state", "=", "open"),
                ("date_deadline", "<", self.date),
            ]
        )
        evidence.update(
            {
                "8.4": {
                    "population": len(policies),
                    "observation": len(no_objectives),
                    "observation_refs": no_objectives.mapped("name"),
                    "evidence": self.env._(
                        "Objectives: %(objectives)s.",
                        objectives="; ".join(
                            self.env._(
                                "%(company)s: acknowledged on time %(ack).0f%%, final "
                                "response on time %(resp).0f%%, satisfaction "
                                "%(sat).1f/5",
                                company=p.company_id.name,
                                ack=p.objective_ack_on_time,
                                resp=p.objective_response_on_time,
                                sat=p.objective_satisfaction,
                            )
                            for p in policies
                        )
                        or "-",
                    ),
                },
                "8.6": {
                    "population": len(reviews),
                    "gap": 0 if reviews else 1,
                    "observation": len(overdue_actions),
                    "sample_refs": reviews[:SAMPLE_SIZE].mapped("name"),
                    "observation_refs": overdue_actions[:SAMPLE_SIZE].mapped(
                        "review_id.name"
                    ),
                    "evidence": self.env._(
                        "Confirmed management reviews in the 12 months before the "
                        "audit: %(reviews)s; overdue actions of confirmed reviews: "
                        "%(overdue)s.",
                        reviews=len(reviews),
                        overdue=len(overdue_actions),
                    ),
                },
            }
        )
        return evidence
