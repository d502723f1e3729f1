# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a regulated firm's policy adds: regime, ADR body, clock stop,
four-eyes thresholds, vulnerable customers' targets."""

from odoo import fields, models

from .complaint_policy import SEVERITIES

REGULATED_FIELDS = (
    "regime_id",
    "adr_body_id",
    "clock_stop_allowed",
    "holding_response_days",
)


class ComplaintPolicyPreset(models.Model):
    _inherit = "iso10002.complaint.policy.preset"

    regime_id = fields.Many2one("iso10002.complaint.regime")
    adr_body_id = fields.Many2one("iso10002.adr.body", string="ADR body")
    clock_stop_allowed = fields.Boolean(string="Clock stop allowed")
    holding_response_days = fields.Integer(
        string="Holding response after (days)",
        help="Calendar days after receipt at which a complaint still open "
        "gets a holding response (FCA: 8 weeks, 56 days; 0: none).",
    )


class ComplaintPolicy(models.Model):
    _inherit = "iso10002.complaint.policy"

    regime_id = fields.Many2one(
        "iso10002.complaint.regime", string="Reporting regime", tracking=True
    )
    adr_body_id = fields.Many2one(
        "iso10002.adr.body",
        string="ADR body",
        tracking=True,
        help="External dispute resolution body the complainant may refer the "
        "complaint to (ISO 10003); its referral rights are quoted in the letters.",
    )
    clock_stop_allowed = fields.Boolean(
        string="Clock stop allowed",
        tracking=True,
        help="Pause the deadlines while waiting on the complainant.",
    )
    holding_response_days = fields.Integer(
        string="Holding response after (days)", tracking=True
    )
    approval_min_severity = fields.Selection(
        SEVERITIES,
        string="Second approval from severity",
        tracking=True,
        help="A final response to a complaint of this severity or higher needs "
        "a second person's approval (empty: never for severity).",
    )
    approval_min_amount = fields.Monetary(
        string="Second approval from redress",
        currency_field="currency_id",
        tracking=True,
        help="Redress of this amount or more needs a second approval (0: never).",
    )
    approval_vulnerable = fields.Boolean(
        string="Second approval for vulnerable customers", tracking=True
    )
    vulnerable_response_value = fields.Integer(
        string="Vulnerable customers: final response within",
        tracking=True,
        help="Shorter target for vulnerable customers, in the target's unit "
        "(0: same targets).",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    def _apply_preset(self, preset):
        """A preset brings its regime, ADR body, clock stop and holding
        response along with its targets."""
        res = super()._apply_preset(preset)
        values = preset._convert_to_write(
            {fname: preset[fname] for fname in REGULATED_FIELDS}
        )
        self.write(values)
        return res
