# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The effectiveness check of a corrective action closes the loop (ISO 10002
8.7, ISO 9001 10.2.1 d): an effective action closes the nonconformities it
was the last open action of."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

EFFECTIVENESS = [("effective", "Effective"), ("not_effective", "Not effective")]


class MgmtsystemAction(models.Model):
    _inherit = "mgmtsystem.action"

    from_complaints = fields.Boolean(
        compute="_compute_from_complaints",
        search="_search_from_complaints",
        help="An action of a nonconformity opened from complaints.",
    )
    effectiveness = fields.Selection(
        EFFECTIVENESS, readonly=True, copy=False, tracking=True
    )
    effectiveness_date = fields.Date(string="Checked on", readonly=True, copy=False)
    effectiveness_user_id = fields.Many2one(
        "res.users", string="Checked by", readonly=True, copy=False
    )
    effectiveness_note = fields.Text(
        string="Effectiveness evidence",
        copy=False,
        help="What shows that the cause is gone (or is not): new complaints "
        "of the same root cause since the action, a measure, an audit.",
    )

    @api.depends("nonconformity_ids.from_complaints")
    def _compute_from_complaints(self):
        for action in self:
            action.from_complaints = any(
                action.nonconformity_ids.mapped("from_complaints")
            )

    def _search_from_complaints(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        positive = (operator == "=") == value
        return [
            (
                "nonconformity_ids.from_complaints",
                "=" if positive else "!=",
                True,
            )
        ]

    @api.model
    def _complaint_action_counts(self, companies, date_from=None, date_to=None):
        """{"open", "effective", "not_effective", "total"}: the actions of
        the nonconformities opened from complaints of ``companies``; the
        effectiveness checks counted are those of the period when given."""
        actions = self.search_fetch(
            [("from_complaints", "=", True), ("company_id", "in", companies.ids)],
            ["effectiveness", "effectiveness_date", "stage_id"],
        )

        def checked(action, outcome):
            day = action.effectiveness_date
            return (
                action.effectiveness == outcome
                and (not date_from or day >= date_from)
                and (not date_to or day <= date_to)
            )

        return {
            "total": len(actions),
            "open": len(actions.filtered(lambda a: not a.stage_id.is_ending)),
            "effective": len(actions.filtered(lambda a: checked(a, "effective"))),
            "not_effective": len(
                actions.filtered(lambda a: checked(a, "not_effective"))
            ),
        }

    def _check_effectiveness(self, outcome):
        if missing := self.filtered(lambda a: not a.effectiveness_note):
            raise UserError(
                self.env._(
                    "Write the evidence of the effectiveness check of %(actions)s "
                    "first (what shows that the cause is gone, or is not).",
                    actions=", ".join(missing.mapped("name")),
                )
            )
        self.write(
            {
                "effectiveness": outcome,
                "effectiveness_date": fields.Date.context_today(self),
                "effectiveness_user_id": self.env.user.id,
            }
        )

    def action_check_effective(self):
        """The action worked: close it, and close each nonconformity whose
        actions are now all effective (the loop of 8.7 is closed)."""
        self._check_effectiveness("effective")
        close = self.env.ref("mgmtsystem_action.stage_close")
        self.filtered(lambda a: not a.stage_id.is_ending).write({"stage_id": close.id})
        done = self.env.ref("mgmtsystem_nonconformity.stage_done")
        for nc in self.nonconformity_ids | self.nonconformity_immediate_id:
            if nc.state in ("done", "cancel"):
                continue
            actions = nc._get_all_actions()
            if all(a.effectiveness == "effective" for a in actions):
                evaluation = "\n".join(
                    f"{a.name}: {a.effectiveness_note}" for a in actions
                )
                nc.write(
                    {
                        "evaluation_comments": "\n".join(
                            filter(None, (nc.evaluation_comments, evaluation))
                        ),
                        "stage_id": done.id,
                    }
                )
        return True

    def action_check_not_effective(self):
        """The cause is still there: the action stays on record as not
        effective and its nonconformities stay open for a new action."""
        self._check_effectiveness("not_effective")
        for action in self:
            for nc in action.nonconformity_ids | action.nonconformity_immediate_id:
                nc.message_post(
                    body=Markup("%s<br/>%s")
                    % (
                        self.env._(
                            "Action %(action)s was checked not effective; plan a "
                            "new action.",
                            action=action.name,
                        ),
                        action.effectiveness_note,
                    )
                )
        return True
