#!/usr/bin/env python3
"""HTTP benchmark: a complaint's creation against a plain ticket's, and the
time from the commit to the queued acknowledgement mail.

Starts ``odoo-bin --workers=2 --max-cron-threads=1`` (tests/load/load.py's
server: the acknowledgement job runs in the cron worker, as in production)
and, over JSON-RPC (``/web/dataset/call_kw`` helpdesk.ticket.create as
admin):

1. idle: ``--reps`` turns of one plain ticket and one complaint with the
   same values (a name, a description, the same contact name and email
   address), the order alternating; after each complaint the client polls
   the database (every 5 ms) until its acknowledgement is committed (the
   mail.mail queued, ``ack_date`` set in the same transaction): time from
   the request's return to that commit;
2. load: the same while ``--clients`` threads file complaints as
   tests/load/load.py's intake does (JSON-RPC and the public form,
   alternating, all with an email address); there the turns do not wait
   for each acknowledgement (it takes seconds under load, which left a
   handful of turns in the load phase): a thread of the bench polls for
   them meanwhile, and waits up to 60 s after the last turn.

The other scheduled jobs' periodic runs, all due in a fresh database, are
deferred by a day first (see :func:`defer_housekeeping`).

Prints median and p95 of each and the complaint/plain ratio (JSON per
phase, then one table), the complaints filed and acknowledged per minute
under load and the backlog; ``--json``
writes the figures. Use a throwaway database (``./scripts/bench.sh http``):
the tickets are committed.
"""

import argparse
import json
import os
import statistics
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "load"))

import load  # noqa: E402

TARGET_RATIO = 1.3


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-c", "--config", required=True)
    p.add_argument("-d", "--database", required=True)
    p.add_argument("--json")
    p.add_argument("--reps", type=int, default=100, help="idle turns")
    p.add_argument("--load-reps", type=int, default=50, help="turns under load")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument(
        "--load-seconds", type=int, default=400, help="bound of the load phase"
    )
    p.add_argument(
        "--drain-seconds",
        type=int,
        default=180,
        help="wait for the load's acknowledgements after it",
    )
    p.add_argument("--workers", type=int, default=2)
    args, _ = p.parse_known_args()
    return args


ACK_CRON = ("iso10002_complaints", "ir_cron_complaint_acknowledge")


def defer_housekeeping(connect, db):
    """Move the periodic run of the other scheduled jobs one day ahead.

    In a fresh database every scheduled job is due at once (its first run is
    at install): with one cron worker, the autovacuum alone (about 80
    cleaners, 10 s per run, rescheduled at once until done) then holds it
    for minutes on a loaded machine, and the acknowledgement job waits
    behind it, which is not what is measured; installing the modules also
    triggers it (odoo/modules/loading.py), and that trigger goes too. Runs
    triggered during the bench (the acknowledgement's, the mail queue's)
    are left as they are."""
    conn = connect(db)
    with conn, conn.cursor() as cr:
        cr.execute(
            """UPDATE ir_cron SET nextcall = now() AT TIME ZONE 'UTC'
                                   + interval '1 day'
               WHERE active AND id NOT IN (
                   SELECT res_id FROM ir_model_data
                   WHERE model = 'ir.cron' AND module = %s AND name = %s)""",
            ACK_CRON,
        )
        deferred = cr.rowcount
        # the autovacuum's run that installing the modules triggered
        cr.execute(
            """DELETE FROM ir_cron_trigger WHERE cron_id NOT IN (
                   SELECT res_id FROM ir_model_data
                   WHERE model = 'ir.cron' AND module = %s AND name = %s)""",
            ACK_CRON,
        )
    conn.close()
    return deferred


def summary(values):
    values = [1000 * v for v in values]
    return {
        "n": len(values),
        "median_ms": round(statistics.median(values), 1) if values else None,
        "p95_ms": round(load.pct(values, 95), 1) if values else None,
    }


