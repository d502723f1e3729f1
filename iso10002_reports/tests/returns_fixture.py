# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A period of 200 complaints for the regulator returns, and the returns
expected of it computed here in plain Python from the fixture's values.

Generated with a seeded random generator: the same complaints on every run.
Receipts from October 2025 to mid-July 2026 (the first half of 2026 is
returned in both layouts, the second half of 2025 in DISP 1 Annex 1R), with
complaints on the edges of the periods (received or closed on the first
and last second) and of the eight-week band. The facts that other parts of
issue 13 will maintain (categories, redress paid, summary resolution,
vulnerability, ADR referrals) are written directly, as the system.
"""

import random
from datetime import datetime, timedelta

from odoo import Command

from odoo.addons.iso10002_complaints.models.system_write import system_write

from .common import COMPLAINANT_EMAIL, COMPLAINANT_NAME, IsoReportsCase

PRODUCTS = {"PG01": "Current accounts", "PG02": "Credit cards", "PG03": "Mortgages"}
PRODUCTS["PG04"] = "Home insurance"
CAUSES = {"C01": "Arrears", "C02": "Customer service", "C03": "Fraud and scams"}
CAUSES.update({"C04": "Charges", "C05": "Failure to consider vulnerability"})
OUTCOMES = {"O1": "Apology", "O2": "Compensation", "O3": "No remedy"}
DECISIONS = ["upheld", "partially_upheld", "not_upheld"]
ADR_OUTCOMES = ["pending", "upheld", "not_upheld", "settled"]
EIGHT_WEEKS = timedelta(days=56)
SECOND = timedelta(seconds=1)


def D(text):
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


# (received, closed or None, summary resolution): the edges
EDGES = [
    (D("2026-01-01 00:00:00"), None, False),
    (D("2025-12-31 23:59:59"), D("2026-01-01 00:00:00"), True),
    (D("2025-12-20 10:00:00"), D("2025-12-31 23:59:59"), False),
    (D("2026-06-30 23:59:59"), None, False),
    (D("2026-07-01 00:00:00"), None, False),
    (D("2026-06-29 09:00:00"), D("2026-07-01 00:00:00"), False),
    (D("2026-06-28 09:00:00"), D("2026-06-30 23:59:59"), True),
    (D("2026-02-01 09:00:00"), D("2026-02-01 09:00:00") + EIGHT_WEEKS, False),
    (D("2026-02-02 09:00:00"), D("2026-02-02 09:00:00") + EIGHT_WEEKS + SECOND, False),
    (D("2025-07-01 00:00:00"), D("2025-07-02 12:00:00"), True),
    (D("2025-06-30 23:59:59"), D("2025-07-20 12:00:00"), False),
    (D("2025-11-03 10:00:00"), D("2026-03-01 10:00:00"), False),
]


def generate(count=200, seed=13):
    """The fixture's values, one dict per complaint."""
    rnd = random.Random(seed)
    first, last = D("2025-10-01 00:00:00"), D("2026-07-15 00:00:00")
    span = int((last - first).total_seconds())
    specs = []
    for index in range(count):
        if index < len(EDGES):
            received, closed, summary = EDGES[index]
        else:
            received = first + timedelta(seconds=rnd.randrange(span))
            closed, summary = None, False
            if rnd.random() < 0.75:
                band = rnd.random()
                if band < 0.3:
                    summary = True
                    delay = timedelta(hours=rnd.randrange(1, 60))
                elif band < 0.8:
                    delay = timedelta(
                        days=rnd.randrange(4, 56), hours=rnd.randrange(24)
                    )
                else:
                    delay = timedelta(days=rnd.randrange(57, 120))
                closed = received + delay
        decision = rnd.choice(DECISIONS) if closed else None
        redress = 0.0
        if decision in ("upheld", "partially_upheld"):
            redress = round(rnd.uniform(0, 800), 2) if rnd.random() < 0.8 else 0.0
        elif decision and rnd.random() < 0.1:
            redress = 25.0  # a goodwill payment on a rejected complaint
        specs.append(
            {
                "received": received,
                "closed": closed,
                "summary": summary,
                "decision": decision,
                "product": rnd.choice([*PRODUCTS, None] if index % 17 else [None]),
                "cause": rnd.choice([*CAUSES] + ([None] if index % 5 == 0 else [])),
                "outcome": rnd.choice(list(OUTCOMES)) if closed else None,
                "redress": redress,
                "vulnerable": rnd.random() < 0.2,
                "channel": rnd.randrange(3),
                "adr": (
                    [rnd.choice(ADR_OUTCOMES)] * rnd.randrange(1, 3)
                    if closed and rnd.random() < 0.12
                    else []
                ),
            }
        )
    return specs


