# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A real ``odoo-bin`` on the test database, for the tests that need a
running server (its own workers, wkhtmltopdf loading its assets, a read
replica): the database and PostgreSQL server of pytest-odoo's configuration,
the server started and driven by tests/load/load.py."""

import contextlib
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "load"))

import load  # noqa: E402


def database():
    """The test database (pytest-odoo's ``--odoo-database``)."""
    from odoo.tools import config

    db = config["db_name"]
    return db[0] if isinstance(db, list | tuple) else db


def pg_server():
    """(host, port, user) of the test database's PostgreSQL server."""
    from odoo.tools import config

    return (
        config["db_host"] or "/var/run/postgresql",
        config["db_port"] or 5432,
        config["db_user"] or os.environ.get("USER", "odoo"),
    )


@contextlib.contextmanager
def running_server(log, **options):
    """An ``odoo-bin`` (no worker) on the test database, logging to ``log``,
    with the test configuration and ``options`` (written beside ``log``);
    killed on exit."""
    from odoo.tools import config

    conf = pathlib.Path(config["config"])
    if options:
        text = conf.read_text() + "".join(f"\n{k} = {v}" for k, v in options.items())
        conf = pathlib.Path(log).with_name("odoo.conf")
        conf.write_text(text + "\n")
    server = load.Server(str(conf), database(), workers=0, log=str(log))
    server.start()
    try:
        yield server
    finally:
        server.kill()
