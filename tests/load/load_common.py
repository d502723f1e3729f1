"""What the load test (load.py) and the HTTP benchmarks (tests/bench) share:
an ``odoo-bin`` started and killed by the test, a JSON-RPC client with its own
session, the public complaint form, direct database access and the server
log's counters."""

import configparser
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time

import psycopg2
import requests

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ODOO_BIN = os.environ.get("ODOO_BIN") or "/opt/odoo19/odoo-bin"
TIMEOUT = 60


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


def reference_report(refs):
    """{company: count, duplicates, first, last, gaps} of the (company,
    complaint reference) pairs ``refs``."""
    by_company = {}
    for company, ref in refs:
        by_company.setdefault(company, []).append(ref)
    report = {}
    for company, lst in by_company.items():
        nums = sorted(
            int(re.findall(r"(\d+)$", r)[0]) for r in lst if re.search(r"\d+$", r)
        )
        expected = set(range(nums[0], nums[-1] + 1)) if nums else set()
        gaps = sorted(expected - set(nums))
        report[company] = {
            "count": len(lst),
            "duplicates": len(lst) - len(set(lst)),
            "first": nums[0] if nums else None,
            "last": nums[-1] if nums else None,
            "gaps": gaps[:20],
            "gap_count": len(gaps),
        }
    return report
