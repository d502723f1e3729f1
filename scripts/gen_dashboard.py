#!/usr/bin/env python3
# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Write the complaints dashboard of the Dashboards app (o-spreadsheet JSON).

    python3 scripts/gen_dashboard.py

The dashboard is data (bridges/iso10002_spreadsheet_dashboard/data/files/
complaints_dashboard.json), written from the short description below rather
than by hand: every chart and figure reads the analysis model
(``iso10002.complaint.analysis``) and follows the dashboard's filters
(period of receipt, team, channel, company). Edit here, run, commit both.
"""

import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = (
    ROOT
    / "bridges"
    / "iso10002_spreadsheet_dashboard"
    / "data"
    / "files"
    / "complaints_dashboard.json"
)
MODEL = "iso10002.complaint.analysis"
FILTERS = [
    # (id, label, type, field chain, field type, model of a relation, default)
    (
        "f_period",
        "Received",
        "date",
        "received_date",
        "datetime",
        None,
        "last_12_months",
    ),
    ("f_team", "Team", "relation", "team_id", "many2one", "helpdesk.ticket.team", None),
    (
        "f_channel",
        "Channel",
        "relation",
        "channel_id",
        "many2one",
        "helpdesk.ticket.channel",
        None,
    ),
    ("f_company", "Company", "relation", "company_id", "many2one", "res.company", None),
]
# the scorecards: (title, measure, domain, objective column of the policy)
FIGURES = [
    ("Received", "__count", [], None),
    ("Open backlog", "__count", [["is_closed", "=", False]], None),
    ("On-time ack. %", "ack_on_time_rate:avg", [], "objective_ack_on_time"),
    (
        "On-time answers %",
        "response_on_time_rate:avg",
        [],
        "objective_response_on_time",
    ),
    ("Satisfaction 1-5", "rating_value:avg", [], "objective_satisfaction"),
]
# the charts: (title, type, group by, measure, domain, descending order)
CHARTS = [
    (
        "Complaints received per month",
        "odoo_line",
        ["received_date:month"],
        "__count",
        [],
        False,
    ),
    (
        "Backlog by age",
        "odoo_bar",
        ["age_bucket"],
        "__count",
        [["is_closed", "=", False]],
        False,
    ),
    (
        "Acknowledged on time per month (%)",
        "odoo_line",
        ["received_date:month"],
        "ack_on_time_rate",
        [],
        False,
    ),
    (
        "Final response on time per month (%)",
        "odoo_line",
        ["received_date:month"],
        "response_on_time_rate",
        [],
        False,
    ),
    ("Pareto of categories", "odoo_bar", ["category_id"], "__count", [], True),
    (
        "Pareto of products and services",
        "odoo_bar",
        ["product_id"],
        "__count",
        [],
        True,
    ),
    (
        "Satisfaction with the handling per month (1-5)",
        "odoo_line",
        ["received_date:month"],
        "rating_value",
        [],
        False,
    ),
    ("Complaints by team", "odoo_bar", ["team_id"], "__count", [], True),
    ("Complaints by channel", "odoo_pie", ["channel_id"], "__count", [], False),
]
CHART_W, CHART_H, GAP = 490, 330, 20
CARD_W, CARD_H = 190, 106
DECIMAL = "0.0"  # the format of the averages


def field_matching():
    return {
        fid: {
            "chain": chain,
            "type": ftype,
            **({"offset": 0} if ftype == "datetime" else {}),
        }
        for fid, _label, _t, chain, ftype, _m, _d in FILTERS
    }


def global_filters():
    filters = []
    for fid, label, ftype, _chain, _f, model, default in FILTERS:
        spec = {"id": fid, "type": ftype, "label": label}
        if ftype == "date":
            spec["defaultValue"] = default
        else:
            spec.update(
                modelName=model, defaultValueDisplayNames=[], includeChildren=False
            )
        filters.append(spec)
    return filters


def pivots():
    """One pivot per scorecard domain; the policy objectives as a list."""
    result = {}
    for i, (_title, measure, domain, _obj) in enumerate(FIGURES, start=1):
        field, _, aggregator = measure.partition(":")
        spec = {"id": measure, "fieldName": field}
        if aggregator:
            spec["aggregator"] = aggregator
        result[str(i)] = {
            "type": "ODOO",
            "id": str(i),
            "formulaId": str(i),
            "name": _title,
            "model": MODEL,
            "domain": domain,
            "context": {},
            "measures": [spec],
            "rows": [],
            "columns": [],
            "sortedColumn": None,
            "fieldMatching": field_matching(),
        }
    return result


def lists():
    return {
        "1": {
            "id": "1",
            "name": "Objectives of the complaints policy",
            "model": "iso10002.complaint.policy",
            "columns": [obj for *_x, obj in FIGURES if obj],
            "domain": [],
            "context": {},
            "orderBy": [],
            "fieldMatching": {"f_company": {"chain": "company_id", "type": "many2one"}},
        }
    }


def data_sheet():
    cells = {"A1": "Figure", "B1": "Value", "C1": "Objective"}
    formats = {}
    for row, (title, measure, _domain, objective) in enumerate(FIGURES, start=2):
        pivot = row - 1
        cells[f"A{row}"] = title
        cells[f"B{row}"] = f'=PIVOT.VALUE({pivot},"{measure}")'
        if objective:
            cells[f"C{row}"] = f'=ODOO.LIST(1,1,"{objective}")'
        if ":avg" in measure:
            formats.update({f"B{row}": 1, f"C{row}": 1})
    data = sheet("data", "Data", cells, [], cols=3, rows=len(FIGURES) + 2)
    data["formats"] = formats
    return data


def sheet(sid, name, cells, figures, cols=12, rows=60):
    return {
        "id": sid,
        "name": name,
        "colNumber": cols,
        "rowNumber": rows,
        "rows": {},
        "cols": {},
        "merges": [],
        "cells": cells,
        "styles": {},
        "formats": {},
        "borders": {},
        "conditionalFormats": [],
        "dataValidationRules": [],
        "figures": figures,
        "tables": [],
        "areGridLinesVisible": False,
        "isVisible": True,
        "headerGroups": {"ROW": [], "COL": []},
        "comments": {},
    }


def scorecards():
    figures = []
    for i, (title, _measure, _domain, objective) in enumerate(FIGURES):
        row = i + 2
        data = {
            "type": "scorecard",
            "title": {"text": title, "bold": True, "color": "#434343"},
            "background": "#EFF6FF",
            "keyValue": f"Data!B{row}",
            "baselineColorDown": "#DC6965",
            "baselineColorUp": "#00A04A",
            "humanize": False,
        }
        if objective:
            data.update(
                baseline=f"Data!C{row}",
                baselineMode="difference",
                baselineDescr={"text": "vs objective"},
            )
        figures.append(
            figure(f"card_{i + 1}", data, i * (CARD_W + 10), 12, CARD_W, CARD_H)
        )
    return figures


def charts():
    figures = []
    for i, (title, ctype, groupby, measure, domain, desc) in enumerate(CHARTS):
        data = {
            "type": ctype,
            "title": {"text": title, "bold": True},
            "background": "#FFFFFF",
            "legendPosition": "top" if ctype == "odoo_pie" else "none",
            "metaData": {
                "groupBy": groupby,
                "measure": measure,
                "order": "DESC" if desc else None,
                "resModel": MODEL,
                "mode": ctype.removeprefix("odoo_"),
                "cumulatedStart": False,
            },
            "searchParams": {
                "comparison": None,
                "context": {},
                "domain": domain,
                "groupBy": groupby,
                "orderBy": [],
            },
            "dataSets": [],
            "verticalAxisPosition": "left",
            "stacked": False,
            "cumulatedStart": False,
            "fieldMatching": field_matching(),
        }
        if ctype == "odoo_line":
            data["fillArea"] = False
        x = (i % 2) * (CHART_W + GAP)
        y = 12 + CARD_H + GAP + (i // 2) * (CHART_H + GAP)
        figures.append(figure(f"chart_{i + 1}", data, x, y, CHART_W, CHART_H))
    return figures


def figure(fid, data, x, y, width, height):
    data["chartId"] = fid
    return {
        "id": fid,
        "tag": "chart",
        "width": width,
        "height": height,
        "col": 0,
        "row": 0,
        "offset": {"x": x, "y": y},
        "data": data,
    }


def dashboard():
    return {
        "version": "18.5.10",
        "sheets": [
            sheet("dashboard", "Dashboard", {}, scorecards() + charts()),
            data_sheet(),
        ],
        "styles": {},
        "formats": {"1": DECIMAL},
        "borders": {},
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "settings": {},
        "pivots": pivots(),
        "pivotNextId": len(FIGURES) + 1,
        "customTableStyles": {},
        "globalFilters": global_filters(),
        "lists": lists(),
        "listNextId": 2,
        "chartOdooMenusReferences": {},
    }


def main():
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(dashboard(), indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
