# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The monitor, the review and the audit of the reviewed period of the
dataset of common.py (March 2025), as its complaint manager makes them;
mixed into IsoReportsCase (no test here)."""

from datetime import date

from odoo import Command

MARCH = (date(2025, 3, 1), date(2025, 3, 31))


class MarchDocumentsMixin:
    @classmethod
    def _march_scope(cls, **values):
        """The period and the company of a review or an audit of March."""
        return {
            "date_from": MARCH[0],
            "date_to": MARCH[1],
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
            **values,
        }

    def _march_review(self, **values):
        """A management review of March (its inputs computed)."""
        vals = self._march_scope(title="March review", date=date(2025, 4, 5))
        return (
            self.env["iso10002.management.review"]
            .with_user(self.manager)
            .create(vals | values)
        )

    def _march_monitor(self):
        """The monitoring dashboard over March."""
        vals = self._march_scope(period="custom")
        del vals["company_id"]
        return (
            self.env["iso10002.complaint.monitor"].with_user(self.manager).create(vals)
        )
