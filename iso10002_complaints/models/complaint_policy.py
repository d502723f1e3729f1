# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

SEVERITIES = [
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
    ("critical", "Critical"),
]
DAY_UNITS = [
    ("business", "Business days"),
    ("calendar", "Calendar days"),
]


class ComplaintPolicyTarget(models.Model):
    """Acknowledgement and final-response targets for one severity.

    A target belongs either to a company's policy or to a regulatory preset.
    """

    _name = "iso10002.complaint.policy.target"
    _description = "Complaint Handling Target"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    policy_id = fields.Many2one(
        "iso10002.complaint.policy", ondelete="cascade", index=True
    )
    preset_id = fields.Many2one(
        "iso10002.complaint.policy.preset", ondelete="cascade", index=True
    )
    severity = fields.Selection(SEVERITIES, required=True)
    ack_value = fields.Integer(
        string="Acknowledge within",
        default=1,
        help="0 means the acknowledgement is due on receipt.",
    )
    ack_unit = fields.Selection(
        DAY_UNITS, string="Acknowledgement unit", default="business", required=True
    )
    response_value = fields.Integer(string="Final response within", default=15)
    response_unit = fields.Selection(
        DAY_UNITS, string="Response unit", default="business", required=True
    )

    _policy_severity_uniq = models.Constraint(
        "UNIQUE(policy_id, severity)",
        "A policy has one target per severity.",
    )
    _preset_severity_uniq = models.Constraint(
        "UNIQUE(preset_id, severity)",
        "A preset has one target per severity.",
    )
    _values_positive = models.Constraint(
        "CHECK(ack_value >= 0 AND response_value > 0)",
        "Targets must be positive: acknowledgement of 0 or more days, "
        "final response of at least one day.",
    )

    @api.constrains("ack_value", "ack_unit", "response_value", "response_unit")
    def _check_ack_before_response(self):
        for target in self:
            if (
                target.ack_unit == target.response_unit
                and target.ack_value > target.response_value
            ):
                raise ValidationError(
                    self.env._(
                        "The acknowledgement target (%(ack)s days) cannot be later "
                        "than the final response target (%(resp)s days).",
                        ack=target.ack_value,
                        resp=target.response_value,
                    )
                )

    def _target_values(self):
        self.ensure_one()
        return {
            "sequence": self.sequence,
            "severity": self.severity,
            "ack_value": self.ack_value,
            "ack_unit": self.ack_unit,
            "response_value": self.response_value,
            "response_unit": self.response_unit,
        }


class ComplaintPolicyPreset(models.Model):
    """Editable starting points for a policy: ISO default, UK FCA DISP, ..."""

    _name = "iso10002.complaint.policy.preset"
    _description = "Complaints Policy Preset"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    summary_resolution_days = fields.Integer(
        string="Summary resolution days",
        help="Complaints closed by the end of this business day after receipt "
        "may be closed with a summary resolution communication (0: not used).",
    )
    target_ids = fields.One2many(
        "iso10002.complaint.policy.target", "preset_id", string="Targets", copy=True
    )


