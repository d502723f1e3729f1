# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The tables of the regulator returns, built from rows of the analysis.

Sources (read on 2 December 2026; see docs/compliance/returns.md for what
could not be checked against the official forms):

* FCA PS25/19 "Improving the complaints reporting process" (3 December
  2025, https://www.fca.org.uk/publications/consultation-papers/
  ps25-19-improving-complaints-reporting-process): one consolidated
  complaints return replacing DISP 1 Annex 1 (and the CCR, funeral plans,
  CMC and payment services returns), six-monthly, per legal entity, with a
  revised taxonomy and two vulnerable-customer data points: complaints
  where the firm identified the customer as vulnerable, and complaints
  about a failure to consider a customer's vulnerability (the latter is a
  cause of the taxonomy, reported in the table by cause). For reporting
  periods from 1 January 2027.
* FCA DISP 1 Annex 1R (complaints return form, periods before PS25/19):
  complaints outstanding at the start of the period and opened in it;
  Table 1, complaints opened by product group and main cause; Table 2,
  complaints closed within 3 business days, after 3 business days and
  within 8 weeks, after more than 8 weeks, and upheld; Table 3, redress
  paid by product group. DISP 1.10.3G: a complaint upheld in part counts as
  upheld; redress includes goodwill payments and amounts for distress and
  inconvenience.
* ASIC RG 271 and its IDR data dictionary (pilot version July 2021, final
  version after the pilot; ASIC media release 21-177MR): one row per
  complaint received in the period or still open at its start, demographic
  elements optional. The columns below follow the data elements named
  there (identifier, brand, demographics, received method, dates, status,
  days to resolve, product, issue, outcome, financial compensation).
