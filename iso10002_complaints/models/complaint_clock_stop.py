# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Clock stops: the deadlines paused while waiting on the complainant."""

from odoo import fields, models


class ComplaintClockStop(models.Model):
    _name = "iso10002.complaint.clock.stop"
    _description = "Complaint Clock Stop"
    _inherit = ["iso10002.complaint.child.mixin"]
    _order = "date_start, id"

    date_start = fields.Datetime(string="Stopped on", required=True)
    date_end = fields.Datetime(string="Restarted on")
    reason = fields.Text(required=True, help="What the complainant was asked for.")
    user_id = fields.Many2one("res.users", string="Stopped by")

    _dates_ordered = models.Constraint(
        "CHECK(date_end IS NULL OR date_end >= date_start)",
        "A clock stop cannot end before it starts.",
    )
