# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How the value of a KPI of :mod:`.kpi_definitions` is read from the KPI
engine's figures, judged against its objective and frozen as a review line."""

from .kpi_definitions import KPIS


def kpi_value(figures, kpi):
    """The raw value of ``kpi`` in ``figures`` (None: no value)."""
    value = figures
    for key in kpi.source.split("."):
        value = (value or {}).get(key)
    return value


def kpi_figures(figures, kpis=KPIS):
    """{code: value} of every KPI of ``kpis`` (the database's list:
    ``iso10002.complaint.kpi._kpi_list()``) found in ``figures`` (the result
    of ``_compute_kpis``, possibly updated with the review's own inputs); a
    missing value is 0, as the review and the monitor always showed it."""
    return {
        kpi.code: kpi_value(figures, kpi) or 0.0
        for kpi in kpis
        if kpi.source.split(".")[0] in figures
    }


def kpi_has_data(values, kpi):
    """False when the KPI has nothing to measure (a rate of nothing)."""
    return not kpi.data_code or bool(values.get(kpi.data_code))


def kpi_status(values, kpi, objectives):
    """ok / below / none against the policy's objective."""
    if not kpi.objective:
        return False
    if not kpi_has_data(values, kpi):
        return "none"
    objective = objectives.get(kpi.objective) or 0.0
    value = values.get(kpi.code) or 0.0
    met = value >= objective if kpi.direction == "up" else value <= objective
    return "ok" if met else "below"


def kpi_line_values(values, objectives, labels, kpis=KPIS):
    """The frozen lines (``iso10002.management.review.line`` values) of the
    KPIs of ``kpis`` found in ``values`` ({code: value}): value, previous
    value and the policy's objective (``objectives``: {policy field:
    value})."""
    return [
        {
            "dimension": "kpi",
            "kpi_code": kpi.code,
            "kpi_family": kpi.family,
            "label": labels[kpi.code],
            "unit": kpi.unit,
            "direction": kpi.direction,
            "value": values[kpi.code],
            "has_data": kpi_has_data(values, kpi),
            "previous_value": values.get(kpi.previous) or 0.0,
            "has_previous": bool(kpi.previous)
            and bool(values.get("received_prev_count")),
            "objective": objectives.get(kpi.objective) or 0.0,
            "has_objective": bool(kpi.objective),
        }
        for kpi in kpis
        if kpi.code in values
    ]