"""

from collections import namedtuple

Table = namedtuple("Table", "code title header rows")

UNCATEGORISED = ""


def _sort_key(key):
    code, _name = key
    return (code == UNCATEGORISED, code)


def _pct(part, whole):
    return round(100.0 * part / whole, 2) if whole else None


class Figures:
    """Counts of a set of analysis rows for one period."""

    def __init__(self, rows, start, end):
        self.rows = rows
        # [start, end): datetimes, end is the day after the period
        self.start = start
        self.end = end

    def opened(self, row):
        return self.start <= row["received_date"] < self.end

    def closed(self, row):
        closed = row["closed_date"]
        return bool(closed) and self.start <= closed < self.end

    def outstanding(self, row):
        closed = row["closed_date"]
        return row["received_date"] < self.start and (
            not closed or closed >= self.start
        )

    def measures(self, rows):
        opened = [r for r in rows if self.opened(r)]
        closed = [r for r in rows if self.closed(r)]
        upheld = sum(1 for r in closed if r["is_upheld"])
        return {
            "outstanding": sum(1 for r in rows if self.outstanding(r)),
            "opened": len(opened),
            "closed": len(closed),
            "upheld": upheld,
            "upheld_pct": _pct(upheld, len(closed)),
            "3bd": sum(1 for r in closed if r["closing_band"] == "3bd"),
            "8w": sum(1 for r in closed if r["closing_band"] == "8w"),
            "later": sum(1 for r in closed if r["closing_band"] == "later"),
            "redress": round(sum(r["redress_paid"] for r in closed), 2),
            "vulnerable_opened": sum(r["vulnerable_count"] for r in opened),
            "vulnerable_closed": sum(r["vulnerable_count"] for r in closed),
            "adr_referred": sum(1 for r in closed if r["adr_referral_count"]),
        }

    def groups(self, key):
        """{(code, name): rows}, by the category in ``key``."""
        groups = {}
        for row in self.rows:
            category = row[f"category_{key}_id"]
            group = (
                (row[f"category_{key}_code"] or "", category[1])
                if category
                else (UNCATEGORISED, None)
            )
            groups.setdefault(group, []).append(row)
        return dict(sorted(groups.items(), key=lambda item: _sort_key(item[0])))


def _grouped_table(figures, key, code, title, head, columns, labels):
    rows = []
    for (cat_code, cat_name), group in figures.groups(key).items():
        measures = figures.measures(group)
        rows.append(
            [cat_code, cat_name or labels["uncategorised"]]
            + [measures[c] for c in columns]
        )
    total = figures.measures(figures.rows)
    rows.append(["", labels["total"]] + [total[c] for c in columns])
    return Table(code, title, head + [labels[c] for c in columns], rows)


def fca_tables(figures, layout, labels):
    """The FCA return: ``layout`` ps2519 (consolidated return) or disp1
    (DISP 1 Annex 1R)."""
    total = figures.measures(figures.rows)
    summary_keys = ["outstanding", "opened", "closed", "upheld"]
    summary_keys += ["3bd", "8w", "later", "redress"]
    if layout == "ps2519":
        summary_keys += ["vulnerable_opened", "vulnerable_closed"]
    summary_keys += ["adr_referred"]
    summary = Table(
        "summary",
        labels["summary"],
        [labels["data_point"], labels["value"]],
        [[labels[k], total[k]] for k in summary_keys],
    )
    product_head = [labels["product_code"], labels["product"]]
    cause_head = [labels["cause_code"], labels["cause"]]
    if layout == "disp1":
        return [summary, _disp1_opened_matrix(figures, labels)] + [
            _grouped_table(
                figures,
                "product",
                "closed",
                labels["disp1_table2"],
                product_head,
                ["closed", "3bd", "8w", "later", "upheld", "upheld_pct"],
                labels,
            ),
            _grouped_table(
                figures,
                "product",
                "redress",
                labels["disp1_table3"],
                product_head,
                ["redress"],
                labels,
            ),
        ]
    product_columns = ["opened", "closed", "upheld", "upheld_pct"]
    product_columns += ["3bd", "8w", "later", "redress"]
    product_columns += ["vulnerable_opened", "vulnerable_closed", "adr_referred"]
    cause_columns = ["opened", "closed", "upheld", "redress", "vulnerable_opened"]
    return [
        summary,
        _grouped_table(
            figures,
            "product",
            "product",
            labels["by_product"],
            product_head,
            product_columns,
            labels,
        ),
        _grouped_table(
            figures,
            "cause",
            "cause",
            labels["by_cause"],
            cause_head,
            cause_columns,
            labels,
        ),
    ]


def _disp1_opened_matrix(figures, labels):
    """DISP 1 Annex 1R Table 1: complaints opened, product group x cause."""
    opened = [r for r in figures.rows if figures.opened(r)]
    sub = Figures(opened, figures.start, figures.end)
    causes = list(sub.groups("cause"))
    header = [labels["product_code"], labels["product"]] + [
        f"{code} {name}" if code else labels["uncategorised"] for code, name in causes
    ]
    header.append(labels["total"])
    rows = []
    for (code, name), group in sub.groups("product").items():
        counts = {
            key: len(rows_)
            for key, rows_ in Figures(group, sub.start, sub.end).groups("cause").items()
        }
        rows.append(
            [code, name or labels["uncategorised"]]
            + [counts.get(cause, 0) for cause in causes]
            + [len(group)]
        )
    by_cause = {key: len(rows_) for key, rows_ in sub.groups("cause").items()}
    rows.append(
        ["", labels["total"]]
        + [by_cause.get(cause, 0) for cause in causes]
        + [len(opened)]
    )
    return Table("opened", labels["disp1_table1"], header, rows)


ASIC_COLUMNS = [
    "complaint_unique_identifier",
    "brand",
    "complainant_gender",
    "complainant_age",
    "complainant_postcode",
    "received_method",
    "date_received",
    "complaint_status",
    "date_closed",
    "days_to_resolve",
    "product_or_service_code",
    "issue_code",
    "outcome_code",
    "financial_compensation",
]


def asic_table(figures, brand, title):
    """ASIC IDR data set: one row per complaint received in the period or
    open at its start; its status and closing as at the end of the period.
    The optional demographic elements are left empty: they are personal
    data the firm need not report."""
    rows = []
    # the rows are those of the period, by receipt (RegulatoryReturn._figures)
    for row in figures.rows:
        closed = row["closed_date"]
        is_closed = bool(closed) and closed < figures.end
        rows.append(
            [
                row["complaint_ref"],
                brand,
                "",
                "",
                "",
                row["channel_id"][1] if row["channel_id"] else "",
                row["received_date"].date().isoformat(),
                "closed" if is_closed else "open",
                closed.date().isoformat() if is_closed else "",
                (closed.date() - row["received_date"].date()).days if is_closed else "",
                row["category_product_code"] or "",
                row["category_cause_code"] or "",
                (row["category_outcome_code"] or "") if is_closed else "",
                round(row["redress_paid"], 2) if is_closed else "",
            ]
        )
    return Table("asic_idr", title, list(ASIC_COLUMNS), rows)
