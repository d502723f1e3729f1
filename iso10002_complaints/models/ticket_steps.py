# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complaint's step in the process, and the stage guard: a complaint is at
a step only when it meets that step's requirements, read from the step table
(:mod:`.iso_steps`)."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from . import iso_steps


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    iso_step = fields.Selection(
        related="stage_id.iso_step", store=True, string="ISO step", index=True
    )
    stage_id = fields.Many2one(
        domain="['|', ('team_ids', '=', team_id), ('team_ids', '=', False), "
        "('is_complaint_stage', '=', is_complaint)]"
    )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """Kanban columns: complaint stages in complaint views only."""
        result = super()._read_group_stage_ids(stages, domain)
        want_complaint = bool(self.env.context.get("default_is_complaint"))
        return result.filtered(
            lambda s: s in stages or s.is_complaint_stage == want_complaint
        )

    @api.depends("team_id", "is_complaint")
    def _compute_stage_id(self):
        plain = self.filtered(lambda t: not t.is_complaint)
        res = super(HelpdeskTicket, plain)._compute_stage_id()
        for ticket in self - plain:
            stages = ticket.team_id.with_context(
                iso10002_complaint_stages=True
            )._get_applicable_stages()
            if ticket.stage_id not in stages:
                ticket.stage_id = stages[:1]
        return res

    def _iso_requirement_errors(self, step):
        """What is missing for the complaint to be at ``step``: the
        requirements of the step table (:func:`.iso_steps.requirements_for`,
        cumulative along the process) that the complaint does not meet."""
        self.ensure_one()
        return [
            self.env._(requirement.message)
            for requirement in iso_steps.requirements_for(step)
            if not requirement.check(self)
        ]

    def _iso_check_steps(self):
        for ticket in self.filtered(lambda t: t.is_complaint and t.iso_step):
            errors = ticket._iso_requirement_errors(ticket.iso_step)
            if errors:
                raise UserError(
                    self.env._(
                        "Complaint %(ref)s cannot move to the step "
                        "'%(step)s' yet:\n- %(errors)s",
                        ref=ticket.complaint_ref or ticket.display_name,
                        step=ticket.stage_id.name,
                        errors="\n- ".join(errors),
                    )
                )

    def _iso_stage_for_step(self, step):
        self.ensure_one()
        stages = self.team_id.with_context(
            iso10002_complaint_stages=True
        )._get_applicable_stages()
        return stages.filtered(lambda s: s.iso_step == step)[:1]

    def _iso_ensure_complaints(self):
        if not all(self.mapped("is_complaint")):
            raise UserError(self.env._("This action applies to complaints only."))
