# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The clients of bench_http.py: turns of a plain ticket and a complaint
over JSON-RPC, and the watcher of the acknowledgements under load."""

import threading
import time

# tests/load is on sys.path: bench_http.py puts it there
import load


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
