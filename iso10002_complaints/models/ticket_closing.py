# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Closing a complaint (ISO 10002 7.9): who closed it, why, and reopening."""

from odoo import fields, models

from .iso_steps import TERMINAL_STEPS
from .system_write import records_facts

CLOSURE_REASONS = [
    ("resolved", "Resolved"),
    ("not_upheld", "Not upheld"),
    ("withdrawn", "Withdrawn by the complainant"),
    ("referred_external", "Referred to external dispute resolution"),
    ("out_of_scope", "Not a complaint / out of scope"),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Closing (7.9)
    # ------------------------------------------------------------------
    closure_reason = fields.Selection(
        CLOSURE_REASONS, string="Closure reason", copy=False, tracking=True
    )
    closed_by_id = fields.Many2one(
        "res.users", string="Closed by", copy=False, readonly=True
    )
    reopen_count = fields.Integer(
        string="Times reopened", copy=False, readonly=True, tracking=True
    )

    @records_facts
    def _iso_on_step_change(self, old_steps):
        self._iso_check_steps()
        for ticket in self:
            values = {}
            old_step = old_steps.get(ticket.id)
            if ticket.iso_step in TERMINAL_STEPS:
                values["closed_by_id"] = self.env.user.id
            elif old_step in TERMINAL_STEPS:
                values.update(
                    reopen_count=ticket.reopen_count + 1,
                    closed_by_id=False,
                    closed_date=False,
                )
            if values:
                ticket.write(values)
