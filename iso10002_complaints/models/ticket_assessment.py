# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Initial assessment of a complaint (ISO 10002 7.5) and the priority it gives."""

from odoo import api, fields, models

from .complaint_policy import SEVERITIES

LEVELS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
SEVERITY_SCORE = {"low": 0, "medium": 1, "high": 2, "critical": 3}
LEVEL_SCORE = {"low": 0, "medium": 1, "high": 2}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Initial assessment (7.5)
    # ------------------------------------------------------------------
    severity = fields.Selection(SEVERITIES, tracking=True)
    complexity = fields.Selection(LEVELS, tracking=True)
    impact = fields.Selection(LEVELS, tracking=True)
    urgency = fields.Selection(LEVELS, tracking=True)
    safety_issue = fields.Boolean(
        string="Safety implications", tracking=True, help="Safety cases come first."
    )
    immediate_action_needed = fields.Boolean(
        string="Immediate action needed", tracking=True
    )
    immediate_action = fields.Text(string="Immediate action taken")
    priority = fields.Selection(
        compute="_compute_priority", store=True, readonly=False, precompute=True
    )

    @api.depends("severity", "impact", "urgency", "complexity", "safety_issue")
    def _compute_priority(self):
        for ticket in self:
            if not (ticket.is_complaint and ticket.severity):
                continue  # keep helpdesk_mgmt's value
            score = (
                SEVERITY_SCORE[ticket.severity] * 2
                + LEVEL_SCORE.get(ticket.impact, 0)
                + LEVEL_SCORE.get(ticket.urgency, 0)
                + LEVEL_SCORE.get(ticket.complexity, 0) // 2
            )
            if ticket.safety_issue or ticket.severity == "critical" or score >= 6:
                priority = "3"
            elif score >= 4:
                priority = "2"
            elif score >= 2:
                priority = "1"
            else:
                priority = "0"
            ticket.priority = priority
