"""Population scale: the columnar engine against the compiled engine, side by side in one run.

Usage: ``python benchmarks/bench_columnar.py [--windows N] [--rounds R] [--sweep-values K]``

It builds a synthetic population (``window_standard.analysis.synthetic_population``, profile ``dated``:
assessment dates 2013–2021, so dated parameters give several parameter groups), checks that the columnar
and compiled engines give identical statuses, points, totals and levels on every window (a benchmark of
functions that compute different things would measure nothing), then times, in interleaved rounds (the
order rotating between rounds):

* ``columnar table, Window objects``: ``std.evaluate_table(windows)`` (validated windows in, ResultTable out);
* ``columnar table, dicts``: ``std.evaluate_table(documents)`` including validation into ``Window``;
* ``columnar table, DataFrame``: ``std.evaluate_table(frame)`` from the flat layout (rows → documents →
  validation → columns);
* ``compiled evaluate_many``: ``compiled.evaluate_many(windows, explain=False)`` (Result objects);
* ``compiled table``: ``compiled.evaluate_table(windows)`` (the same ResultTable, window by window);
* ``evaluate loop``: ``[compiled.evaluate(w) for w in windows]``, the plain loop.

Slow candidates run on a slice of the population (``--slow-windows``) and are reported per window. Then
the peak memory (tracemalloc) of one columnar table, a 10-value threshold sweep and a 10-value sweep of
``satisfaction_full``. It prints windows per second: best round, median and range. Nothing asserts a timing.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import window_standard as ws
from window_standard import analysis
from window_standard._analysis.flat import from_document


def _frame(population: list[ws.Window]) -> Any:
    import pandas as pd

    rows = [from_document(w) for w in population]
    frame = pd.DataFrame([row for row, _ in rows])
    frame.attrs["activities"] = pd.DataFrame([a for _, acts in rows for a in acts])
    return frame


def _check(columnar: ws.Standard, compiled: ws.Standard, population: list[ws.Window]) -> None:
    fast, slow = columnar.evaluate_table(population), compiled.evaluate_table(population)
    for name in ("status", "points", "category", "total", "blocked", "level"):
        if not (getattr(fast.arrays, name) == getattr(slow.arrays, name)).all():
            sys.exit(f"the engines disagree on {name}: nothing to compare")
    exact = len(
        columnar._prepared.outcomes(
            population, [columnar._resolved(w.assessed_on)[0] for w in population]
        ).exact
    )  # type: ignore[attr-defined]
    print(f"checked {len(population)} windows: identical; {exact} recomputed exactly (unsure rows)")


def _time(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _report(name: str, count: int, times: list[float]) -> None:
    rates = sorted(count / t for t in times)
    print(
        f"{name:34s} best {rates[-1]:>11,.0f}/s  median {statistics.median(rates):>11,.0f}/s  "
        f"range {rates[0]:,.0f}–{rates[-1]:,.0f}/s  ({count} windows)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", type=int, default=100_000)
    parser.add_argument("--slow-windows", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sweep-values", type=int, default=10)
    args = parser.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cpus")
    start = time.perf_counter()
    population = analysis.synthetic_population(args.windows, seed=1, profile="dated")
    print(f"synthetic population of {args.windows}: {time.perf_counter() - start:.1f} s")
    documents = [w.model_dump(mode="python") for w in population]
    frame = _frame(population)
    compiled = ws.load_standard()
    columnar = compiled.with_engine("columnar")
    _check(columnar, compiled, population[: args.slow_windows])
    slow = population[: args.slow_windows]
    candidates: list[tuple[str, int, Callable[[], Any]]] = [
        ("columnar table, Window objects", len(population), lambda: columnar.evaluate_table(population)),
        ("columnar table, dicts", len(documents), lambda: columnar.evaluate_table(documents)),
        ("columnar table, DataFrame", len(frame), lambda: columnar.evaluate_table(frame)),
        ("compiled evaluate_many", len(slow), lambda: compiled.evaluate_many(slow, explain=False)),
        ("compiled table", len(slow), lambda: compiled.evaluate_table(slow)),
        ("evaluate loop", len(slow), lambda: [compiled.evaluate(w) for w in slow]),
    ]
    times: dict[str, list[float]] = {name: [] for name, _, _ in candidates}
    for round_ in range(args.rounds):
        order = candidates[round_ % len(candidates) :] + candidates[: round_ % len(candidates)]
        for name, _, fn in order:
            times[name].append(_time(fn))
    for name, count, _ in candidates:
        _report(name, count, times[name])
    best = {name: max(count / t for t in times[name]) for name, count, _ in candidates}
    print(
        f"columnar (objects) / compiled evaluate_many: "
        f"{best['columnar table, Window objects'] / best['compiled evaluate_many']:.1f}x"
    )
    tracemalloc.start()
    columnar.evaluate_table(population)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak memory of one columnar table over {len(population)} windows: {peak / 2**20:.0f} MiB")
    table = columnar.evaluate_table(population)
    thresholds = [Decimal(80 + k) for k in range(args.sweep_values)]
    elapsed = _time(lambda: analysis.sweep(columnar, "pass_threshold", thresholds, table))
    print(f"threshold sweep, {len(thresholds)} values × {len(population)} windows: {elapsed:.2f} s")
    fulls = [Decimal("0.80") + Decimal("0.02") * k for k in range(args.sweep_values)]
    elapsed = _time(lambda: analysis.sweep(columnar, "satisfaction_full", fulls, population))
    print(f"satisfaction_full sweep, {len(fulls)} values × {len(population)} windows: {elapsed:.2f} s")


if __name__ == "__main__":
    main()
