"""Time to render the self-assessment report: one report, and 1 000 reports, beside honest baselines.

Usage: ``python benchmarks/bench_report.py [--windows 1000] [--rounds 5]``

Candidates, interleaved within each round (so that load on the machine hits them alike):

* ``evaluate``: ``std.evaluate(window)`` alone — what any use of a result costs;
* ``evaluate+explain``: the same plus ``result.explain("zh")`` (every criterion's sentence: the text a
  terminal shows) — the baseline a report must be compared with;
* ``evaluate+plan``: the same plus the rectification plans a report shows;
* ``evaluate+html``: ``report.html(std.evaluate(window), window)``, the whole printable page.

The first report of a process also builds the template environment (Jinja2 import and compilation), which
is timed apart as ``first report``. Prints the median and the spread (min–max) of the rounds for one
report and for the whole population, and the PDF time when Chromium is installed. Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_evaluate import population

import window_standard as ws


def first_report() -> float:
    """Seconds for the first report in a fresh interpreter (template environment built)."""
    code = (
        "import time, yaml, window_standard as ws\n"
        "from window_standard import report\n"
        "data = yaml.safe_load(open('tests/data/window-example.yaml', encoding='utf-8'))\n"
        "w = ws.Window.model_validate(data)\n"
        "r = ws.load_standard().evaluate(w)\n"
        "t = time.perf_counter(); report.html(r, w); print(time.perf_counter() - t)\n"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    return float(done.stdout)


def candidates(std: ws.Standard) -> dict[str, Callable[[ws.Window], Any]]:
    from window_standard import report
    from window_standard.report._context import plans

    return {
        "evaluate": lambda w: std.evaluate(w),
        "evaluate+explain": lambda w: std.evaluate(w).explain("zh"),
        "evaluate+plan": lambda w: plans(std.evaluate(w)),
        "evaluate+html": lambda w: report.html(std.evaluate(w), w, standard=std),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", type=int, default=1000, help="reports per round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    std = ws.load_standard()
    windows = population(args.windows)
    runs = candidates(std)
    for make in runs.values():  # warm every cache (templates, parameters, districts)
        make(windows[0])
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.rounds):
        for name, make in runs.items():
            start = time.perf_counter()
            for window in windows:
                make(window)
            times[name].append(time.perf_counter() - start)
    print(f"first report in a fresh process: {first_report() * 1000:.1f} ms (template environment built)")
    print(f"{args.windows} windows, {args.rounds} interleaved rounds; per report and per population:")
    for name, rounds in times.items():
        median = statistics.median(rounds)
        per = median / args.windows * 1000
        print(
            f"  {name:18} {per:7.3f} ms per report   {median:7.2f} s per {args.windows} "
            f"(spread {min(rounds):.2f}–{max(rounds):.2f} s)"
        )
    page = runs["evaluate+html"](windows[0])
    print(f"  report size: {len(page.encode('utf-8')) / 1024:.1f} KiB of HTML")
    from window_standard.report._pdf import find_browser

    if find_browser() is not None:
        from window_standard import report

        start = time.perf_counter()
        report.write_pdf(page, Path("/tmp/window-standard-bench.pdf"))
        print(f"  PDF through headless Chromium: {time.perf_counter() - start:.2f} s for one report")


if __name__ == "__main__":
    main()
