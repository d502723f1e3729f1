# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The regulator returns expected of the fixture period, computed in plain
Python from the fixture's values (returns_fixture.py), without the code
under test: the rules are those of the sources cited in
wizards/regulatory_return_tables.py and docs/compliance/returns.md."""

from datetime import date, datetime, time, timedelta

from .returns_fixture import CAUSES, EIGHT_WEEKS, PRODUCTS

UPHELD = ("upheld", "partially_upheld")
SUMMARY_LABELS = {
    "outstanding": "Complaints outstanding at the start of the period",
    "opened": "Complaints opened",
    "closed": "Complaints closed",
    "upheld": "Complaints upheld",
    "upheld_pct": "Upheld (%)",
    "3bd": "Closed within 3 business days",
    "8w": "Closed after 3 business days, within 8 weeks",
    "later": "Closed after more than 8 weeks",
    "redress": "Redress paid",
    "vulnerable_opened": "Opened: customers identified as vulnerable",
    "vulnerable_closed": "Closed: customers identified as vulnerable",
    "adr_referred": "Closed and referred to an ADR body",
}
# the fixture is in the past (process dates cannot be in the future): the
# first half of 2026 is returned in the PS25/19 layout, chosen by hand
PS2519 = (date(2026, 1, 1), date(2026, 6, 30))
DISP1 = (date(2025, 7, 1), date(2025, 12, 31))


def norm(value):
    """A cell as text, numbers rounded to cents, blanks as ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float)):
        return f"{float(value):.2f}"
    try:
        return f"{float(value):.2f}"
    except ValueError:
        return str(value)


class Expected:
    """The returns computed from the fixture's values."""

    def __init__(self, specs, period):
        self.specs = specs
        self.start = datetime.combine(period[0], time.min)
        self.end = datetime.combine(period[1] + timedelta(days=1), time.min)
        self.rows = [
            s
            for s in specs
            if s["received"] < self.end
            and (not s["closed"] or s["closed"] >= self.start)
        ]

    def is_opened(self, s):
        return self.start <= s["received"] < self.end

    def is_closed(self, s):
        return bool(s["closed"]) and self.start <= s["closed"] < self.end

    @staticmethod
    def band(s):
        if s["summary"]:
            return "3bd"
        return "8w" if s["closed"] - s["received"] <= EIGHT_WEEKS else "later"

    def measures(self, group):
        opened = [s for s in group if self.is_opened(s)]
        closed = [s for s in group if self.is_closed(s)]
        upheld = len([s for s in closed if s["decision"] in UPHELD])
        return {
            "outstanding": len(
                [
                    s
                    for s in group
                    if s["received"] < self.start
                    and (not s["closed"] or s["closed"] >= self.start)
                ]
            ),
            "opened": len(opened),
            "closed": len(closed),
            "upheld": upheld,
            "upheld_pct": round(100 * upheld / len(closed), 2) if closed else "",
            "3bd": len([s for s in closed if self.band(s) == "3bd"]),
            "8w": len([s for s in closed if self.band(s) == "8w"]),
            "later": len([s for s in closed if self.band(s) == "later"]),
            "redress": sum(s["redress"] for s in closed),
            "vulnerable_opened": len([s for s in opened if s["vulnerable"]]),
            "vulnerable_closed": len([s for s in closed if s["vulnerable"]]),
            "adr_referred": len([s for s in closed if s["adr"]]),
        }

    def by(self, key, names, columns, rows=None):
        rows = self.rows if rows is None else rows
        table = []
        for code in [*sorted(names), None]:
            group = [s for s in rows if s[key] == code]
            if not group:
                continue
            measures = self.measures(group)
            table.append(
                [code or "", names[code] if code else "Not categorised"]
                + [measures[c] for c in columns]
            )
        total = self.measures(rows)
        table.append(["", "Total"] + [total[c] for c in columns])
        return table

    def fca(self, layout):
        total = self.measures(self.rows)
        keys = ["outstanding", "opened", "closed", "upheld", "3bd", "8w", "later"]
        keys += ["redress"]
        if layout == "ps2519":
            keys += ["vulnerable_opened", "vulnerable_closed"]
        keys += ["adr_referred"]
        summary = [["Data point", "Value"]] + [
            [SUMMARY_LABELS[k], total[k]] for k in keys
        ]
        product_head = ["Product group code", "Product group"]
        cause_head = ["Cause code", "Cause"]
        if layout == "ps2519":
            pcols = ["opened", "closed", "upheld", "upheld_pct", "3bd", "8w", "later"]
            pcols += [
                "redress",
                "vulnerable_opened",
                "vulnerable_closed",
                "adr_referred",
            ]
            ccols = ["opened", "closed", "upheld", "redress", "vulnerable_opened"]
            return {
                "summary": summary,
                "product": [product_head + [SUMMARY_LABELS[c] for c in pcols]]
                + self.by("product", PRODUCTS, pcols),
                "cause": [cause_head + [SUMMARY_LABELS[c] for c in ccols]]
                + self.by("cause", CAUSES, ccols),
            }
        closed_cols = ["closed", "3bd", "8w", "later", "upheld", "upheld_pct"]
        return {
            "summary": summary,
            "opened": self._opened_matrix(),
            "closed": [product_head + [SUMMARY_LABELS[c] for c in closed_cols]]
            + self.by("product", PRODUCTS, closed_cols),
            "redress": [product_head + ["Redress paid"]]
            + self.by("product", PRODUCTS, ["redress"]),
        }

    def _opened_matrix(self):
        opened = [s for s in self.rows if self.is_opened(s)]
        causes = [
            c for c in [*sorted(CAUSES), None] if any(s["cause"] == c for s in opened)
        ]
        head = ["Product group code", "Product group"]
        head += [f"{c} {CAUSES[c]}" if c else "Not categorised" for c in causes]
        table = [head + ["Total"]]
        for code in [*sorted(PRODUCTS), None]:
            group = [s for s in opened if s["product"] == code]
            if group:
                table.append(
                    [code or "", PRODUCTS[code] if code else "Not categorised"]
                    + [len([s for s in group if s["cause"] == c]) for c in causes]
                    + [len(group)]
                )
        table.append(
            ["", "Total"]
            + [len([s for s in opened if s["cause"] == c]) for c in causes]
            + [len(opened)]
        )
        return table

    def asic(self, brand, channels):
        head = [
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
        table = [head]
        for s in sorted(self.rows, key=lambda s: (s["received"], s["index"])):
            done = bool(s["closed"]) and s["closed"] < self.end
            table.append(
                [
                    s["ref"],
                    brand,
                    "",
                    "",
                    "",
                    channels[s["channel"]],
                    s["received"].strftime("%Y-%m-%d"),
                    "closed" if done else "open",
                    s["closed"].strftime("%Y-%m-%d") if done else "",
                    (s["closed"].date() - s["received"].date()).days if done else "",
                    s["product"] or "",
                    s["cause"] or "",
                    (s["outcome"] or "") if done else "",
                    s["redress"] if done else "",
                ]
            )
        return {"asic_idr": table}
