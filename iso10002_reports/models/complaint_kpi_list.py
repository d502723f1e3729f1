# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The KPI list of a database: :data:`.kpi_definitions.KPIS`, and the KPIs
of the installed bridges.

The monitor, the management review, the analysis drill-downs and
``get_kpi_figures`` read the list through :meth:`_kpi_list`. A bridge adds
its KPIs by overriding it (append to ``super()``), together with:

* ``_compute_kpis``: the figures its KPIs' ``source`` reads (a key of its
  own, e.g. ``figures["survey"]``);
* the review line's ``kpi_code``: ``selection_add`` of its codes (labels
  translated as every selection's);
* :meth:`_kpi_without_analysis`: why a KPI of its own has no counterpart in
  the complaint analysis (kpi_analysis.py; the tests check that every KPI of
  the list has one or a reason).

A module-level list would not do: it is shared by every database of the
server, the bridge being installed in some of them only.
"""

from odoo import api, models

from .kpi_analysis import NOT_IN_ANALYSIS
from .kpi_definitions import KPIS


class ComplaintKpi(models.AbstractModel):
    _inherit = "iso10002.complaint.kpi"

    @api.model
    def _kpi_list(self):
        """The KPIs shown and frozen in this database, in their order."""
        return KPIS

    @api.model
    def _kpi_without_analysis(self):
        """{KPI code: why it has no counterpart in the complaint analysis}."""
        return dict(NOT_IN_ANALYSIS)
