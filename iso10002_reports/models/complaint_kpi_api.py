# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The KPIs of a period for clients over RPC (dashboards, BI tools).

Read-only (``@api.readonly``): on a server with a read replica
(``db_replica_host``), the figures are computed on the replica, as are the
analysis pivot and the PDF reports (Odoo's read-only routes).
"""

from odoo import api, fields, models

from .kpi_values import kpi_figures


class ComplaintKpi(models.AbstractModel):
    _inherit = "iso10002.complaint.kpi"

    @api.readonly
    @api.model
    def get_kpi_figures(self, date_from, date_to, company_ids=None, team_ids=None):
        """{KPI code: value} (the KPI list, ``_kpi_list``) for the complaints received
        from ``date_from`` to ``date_to`` in the given companies (default: the
        current one) and teams (default: all)."""
        # the figures are aggregates of the analysis view: who may read it
        self.env["iso10002.complaint.analysis"].check_access("read")
        companies = (
            self.env["res.company"].browse(company_ids)
            if company_ids
            else self.env.company
        )
        teams = self.env["helpdesk.ticket.team"].browse(team_ids or [])
        figures = self.with_context(allowed_company_ids=companies.ids)._compute_kpis(
            fields.Date.to_date(date_from),
            fields.Date.to_date(date_to),
            companies,
            teams,
        )
        return kpi_figures(figures, self._kpi_list())
