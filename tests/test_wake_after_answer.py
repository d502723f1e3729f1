# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A complaint filed over real HTTP wakes the scheduler's workers for its
acknowledgement once its answer is sent (iso10002_complaints
models/ir_cron_wake.py): the workers listen to ``cron_trigger`` on the
``postgres`` database and would otherwise sleep up to a minute."""

import pathlib
import select
import tempfile
import time

import psycopg2
import pytest
from running_server import database, load, pg_server, running_server

ACK_JOB = ("iso10002_complaints", "ir_cron_complaint_acknowledge")


@pytest.fixture(scope="module")
def server():
    with tempfile.TemporaryDirectory() as tmp:
        # the test configuration runs no cron worker (max_cron_threads = 0):
        # the trigger stays for the test to see
        log = pathlib.Path(tmp, "server.log")
        with running_server(log) as srv:
            yield srv, load.Rpc(srv, database())


@pytest.fixture
def listener():
    host, port, user = pg_server()
    conn = psycopg2.connect(dbname="postgres", host=host, port=port, user=user)
    conn.autocommit = True
    with conn.cursor() as cr:
        cr.execute("LISTEN cron_trigger")
    try:
        yield conn
    finally:
        conn.close()


def _wake_ups(conn, seconds):
    """The databases named by the wake-ups received within ``seconds``."""
    names, deadline = [], time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        if select.select([conn], [], [], left)[0]:
            conn.poll()
            names += [notify.payload for notify in conn.notifies]
            conn.notifies.clear()
    return names


def _team(rpc, complaint):
    return rpc.call(
        "helpdesk.ticket.team",
        "create",
        [{"name": f"Wake-up team {time.time()}", "is_complaint_team": complaint}],
    )


def _create(rpc, team_id, name):
    return rpc.call(
        "helpdesk.ticket",
        "create",
        [
            {
                "name": name,
                "description": f"<p>{name}: the kettle leaks.</p>",
                "partner_name": "Wake Client",
                "partner_email": "wake.client@example.com",
                "team_id": team_id,
            }
        ],
    )


@pytest.fixture
def forget_pending():
    """Leave no pending acknowledgement in the test database, where the
    addons' tests run the job (this module's complaints are committed)."""
    ids = []
    yield ids
    host, port, user = pg_server()
    conn = psycopg2.connect(dbname=database(), host=host, port=port, user=user)
    try:
        with conn, conn.cursor() as cr:
            cr.execute(
                "UPDATE helpdesk_ticket SET ack_pending = FALSE WHERE id = ANY(%s)",
                (ids,),
            )
    finally:
        conn.close()


def test_complaint_over_http_wakes_the_scheduler_after_its_answer(
    server, listener, forget_pending
):
    _srv, rpc = server
    ticket_id = _create(rpc, _team(rpc, True), "Wake-up after the answer")
    forget_pending.append(ticket_id)
    # the answer came back: the complaint is committed, its acknowledgement
    # pending and its job due now
    complaint = rpc.call(
        "helpdesk.ticket",
        "read",
        [[ticket_id], ["is_complaint", "complaint_ref", "ack_pending"]],
    )[0]
    assert complaint["is_complaint"] and complaint["complaint_ref"]
    assert complaint["ack_pending"]
    (cron,) = rpc.call(
        "ir.model.data",
        "search_read",
        [[("module", "=", ACK_JOB[0]), ("name", "=", ACK_JOB[1])]],
        {"fields": ["res_id"]},
    )
    now = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    due = rpc.call(
        "ir.cron.trigger",
        "search_count",
        [[("cron_id", "=", cron["res_id"]), ("call_at", "<=", now)]],
    )
    assert due >= 1
    # and the workers of this database are woken, at once
    assert database() in _wake_ups(listener, 5)


def test_plain_ticket_wakes_no_worker(server, listener):
    _srv, rpc = server
    ticket_id = _create(rpc, _team(rpc, False), "A plain ticket")
    plain = rpc.call("helpdesk.ticket", "read", [[ticket_id], ["is_complaint"]])[0]
    assert not plain["is_complaint"]
    assert database() not in _wake_ups(listener, 2)