class ReturnsCase(IsoReportsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.regime = cls.env["iso10002.complaint.regime"].create(
            {"name": "Test regime (hreturns)", "code": "test_hreturns_regime"}
        )
        Category = cls.env["iso10002.complaint.category"]
        cls.categories = {}
        for kind, names in (
            ("product", PRODUCTS),
            ("cause", CAUSES),
            ("outcome", OUTCOMES),
        ):
            for code, name in names.items():
                cls.categories[code] = Category.create(
                    {
                        "regime_id": cls.regime.id,
                        "kind": kind,
                        "code": code,
                        "name": name,
                    }
                )
        cls.adr_body = cls.env["iso10002.adr.body"].create(
            {"name": "Test ombudsman", "code": "test_hreturns_adr"}
        )
        cls.channels = [cls.ch_email, cls.ch_phone, cls.ch_web]
        cls.specs = generate()
        cls.tickets = cls._create_fixture(cls.specs, cls.team)
        for index, (spec, ticket) in enumerate(
            zip(cls.specs, cls.tickets, strict=True)
        ):
            spec.update(index=index, ref=ticket.complaint_ref)
        # out of scope: another company's complaint in the period
        cls.other_spec = dict(cls.specs[20], adr=[])
        other = cls._create_fixture([cls.other_spec], cls.other_team)
        cls.other_spec["ref"] = other.complaint_ref

    @classmethod
    def _create_fixture(cls, specs, team):
        tickets = cls.env["helpdesk.ticket"].create(
            [
                {
                    "name": f"{COMPLAINANT_NAME} complains",
                    "description": f"<p>I, {COMPLAINANT_NAME}, am unhappy.</p>",
                    "team_id": team.id,
                    "company_id": team.company_id.id,
                    "partner_id": cls.complainant.id,
                    "partner_name": COMPLAINANT_NAME,
                    "partner_email": COMPLAINANT_EMAIL,
                    "received_date": spec["received"],
                    "channel_id": cls.channels[spec["channel"]].id,
                    "consent_given": True,
                }
                for spec in specs
            ]
        )
        for spec, ticket in zip(specs, tickets, strict=True):
            dates = {"received_date": spec["received"]}
            if spec["closed"]:
                dates.update(
                    closed_date=spec["closed"],
                    iso_step="closed",
                    stage_id=cls.stages["closed"].id,
                    decision_outcome=spec["decision"],
                )
            cls._set_dates(ticket, dates)
            cat = cls.categories
            with system_write():
                ticket.write(
                    {
                        "regime_id": cls.regime.id,
                        "category_product_id": spec["product"]
                        and cat[spec["product"]].id,
                        "category_cause_id": spec["cause"] and cat[spec["cause"]].id,
                        "category_outcome_id": spec["outcome"]
                        and cat[spec["outcome"]].id,
                        "summary_resolution": spec["summary"],
                        "redress_paid_amount": spec["redress"],
                        "vulnerable": spec["vulnerable"],
                        "vulnerability_health": spec["vulnerable"],
                        "adr_referral_ids": [
                            Command.create(
                                {
                                    "body_id": cls.adr_body.id,
                                    "referral_date": spec["closed"].date(),
                                    "outcome": outcome,
                                    # a decided referral has its date
                                    "outcome_date": outcome != "pending"
                                    and spec["closed"].date(),
                                }
                            )
                            for outcome in spec["adr"]
                        ],
                    }
                )
        cls.env.flush_all()
        return tickets
