#!/usr/bin/env python3
"""Load test: concurrent complaint intake, concurrent updates, a hard restart.

Starts ``odoo-bin --workers=4 --max-cron-threads=1`` on 127.0.0.1 (free
port; the cron worker sends the acknowledgements, as in production) against the given database (both addons installed), then:

1. intake: ``--clients`` threads file ``--per-client`` complaints each,
   alternating JSON-RPC (``/web/dataset/call_kw`` helpdesk.ticket.create as
   admin) and the public form (GET /complaints/new for the CSRF token, POST
   /complaints/submit). Checks: every acknowledged complaint stored exactly
   once, references unique per company (gaps allowed: a rolled-back creation
   leaves one), every acknowledgement sent by the job, no HTTP 5xx / RPC error;
   p50 / p95 / max latency per channel (``create`` call, form GET + POST),
   throughput. Meanwhile ``--dashboard-clients`` complaints managers read
   the monitoring dashboard (KPIs, monitor, analysis pivot and graph, the
   spreadsheet dashboard when installed) in a loop, timed per call kind,
   and the same reads idle before and after the intake (load_dashboard.py).
2. contention: ``--clients`` threads change the stage of and post messages
   on the same few complaints. Checks: every acknowledged message stored, the
   final stage equals the last tracked stage change, serialization failures
   retried by Odoo (counted in the server log).
3. restart: clients file complaints over JSON-RPC while the server is killed
   (SIGKILL of its process group) and restarted. Checks: every complaint
   acknowledged to a client is in the database.

Run through ``./scripts/bench.sh load`` or directly:
``python3 tests/load/load.py -c odoo.conf -d DB``. The issue 14 size:
``./scripts/bench.sh load --clients 16 --per-client 500``. Bounded: every
request has a timeout, every loop a deadline; the server is always stopped.
"""

import argparse
import json
import os
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

# shared with tests/bench and tests/running_server.py, which use them as load.X
from load_common import (  # noqa: F401
    ROOT,
    Rpc,
    Server,
    db_connect,
    deferred_numbering,
    form_submit,
    free_port,
    pct,
    prepare,
    reference_report,
    serialization_retries,
)
from load_dashboard import DashboardLoad, latency, print_table
from load_restart import restart_phase


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-c", "--config", required=True)
    p.add_argument("-d", "--database", required=True)
    p.add_argument("--json")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--per-client", type=int, default=200)
    p.add_argument("--contention-complaints", type=int, default=5)
    p.add_argument("--contention-rounds", type=int, default=15)
    p.add_argument("--restart-seconds", type=float, default=20)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument(
        "--intake-seconds",
        type=float,
        help="bound (default 0.25 s per complaint, 600 s at least)",
    )
    # the dashboard's reads while the intake runs (load_dashboard.py)
    p.add_argument("--dashboard-clients", type=int, default=1, help="0: none")
    p.add_argument("--dashboard-idle-rounds", type=int, default=10)
    p.add_argument("--dashboard-pause", type=float, default=0.5, help="seconds")
    args, _ = p.parse_known_args()
    return args


