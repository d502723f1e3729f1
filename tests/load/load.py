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
   p50 / p95 latency per channel.
2. contention: ``--clients`` threads change the stage of and post messages
   on the same few complaints. Checks: every acknowledged message stored, the
   final stage equals the last tracked stage change, serialization failures
   retried by Odoo (counted in the server log).
3. restart: clients file complaints over JSON-RPC while the server is killed
   (SIGKILL of its process group) and restarted. Checks: every complaint
   acknowledged to a client is in the database.

Run through ``./scripts/bench.sh load`` or directly:
``python3 tests/load/load.py -c odoo.conf -d DB``. Bounded: every request has a
timeout, every loop a deadline; the server is always stopped.
"""

import argparse
import configparser
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg2
import requests

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ODOO_BIN = os.environ.get("ODOO_BIN") or "/opt/odoo19/odoo-bin"
TIMEOUT = 60


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
    args, _ = p.parse_known_args()
    return args


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def pct(values, q):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


class Server:
    def __init__(self, conf, db, workers, log, cron_threads=0):
        self.conf, self.db, self.workers, self.log = conf, db, workers, log
        self.cron_threads = cron_threads
        self.port = free_port()
        self.proc = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        odoo = (
            [sys.executable, ODOO_BIN]
            if os.path.exists(ODOO_BIN)
            else [sys.executable, "-m", "odoo"]
        )
        cmd = odoo + [
            "-c",
            self.conf,
            "-d",
            self.db,
            f"--db-filter=^{self.db}$",
            f"--workers={self.workers}",
            f"--max-cron-threads={self.cron_threads}",
            "--http-interface=127.0.0.1",
            f"--http-port={self.port}",
            "--limit-time-real=300",
            "--limit-time-cpu=300",
            "--limit-memory-soft=4294967296",
            "--limit-memory-hard=5368709120",
            "--log-level=info",
            f"--logfile={self.log}",
            "--db_maxconn=64",
        ]
        self.proc = subprocess.Popen(
            cmd,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if requests.get(self.url + "/web/login", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError("server exited at start, see " + self.log)
            time.sleep(0.5)
        raise RuntimeError("server did not answer within 120 s")

    def kill(self, sig=signal.SIGKILL):
        if self.proc and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        # the workers are in the same process group: make sure none is left
        if self.proc:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


class Rpc:
    def __init__(self, server, db, login="admin", password="admin"):
        self.server, self.db = server, db
        self.s = requests.Session()
        self.login, self.password = login, password
        self.authenticate()

    def authenticate(self):
        r = self.s.post(
            self.server.url + "/web/session/authenticate",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "db": self.db,
                    "login": self.login,
                    "password": self.password,
                },
            },
            timeout=TIMEOUT,
        )
        r.raise_for_status()
        if r.json().get("error"):
            raise RuntimeError(r.json()["error"])

    def call(self, model, method, args, kwargs=None):
        r = self.s.post(
            # the path names the model and method, as the web client's calls
            # do (the server's request log then names them too)
            f"{self.server.url}/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                },
            },
            timeout=TIMEOUT,
        )
        if r.status_code >= 500:
            raise RuntimeError(f"HTTP {r.status_code}")
        body = r.json()
        if body.get("error"):
            raise RuntimeError(
                json.dumps(
                    body["error"].get("data", {}).get("message") or body["error"]
                )[:300]
            )
        return body["result"]


CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


def form_submit(server, marker, client):
    s = requests.Session()
    r = s.get(server.url + "/complaints/new", timeout=TIMEOUT)
    if r.status_code != 200:
        raise RuntimeError(f"GET /complaints/new HTTP {r.status_code}")
    m = CSRF_RE.search(r.text)
    if not m:
        raise RuntimeError("no csrf_token on /complaints/new")
    r = s.post(
        server.url + "/complaints/submit",
        data={
            "csrf_token": m.group(1),
            "website": "",
            "name": f"Load Client {client}",
            "email": f"load{client}@example.com",
            "subject": marker,
            "description": f"Load test complaint {marker}",
            "contact_preference": "email",
            "consent": "on",
        },
        allow_redirects=False,
        timeout=TIMEOUT,
    )
    if r.status_code not in (302, 303) or "thank-you" not in r.headers.get(
        "Location", ""
    ):
        raise RuntimeError(f"form HTTP {r.status_code}: {r.text[:200]!r}")


def db_connect(conf):
    cp = configparser.ConfigParser()
    cp.read(conf)
    o = cp["options"]
    return lambda db: psycopg2.connect(
        dbname=db,
        host=o.get("db_host") or None,
        port=o.get("db_port") or None,
        user=o.get("db_user") or None,
        password=o.get("db_password") or None,
    )


def prepare(connect, db):
    """Raise the intake limits and set the admin password (SQL, before start)."""
    conn = connect(db)
    with conn, conn.cursor() as cr:
        for key, value in (
            ("intake_rate_limit_ip", "1000000"),
            ("intake_rate_limit_email", "1000000"),
            ("intake_duplicate_seconds", "0"),
        ):
            cr.execute(
                "DELETE FROM ir_config_parameter WHERE key=%s",
                ("iso10002_complaints." + key,),
            )
            cr.execute(
                "INSERT INTO ir_config_parameter (key, value) VALUES (%s, %s)",
                ("iso10002_complaints." + key, value),
            )
    conn.close()


def deferred_numbering(log):
    """Complaints whose reference waited for the commit (sequence busy)."""
    try:
        with open(log, errors="replace") as fh:
            text = fh.read()
    except OSError:
        return 0
    return sum(
        len(re.findall(r"\d+", ids))
        for ids in re.findall(
            r"Complaints \[([\d, ]+)\]: reference sequence busy", text
        )
    )


def serialization_retries(log):
    """(retries logged by Odoo, ERROR lines other than the retried conflicts)."""
    try:
        with open(log, errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return 0, 0
    retries = sum(
        1
        for line in lines
        if re.search(
            r"(SERIALIZATION_FAILURE|LOCK_NOT_AVAILABLE), \d+ tries left", line
        )
    )
    errors = 0
    for n, line in enumerate(lines):
        if re.search(r" (ERROR|CRITICAL) ", line):
            nxt = lines[n + 1] if n + 1 < len(lines) else ""
            if "bad query" in line and re.search(
                r"could not serialize|could not obtain lock", nxt
            ):
                continue
            errors += 1
    return retries, errors


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
        deadline = time.time() + 600

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

        t0 = time.time()
        with ThreadPoolExecutor(args.clients) as pool:
            list(pool.map(client, range(args.clients)))
        duration = time.time() - t0
        conn = connect(args.database)
        conn.autocommit = True
        # the acknowledgement job (cron worker) finishes the last ones
        drain_deadline = time.time() + 180
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
        by_company = {}
        for company, ref in refs:
            by_company.setdefault(company, []).append(ref)
        gap_report = {}
        for company, lst in by_company.items():
            nums = sorted(
                int(re.findall(r"(\d+)$", r)[0]) for r in lst if re.search(r"\d+$", r)
            )
            dup = len(lst) - len(set(lst))
            expected = set(range(nums[0], nums[-1] + 1)) if nums else set()
            gaps = sorted(expected - set(nums))
            gap_report[company] = {
                "count": len(lst),
                "duplicates": dup,
                "first": nums[0] if nums else None,
                "last": nums[-1] if nums else None,
                "gaps": gaps[:20],
                "gap_count": len(gaps),
            }
        retries, server_errors = serialization_retries(log)
        deferred = deferred_numbering(log)
        intake = {
            "duration_s": round(duration, 1),
            "acknowledged": len(acked),
            "stored_markers": len(stored),
            "missing": missing[:20],
            "missing_count": len(missing),
            "duplicated": duplicated[:20],
            "errors": errors[:20],
            "error_count": len(errors),
            "p50_ms": {
                k: round(1000 * pct(v, 50), 1) if v else None for k, v in lat.items()
            },
            "p95_ms": {
                k: round(1000 * pct(v, 95), 1) if v else None for k, v in lat.items()
            },
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
        ok &= (
            not missing
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
        r_acked, r_errors = [], []
        stop = threading.Event()

        def filer(c):
            rpc = None
            i = 0
            end = time.time() + args.restart_seconds + 90
            while not stop.is_set() and time.time() < end:
                marker = f"RESTART-{run}-{c}-{i}"
                try:
                    rpc = rpc or Rpc(server, args.database)
                    rpc.call(
                        "helpdesk.ticket",
                        "create",
                        [
                            {
                                "name": marker,
                                "description": "<p>restart</p>",
                                "is_complaint": True,
                                "team_id": team_id,
                            }
                        ],
                    )
                    with lock:
                        r_acked.append(marker)
                    i += 1
                except Exception as e:  # noqa: BLE001 - server down: retry with a new marker
                    with lock:
                        r_errors.append(type(e).__name__)
                    rpc = None
                    i += 1
                    time.sleep(0.5)

        with ThreadPoolExecutor(args.clients) as pool:
            futs = [pool.submit(filer, c) for c in range(args.clients)]
            time.sleep(args.restart_seconds / 2)
            killed_at = len(r_acked)
            server.kill(signal.SIGKILL)
            t_down = time.time()
            server.start()
            downtime = time.time() - t_down
            time.sleep(args.restart_seconds / 2)
            stop.set()
            for f in futs:
                f.result(timeout=120)
        conn = connect(args.database)
        with conn.cursor() as cr:
            cr.execute(
                "SELECT name FROM helpdesk_ticket WHERE name LIKE %s",
                (f"RESTART-{run}-%",),
            )
            r_stored = {n for (n,) in cr.fetchall()}
        conn.close()
        r_lost = [m for m in r_acked if m not in r_stored]
        restart = {
            "acknowledged": len(r_acked),
            "acknowledged_before_kill": killed_at,
            "stored": len(r_stored),
            "lost_acknowledged": r_lost[:20],
            "lost_count": len(r_lost),
            "unacknowledged_but_stored": len(r_stored - set(r_acked)),
            "client_errors_during_outage": len(r_errors),
            "restart_seconds": round(downtime, 1),
        }
        results["restart"] = restart
        print("RESTART", json.dumps(restart, indent=1), flush=True)
        ok &= not r_lost and restart["acknowledged"] > killed_at
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
