# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Audit of the complaints-handling process (ISO 10002 8.5).

The audit walks the clauses of the standard and, for each, shows the
evidence the system holds: how many complaints the clause applies to, how
many show a gap, and a few references to sample. Complaints are named by
their reference only, and confidential ones never (an audit is read by
every helpdesk user): they are counted, not listed.
"""

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


def sql_is_null(col, name):
    return SQL("%s IS NULL", col(name))


def sql_true(col, name):
    return SQL("COALESCE(%s, FALSE)", col(name))


class ComplaintAudit(models.Model):
    _name = "iso10002.complaint.audit"
    _description = "Complaints Handling Audit"
    _inherit = [
        "iso10002.frozen.mixin",
        "iso10002.numbered.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    # once done, only the state changes (reopening the audit)
    _frozen_states = ("done",)
    _frozen_editable_fields = frozenset({"state"})

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

    def _frozen_message(self):
        return self.env._("A finished audit cannot be changed.")

    def _frozen_delete_message(self):
        return self.env._("A finished audit cannot be deleted.")

    # ------------------------------------------------------------------
    # Evidence
    # ------------------------------------------------------------------
    def _clauses(self):
        """The clauses walked by the audit, in the order of the standard.

        ``population``, ``gap`` and ``observation`` are conditions on the
        columns of the analysis view (built by ``_complaint_checks``);
        clauses without them are checked on the configuration.
        """
        return []

    @api.model
    def _complaint_checks(self, col):
        """SQL conditions per clause: (population, gap, observation), given
        by the clause groups (``audit_clauses_*.py``)."""
        return {}

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
        return self._config_evidence({"policies": policies})

    def _config_evidence(self, facts):
        """{clause: evidence} of the configuration, given by the clause
        groups; ``facts`` holds what several clauses read (the policies)."""
        return {}

    def _complaint_evidence_text(self, clause, ev):
        texts = self._complaint_evidence_texts(
            ev.get("population", 0), ev.get("gap", 0), ev.get("observation", 0)
        )
        return texts.get(clause, "")

    def _complaint_evidence_texts(self, population, gap, observation):
        """{clause: evidence text}, given by the clause groups."""
        return {}

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
