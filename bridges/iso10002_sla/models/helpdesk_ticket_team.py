# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""helpdesk_mgmt_sla and iso10002_complaints both define the team's
``resource_calendar_id``: one field, one calendar per team, used by the SLA
deadlines and by the complaint deadlines alike (docs/admin-guide.md, "SLA
and complaint deadlines").

Without this bridge the attributes of both definitions merge in the order
the modules happen to load, and the SLA's default (the company's working
hours) fills the calendar of every new team: complaint deadlines, which use
the team's calendar first, then silently ignore the calendar of the
complaints policy (a regulator's business days, for instance). The bridge
loads after both and states the one definition: a new team gets the
calendar of its company's complaints policy, else the company's."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    resource_calendar_id = fields.Many2one(
        default=lambda self: self._default_resource_calendar(),
        help="Business days and public holidays of the team, for its SLA "
        "deadlines and its complaint deadlines alike. A new team gets the "
        "working hours of the complaints policy, else the company's.",
    )

    @api.model
    def _default_resource_calendar(self):
        company = self.env.company
        policies = self.env["iso10002.complaint.policy"]
        # sudo: reads which calendar the company's complaints policy uses
        # (a helpdesk manager creating a team may not read the policy)
        policy = policies.sudo().browse(policies._get_policy_id_for_company(company.id))
        return policy.resource_calendar_id or company.resource_calendar_id

    @api.constrains("use_sla", "resource_calendar_id")
    def _check_sla_calendar(self):
        """helpdesk_mgmt_sla counts its deadlines on the team's working
        hours: a team that uses SLAs has them."""
        if missing := self.filtered(lambda t: t.use_sla and not t.resource_calendar_id):
            raise ValidationError(
                self.env._(
                    "Team %(teams)s uses SLAs: give it working hours.",
                    teams=", ".join(missing.mapped("name")),
                )
            )
