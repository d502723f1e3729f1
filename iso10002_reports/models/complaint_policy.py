# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintPolicy(models.Model):
    """Measurable objectives of the complaints-handling process (ISO 10002
    6.2), against which monitoring (8.4) and the management review (8.6)
    compare the figures."""

    _inherit = "iso10002.complaint.policy"

    objective_ack_on_time = fields.Float(
        string="Acknowledged on time (objective, %)",
        default=95.0,
        tracking=True,
        help="Share of complaints to acknowledge by their deadline.",
    )
    objective_response_on_time = fields.Float(
        string="Final response on time (objective, %)",
        default=90.0,
        tracking=True,
        help="Share of complaints to answer finally by their deadline.",
    )
    objective_satisfaction = fields.Float(
        string="Satisfaction with the handling (objective, 1-5)",
        default=4.0,
        tracking=True,
        help="Average rating the complainants give to the handling of their "
        "complaint (8.3).",
    )

    _objective_rates_range = models.Constraint(
        "CHECK(objective_ack_on_time BETWEEN 0 AND 100 "
        "AND objective_response_on_time BETWEEN 0 AND 100)",
        "On-time objectives are percentages between 0 and 100.",
    )
    _objective_satisfaction_range = models.Constraint(
        "CHECK(objective_satisfaction BETWEEN 0 AND 5)",
        "The satisfaction objective is a rating between 0 and 5.",
    )
