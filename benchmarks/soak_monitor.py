"""Soak the monitor: open, feed and close many subjects in sequence; report the RSS before and after.

Usage: ``python benchmarks/soak_monitor.py [--subjects N] [--live L] [--engine NAME] [--max-growth-mb M]``

Each subject is the example window, opened, fed one fact (rotating through the kinds of fact) and closed;
``--live`` subjects are kept open at once throughout (more than durable's 1024 live sessions). The RSS
(``/proc/self/statm``) is read after a warm-up of 1 000 subjects and at the end; the script exits 1 when it
grew by more than ``--max-growth-mb``. The issue's soak is ``--subjects 100000``; CI runs a bounded one.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

import yaml

import window_standard as ws
from window_standard.monitor import (
    ActivityHeld,
    ComplaintReceived,
    ComplaintResolved,
    IncidentConfirmed,
    Monitor,
    SurveyCompleted,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "window-example.yaml"
WARM_UP = 1000


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def facts(window: dict[str, Any]) -> list[Any]:
    return [
        SurveyCompleted(satisfied=True),
        ComplaintReceived(),
        ComplaintResolved(),
        ActivityHeld(date=window["lei_feng"]["activities"][0]["date"], kind="convenience_service"),
        IncidentConfirmed(kind="falsified_materials"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=100_000)
    parser.add_argument("--live", type=int, default=1100)
    parser.add_argument("--engine", default=None)
    parser.add_argument("--max-growth-mb", type=float, default=8.0)
    args = parser.parse_args(argv)
    window = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    monitor = Monitor(ws.load_standard(), engine=args.engine)
    for number in range(args.live):
        monitor.open(f"live-{number}", window)
    kinds = facts(window)
    start = time.perf_counter()
    before = 0.0
    events = 0
    for number in range(args.subjects):
        if number == min(WARM_UP, args.subjects // 2):
            before = rss_mb()
        subject = f"s-{number}"
        monitor.open(subject, window)
        if number % 5 == 2:  # a resolution needs a complaint first
            monitor.feed(subject, kinds[1])
        events += len(monitor.feed(subject, kinds[number % 5]))
        monitor.close(subject)
        if number and number % 10_000 == 0:
            print(f"  {number} subjects: RSS {rss_mb():.1f} MB", flush=True)
    after = rss_mb()
    seconds = time.perf_counter() - start
    growth = after - before
    print(
        f"engine {monitor.standard.engine}: {args.subjects} subjects opened, fed and closed in {seconds:.1f} s "
        f"({args.subjects / seconds:.0f}/s) beside {len(monitor)} live ones; {events} events; "
        f"RSS after warm-up {before:.1f} MB, at the end {after:.1f} MB (growth {growth:+.1f} MB)"
    )
    return 0 if growth <= args.max_growth_mb else 1


if __name__ == "__main__":
    sys.exit(main())