class Bench:
    def __init__(self, server, db, connect, teams, run):
        self.rpc = load.Rpc(server, db)
        self.conn = connect(db)
        self.conn.autocommit = True
        self.teams, self.run = teams, run

    def create(self, kind, i):
        marker = f"BENCH-{self.run}-{kind}-{i}"
        vals = {
            "name": marker,
            "description": f"<p>{marker}: the kettle leaks.</p>",
            "partner_name": "Bench Client",
            "partner_email": "bench.client@example.com",
            "team_id": self.teams[kind],
        }
        start = time.perf_counter()
        ticket_id = self.rpc.call("helpdesk.ticket", "create", [vals])
        return ticket_id, time.perf_counter() - start

    def wait_acknowledged(self, ticket_id, timeout=60):
        """Seconds from now (the request has returned, so it has committed)
        until the acknowledgement's transaction has committed."""
        start = time.perf_counter()
        deadline = start + timeout
        with self.conn.cursor() as cr:
            while time.perf_counter() < deadline:
                cr.execute(
                    "SELECT ack_date IS NOT NULL FROM helpdesk_ticket WHERE id = %s",
                    (ticket_id,),
                )
                if cr.fetchone()[0]:
                    return time.perf_counter() - start
                time.sleep(0.005)
        return None

    def turns(self, reps, stop_at=None, watcher=None):
        """``reps`` turns of a plain ticket and a complaint, the order
        alternating. Each complaint's acknowledgement is waited for before
        the next turn, or, with ``watcher`` (an :class:`AckWatcher`), watched
        while the turns go on (under load, where it takes seconds)."""
        lat = {"plain": [], "complaint": [], "ack": []}
        complaints, missed = [], 0
        for i in range(reps):
            if stop_at and time.time() > stop_at:
                break
            order = ("plain", "complaint") if i % 2 else ("complaint", "plain")
            for kind in order:
                ticket_id, elapsed = self.create(kind, i)
                lat[kind].append(elapsed)
                if kind == "complaint":
                    complaints.append(ticket_id)
                    if watcher:
                        watcher.watch(ticket_id)
                        continue
                    ack = self.wait_acknowledged(ticket_id)
                    if ack is None:
                        missed += 1
                    else:
                        lat["ack"].append(ack)
        if watcher:
            lat["ack"], missed = watcher.finish()
        return lat, complaints, missed

    def db_now(self):
        """The database's clock, in UTC as Odoo stores its datetimes."""
        with self.conn.cursor() as cr:
            cr.execute("SELECT now() AT TIME ZONE 'UTC'")
            return cr.fetchone()[0]

    def throughput(self, start, end):
        """Complaints filed and acknowledged per minute between ``start``
        and ``end``, and those left pending at ``end``."""
        minutes = (end - start).total_seconds() / 60
        with self.conn.cursor() as cr:
            cr.execute(
                """SELECT
                     count(*) FILTER (WHERE create_date BETWEEN %(s)s AND %(e)s),
                     count(*) FILTER (WHERE ack_date BETWEEN %(s)s AND %(e)s),
                     count(*) FILTER (WHERE ack_pending)
                   FROM helpdesk_ticket WHERE is_complaint""",
                {"s": start, "e": end},
            )
            filed, acked, pending = cr.fetchone()
        return {
            "minutes": round(minutes, 1),
            "filed_per_min": round(filed / minutes) if minutes else None,
            "acknowledged_per_min": round(acked / minutes) if minutes else None,
            "pending_at_end": pending,
        }

    def queued_mails(self, ticket_ids):
        """Complaints of ``ticket_ids`` with a mail.mail queued for their
        acknowledgement (a mail sent and deleted counts by its ack_date)."""
        with self.conn.cursor() as cr:
            cr.execute(
                """SELECT count(DISTINCT t.id) FROM helpdesk_ticket t
                   JOIN mail_message m ON m.model = 'helpdesk.ticket'
                        AND m.res_id = t.id AND m.message_type = 'comment'
                   JOIN mail_mail mm ON mm.mail_message_id = m.id
                   WHERE t.id = ANY(%s) AND t.ack_date IS NOT NULL""",
                (ticket_ids,),
            )
            return cr.fetchone()[0]