def main():
    args = parse_args()
    connect = db_connect(args.config)
    prepare(connect, args.database)
    logdir = os.path.join(ROOT, ".local", "bench")
    os.makedirs(logdir, exist_ok=True)
    log = os.path.join(logdir, "load-server.log")
    if os.path.exists(log):
        os.remove(log)
    server = Server(args.config, args.database, args.workers, log, cron_threads=1)
    run = time.strftime("%H%M%S")
    results = {"clients": args.clients, "per_client": args.per_client, "run": run}
    ok = True
    try:
        server.start()
        admin = Rpc(server, args.database)
        team = admin.call(
            "helpdesk.ticket.team",
            "search_read",
            [[("is_complaint_team", "=", True)]],
            {"fields": ["id"], "limit": 1},
        )
        # without demo data there is no complaints team: the public form needs one
        team_id = (
            team[0]["id"]
            if team
            else admin.call(
                "helpdesk.ticket.team",
                "create",
                [{"name": "Complaints (load test)", "is_complaint_team": True}],
            )
        )
        results["team_created"] = not team

        # ------------------------------------------------------- 1. intake
        lat = {"rpc": [], "form": []}
        errors = []
        acked = []
        lock = threading.Lock()
        planned = args.clients * args.per_client
        # bounded, with room for 16 x 500 on 2 cores (about 10 complaints/s)
        deadline = time.time() + (args.intake_seconds or max(600, 0.25 * planned))

        def client(c):
            rpc = Rpc(server, args.database)
            for i in range(args.per_client):
                if time.time() > deadline:
                    break
                marker = f"LOAD-{run}-{c}-{i}"
                channel = "rpc" if i % 2 == 0 else "form"
                t0 = time.perf_counter()
                try:
                    if channel == "rpc":
                        vals = {
                            "name": marker,
                            "description": f"<p>{marker}</p>",
                            "is_complaint": True,
                            # acknowledged by email, as the form's complaints
                            "partner_name": f"Load RPC Client {c}",
                            "partner_email": f"load-rpc{c}@example.com",
                        }
                        if team_id:
                            vals["team_id"] = team_id
                        rpc.call("helpdesk.ticket", "create", [vals])
                    else:
                        form_submit(server, marker, c)
                except Exception as e:  # noqa: BLE001 - recorded and reported
                    with lock:
                        errors.append(f"{channel} {marker}: {e}"[:300])
                    continue
                with lock:
                    lat[channel].append(time.perf_counter() - t0)
                    acked.append(marker)

        # a complaints manager reads the dashboard idle, then during the intake
        board = None
        if args.dashboard_clients:
            board = DashboardLoad(
                server,
                args.database,
                admin,
                run,
                args.dashboard_clients,
                args.dashboard_pause,
            )
            board.idle("idle_before", args.dashboard_idle_rounds)
            board.start()
        t0 = time.time()
        with ThreadPoolExecutor(args.clients) as pool:
            list(pool.map(client, range(args.clients)))
        duration = time.time() - t0
        if board:
            board.finish()
        conn = connect(args.database)
        conn.autocommit = True
        # the acknowledgement job (cron worker) finishes the last ones
        drain_deadline = time.time() + max(180, 0.05 * planned)
        with conn.cursor() as cr:
            while time.time() < drain_deadline:
                cr.execute(
                    "SELECT count(*) FROM helpdesk_ticket WHERE ack_pending "
                    "AND name LIKE %s",
                    (f"LOAD-{run}-%",),
                )
                if not cr.fetchone()[0]:
                    break
                time.sleep(1)
        with conn.cursor() as cr:
            cr.execute(
                "SELECT name, count(*) FROM helpdesk_ticket WHERE name LIKE %s GROUP BY name",
                (f"LOAD-{run}-%",),
            )
            stored = dict(cr.fetchall())
            cr.execute("""SELECT company_id, complaint_ref FROM helpdesk_ticket
                          WHERE is_complaint AND complaint_ref IS NOT NULL""")
            refs = cr.fetchall()
            # every complaint numbered and acknowledged (by email, right
            # after its commit) by the end of the run
            cr.execute(
                """SELECT count(*) FILTER (WHERE complaint_ref IS NULL),
                          count(*) FILTER (WHERE ack_pending),
                          count(*) FILTER (WHERE ack_date IS NOT NULL)
                   FROM helpdesk_ticket WHERE name LIKE %s""",
                (f"LOAD-{run}-%",),
            )
            unnumbered, ack_pending, ack_sent = cr.fetchone()
        conn.close()
        missing = [m for m in acked if m not in stored]
        duplicated = [m for m, n in stored.items() if n > 1]
        gap_report = reference_report(refs)
        retries, server_errors = serialization_retries(log)
        deferred = deferred_numbering(log)
        intake = {
            "duration_s": round(duration, 1),
            "planned": planned,
            "acknowledged": len(acked),
            "stored_markers": len(stored),
            "missing": missing[:20],
            "missing_count": len(missing),
            "duplicated": duplicated[:20],
            "errors": errors[:20],
            "error_count": len(errors),
            # per request: rpc = the create call, form = GET + POST
            "latency": {k: latency(v) for k, v in lat.items()},
            "throughput_per_s": round(len(acked) / duration, 1),
            "references": gap_report,
            "unnumbered": unnumbered,
            "acknowledged_by_email": ack_sent,
            "acknowledgement_pending": ack_pending,
            "numbering_deferred_after_commit": deferred,
            "serialization_retries_logged": retries,
            "server_error_lines": server_errors,
        }
        results["intake"] = intake
        print("INTAKE", json.dumps(intake, indent=1), flush=True)
        if board:
            # the same reads idle at the volume the intake left
            board.idle("idle_after", args.dashboard_idle_rounds)
            results["dashboard"] = board.results()
            # the manager's figures count the complaints filed (a fresh
            # database has no other; a month's change in the run aside)
            results["dashboard"]["figures_after"] = seen = board.figures()
            ok &= min(seen.values()) >= len(stored)
            print("DASHBOARD", json.dumps(results["dashboard"], indent=1), flush=True)
            ok &= not board.errors
        print_table(intake, results.get("dashboard"))
        ok &= (
            len(acked) == planned
            and not missing
            and not duplicated
            and not errors
            and not unnumbered
            and not ack_pending
            and ack_sent == len(stored)
            and all(g["duplicates"] == 0 for g in gap_report.values())
        )

        # --------------------------------------------------- 2. contention
        complaints = [
            admin.call(
                "helpdesk.ticket",
                "create",
                [
                    {
                        "name": f"CONTENTION-{k}",
                        "description": "<p>contention</p>",
                        "is_complaint": True,
                        "team_id": team_id,
                        "ack_method": "phone",
                    }
                ],
            )
            for k in range(args.contention_complaints)
        ]
        # acknowledged, so that received -> acknowledged passes the ISO guard
        # (7.4): the action records the date (a client cannot write it)
        for cid in complaints:
            admin.call("helpdesk.ticket", "action_record_acknowledgement", [cid])
        steps = admin.call(
            "helpdesk.ticket.stage",
            "search_read",
            [[("iso_step", "in", ["received", "acknowledged"])]],
            {"fields": ["id", "iso_step"]},
        )
        stage_ids = [
            s["id"] for s in sorted(steps, key=lambda s: s["iso_step"] != "received")
        ]
        c_errors, posted = [], []

        def contender(c):
            rpc = Rpc(server, args.database)
            for r in range(args.contention_rounds):
                for cid in complaints:
                    body = f"MSG-{c}-{r}-{cid}"
                    try:
                        rpc.call(
                            "helpdesk.ticket",
                            "message_post",
                            [[cid]],
                            {"body": body, "message_type": "comment"},
                        )
                        with lock:
                            posted.append((cid, body))
                        rpc.call(
                            "helpdesk.ticket",
                            "write",
                            [[cid], {"stage_id": stage_ids[(c + r) % len(stage_ids)]}],
                        )
                    except Exception as e:  # noqa: BLE001
                        with lock:
                            c_errors.append(f"{body}: {e}"[:300])

        before_retries, _ = serialization_retries(log)
        with ThreadPoolExecutor(args.clients) as pool:
            list(pool.map(contender, range(args.clients)))
        conn = connect(args.database)
        lost, inconsistent = [], []
        with conn.cursor() as cr:
            for cid in complaints:
                cr.execute(
                    "SELECT body FROM mail_message WHERE model='helpdesk.ticket' AND res_id=%s",
                    (cid,),
                )
                bodies = " ".join(b or "" for (b,) in cr.fetchall())
                lost += [b for (i, b) in posted if i == cid and b not in bodies]
                cr.execute("SELECT stage_id FROM helpdesk_ticket WHERE id=%s", (cid,))
                final = cr.fetchone()[0]
                cr.execute(
                    """SELECT v.new_value_integer FROM mail_tracking_value v
                              JOIN mail_message m ON m.id = v.mail_message_id
                              JOIN ir_model_fields f ON f.id = v.field_id
                              WHERE m.model='helpdesk.ticket' AND m.res_id=%s AND f.name='stage_id'
                              ORDER BY m.id DESC LIMIT 1""",
                    (cid,),
                )
                last = cr.fetchone()
                if last and last[0] != final:
                    inconsistent.append(
                        {"id": cid, "final": final, "last_tracked": last[0]}
                    )
        conn.close()
        after_retries, server_errors = serialization_retries(log)
        contention = {
            "messages_acknowledged": len(posted),
            "messages_lost": len(lost),
            "lost": lost[:10],
            "inconsistent_final_stage": inconsistent,
            "errors": c_errors[:20],
            "error_count": len(c_errors),
            "serialization_retries_logged": after_retries - before_retries,
            "server_error_lines": server_errors,
        }
        results["contention"] = contention
        print("CONTENTION", json.dumps(contention, indent=1), flush=True)
        ok &= not lost and not inconsistent and not c_errors

        # ------------------------------------------------------ 3. restart
        restart = restart_phase(args, server, connect, team_id, run)
        results["restart"] = restart
        print("RESTART", json.dumps(restart, indent=1), flush=True)
        ok &= (
            not restart["lost_count"]
            and restart["acknowledged"] > restart["acknowledged_before_kill"]
        )
    finally:
        server.kill(signal.SIGTERM)
    results["ok"] = bool(ok)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=2, default=str)
        print("JSON written to", args.json)
    print("LOAD", "OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
