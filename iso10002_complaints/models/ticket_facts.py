# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Facts derived from a complaint, stored once and read by every consumer
(stage guard, escalation, kanban, analysis view, audit) instead of being
recomputed by each of them."""

from odoo import api, fields, models
from odoo.tools import is_html_empty

from .iso_steps import TERMINAL_STEPS

NEXT_DEADLINE_KINDS = [("ack", "Acknowledgement"), ("response", "Final response")]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    has_response = fields.Boolean(
        string="Response proposed",
        compute="_compute_has_response",
        store=True,
        help="A response (text, not an empty paragraph) or a remedy was "
        "proposed (ISO 10002 7.7).",
    )
    next_deadline = fields.Datetime(
        string="Next deadline",
        compute="_compute_next_deadline",
        store=True,
        index="btree_not_null",
        help="The acknowledgement deadline until the complaint is "
        "acknowledged, then the final response deadline; empty once the "
        "decision is communicated or the complaint is closed.",
    )
    next_deadline_kind = fields.Selection(
        NEXT_DEADLINE_KINDS,
        string="Next deadline for",
        compute="_compute_next_deadline",
        store=True,
    )

    @api.depends("is_complaint", "response_summary", "remedy_ids")
    def _compute_has_response(self):
        for ticket in self:
            ticket.has_response = bool(
                ticket.is_complaint
                and (not is_html_empty(ticket.response_summary) or ticket.remedy_ids)
            )

    @api.depends(
        "is_complaint",
        "ack_date",
        "ack_deadline",
        "response_deadline",
        "decision_date",
        "stage_id.iso_step",
    )
    def _compute_next_deadline(self):
        for ticket in self:
            deadline, kind = False, False
            if (
                ticket.is_complaint
                and not ticket.decision_date
                and ticket.stage_id.iso_step not in TERMINAL_STEPS
            ):
                if not ticket.ack_date and ticket.ack_deadline:
                    deadline, kind = ticket.ack_deadline, "ack"
                elif ticket.response_deadline:
                    deadline, kind = ticket.response_deadline, "response"
            ticket.next_deadline = deadline
            ticket.next_deadline_kind = kind
