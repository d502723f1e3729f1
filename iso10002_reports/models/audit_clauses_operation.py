# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Audit clauses of the operation of the process (ISO 10002 7.2 to
7.9): one check per step of the complaint, on the analysis view."""

from functools import partial

from odoo import api, models
from odoo.tools import SQL

from odoo.addons.iso10002_complaints.models.iso_steps import STEPS

from .complaint_audit import sql_is_null, sql_true


class ComplaintAudit(models.Model):
    _inherit = "iso10002.complaint.audit"

    def _clauses(self):
        return super()._clauses() + [
            (clause, title, self._with_step_requirements(clause, requirement))
            for clause, title, requirement in self._operation_clauses()
        ]

    def _with_step_requirements(self, clause, requirement):
        """The requirement of a clause, with what the step table
        (``iso_steps.STEPS``) requires of a complaint at its steps: the
        system enforces them, the audit shows them."""
        messages = list(
            dict.fromkeys(
                str(rule.message)
                for step in STEPS
                if step.clause == clause
                for rule in step.requires
            )
        )
        if not messages:
            return requirement
        return self.env._(
            "%(requirement)s Enforced at the step: %(rules)s.",
            requirement=requirement,
            rules="; ".join(messages),
        )

    def _operation_clauses(self):
        return [
            (
                "7.2",
                self.env._("Receipt"),
                self.env._(
                    "Each complaint is recorded with a unique reference, the date "
                    "and the channel it came through, classified and with the "
                    "complainant's consent."
                ),
            ),
            (
                "7.3",
                self.env._("Tracking"),
                self.env._(
                    "Each open complaint has a handler and its status is followed "
                    "against its deadlines (4.3 capability, 4.15 timeliness)."
                ),
            ),
            (
                "7.4",
                self.env._("Acknowledgement"),
                self.env._("Complaints are acknowledged by their deadline."),
            ),
            (
                "7.5",
                self.env._("Initial assessment"),
                self.env._(
                    "Complaints past acknowledgement are assessed for severity, "
                    "safety, complexity, impact and urgency."
                ),
            ),
            (
                "7.6",
                self.env._("Investigation"),
                self.env._("Upheld complaints have a root cause recorded."),
            ),
            (
                "7.7",
                self.env._("Response"),
                self.env._("Decided complaints have a proposed response or remedy."),
            ),
            (
                "7.8",
                self.env._("Communicating the decision"),
                self.env._(
                    "The decision is communicated by the final-response deadline, "
                    "by a named decision-maker."
                ),
            ),
            (
                "7.9",
                self.env._("Closing"),
                self.env._(
                    "Closed complaints have a closure reason; a complaint whose "
                    "decision was rejected is not closed as resolved."
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
                "7.2": (
                    every,
                    SQL("(%s OR %s)", is_null("complaint_ref"), is_null("channel_id")),
                    SQL(
                        "(%s OR NOT %s)", is_null("category_id"), true("consent_given")
                    ),
                ),
                "7.3": (
                    SQL("NOT %s", true("is_closed")),
                    is_null("user_id"),
                    SQL("%s = 'at_risk'", col("deadline_status")),
                ),
                "7.4": (
                    SQL("%s IS NOT NULL", col("ack_on_time_rate")),
                    true("ack_late"),
                    None,
                ),
                "7.5": (
                    SQL(
                        "(%s OR %s NOT IN ('received', 'acknowledged'))",
                        true("is_closed"),
                        col("iso_step"),
                    ),
                    SQL(
                        "%s AND COALESCE(%s, '') != 'withdrawn'",
                        is_null("severity"),
                        col("iso_step"),
                    ),
                    None,
                ),
                "7.6": (
                    SQL(
                        "%s IN ('upheld', 'partially_upheld')", col("decision_outcome")
                    ),
                    is_null("root_cause"),
                    None,
                ),
                "7.7": (
                    SQL("%s IS NOT NULL", col("decision_outcome")),
                    SQL("NOT %s", true("has_response")),
                    None,
                ),
                "7.8": (
                    SQL("%s IS NOT NULL", col("response_on_time_rate")),
                    true("response_late"),
                    SQL(
                        "%s IS NOT NULL AND %s",
                        col("decision_outcome"),
                        is_null("decision_user_id"),
                    ),
                ),
                "7.9": (
                    true("is_closed"),
                    SQL(
                        "(%s OR (%s = 'rejected' AND %s = 'resolved'))",
                        is_null("closure_reason"),
                        col("reaction"),
                        col("closure_reason"),
                    ),
                    is_null("closed_by_id"),
                ),
            }
        )
        return checks

    def _complaint_evidence_texts(self, population, gap, observation):
        texts = super()._complaint_evidence_texts(population, gap, observation)
        texts.update(
            {
                "7.2": self.env._(
                    "%(pop)s complaints received; %(gap)s without reference or "
                    "channel; %(obs)s without category or recorded consent.",
                    pop=population,
                    gap=gap,
                    obs=observation,
                ),
                "7.3": self.env._(
                    "%(pop)s complaints still open; %(gap)s without a handler; "
                    "%(obs)s at risk of missing their deadline.",
                    pop=population,
                    gap=gap,
                    obs=observation,
                ),
                "7.4": self.env._(
                    "%(pop)s acknowledgements due; %(gap)s late or missing.",
                    pop=population,
                    gap=gap,
                ),
                "7.5": self.env._(
                    "%(pop)s complaints past acknowledgement; %(gap)s without a "
                    "severity assessment.",
                    pop=population,
                    gap=gap,
                ),
                "7.6": self.env._(
                    "%(pop)s complaints upheld; %(gap)s without a root cause.",
                    pop=population,
                    gap=gap,
                ),
                "7.7": self.env._(
                    "%(pop)s complaints decided; %(gap)s without a proposed "
                    "response or remedy.",
                    pop=population,
                    gap=gap,
                ),
                "7.8": self.env._(
                    "%(pop)s final responses due; %(gap)s late or missing; "
                    "%(obs)s decisions without a named decision-maker.",
                    pop=population,
                    gap=gap,
                    obs=observation,
                ),
                "7.9": self.env._(
                    "%(pop)s complaints closed; %(gap)s without a valid closure "
                    "reason; %(obs)s without the person who closed them.",
                    pop=population,
                    gap=gap,
                    obs=observation,
                ),
            }
        )
        return texts
