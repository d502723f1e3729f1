# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Working hours and leaves feed the complaint deadlines, whose working days
are cached (iso10002.complaint.policy._working_day_ends_cached): a change
clears that cache."""

from odoo import api, models


class _ClearDeadlineCache(models.AbstractModel):
    _name = "iso10002.deadline.cache.mixin"
    _description = "Clears the cached working days of complaint deadlines"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env.registry.clear_cache()
        return records

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res


class ResourceCalendar(models.Model):
    _name = "resource.calendar"
    _inherit = ["resource.calendar", "iso10002.deadline.cache.mixin"]


class ResourceCalendarAttendance(models.Model):
    _name = "resource.calendar.attendance"
    _inherit = ["resource.calendar.attendance", "iso10002.deadline.cache.mixin"]


class ResourceCalendarLeaves(models.Model):
    """Only public holidays (leaves of no resource) move deadlines: an
    employee's time off leaves the cache alone."""

    _inherit = "resource.calendar.leaves"

    def _iso_clear_if_public(self, vals=None):
        if any(not leave.resource_id for leave in self) or (
            vals is not None and "resource_id" in vals and not vals["resource_id"]
        ):
            self.env.registry.clear_cache()

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        leaves._iso_clear_if_public()
        return leaves

    def write(self, vals):
        self._iso_clear_if_public(vals)
        return super().write(vals)

    def unlink(self):
        self._iso_clear_if_public()
        return super().unlink()
