"""The dashboard's reads during the load test's intake (load.py, phase 1).

A complaints manager (a user of ``iso10002_complaints.group_complaint_manager``
that the test creates, so that record rules and access rights apply as for a
real manager) reads, over JSON-RPC with its own session, what the screens of
the monitoring dashboard read, one call kind after the other:

- ``kpi``: ``iso10002.complaint.kpi.get_kpi_figures`` over the last 30 days
  (the KPI figures of ``_compute_kpis``, as dashboards and BI tools read them);
- ``monitor``: the *Complaints monitoring* screen opened, i.e. the web
  client's ``onchange`` of a new ``iso10002.complaint.monitor`` with the
  fields of its form (every KPI and chart of the monitor computed);
- ``pivot``: the analysis pivot (``formatted_read_grouping_sets``, categories
  x months, ``nbr:sum``, this month as the action's default filter);
- ``graph``: the analysis graph (``formatted_read_group``, months x categories);
- ``spreadsheet``: the Dashboards app's complaints dashboard when
  ``iso10002_spreadsheet_dashboard`` is installed: its data
  (``/spreadsheet/dashboard/data/<id>``), then one ``formatted_read_grouping_sets``
  per pivot and one ``formatted_read_group`` per chart, in sequence (a browser
  sends them in parallel), over the last 12 months, its default filter.

Each call kind is timed idle before the intake (empty database), during it
(``--dashboard-clients`` readers in a loop) and idle after it (full volume).
"""

import threading
import time
from datetime import UTC, datetime, timedelta

from load_common import TIMEOUT, Rpc, pct

MANAGER_PASSWORD = "load-test-manager-1"
ANALYSIS = "iso10002.complaint.analysis"
MONITOR = "iso10002.complaint.monitor"
PHASES = ("idle_before", "during_intake", "idle_after")


def latency(values):
    """n, p50, p95, max in ms of durations in seconds."""
    if not values:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "max_ms": None}
    return {
        "n": len(values),
        "p50_ms": round(1000 * pct(values, 50), 1),
        "p95_ms": round(1000 * pct(values, 95), 1),
        "max_ms": round(1000 * max(values), 1),
    }


def xmlid_res_id(admin, module, name):
    rows = admin.call(
        "ir.model.data",
        "search_read",
        [[("module", "=", module), ("name", "=", name)]],
        {"fields": ["res_id"]},
    )
    return rows[0]["res_id"] if rows else None


def create_manager(admin, run):
    """Login of a new complaints manager (password MANAGER_PASSWORD)."""
    group = xmlid_res_id(admin, "iso10002_complaints", "group_complaint_manager")
    login = f"load-manager-{run}"
    admin.call(
        "res.users",
        "create",
        [
            {
                "name": f"Load test complaints manager {run}",
                "login": login,
                "password": MANAGER_PASSWORD,
                "group_ids": [(4, group)],
            }
        ],
    )
    return login


class DashboardReader:
    """One manager's session and the call kinds it times."""

    def __init__(self, server, db, login, dashboard_id=None):
        self.server = server
        self.rpc = Rpc(server, db, login, MANAGER_PASSWORD)
        now = datetime.now(UTC).replace(tzinfo=None)
        month = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        next_month = (month + timedelta(days=32)).replace(day=1)
        self.month_domain = [
            ("received_date", ">=", f"{month:%Y-%m-%d %H:%M:%S}"),
            ("received_date", "<", f"{next_month:%Y-%m-%d %H:%M:%S}"),
        ]
        self.last_30 = [f"{now - timedelta(days=29):%Y-%m-%d}", f"{now:%Y-%m-%d}"]
        self.year_domain = [
            ("received_date", ">=", f"{now - timedelta(days=365):%Y-%m-%d %H:%M:%S}")
        ]
        views = self.rpc.call(MONITOR, "get_views", [[[False, "form"]]])
        self.monitor_spec = {
            name: ({"fields": {"display_name": {}}} if field.get("relation") else {})
            for name, field in views["models"][MONITOR]["fields"].items()
        }
        self.aggregators = {
            name: field.get("aggregator")
            for name, field in self.rpc.call(
                ANALYSIS, "fields_get", [], {"attributes": ["aggregator"]}
            ).items()
        }
        self.kinds = {
            "kpi": self.kpi,
            "monitor": self.monitor,
            "pivot": self.pivot,
            "graph": self.graph,
        }
        self.dashboard_id = dashboard_id
        if dashboard_id:
            self.kinds["spreadsheet"] = self.spreadsheet

    def kpi(self):
        self.rpc.call("iso10002.complaint.kpi", "get_kpi_figures", self.last_30)

    def monitor(self):
        self.rpc.call(MONITOR, "onchange", [[], {}, [], self.monitor_spec])

    def pivot(self):
        self.rpc.call(
            ANALYSIS,
            "formatted_read_grouping_sets",
            [],
            {
                "domain": self.month_domain,
                "grouping_sets": [
                    [],
                    ["category_id"],
                    ["received_date:month"],
                    ["category_id", "received_date:month"],
                ],
                "aggregates": ["nbr:sum"],
            },
        )

    def graph(self):
        self.rpc.call(
            ANALYSIS,
            "formatted_read_group",
            [],
            {
                "domain": self.month_domain,
                "groupby": ["received_date:month", "category_id"],
                "aggregates": ["nbr:sum"],
            },
        )

    def _aggregate(self, measure):
        if measure == "__count":
            return measure
        return f"{measure}:{self.aggregators.get(measure) or 'sum'}"

    def spreadsheet(self):
        r = self.rpc.s.get(
            f"{self.server.url}/spreadsheet/dashboard/data/{self.dashboard_id}",
            timeout=TIMEOUT,
        )
        if r.status_code != 200:
            raise RuntimeError(f"dashboard data HTTP {r.status_code}")
        data = r.json()["snapshot"]
        for pivot in data.get("pivots", {}).values():
            self.rpc.call(
                pivot["model"],
                "formatted_read_grouping_sets",
                [],
                {
                    "domain": pivot["domain"] + self.year_domain,
                    "grouping_sets": [[]],
                    "aggregates": [m["id"] for m in pivot["measures"]],
                },
            )
        for sheet in data["sheets"]:
            for figure in sheet.get("figures", []):
                chart = figure.get("data", {})
                if not chart.get("type", "").startswith("odoo_"):
                    continue
                meta = chart["metaData"]
                self.rpc.call(
                    meta["resModel"],
                    "formatted_read_group",
                    [],
                    {
                        "domain": chart["searchParams"]["domain"] + self.year_domain,
                        "groupby": meta["groupBy"],
                        "aggregates": [self._aggregate(meta["measure"])],
                    },
                )


