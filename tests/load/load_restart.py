"""Phase 3 of the load test (load.py): clients file complaints over JSON-RPC
while the server is killed (SIGKILL of its process group) and restarted;
every complaint acknowledged to a client must be in the database."""

import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from load_common import Rpc


def restart_phase(args, server, connect, team_id, run):
    """The restart figures (dict); ``server`` runs again at the end."""
    lock = threading.Lock()
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
    return restart
