# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The figures of bench_http.py: medians and p95, the JSON of a phase and
the closing table."""

import json
import statistics

# tests/load is on sys.path: bench_http.py puts it there
import load

TARGET_RATIO = 1.3


def summary(values):
    values = [1000 * v for v in values]
    return {
        "n": len(values),
        "median_ms": round(statistics.median(values), 1) if values else None,
        "p95_ms": round(load.pct(values, 95), 1) if values else None,
    }


def report(name, lat, complaints, missed, bench):
    plain, complaint = summary(lat["plain"]), summary(lat["complaint"])
    result = {
        "plain": plain,
        "complaint": complaint,
        "ratio_median": round(complaint["median_ms"] / plain["median_ms"], 2),
        "ratio_p95": round(complaint["p95_ms"] / plain["p95_ms"], 2),
        "ack_after_commit": summary(lat["ack"]),
        "ack_not_within_60s": missed,
        "ack_mails_queued": bench.queued_mails(complaints),
        "complaints": len(complaints),
    }
    print(name.upper(), json.dumps(result, indent=1), flush=True)
    return result


def print_summary(results):
    """The figures as a table: the JSON above has them all."""
    rows = []
    for phase in ("idle", "load"):
        figures = results.get(phase)
        if not figures:
            continue
        for key, label in (
            ("plain", "create plain ticket (JSON-RPC)"),
            ("complaint", "create complaint (JSON-RPC)"),
            ("ack_after_commit", "commit -> acknowledgement queued"),
        ):
            f = figures[key]
            rows.append(
                (phase, label, f"{f['median_ms']} ms", f"{f['p95_ms']} ms", f["n"])
            )
        rows.append(
            (
                phase,
                f"ratio complaint / plain (target <= {TARGET_RATIO})",
                figures["ratio_median"],
                figures["ratio_p95"],
                "",
            )
        )
    print()
    print(f"{'phase':<6} {'figure':<42} {'median':>11} {'p95':>11} {'n':>5}")
    for row in rows:
        print(f"{row[0]:<6} {row[1]:<42} {row[2]!s:>11} {row[3]!s:>11} {row[4]!s:>5}")
    throughput = results.get("load", {}).get("throughput")
    if throughput:
        print(
            f"load: {throughput['filed_per_min']} complaints filed/min, "
            f"{throughput['acknowledged_per_min']} acknowledged/min over "
            f"{throughput['minutes']} min; {throughput['pending_at_end']} pending "
            "at the end of the load"
        )
    clients = results.get("load_clients")
    if clients:
        print(
            f"after the load: {clients['acknowledged']}/{clients['complaints_filed']} "
            f"of the clients' complaints acknowledged, "
            f"{clients['pending_after_drain']} pending after "
            f"{clients['drain_seconds']} s of drain"
        )
    loadavg = ", ".join(
        f"{key.removeprefix('loadavg_')} {' '.join(f'{v:.1f}' for v in results[key])}"
        for key in ("loadavg_before", "loadavg_under_load")
        if key in results
    )
    print(f"machine load average (1, 5, 15 min): {loadavg}")
    print(
        f"{results.get('scheduled_jobs_deferred')} other scheduled jobs' "
        "periodic runs deferred by a day (triggered runs kept)"
    )
