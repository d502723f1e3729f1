# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the complaints policy tells complainants online (4.4, 4.5, 7.1)."""

from odoo import api, fields, models


class ComplaintPolicy(models.Model):
    _inherit = "iso10002.complaint.policy"

    intake_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Team receiving online complaints",
        domain="[('is_complaint_team', '=', True), "
        "('company_id', 'in', [company_id, False])]",
        help="Complaints filed on the portal or the public form go to this "
        "team. Empty: the first complaints team of the company.",
    )
    public_form_enabled = fields.Boolean(
        string="Public complaint form",
        default=True,
        help="Anyone, without an account, can file a complaint online.",
    )
    adr_name = fields.Char(
        string="External dispute resolution body",
        translate=True,
        help="Where complainants can turn when they do not accept the final "
        "decision (ISO 10003), e.g. an ombudsman.",
    )
    adr_url = fields.Char(string="External dispute resolution website")

    def _get_public_adr(self):
        """Name and website of the external dispute resolution body the
        portal names: the policy's ADR body, the one its letters quote
        (complaint_policy_regulated.py), else the free text above."""
        self.ensure_one()
        if self.adr_body_id:
            return {"name": self.adr_body_id.name, "url": self.adr_body_id.website}
        return {"name": self.adr_name, "url": self.adr_url}

    def _get_intake_team(self):
        """The team that receives the complaints filed online, if any."""
        self.ensure_one()
        if self.intake_team_id.active:
            return self.intake_team_id
        # sudo: public visitors may not read teams
        return (
            self.env["helpdesk.ticket.team"]
            .sudo()
            .search(
                [
                    ("is_complaint_team", "=", True),
                    ("company_id", "in", [self.company_id.id, False]),
                ],
                order="sequence, id",
                limit=1,
            )
        )

    def _get_public_targets(self):
        """Targets in plain words, one line per severity, for complainants."""
        self.ensure_one()
        severities = dict(
            self.env["iso10002.complaint.policy.target"]
            ._fields["severity"]
            ._description_selection(self.env)
        )
        lines = []
        for target in self.target_ids:
            lines.append(
                {
                    "severity": severities.get(target.severity, target.severity),
                    "ack": self._plain_delay(
                        target.ack_value, target.ack_unit, ack=True
                    ),
                    "response": self._plain_delay(
                        target.response_value, target.response_unit
                    ),
                    "business": "business" in (target.ack_unit, target.response_unit),
                }
            )
        return lines

    @api.model
    def _plain_delay(self, value, unit, ack=False):
        if ack and not value:
            return self.env._("on the day we receive it")
        if unit == "business":
            if value == 1:
                return self.env._("within 1 working day")
            return self.env._("within %(days)s working days", days=value)
        if value == 1:
            return self.env._("within 1 day")
        if value % 7 == 0:
            weeks = value // 7
            if weeks == 1:
                return self.env._("within 1 week")
            return self.env._("within %(weeks)s weeks", weeks=weeks)
        return self.env._("within %(days)s days", days=value)
