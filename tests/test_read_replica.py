# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Figures, analysis and reports run on a read replica.

Odoo 19 sends the read-only work of a server configured with
``db_replica_host``/``db_replica_port`` to a replica: the read-only routes
(``/report/pdf``...) and the JSON-RPC calls of read-only methods
(``web_read_group``, ``@api.readonly`` methods such as
``iso10002.complaint.kpi.get_kpi_figures``). This test starts a streaming
replica of the test database's PostgreSQL cluster (``pg_basebackup -R``, a
second cluster on its own socket, every statement logged), a real
``odoo-bin`` on the primary with that replica, and checks that:

* the KPIs, the analysis pivot and a complaint's PDF are served with a
  read-only cursor (Odoo's request log: ``ro``) and their queries reach the
  replica (its statement log);
* the figures read through the replica are those computed on the primary.
"""

import glob
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest
from running_server import database, load, pg_server, running_server

PERIOD = ("2020-01-01", "2030-12-31")
HOT_STANDBY_SETTINGS = (
    "max_connections",
    "max_prepared_transactions",
    "max_locks_per_transaction",
    "max_wal_senders",
    "max_worker_processes",
)


def _pg_bin(name):
    found = (
        shutil.which(name)
        or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[-1:]
    )
    if not found:
        pytest.fail(f"{name} not found: install PostgreSQL's server binaries")
    return found if isinstance(found, str) else found[0]


def _as_pg(cmd):
    """Run a PostgreSQL server command, as the postgres user under root."""
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, check=True, capture_output=True, text=True)


class Replica:
    """A hot standby of the primary, streaming from it."""

    def __init__(self, tmp, primary_host, primary_port, user):
        self.dir = pathlib.Path(tmp)
        self.data = self.dir / "data"
        self.socket = self.dir
        self.port = load.free_port()
        self.log = self.dir / "replica.log"
        self.primary = (primary_host, primary_port, user)

    def start(self):
        # a hot standby needs these at least as high as on the primary
        host, port, user = self.primary
        settings = " ".join(
            f"-c {name}=" + _psql(host, port, user, "postgres", f"SHOW {name}")
            for name in HOT_STANDBY_SETTINGS
        )
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        _as_pg(
            [
                _pg_bin("pg_basebackup"),
                f"--pgdata={self.data}",
                f"--host={host}",
                f"--port={port}",
                f"--username={user}",
                "--write-recovery-conf",  # standby.signal + primary_conninfo
                "--wal-method=stream",
                "--checkpoint=fast",
            ]
        )
        options = (
            f"-k {self.socket} -p {self.port} -c listen_addresses='' "
            f"-c hot_standby=on -c log_statement=all -c fsync=off {settings}"
        )
        _as_pg(
            [
                _pg_bin("pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-w",
                "-o",
                options,
                "start",
            ]
        )

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            _as_pg([_pg_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"])

    def statements(self):
        return self.log.read_text(errors="replace")


def _psql(host, port, user, db, sql):
    return subprocess.run(
        ["psql", "-X", "-A", "-t", "-h", host, "-p", str(port), "-U", user, "-d", db]
        + ["-c", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


@pytest.fixture(scope="module")
def replica_server():
    db = database()
    host, port, user = pg_server()
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o755)
        replica = Replica(tmp, host, port, user)
        replica.start()
        log = pathlib.Path(tmp, "server.log")
        try:
            assert (
                _psql(
                    str(replica.socket),
                    replica.port,
                    user,
                    db,
                    "SELECT pg_is_in_recovery()",
                )
                == "t"
            )
            with running_server(
                log, db_replica_host=replica.socket, db_replica_port=replica.port
            ) as server:
                yield server, replica, log, db
        finally:
            replica.stop()


def _request_mode(log, path):
    """Cursor mode of the last request to ``path`` in the server's log."""
    lines = [line for line in log.read_text().splitlines() if path in line]
    assert lines, f"{path} not in the server's log"
    return lines[-1].split()[-1]


def test_figures_analysis_and_reports_run_on_the_replica(replica_server, tmp_path):
    server, replica, log, db = replica_server
    rpc = load.Rpc(server, db)
    before = len(replica.statements())

    # the KPIs: read-only method, computed on the replica
    figures = rpc.call("iso10002.complaint.kpi", "get_kpi_figures", list(PERIOD))
    assert _request_mode(log, "iso10002.complaint.kpi/get_kpi_figures") == "ro"
    assert figures["received_count"] > 0
    # the analysis pivot (web_read_group is read-only in Odoo)
    pivot = rpc.call(
        "iso10002.complaint.analysis",
        "web_read_group",
        [[], ["channel_id"], ["__count"]],
    )
    assert _request_mode(log, "iso10002.complaint.analysis/web_read_group") == "ro"
    # a complaint's PDF (Odoo's report routes are read-only)
    complaint = rpc.call(
        "helpdesk.ticket",
        "search_read",
        [[("is_complaint", "=", True)]],
        {"fields": ["complaint_ref"], "limit": 1},
    )[0]
    path = f"/report/pdf/iso10002_reports.report_complaint_tracking/{complaint['id']}"
    response = rpc.s.get(server.url + path, timeout=120)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert _request_mode(log, path) == "ro"

    # their queries reached the replica
    statements = replica.statements()[before:]
    assert re.search(r"FROM\s+\"?iso10002_complaint_analysis", statements), (
        "no query of the analysis view on the replica"
    )
    assert "helpdesk_ticket" in statements

    # the same figures as the primary's
    import odoo
    from odoo import api, fields

    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, server_admin_uid(cr), {})
        primary = env["iso10002.complaint.kpi"].get_kpi_figures(*PERIOD)
        groups = env["iso10002.complaint.analysis"].web_read_group(
            [], ["channel_id"], ["__count"]
        )
        assert fields.Date.today()  # the cursor is alive
    assert figures == pytest.approx(primary)
    assert [g["__count"] for g in pivot["groups"]] == [
        g["__count"] for g in groups["groups"]
    ]


def server_admin_uid(cr):
    cr.execute("SELECT id FROM res_users WHERE login = 'admin'")
    return cr.fetchone()[0]
