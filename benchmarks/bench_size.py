"""Result size: memory retained per result, and the JSON size of the example window's result.

Usage: ``python benchmarks/bench_size.py [--windows N]``

Memory: ``tracemalloc`` measures what a list of N results of the benchmark population retains, divided by
N, for ``evaluate(window, explain=False)``, for ``evaluate(window)``, and for ``evaluate(window)`` after
``explain("zh")`` and ``explain("en")`` were called on every criterion (what a lazily rendering result
would then hold). The population is evaluated once before measuring, so caches filled on first use are not
counted. JSON: the UTF-8 size of ``result.model_dump_json()`` (full) and ``std.compact_json(result)``
(compact) for ``tests/data/window-example.yaml``. Prints
plain lines; asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_evaluate import base_window, population

import window_standard as ws


def retained(make: Callable[[Any], Any], windows: list[Any]) -> float:
    """Bytes retained per item by ``[make(w) for w in windows]``."""
    for window in windows:  # fill caches first
        make(window)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [make(w) for w in windows]
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del kept
    return (after - before) / len(windows)


def rendered(std: ws.Standard) -> Callable[[ws.Window], Any]:
    def make(window: ws.Window) -> Any:
        result = std.evaluate(window)
        for c in result.criteria.values():
            c.explain("zh")
            c.explain("en")
        return result

    return make


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", type=int, default=500, help="results kept in the list")
    args = parser.parse_args(argv)

    std = ws.load_standard()
    windows = population(args.windows, edges=False)
    variants: dict[str, Callable[[ws.Window], Any]] = {
        "explain=False": lambda w: std.evaluate(w, explain=False),
        "explain=True": lambda w: std.evaluate(w),
        "explain=True, zh+en rendered": rendered(std),
    }
    print(f"memory retained per result (tracemalloc, a list of {len(windows)} results):")
    for name, make in variants.items():
        print(f"  {name:30s} {retained(make, windows) / 1024:8.1f} KiB")
    example = ws.Window.model_validate(base_window())
    for explain in (True, False):
        result = std.evaluate(example, explain=explain)
        for form, text in (("full", result.model_dump_json()), ("compact", std.compact_json(result))):
            print(
                f"JSON ({form}) of the example window's result, explain={explain}: "
                f"{len(text.encode('utf-8'))} bytes ({len(text)} characters)"
            )


if __name__ == "__main__":
    main()
