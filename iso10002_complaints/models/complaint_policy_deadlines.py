# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The deadline engine of the complaints policy: business or calendar days
after the receipt, on the working time of a calendar (ISO 10002 4.15)."""

from bisect import bisect_left
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, models, tools


class ComplaintPolicy(models.Model):
    _inherit = "iso10002.complaint.policy"

    # ------------------------------------------------------------------
    # Deadline engine
    # ------------------------------------------------------------------
    @api.model
    def _add_days(self, start, value, unit, calendar):
        """Deadline ``value`` business or calendar days after ``start``.

        ``start`` is a naive UTC datetime (the receipt). Business days are the
        working days of ``calendar`` with its public holidays (global leaves)
        removed; the day of receipt does not count, the deadline is the end of
        the last working day. Calendar days are counted from the receipt.
        Returns a naive UTC datetime.
        """
        return self._add_days_multi([(start, value, unit, calendar)])[0]

    @api.model
    def _add_days_multi(self, requests):
        """:meth:`_add_days` for many ``(start, value, unit, calendar)``.

        The working time of each calendar is read once for the whole batch
        (one ``_work_intervals_batch`` over the span all requests need), not
        once per deadline.
        """
        results = [False] * len(requests)
        business = defaultdict(list)  # calendar: [(index, local next day, value)]
        for index, (start, value, unit, calendar) in enumerate(requests):
            if not start:
                continue
            if unit == "calendar" or not calendar:
                results[index] = start + timedelta(days=value)
            elif value <= 0:
                results[index] = start
            else:
                tz = pytz.timezone(calendar.tz or "UTC")
                local_day = pytz.utc.localize(start).astimezone(tz).date()
                business[calendar].append((index, local_day + timedelta(days=1), value))
        for calendar, items in business.items():
            day_ends = self._working_day_ends(
                calendar,
                min(day for _i, day, _v in items),
                max(day for _i, day, _v in items),
                max(value for _i, _d, value in items),
            )
            days = sorted(day_ends)
            for index, first_day, value in items:
                position = bisect_left(days, first_day) + value - 1
                if position < len(days):
                    # the end of the last working day
                    results[index] = day_ends[days[position]]
                else:
                    # a calendar without enough working time: calendar days
                    start = requests[index][0]
                    results[index] = start + timedelta(days=value)
        return results

    @api.model
    def _working_day_ends(self, calendar, first_day, last_day, value):
        """End of each working day (public holidays removed) of ``calendar``
        from ``first_day`` on, far enough for ``value`` working days after
        ``last_day``: {local date: naive UTC end of its last work interval}.
        """
        # weeks of 5 working days and a few holidays; widened when too short,
        # up to two years (as plan_days, which gives up after 100 x 14 days)
        span = (last_day - first_day).days + value * 7 // 5 + 10
        while True:
            day_ends = dict(self._working_day_ends_cached(calendar.id, first_day, span))
            enough = sum(1 for day in day_ends if day >= last_day) >= value
            if enough or span > 730 + value:
                return day_ends
            span *= 2

    @api.model
    @tools.ormcache("calendar_id", "first_day", "span")
    def _working_day_ends_cached(self, calendar_id, first_day, span):
        """Working days of ``span`` days from ``first_day``, cached: the
        complaints received on a day share their deadlines' working days.
        Cleared when working hours or leaves change (resource_calendar.py).
        """
        # sudo: working hours and public holidays are company configuration
        calendar = self.env["resource.calendar"].sudo().browse(calendar_id)
        tz = pytz.timezone(calendar.tz or "UTC")
        start = tz.localize(datetime.combine(first_day, time.min))
        intervals = calendar._work_intervals_batch(
            start, start + timedelta(days=span), tz=tz
        )[False]
        day_ends = {}
        for begin, end, _meta in intervals:
            day = begin.astimezone(tz).date()
            if day not in day_ends or end > day_ends[day]:
                day_ends[day] = end
        return tuple(
            (day, end.astimezone(pytz.utc).replace(tzinfo=None))
            for day, end in sorted(day_ends.items())
        )