class DashboardLoad:
    """The readers, their timings per phase and call kind, their errors."""

    def __init__(self, server, db, admin, run, clients, pause):
        self.login = create_manager(admin, run)
        dashboard_id = xmlid_res_id(
            admin, "iso10002_spreadsheet_dashboard", "dashboard_complaints"
        )
        self.readers = [
            DashboardReader(server, db, self.login, dashboard_id)
            for _ in range(max(clients, 1))
        ]
        self.clients, self.pause = clients, pause
        self.kinds = list(self.readers[0].kinds)
        self.times = {phase: {k: [] for k in self.kinds} for phase in PHASES}
        self.errors = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = []

    def _round(self, reader, phase):
        for kind, call in reader.kinds.items():
            t0 = time.perf_counter()
            try:
                call()
            except Exception as e:  # noqa: BLE001 - recorded and reported
                with self.lock:
                    self.errors.append(f"{phase} {kind}: {e}"[:300])
                continue
            with self.lock:
                self.times[phase][kind].append(time.perf_counter() - t0)

    def idle(self, phase, rounds):
        for _ in range(rounds):
            self._round(self.readers[0], phase)

    def _loop(self, reader):
        while not self.stop.is_set():
            self._round(reader, "during_intake")
            self.stop.wait(self.pause)

    def start(self):
        if not self.clients:
            return
        self.stop.clear()
        self.threads = [
            threading.Thread(target=self._loop, args=(r,), daemon=True)
            for r in self.readers
        ]
        for thread in self.threads:
            thread.start()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(TIMEOUT * 5)

    def figures(self):
        """What the manager reads (untimed): the KPIs' received count over
        the last 30 days, the analysis' count this month."""
        reader = self.readers[0]
        kpis = reader.rpc.call(
            "iso10002.complaint.kpi", "get_kpi_figures", reader.last_30
        )
        total = reader.rpc.call(
            ANALYSIS,
            "formatted_read_group",
            [],
            {"domain": reader.month_domain, "groupby": [], "aggregates": ["nbr:sum"]},
        )
        return {
            "kpi_received_count": kpis.get("received_count"),
            "analysis_this_month": total[0]["nbr:sum"] if total else 0,
        }

    def results(self):
        return {
            "user": self.login + " (complaints manager)",
            "clients": self.clients,
            "pause_s": self.pause,
            "spreadsheet_dashboard": "spreadsheet" in self.kinds,
            **{
                phase: {k: latency(v) for k, v in self.times[phase].items()}
                for phase in PHASES
            },
            "errors": self.errors[:20],
            "error_count": len(self.errors),
        }


def print_table(intake, dashboard):
    """The latency table of the intake and of the dashboard's reads."""
    rows = [("intake", "create (JSON-RPC)", intake["latency"]["rpc"])]
    rows.append(("intake", "public form (GET + POST)", intake["latency"]["form"]))
    for phase in PHASES if dashboard else ():
        for kind, figures in dashboard[phase].items():
            rows.append((phase.replace("_", " "), kind, figures))
    print(
        f"\nintake: {intake['acknowledged']} complaints in {intake['duration_s']} s, "
        f"{intake['throughput_per_s']} complaints/s"
    )
    print(
        f"{'phase':<14} {'call':<26} {'n':>6} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}"
    )
    for phase, kind, f in rows:
        cells = [
            f[k] if f[k] is not None else "-" for k in ("p50_ms", "p95_ms", "max_ms")
        ]
        print(
            f"{phase:<14} {kind:<26} {f['n']:>6} {cells[0]:>9} {cells[1]:>9} {cells[2]:>9}"
        )
    if dashboard:
        print(
            f"dashboard reader: {dashboard['user']}, errors: {dashboard['error_count']}, "
            f"figures after: {dashboard.get('figures_after')}"
        )
