#!/usr/bin/env python3
"""Benchmarks: ISO 10002 complaints against plain helpdesk_mgmt tickets.

Boots Odoo in-process on a database with both addons installed (no demo
data), measures wall time (time.perf_counter, median of several repetitions,
``env.flush_all()`` inside the timed block) and SQL queries
(``cr.sql_log_count``) and prints a table; ``--json`` writes the figures.

Run it through ``./scripts/bench.sh bench`` (throwaway PostgreSQL), or
directly: ``python3 tests/bench/bench.py -c odoo.conf -d DB``.

Everything runs in one transaction that is rolled back at the end, except
the bulk population (``--sizes``), which is committed: use a throwaway
database. Bulk population is done in SQL (INSERT ... SELECT over
generate_series copying a complaint created by the ORM), not by the ORM.

The measures: bench_create.py (creation, plain tickets with helpdesk_mgmt
alone, acknowledgement), bench_process.py (stage change, record rules,
tracking form), bench_volume.py (KPIs, review, pivot, portal at volume);
shared parts: bench_common.py.
"""

import argparse
import json
import sys
from types import SimpleNamespace

import bench_create
import bench_process
import bench_volume
from bench_common import Meter


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--json", help="write the results to this file")
    parser.add_argument(
        "--reps", type=int, default=30, help="repetitions of single-record measures"
    )
    parser.add_argument(
        "--plain-database",
        help="a database with helpdesk_mgmt alone (same dependencies, without "
        "the ISO 10002 addons): plain tickets there vs plain tickets here",
    )
    parser.add_argument(
        "--volume-only",
        action="store_true",
        help="only the measures at volume (KPIs, review, pivot, portal)",
    )
    parser.add_argument(
        "--no-jit",
        action="store_true",
        help="SET jit = off for the session (PostgreSQL's JIT compiles the "
        "large aggregate queries for up to a second: the setting many "
        "Odoo databases use)",
    )
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--batch-reps", type=int, default=3)
    parser.add_argument(
        "--sizes",
        default="10000,100000",
        help="complaint counts for the KPI/pivot/portal measures",
    )
    args, _unknown = parser.parse_known_args()
    return args


def main():
    args = parse_args()
    import odoo
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])

    registry = Registry(args.database)
    results = {"odoo": odoo.release.version, "rows": []}
    rows = results["rows"]

    def row(name, value, unit, target=None, ok=None, note=""):
        rows.append(
            {
                "name": name,
                "value": value,
                "unit": unit,
                "target": target,
                "ok": ok,
                "note": note,
            }
        )
        tgt = "" if target is None else f"{target}"
        status = "" if ok is None else ("OK" if ok else "MISSED")
        val = f"{value:.4f}" if isinstance(value, float) else str(value)
        print(f"{name:<58} {val:>10} {unit:<8} {tgt:>8} {status:<6} {note}", flush=True)

    print(f"{'measure':<58} {'value':>10} {'unit':<8} {'target':>8} status", flush=True)
    with registry.cursor() as cr:
        if args.no_jit:
            cr.execute("SET jit = off")
        su = api.Environment(cr, SUPERUSER_ID, {})
        admin = su.ref("base.user_admin")
        env = su(user=admin.id, context={"tz": "UTC", "lang": "en_US"})
        meter = Meter(env)
        Ticket = env["helpdesk.ticket"]
        Team = su["helpdesk.ticket.team"]
        company = env.company
        plain_team = Team.create({"name": "Bench plain team"})
        complaint_team = Team.search(
            [("is_complaint_team", "=", True)], limit=1
        ) or Team.create({"name": "Bench complaints team", "is_complaint_team": True})
        partner_mail = su["res.partner"].create(
            {"name": "Bench With Mail", "email": "bench@example.com"}
        )
        partner_nomail = su["res.partner"].create({"name": "Bench No Mail"})
        cr.commit()

        def vals(partner, complaint, i=0):
            v = {
                "name": f"Bench ticket {i}",
                "description": "<p>The parcel arrived damaged and nobody answered.</p>",
                "partner_id": partner.id,
                "team_id": (complaint_team if complaint else plain_team).id,
            }
            if complaint:
                v["is_complaint"] = True
            return v

        ctx = SimpleNamespace(
            args=args,
            results=results,
            row=row,
            cr=cr,
            su=su,
            env=env,
            meter=meter,
            Ticket=Ticket,
            company=company,
            plain_team=plain_team,
            complaint_team=complaint_team,
            partner_mail=partner_mail,
            partner_nomail=partner_nomail,
            vals=vals,
        )
        bench_create.creation(ctx)
        bench_create.plain_alone(ctx)
        bench_create.acknowledgement(ctx)
        if not args.volume_only:
            bench_process.stage_change(ctx)
            bench_process.record_rules(ctx)
            bench_process.tracking_pdf(ctx)
            cr.commit()
        bench_volume.volume(ctx)

    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=2, default=str)
        print(f"JSON written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
