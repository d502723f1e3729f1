# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Audit of the complaints-handling process (ISO 10002 8.5).

The audit walks the clauses of the standard and, for each, shows the
evidence the system holds: how many complaints the clause applies to, how
many show a gap, and a few references to sample. Complaints are named by
their reference only, and confidential ones never (an audit is read by
every helpdesk user): they are counted, not listed.
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

SAMPLE_SIZE = 5
AUDIT_STATES = [("draft", "In progress"), ("done", "Done")]
LINE_STATUSES = [
    ("conforming", "Conforming"),
    ("observation", "Observation"),
    ("gap", "Nonconformity"),
    ("not_applicable", "Not applicable"),
]


class ComplaintAudit(models.Model):
    _name = "iso10002.complaint.audit"
    _description = "Complaints Handling Audit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    title = fields.Char(
        required=True,
        tracking=True,
        default=lambda self: self.env._("Audit of the complaints-handling process"),
    )
    state = fields.Selection(
        AUDIT_STATES, default="draft", required=True, tracking=True, copy=False
    )
    date = fields.Date(
        string="Audit date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    auditor_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        tracking=True,
        domain=[("share", "=", False)],
    )
    date_from = fields.Date(string="Period from", required=True)
    date_to = fields.Date(string="Period to", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    company_ids = fields.Many2many(
        "res.company",
        "iso10002_audit_company_rel",
        "audit_id",
        "company_id",
        string="Companies",
        required=True,
        default=lambda self: self.env.company,
    )
    team_ids = fields.Many2many(
        "helpdesk.ticket.team",
        "iso10002_audit_team_rel",
        "audit_id",
        "team_id",
        string="Teams",
        help="Leave empty to audit every team of the companies.",
    )
    evidence_date = fields.Datetime(
        string="Evidence collected on", readonly=True, copy=False
    )
    line_ids = fields.One2many(
        "iso10002.complaint.audit.line", "audit_id", string="Clauses", copy=False
    )
    conforming_count = fields.Integer(
        string="Conforming", compute="_compute_counts", store=True
    )
    observation_count = fields.Integer(
        string="Observations", compute="_compute_counts", store=True
    )
    gap_count = fields.Integer(
        string="Nonconformities", compute="_compute_counts", store=True
    )
    scope_note = fields.Html(string="Scope and method")
    conclusion = fields.Html()

    _period_check = models.Constraint(
        "CHECK(date_from <= date_to)",
        "The audited period must end after it starts.",
    )

    @api.depends("line_ids.status")
    def _compute_counts(self):
        groups = self.env["iso10002.complaint.audit.line"]._read_group(
            [("audit_id", "in", self.ids)], ["audit_id", "status"], ["__count"]
        )
        counts = {(audit.id, status): count for audit, status, count in groups}
        for audit in self:
            audit.conforming_count = counts.get((audit.id, "conforming"), 0)
            audit.observation_count = counts.get((audit.id, "observation"), 0)
            audit.gap_count = counts.get((audit.id, "gap"), 0)

    @api.constrains("company_id", "company_ids")
    def _check_scope(self):
        for audit in self:
            if audit.company_id not in audit.company_ids:
                raise ValidationError(
                    self.env._(
                        "The company of audit %(audit)s must be part of its scope.",
                        audit=audit.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "iso10002.complaint.audit"
                ) or self.env._("New")
        return super().create(vals_list)

    def write(self, vals):
        if any(audit.state == "done" for audit in self) and (set(vals) - {"state"}) - {
            f for f in vals if f.startswith(("message_", "activity_"))
        }:
            raise UserError(self.env._("A finished audit cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(audit.state == "done" for audit in self):
            raise UserError(self.env._("A finished audit cannot be deleted."))

    # ------------------------------------------------------------------
    # Evidence
    # ------------------------------------------------------------------
    def _clauses(self):
        """The clauses walked by the audit, in the order of the standard.

        ``population``, ``gap`` and ``observation`` are conditions on the
        columns of the analysis view (built by ``_complaint_checks``);
        clauses without them are checked on the configuration.
        """
        return [
            (
                "5.3",
                self.env._("Policy, responsibility and authority"),
                self.env._(
                    "A complaints policy per company, with a policy owner and a "
                    "complaints manager named, and a published text (5.2-5.4, 7.1)."
                ),
            ),
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
        """SQL conditions per clause: (population, gap, observation)."""

        def is_null(name):
            return SQL("%s IS NULL", col(name))

        def true(name):
            return SQL("COALESCE(%s, FALSE)", col(name))

        every = SQL("TRUE")
        return {
            "7.2": (
                every,
                SQL("(%s OR %s)", is_null("complaint_ref"), is_null("channel_id")),
                SQL("(%s OR NOT %s)", is_null("category_id"), true("consent_given")),
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
                SQL("%s IN ('upheld', 'partially_upheld')", col("decision_outcome")),
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
            "4.7": (true("has_subject_users"), None, None),
            "4.8": (every, None, true("charged")),
            "4.10": (true("confidential"), None, None),
            "8.2": (every, None, is_null("category_id")),
            "8.3": (
                true("is_closed"),
                None,
                SQL("COALESCE(%s, 0) = 0", col("rating_count")),
            ),
        }

    def _collect_complaint_evidence(self):
        """Counts and samples for every complaint check, in one query."""
        self.ensure_one()
        self.env.flush_all()
        kpi = self.env["iso10002.complaint.kpi"]
        analysis = kpi._analysis(self.company_ids)
        query = analysis._search(
            kpi._received_domain(
                self.date_from, self.date_to, self.company_ids, self.team_ids
            )
        )

        def col(name):
            return analysis._field_to_sql(analysis._table, name, query)

        checks = self._complaint_checks(col)
        ref = col("complaint_ref")
        order = SQL("%s DESC, %s", col("received_date"), ref)
        # samples name complaints: never a confidential one
        shareable = SQL("NOT %s", col("confidential"))
        select, keys = [], []
        for clause, (population, gap, observation) in checks.items():
            for kind, condition in (
                ("population", population),
                ("gap", gap),
                ("observation", observation),
            ):
                if condition is None:
                    continue
                if kind != "population":
                    condition = SQL("%s AND %s", population, condition)
                keys += [(clause, kind), (clause, kind + "_refs")]
                select += [
                    SQL("COUNT(*) FILTER (WHERE %s)", condition),
                    SQL(
                        "(ARRAY_AGG(%s ORDER BY %s) FILTER (WHERE %s AND %s))[1:%s]",
                        ref,
                        order,
                        condition,
                        shareable,
                        SAMPLE_SIZE,
                    ),
                ]
        row = self.env.execute_query(query.select(*select))[0]
        evidence = {clause: {} for clause in checks}
        for (clause, key), value in zip(keys, row, strict=True):
            evidence[clause][key] = value or ([] if key.endswith("_refs") else 0)
        return evidence

    def _collect_config_evidence(self):
        """Policies, objectives and reviews: the evidence that is not on the
        complaints. A fixed number of queries."""
        self.ensure_one()
        policies = self.env["iso10002.complaint.policy"].search(
            [("company_id", "in", self.company_ids.ids)]
        )
        missing = self.company_ids - policies.company_id
        incomplete = policies.filtered(
            lambda p: not (p.owner_id and p.manager_id and p.description)
        )
        review_model = self.env["iso10002.management.review"]
        year_ago = self.date - relativedelta(years=1)
        reviews = review_model.search(
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
        no_objectives = policies.filtered(
            lambda p: not (p.objective_ack_on_time and p.objective_response_on_time)
        )
        no_retention = policies.filtered(lambda p: not p.retention_months)
        return {
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

    def _complaint_evidence_text(self, clause, ev):
        population = ev.get("population", 0)
        gap = ev.get("gap", 0)
        observation = ev.get("observation", 0)
        texts = {
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
        return texts.get(clause, "")

    @api.model
    def _suggest_status(self, clause, ev):
        if ev.get("gap"):
            return "gap"
        if clause == "8.3":
            # some unrated complaints are normal; none rated is not
            closed = ev.get("population", 0)
            return (
                "not_applicable"
                if not closed
                else "observation"
                if ev.get("observation", 0) >= closed
                else "conforming"
            )
        if ev.get("observation"):
            return "observation"
        if not ev.get("population") and clause not in ("4.10", "4.7"):
            return "not_applicable"
        return "conforming"

    def action_collect_evidence(self):
        """(Re)build the clause lines from the evidence the system holds.

        The auditor's own status and notes are kept for clauses they
        already reviewed.
        """
        line_model = self.env["iso10002.complaint.audit.line"]
        for audit in self:
            if audit.state != "draft":
                raise UserError(
                    self.env._("A finished audit cannot collect new evidence.")
                )
            complaint_ev = audit._collect_complaint_evidence()
            config_ev = audit._collect_config_evidence()
            kept = {
                line.clause: line
                for line in audit.line_ids
                if line.auditor_note or line.status != line.suggested_status
            }
            values = []
            for seq, (clause, title, requirement) in enumerate(audit._clauses()):
                ev = dict(complaint_ev.get(clause, {}))
                extra = config_ev.get(clause, {})
                text = extra.get("evidence") or audit._complaint_evidence_text(
                    clause, ev
                )
                if extra.get("evidence_extra"):
                    text = f"{text} {extra['evidence_extra']}"
                for key in ("population", "gap", "observation"):
                    if key in extra:
                        ev[key] = ev.get(key, 0) + extra[key]
                    ev[key + "_refs"] = list(ev.get(key + "_refs") or []) + list(
                        extra.get(key + "_refs") or []
                    )
                suggested = audit._suggest_status(clause, ev)
                previous = kept.get(clause)
                samples = extra.get("sample_refs") or ev.get("population_refs")
                values.append(
                    {
                        "audit_id": audit.id,
                        "sequence": seq,
                        "clause": clause,
                        "title": title,
                        "requirement": requirement,
                        "evidence": text,
                        "population_count": ev.get("population", 0),
                        "gap_count": ev.get("gap", 0),
                        "observation_count": ev.get("observation", 0),
                        "sample_refs": ", ".join(samples[:SAMPLE_SIZE]),
                        "gap_refs": ", ".join(
                            (ev["gap_refs"] + ev["observation_refs"])[:SAMPLE_SIZE]
                        ),
                        "suggested_status": suggested,
                        "status": previous.status if previous else suggested,
                        "auditor_note": previous.auditor_note if previous else False,
                    }
                )
            audit.line_ids.unlink()
            line_model.create(values)
            audit.evidence_date = fields.Datetime.now()
        return True

    def action_done(self):
        for audit in self:
            if not audit.line_ids:
                raise UserError(
                    self.env._(
                        "Collect the evidence of audit %(audit)s before finishing it.",
                        audit=audit.display_name,
                    )
                )
        self.write({"state": "done"})
        return True

    def action_reopen(self):
        self.write({"state": "draft"})
        return True


class ComplaintAuditLine(models.Model):
    _name = "iso10002.complaint.audit.line"
    _description = "Complaints Handling Audit Clause"
    _order = "audit_id, sequence, id"

    audit_id = fields.Many2one(
        "iso10002.complaint.audit", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="audit_id.company_id", store=True)
    sequence = fields.Integer()
    clause = fields.Char(required=True)
    title = fields.Char(required=True)
    requirement = fields.Text()
    evidence = fields.Text(readonly=True)
    population_count = fields.Integer(string="Applies to", readonly=True)
    gap_count = fields.Integer(string="Gaps", readonly=True)
    observation_count = fields.Integer(string="Observations", readonly=True)
    sample_refs = fields.Char(
        string="Samples",
        readonly=True,
        help="References of records the auditor can open to check the clause.",
    )
    gap_refs = fields.Char(
        string="Samples of gaps",
        readonly=True,
        help="References of records that show a gap or an observation.",
    )
    suggested_status = fields.Selection(
        LINE_STATUSES, string="Suggested status", readonly=True
    )
    status = fields.Selection(LINE_STATUSES, required=True, default="conforming")
    auditor_note = fields.Text(string="Auditor's note")

    def write(self, vals):
        if any(line.audit_id.state == "done" for line in self):
            raise UserError(self.env._("A finished audit cannot be changed."))
        return super().write(vals)
