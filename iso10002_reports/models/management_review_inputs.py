# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The inputs of a management review (ISO 9001 9.3.2), computed from the
complaints, the previous review and the audits, and frozen as lines."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from .kpi_definitions import OBJECTIVE_FIELDS
from .kpi_values import kpi_figures, kpi_line_values
from .management_review_action import ACTION_STATES

KPI_DIMENSIONS = {
    "category_id": "category",
    "product_id": "product",
    "channel_id": "channel",
    "root_cause": "root_cause",
}


class ManagementReview(models.Model):
    _inherit = "iso10002.management.review"

    def _refresh_inputs(self):
        """Compute the review inputs from the complaints, the previous
        review and the audits; the query count does not depend on the number
        of complaints."""
        line_model = self.env["iso10002.management.review.line"]
        for review in self:
            if review.state != "draft":
                raise UserError(
                    self.env._(
                        "The inputs of %(review)s are frozen.",
                        review=review.display_name,
                    )
                )
            companies = review.company_ids
            # figures of the whole scope, not of the companies ticked in the
            # company switcher; fails if the user cannot access one of them
            kpi_model = self.env["iso10002.complaint.kpi"].with_context(
                allowed_company_ids=companies.ids
            )
            kpis = kpi_model._compute_kpis(
                review.date_from,
                review.date_to,
                companies,
                review.team_ids,
                review.currency_id,
            )
            figures = dict(kpis)
            prev_values, prev_lines = review._previous_action_values()
            figures.update(prev_values)
            audit_values, audit_lines = review._audit_values()
            figures.update(audit_values)
            line_vals = review._kpi_figure_lines(figures) + review._kpi_line_values(
                kpis
            )
            review.write({"inputs_date": fields.Datetime.now()})
            review.line_ids.unlink()
            line_model.create(
                [
                    dict(vals, review_id=review.id, sequence=seq)
                    for seq, vals in enumerate(line_vals + prev_lines + audit_lines)
                ]
            )
        return True

    def _kpi_figure_lines(self, figures):
        """One frozen line per KPI of the list (``_kpi_list``): value,
        previous value, the policy's objective."""
        self.ensure_one()
        objectives = self._policy_objectives()
        labels = dict(
            self.env["iso10002.management.review.line"]
            ._fields["kpi_code"]
            ._description_selection(self.env)
        )
        kpis = self.env["iso10002.complaint.kpi"]._kpi_list()
        return kpi_line_values(kpi_figures(figures, kpis), objectives, labels, kpis)

    def _kpi_line(self, code):
        """The frozen line of KPI ``code``."""
        self.ensure_one()
        return self.kpi_line_ids.filtered(lambda x: x.kpi_code == code)[:1]

    @api.model
    def _kpi_line_values(self, kpis):
        lines = []
        for kpi_dim, dimension in KPI_DIMENSIONS.items():
            for row in kpis["pareto"][kpi_dim]:
                lines.append(
                    {
                        "dimension": dimension,
                        "label": row["label"],
                        "count": row["count"],
                        "share": row["share"],
                        "cumulative_share": row["cumulative"],
                        "previous_count": row["previous"],
                        "unclassified": row["unclassified"],
                    }
                )
        for row in kpis["months"]:
            lines.append(
                {"dimension": "month", "label": row["label"], "count": row["count"]}
            )
        return lines

    def _policy_objectives(self):
        self.ensure_one()
        policy = self.env["iso10002.complaint.policy"]._get_for_company(self.company_id)
        return {name: policy[name] for name in OBJECTIVE_FIELDS}

    def _previous_action_values(self):
        """Status of the actions decided at the previous review (9.3.2 a)."""
        self.ensure_one()
        actions = self.previous_review_id.action_ids.filtered(
            lambda a: a.kind == "action"
        )
        at_date = self.date
        overdue = actions.filtered(
            lambda a: (
                a.state == "open" and a.date_deadline and a.date_deadline < at_date
            )
        )
        states = dict(ACTION_STATES)
        lines = [
            {
                "dimension": "previous_action",
                "label": action.name,
                "note": self.env._(
                    "%(state)s - %(owner)s, due %(date)s",
                    state=self.env._("Overdue")
                    if action in overdue
                    else states[action.state],
                    owner=action.user_id.name or "-",
                    date=format_date(self.env, action.date_deadline) or "-",
                ),
            }
            for action in actions
        ]
        return {
            "prev_action_count": len(actions),
            "prev_action_done_count": len(
                actions.filtered(lambda a: a.state == "done")
            ),
            "prev_action_overdue_count": len(overdue),
        }, lines

    def _audit_values(self):
        """Results of the complaint audits of the period (8.5)."""
        self.ensure_one()
        audit_line_model = self.env["iso10002.complaint.audit.line"]
        domain = [
            ("audit_id.state", "=", "done"),
            ("audit_id.company_id", "in", self.company_ids.ids),
            ("audit_id.date", ">=", self.date_from),
            ("audit_id.date", "<=", self.date_to),
        ]
        total, by_status_rows = audit_line_model._read_grouping_sets(
            domain, [[], ["status"]], ["__count", "audit_id:count_distinct"]
        )
        by_status = {status: count for status, count, _audits in by_status_rows}
        findings = audit_line_model.search(
            domain + [("status", "in", ("gap", "observation"))],
            order="audit_id, sequence, id",
        )
        status_labels = dict(audit_line_model._fields["status"].selection)
        lines = [
            {
                "dimension": "audit",
                "label": f"{line.audit_id.name} - {line.clause} {line.title}",
                "note": status_labels[line.status],
                "count": line.gap_count
                if line.status == "gap"
                else line.observation_count,
            }
            for line in findings
        ]
        return {
            "audit_count": total[0][1] if total else 0,
            "audit_gap_count": by_status.get("gap", 0),
            "audit_observation_count": by_status.get("observation", 0),
        }, lines
