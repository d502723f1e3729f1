# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .iso_steps import ISO_STEPS, TERMINAL_STEPS  # noqa: F401 (imported from here)


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    iso_step = fields.Selection(
        ISO_STEPS,
        string="ISO 10002 step",
        index=True,
        help="Complaint-handling step this stage stands for. Stages with a step "
        "are used by complaints only; plain tickets never see them.",
    )
    is_complaint_stage = fields.Boolean(
        string="Complaint stage",
        compute="_compute_is_complaint_stage",
        store=True,
        index=True,
    )

    @api.depends("iso_step")
    def _compute_is_complaint_stage(self):
        for stage in self:
            stage.is_complaint_stage = bool(stage.iso_step)

    @api.constrains("iso_step", "closed")
    def _check_iso_step_closed(self):
        for stage in self:
            if stage.iso_step and (stage.iso_step in TERMINAL_STEPS) != stage.closed:
                raise ValidationError(
                    self.env._(
                        "Stage %(stage)s: the ISO steps Closed and Withdrawn must "
                        "be closing stages, and only they.",
                        stage=stage.display_name,
                    )
                )

    @api.constrains("iso_step")
    def _check_iso_step_in_use(self):
        plain = self.filtered(lambda s: not s.iso_step)
        if plain and self.env["helpdesk.ticket"].with_context(
            active_test=False
        ).search_count([("stage_id", "in", plain.ids), ("is_complaint", "=", True)]):
            raise ValidationError(
                self.env._(
                    "Complaints are in this stage: it keeps its ISO step "
                    "(a complaint moves through complaint stages only)."
                )
            )
