# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Investigation (ISO 10002 7.6) and the proposed response and remedies (7.7)."""

from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Investigation (7.6)
    # ------------------------------------------------------------------
    investigation_findings = fields.Html(string="Findings")
    root_cause = fields.Text(string="Root cause")
    # ------------------------------------------------------------------
    # Response (7.7)
    # ------------------------------------------------------------------
    response_summary = fields.Html(string="Proposed response")
    remedy_ids = fields.One2many(
        "iso10002.complaint.remedy", "ticket_id", string="Remedies", copy=False
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    remedy_cost = fields.Monetary(
        string="Remedy cost",
        compute="_compute_remedy_cost",
        store=True,
        precompute=True,
        currency_field="currency_id",
        help="Total cost of the remedies, in the company currency.",
    )

    @api.depends("remedy_ids.cost")
    def _compute_remedy_cost(self):
        # before the INSERT (precompute), the remedies are those of the values
        stored = self.filtered("id")
        for ticket in self - stored:
            ticket.remedy_cost = sum(ticket.remedy_ids.mapped("cost"))
        if not stored:
            return
        groups = self.env["iso10002.complaint.remedy"]._read_group(
            [("ticket_id", "in", stored.ids)], ["ticket_id"], ["cost:sum"]
        )
        costs = {ticket.id: cost for ticket, cost in groups}
        for ticket in stored:
            ticket.remedy_cost = costs.get(ticket.id, 0.0)
