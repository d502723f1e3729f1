# Copyright 2026 ISO 10002 for Odoo contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared parts of the benchmarks of bench.py: targets, the meter (time and
queries of a callable), measures in turns, an undone block, the table at
volume."""

import statistics
import time
from contextlib import contextmanager

TARGETS = {
    "create_ratio": 1.25,
    "stage_ratio": 1.2,
    "kpi_100k_s": 1.5,
    "portal_s": 0.3,
}
# issue 14: at 1,000,000 complaints
VOLUME_TARGETS = {"kpi": 0.5, "review": 1.0, "pivot": 0.5, "pivot_view": 0.5}
# the pivot view's default grouping sets (categories x months)
PIVOT_SETS = [
    [],
    ["category_id"],
    ["received_date:month"],
    ["category_id", "received_date:month"],
]


class Meter:
    """Times and counts the queries of a callable."""

    def __init__(self, env):
        self.env = env

    def once(self, func):
        cr = self.env.cr
        self.env.flush_all()
        cr.precommit.run()
        self.env.flush_all()
        start_q = cr.sql_log_count
        start = time.perf_counter()
        func()
        # tracking values and followers are written at pre-commit: count them
        self.env.flush_all()
        cr.precommit.run()
        self.env.flush_all()
        elapsed = time.perf_counter() - start
        return elapsed, cr.sql_log_count - start_q

    def paired(self, funcs, reps, warmup=1):
        """:func:`paired` for functions of this meter's database."""
        return paired([(self, func) for func in funcs], reps, warmup)

    def median(self, func, reps, warmup=1):
        for _ in range(warmup):
            self.once(func)
        runs = [self.once(func) for _ in range(reps)]
        return (
            statistics.median(r[0] for r in runs),
            statistics.median(r[1] for r in runs),
        )


def paired(measures, reps, warmup=1):
    """Medians (time, queries) of each ``(meter, func)``, measured in turns
    (a, b, a, b, ...) so that a drift of the machine's speed weighs on all
    alike; the meters may belong to different databases."""
    for _ in range(warmup):
        for meter, func in measures:
            meter.once(func)
    runs = [[] for _ in measures]
    for _ in range(reps):
        for index, (meter, func) in enumerate(measures):
            runs[index].append(meter.once(func))
    return [
        (
            statistics.median(r[0] for r in kind_runs),
            statistics.median(r[1] for r in kind_runs),
        )
        for kind_runs in runs
    ]


@contextmanager
def savepoint(env):
    """Run a block and undo it (the caches are invalidated)."""
    with env.cr.savepoint(flush=True) as sp:
        yield
        env.flush_all()
        env.cr.precommit.clear()
        # after-commit callbacks of rolled-back records
        env.cr.postcommit.clear()
        sp.rollback()
    env.invalidate_all()


def print_volume_table(volume):
    """The figures at volume side by side: time, queries and the ratio of the
    time to that at the smallest size, with issue 14's targets at 1M."""
    if not volume:
        return
    sizes = sorted(volume)
    print(f"\n{'at volume':<10}" + "".join(f"{size:>26,}" for size in sizes))
    for what in ("kpi", "review", "pivot", "pivot_view"):
        base = volume[sizes[0]].get(what, (None,))[0]
        cells = []
        for size in sizes:
            t, q = volume[size].get(what, (float("nan"), "-"))
            ratio = f"x{t / base:.1f}" if base else ""
            cells.append(f"{t:8.3f} s {q:>3} q {ratio:>7}")
        target = VOLUME_TARGETS[what]
        last = volume[sizes[-1]].get(what, (float("nan"),))[0]
        status = ("OK" if last <= target else "MISSED") if sizes[-1] >= 1000000 else ""
        print(
            f"{what:<10}"
            + "".join(f"{cell:>26}" for cell in cells)
            + f"   target at 1M <= {target} s {status}"
        )
    print(flush=True)