class AckWatcher(threading.Thread):
    """Polls the database (every 5 ms, a connection of its own) for the
    acknowledgement of the complaints it watches: seconds from the return
    of each one's creating request to the commit of its acknowledgement."""

    def __init__(self, connect, db):
        super().__init__(daemon=True)
        self.conn = connect(db)
        self.conn.autocommit = True
        self.lock = threading.Lock()
        self.returned, self.delays = {}, {}
        self.stopped = threading.Event()

    def watch(self, ticket_id):
        with self.lock:
            self.returned[ticket_id] = time.perf_counter()

    def run(self):
        with self.conn.cursor() as cr:
            while not self.stopped.is_set():
                with self.lock:
                    waiting = [i for i in self.returned if i not in self.delays]
                if waiting:
                    cr.execute(
                        """SELECT id FROM helpdesk_ticket
                           WHERE id = ANY(%s) AND ack_date IS NOT NULL""",
                        (waiting,),
                    )
                    now = time.perf_counter()
                    with self.lock:
                        for (ticket_id,) in cr.fetchall():
                            self.delays[ticket_id] = now - self.returned[ticket_id]
                time.sleep(0.005)

    def finish(self, timeout=60):
        """The delays, once every complaint watched is acknowledged or
        ``timeout`` seconds after the last one, and how many were not."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self.lock:
                if len(self.delays) == len(self.returned):
                    break
            time.sleep(0.05)
        self.stopped.set()
        self.join()
        self.conn.close()
        return list(self.delays.values()), len(self.returned) - len(self.delays)


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


def main():
    args = parse_args()
    connect = load.db_connect(args.config)
    load.prepare(connect, args.database)
    deferred = defer_housekeeping(connect, args.database)
    logdir = os.path.join(load.ROOT, ".local", "bench")
    os.makedirs(logdir, exist_ok=True)
    log = os.path.join(logdir, "bench-http-server.log")
    if os.path.exists(log):
        os.remove(log)
    server = load.Server(args.config, args.database, args.workers, log, cron_threads=1)
    run = time.strftime("%H%M%S")
    results = {
        "workers": args.workers,
        "cron_threads": 1,
        "scheduled_jobs_deferred": deferred,
        "loadavg_before": os.getloadavg(),
    }
    ok = True
    try:
        server.start()
        admin = load.Rpc(server, args.database)
        teams = {}
        for kind, flag in (("complaint", True), ("plain", False)):
            teams[kind] = admin.call(
                "helpdesk.ticket.team",
                "create",
                [{"name": f"Bench {kind} {run}", "is_complaint_team": flag}],
            )
        bench = Bench(server, args.database, connect, teams, run)
        # warm the workers (registry, views, templates)
        bench.turns(6)

        lat, complaints, missed = bench.turns(args.reps)
        results["idle"] = report("idle", lat, complaints, missed, bench)

        stop = threading.Event()
        errors = []

        def client(c):
            rpc = load.Rpc(server, args.database)
            i = 0
            while not stop.is_set():
                marker = f"LOADBENCH-{run}-{c}-{i}"
                try:
                    if i % 2 == 0:
                        rpc.call(
                            "helpdesk.ticket",
                            "create",
                            [
                                {
                                    "name": marker,
                                    "description": f"<p>{marker}</p>",
                                    "partner_name": f"Load RPC Client {c}",
                                    "partner_email": f"load-rpc{c}@example.com",
                                    "team_id": teams["complaint"],
                                }
                            ],
                        )
                    else:
                        load.form_submit(server, marker, c)
                except Exception as e:  # noqa: BLE001 - reported
                    errors.append(f"{marker}: {e}"[:200])
                i += 1

        threads = [
            threading.Thread(target=client, args=(c,), daemon=True)
            for c in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        time.sleep(3)
        results["loadavg_under_load"] = os.getloadavg()
        load_start = bench.db_now()
        watcher = AckWatcher(connect, args.database)
        watcher.start()
        lat, complaints, missed = bench.turns(
            args.load_reps, time.time() + args.load_seconds, watcher
        )
        load_end = bench.db_now()
        stop.set()
        for thread in threads:
            thread.join(90)
        results["load"] = report("load", lat, complaints, missed, bench)
        results["load"]["throughput"] = bench.throughput(load_start, load_end)
        print("LOAD THROUGHPUT", json.dumps(results["load"]["throughput"]), flush=True)
        results["load"]["client_errors"] = errors[:10]
        results["load"]["client_error_count"] = len(errors)
        # the load's own acknowledgements drain
        drain_start = time.time()
        deadline = drain_start + args.drain_seconds
        with bench.conn.cursor() as cr:
            while time.time() < deadline:
                cr.execute("SELECT count(*) FROM helpdesk_ticket WHERE ack_pending")
                pending = cr.fetchone()[0]
                if not pending:
                    break
                time.sleep(1)
            cr.execute(
                """SELECT count(*), count(*) FILTER (WHERE ack_date IS NOT NULL)
                   FROM helpdesk_ticket WHERE name LIKE %s""",
                (f"LOADBENCH-{run}-%",),
            )
            filed, acked = cr.fetchone()
            cr.execute(
                """SELECT count(*) FROM (SELECT company_id, complaint_ref
                   FROM helpdesk_ticket WHERE complaint_ref IS NOT NULL
                   GROUP BY 1, 2 HAVING count(*) > 1) d"""
            )
            duplicates = cr.fetchone()[0]
        results["load_clients"] = {
            "complaints_filed": filed,
            "acknowledged": acked,
            "pending_after_drain": pending,
            "drain_seconds": round(time.time() - drain_start, 1),
            "duplicate_references": duplicates,
        }
        print("LOAD CLIENTS", json.dumps(results["load_clients"]), flush=True)
        ok = (
            results["idle"]["ratio_median"] <= TARGET_RATIO
            and not pending
            and not duplicates
            and not missed
        )
    finally:
        server.kill()
    results["ok"] = ok
    print_summary(results)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=1)
    print("RESULT", "OK" if ok else "FAILED", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
