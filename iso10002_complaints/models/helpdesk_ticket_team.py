# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    is_complaint_team = fields.Boolean(
        string="Complaints team",
        help="New tickets of this team are complaints handled as ISO 10002 asks.",
    )
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working hours",
        check_company=True,
        help="Business days and public holidays for complaint deadlines. "
        "Defaults to the policy's, then to the company's working hours.",
    )

    def _get_applicable_stages(self):
        """Keep ISO complaint stages for complaints, the others for tickets.

        Called with ``iso10002_complaint_stages=True`` in the context for
        complaints; plain tickets get exactly helpdesk_mgmt's stages.
        """
        stages = super()._get_applicable_stages()
        want_complaint = bool(self.env.context.get("iso10002_complaint_stages"))
        return stages.filtered(lambda s: s.is_complaint_stage == want_complaint)