class ComplaintPolicy(models.Model):
    """The complaints-handling policy of a company (ISO 10002 5.2, 5.3)."""

    _name = "iso10002.complaint.policy"
    _description = "Complaints Policy"
    _inherit = ["mail.thread"]
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    owner_id = fields.Many2one(
        "res.users",
        string="Policy owner",
        tracking=True,
        check_company=True,
        help="Top management member accountable for the complaints policy (5.2).",
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Complaints manager",
        tracking=True,
        check_company=True,
        help="Person responsible for the complaints-handling process (5.4).",
    )
    description = fields.Html(
        string="Published policy",
        translate=True,
        sanitize=True,
        help="What a complaint is, how it is handled, targets, that it is free "
        "of charge, how to escalate and external dispute resolution.",
    )
    preset_id = fields.Many2one(
        "iso10002.complaint.policy.preset",
        string="Based on preset",
        tracking=True,
    )
    target_ids = fields.One2many(
        "iso10002.complaint.policy.target", "policy_id", string="Targets", copy=True
    )
    auto_acknowledge = fields.Boolean(
        string="Acknowledge on receipt",
        default=True,
        tracking=True,
        help="Send the acknowledgement email as soon as a complaint is received.",
    )
    ack_template_id = fields.Many2one(
        "mail.template",
        string="Acknowledgement template",
        domain=[("model", "=", "helpdesk.ticket")],
        default=lambda self: self.env.ref(
            "iso10002_complaints.mail_template_complaint_ack", raise_if_not_found=False
        ),
    )
    decision_template_id = fields.Many2one(
        "mail.template",
        string="Decision template",
        domain=[("model", "=", "helpdesk.ticket")],
        default=lambda self: self.env.ref(
            "iso10002_complaints.mail_template_complaint_decision",
            raise_if_not_found=False,
        ),
    )
    at_risk_ratio = fields.Float(
        string="At risk when remaining below",
        default=0.25,
        help="A complaint is at risk when less than this share of the time "
        "allowed for its next deadline remains (0.25 = 25%).",
    )
    summary_resolution_days = fields.Integer(
        string="Summary resolution days",
        help="Complaints closed by the end of this business day after receipt "
        "count as summary resolutions (0: not used).",
    )
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working hours",
        check_company=True,
        help="Business days and public holidays used for deadlines when the "
        "team has no working hours of its own. Defaults to the company's.",
    )
    charges_allowed = fields.Boolean(
        string="Charges allowed",
        tracking=True,
        help="Handling complaints is free of charge (ISO 10002 4.8). Tick only "
        "where the law allows a charge; each charge then needs a written "
        "justification that the complainant is told about.",
    )
    retention_months = fields.Integer(
        string="Keep personal data for (months)",
        default=36,
        tracking=True,
        help="Months after closing after which the complainant's personal data "
        "is erased from closed complaints, figures kept (0: never).",
    )

    _company_uniq = models.Constraint(
        "UNIQUE(company_id)", "A company has a single complaints policy."
    )
    _retention_positive = models.Constraint(
        "CHECK(retention_months >= 0)", "The retention period cannot be negative."
    )
    _at_risk_ratio_range = models.Constraint(
        "CHECK(at_risk_ratio >= 0 AND at_risk_ratio < 1)",
        "The at-risk share must be between 0% and 100%.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        policies = super().create(vals_list)
        self.env.registry.clear_cache()  # _get_policy_id_for_company
        return policies

    def write(self, vals):
        if "company_id" in vals:
            self.env.registry.clear_cache()  # _get_policy_id_for_company
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()  # _get_policy_id_for_company
        return super().unlink()

    @api.model
    @tools.ormcache("company_id")
    def _get_policy_id_for_company(self, company_id):
        """Id of the policy of a company (or None), cached: every complaint
        created, every deadline computed needs it."""
        # sudo: the policy is company configuration, needed by any creator
        return self.sudo().search([("company_id", "=", company_id)], limit=1).id or None

    @api.model
    def _get_for_company(self, company):
        """Return the policy of ``company``, creating it from the ISO preset.

        Deadlines must always be computable, so a company without a policy
        gets one (sudo: any complaint creator may trigger it, the policy is
        company configuration).
        """
        policy_id = self._get_policy_id_for_company(company.id)
        if policy_id:
            return self.sudo().browse(policy_id)
        preset = self.env.ref(
            "iso10002_complaints.policy_preset_iso", raise_if_not_found=False
        )
        policy = self.sudo().create(
            {
                "name": self.env._("Complaints policy"),
                "company_id": company.id,
            }
        )
        if preset:
            policy._apply_preset(preset)
        return policy

    def _apply_preset(self, preset):
        for policy in self:
            policy.write(
                {
                    "preset_id": preset.id,
                    "summary_resolution_days": preset.summary_resolution_days,
                    "target_ids": [fields.Command.clear()]
                    + [
                        fields.Command.create(t._target_values())
                        for t in preset.target_ids
                    ],
                }
            )

    def action_apply_preset(self):
        """Replace the targets with those of the selected preset."""
        for policy in self:
            if not policy.preset_id:
                raise ValidationError(self.env._("Choose a preset before applying it."))
            policy._apply_preset(policy.preset_id)
            policy.message_post(
                body=self.env._(
                    "Targets replaced by those of the preset %(preset)s.",
                    preset=policy.preset_id.display_name,
                )
            )
        return True
