# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The timeline chart of the tracking form (ISO 10002 7.3): when the
complaint was received, acknowledged and answered against its deadlines,
and when its clock was stopped."""

from markupsafe import Markup

from odoo import fields, models
from odoo.tools.misc import format_date

from odoo.addons.iso10002_complaints.models.iso_steps import (
    STEPS_BY_CODE,
    TERMINAL_STEPS,
)

from . import svg_chart


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _iso_report_chart_day(self, moment):
        """``moment`` as a date of the complaint (its calendar's time zone)."""
        return format_date(self.env, self._iso_day(moment))

    def _iso_report_deadline_row(self, label, code, deadline, end):
        """A step against its deadline: from receipt to the step's date (the
        step table's date field, as on the lifecycle table), or to ``end``
        while it is not taken."""
        done = self[STEPS_BY_CODE[code].date_field]
        if done:
            met = not deadline or done <= deadline
            colour = svg_chart.OK if met else svg_chart.BELOW
            note = self.env._("On time") if met else self.env._("Late")
        else:
            colour = svg_chart.PENDING
            late = deadline and end > deadline
            if self.iso_step in TERMINAL_STEPS:
                note = self.env._("Not done")
            else:
                note = self.env._("Overdue") if late else self.env._("Pending")
        return {
            "label": label,
            "spans": [(self.received_date, done or end, colour)],
            "points": [(done, colour)] if done else [],
            "marks": [
                (
                    deadline,
                    self.env._(
                        "Deadline %(date)s", date=self._iso_report_chart_day(deadline)
                    ),
                )
            ]
            if deadline
            else [],
            "note": note,
        }

    def _iso_report_timeline_chart(self):
        """SVG timeline of the steps against their deadlines (no JavaScript:
        drawn here, placed inline in the PDF)."""
        self.ensure_one()
        if not (self.is_complaint and self.received_date):
            return Markup()
        # a step not taken runs until now, or until the complaint was closed
        end = fields.Datetime.now()
        if self.iso_step in TERMINAL_STEPS and self.closed_date:
            end = self.closed_date
        end = max(end, self.received_date)
        rows = [
            {
                "label": self.env._("Receipt"),
                "points": [(self.received_date, svg_chart.BAR)],
                "note": self._iso_report_chart_day(self.received_date),
            },
            self._iso_report_deadline_row(
                self.env._("Acknowledgement"), "acknowledged", self.ack_deadline, end
            ),
            self._iso_report_deadline_row(
                self.env._("Final response"),
                "decision_communicated",
                self.response_deadline,
                end,
            ),
        ]
        stops = self.clock_stop_ids
        if stops:
            now = fields.Datetime.now()
            days = sum(
                stop.duration_days
                if stop.date_end
                else (now - stop.date_start).total_seconds() / 86400
                for stop in stops
            )
            rows.append(
                {
                    "label": self.env._("Clock stopped"),
                    "spans": [
                        (stop.date_start, stop.date_end or now, svg_chart.STOPPED)
                        for stop in stops
                    ],
                    "note": self.env._("%(days)s days", days=f"{days:.1f}"),
                }
            )
        return svg_chart.timeline_chart(
            rows,
            self._iso_report_chart_day,
            self.env._("Timeline of the complaint against its deadlines"),
        )
