# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Clock stops: the deadlines paused while waiting on the complainant
(ticket_clock_stop.py). A stop is dated by the Stop the clock and Restart
the clock actions of the complaint only."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from .system_write import in_system_write

# fields of a clock stop that its actions record, never a client
RECORDED_STOP_FIELDS = frozenset({"ticket_id", "date_start", "date_end", "user_id"})


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

    duration_days = fields.Float(
        string="Stopped (days)",
        compute="_compute_duration_days",
        digits=(16, 2),
        help="Elapsed time between the stop and the restart.",
    )

    _one_running_per_complaint = models.UniqueIndex(
        "(ticket_id) WHERE date_end IS NULL",
        "The clock of a complaint is stopped once at a time.",
    )

    @api.depends("date_start", "date_end")
    def _compute_duration_days(self):
        for stop in self:
            stop.duration_days = (
                (stop.date_end - stop.date_start).total_seconds() / 86400
                if stop.date_start and stop.date_end
                else 0.0
            )

    def _iso_refuse_recorded(self, fnames):
        labels = sorted(self._fields[f]._description_string(self.env) for f in fnames)
        raise UserError(
            self.env._(
                "%(fields)s of a clock stop: recorded by the Stop the clock and "
                "Restart the clock actions of the complaint, never written "
                "directly (ISO 10002 4.9).",
                fields=", ".join(labels),
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        trusted = self.env.su or in_system_write()
        if not trusted:
            for vals in vals_list:
                given = (RECORDED_STOP_FIELDS - {"ticket_id"}) & vals.keys()
                if given:
                    self._iso_refuse_recorded(given)
        # the complaint may come from the context (the dialog of Stop the
        # clock); the dates never do: a context is no security boundary
        vals_list = [self._add_missing_default_values(vals) for vals in vals_list]
        now = fields.Datetime.now()
        for vals in vals_list:
            if not trusted:
                vals.pop("date_end", None)
                vals.update(date_start=now, user_id=self.env.uid)
            vals.setdefault("date_start", now)
            vals.setdefault("user_id", self.env.uid)
        ticket_ids = [vals["ticket_id"] for vals in vals_list if vals.get("ticket_id")]
        if len(set(ticket_ids)) < len(ticket_ids):
            raise UserError(
                self.env._("The clock of a complaint is stopped once at a time.")
            )
        self.env["helpdesk.ticket"].browse(ticket_ids)._iso_check_clock_can_stop()
        # a restart not flushed yet would trip the one-running-stop index
        self.flush_model(["date_end"])
        stops = super().create(vals_list)
        for stop in stops:
            stop.ticket_id.message_post(
                body=self.env._("Clock stopped: %(reason)s", reason=stop.reason),
                subtype_xmlid="mail.mt_note",
            )
        return stops

    def write(self, vals):
        if not (self.env.su or in_system_write()):
            given = RECORDED_STOP_FIELDS & vals.keys()
            if given:
                self._iso_refuse_recorded(given)
        return super().write(vals)
