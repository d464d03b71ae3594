"""Evaluations per second: the compiled engine against a hand-written scorer, side by side in one run.

Usage: ``python benchmarks/bench_evaluate.py [--windows N] [--seconds S]``

It builds a deterministic population of varied windows (mutations of the example window), checks that the
hand-written scorer and the engine agree on every window (level, total, points per criterion) — a benchmark
of two functions that compute different things would measure nothing — and then times, interleaved:

* ``handwritten``: ``benchmarks/handwritten.py`` (plain Python, no explanations);
* ``engine, explain=False``: ``Standard.evaluate(window, explain=False)`` (full Result, no texts);
* ``engine, explain=True``: ``Standard.evaluate(window)`` (full Result with zh/en explanations).

Ratios are reported against the hand-written scorer. Nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import handwritten  # noqa: E402

import window_standard as ws  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "data" / "window-example.yaml"
KINDS = [
    "convenience_service",
    "environment_cleanup",
    "order_keeping",
    "elderly_disabled_help",
    "other_volunteer",
    "neighbourly_care",
    "mutual_help",
    "civility_persuasion",
    "etiquette_training",
    "etiquette_contest",
    "moral_lecture",
    "thrift_promotion",
    "policy_publicity",
]


def mutate(base: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A varied but valid window: counts, displays, activities, optional data and window kind change."""
    w = copy.deepcopy(base)
    staff = w["staff"]
    staff["headcount"] = head = rng.randint(1, 12)
    for key in ("in_uniform", "with_badge", "certified"):
        staff[key] = rng.choice([head, head, max(0, head - 1), rng.randint(0, head)])
    staff["etiquette_training_hours"] = rng.randint(0, 12 * head)
    staff["conduct_violations"] = rng.choice([0, 0, 0, 1, 3])
    env = w["environment"]
    env["displays"] = rng.sample(env["displays"], rng.choice([8, 9, 10, 10, 10]))
    env["facilities"] = rng.sample(env["facilities"], rng.randint(2, len(env["facilities"])))
    w["kind"] = rng.choice(
        ["customer_service_centre", "business_acceptance_centre", "repair_service_station"]
    )
    w["process"]["emergency_response_minutes"] = rng.choice([None, 15, 30, 45, 90])
    w["process"]["weekly_opening_hours"] = rng.choice([None, 35, 40, 56])
    sampled = rng.randint(20, 200)
    satisfied = rng.randint(int(sampled * 0.8), sampled)
    w["quality"]["survey"] = rng.choice(
        [None, {"sampled": sampled, "satisfied": satisfied}]
        + [{"sampled": sampled, "satisfied": satisfied}] * 3
    )
    requested = rng.choice([0, 50, 300])
    w["quality"]["repairs"] = {
        "requested": requested,
        "on_time": rng.randint(int(requested * 0.9), requested),
        "reworked": rng.randint(0, requested // 20),
        "called_back": rng.randint(0, requested),
    }
    received = rng.randint(0, 20)
    w["quality"]["complaints"] = {
        "received": received,
        "resolved": rng.randint(max(0, received - 3), received),
        "valid_confirmed": rng.choice([0] * 9 + [1]) if received else 0,
    }
    start = date(2013, 2, 20)
    w["lei_feng"]["activities"] = [
        {
            "date": start + timedelta(days=rng.randint(0, 240)),
            "kind": rng.choice(KINDS),
            "title": "活动",
            "participants": rng.randint(1, 20),
            "owner_participants": rng.randint(0, 10),
        }
        for _ in range(rng.randint(0, 6))
    ] + [
        {
            "date": date(2013, 3, 5) + timedelta(days=7 * i),
            "kind": kind,
            "title": "活动",
            "participants": 5,
            "owner_participants": 4,
        }
        for i, kind in enumerate(rng.sample(KINDS, rng.randint(4, 13)))
    ]
    w["lei_feng"]["moral_lecture_hall"] = rng.random() < 0.3
    w["district"] = rng.choice(["510107", "510104", "510105", "gaoxin", "510185"])
    return w


def agree(std: ws.Standard, window: ws.Window) -> None:
    """Fail loudly unless the engine and the hand-written scorer give the same decision."""
    result = std.evaluate(window, explain=False)
    hand = handwritten.score(window, std.parameters_on(window.assessed_on))
    engine_points = {c.id: c.points for c in result.criteria.values() if c.kind == "scored"}
    problems = []
    if (result.level, result.score, result.bonus) != (hand["level"], hand["total"], hand["bonus"]):
        problems.append(
            f"level/total/bonus {result.level} {result.score} {result.bonus} vs "
            f"{hand['level']} {hand['total']} {hand['bonus']}"
        )
    problems += [
        f"{cid}: {engine_points[cid]} vs {hand['points'][cid]}"
        for cid in engine_points
        if engine_points[cid] != hand["points"][cid]
    ]
    if (result.prerequisites, result.vetoes) != (hand["gates"], hand["vetoes"]):
        problems.append(
            f"gates/vetoes {result.prerequisites} {result.vetoes} vs {hand['gates']} {hand['vetoes']}"
        )
    if problems:
        raise SystemExit(f"engine and hand-written scorer disagree on {window.id}: " + "; ".join(problems))


def rate(func: Callable[[ws.Window], Any], windows: list[ws.Window], seconds: float) -> float:
    """Evaluations per second of ``func`` over the population, for about ``seconds``."""
    done, began = 0, time.perf_counter()
    while True:
        for window in windows:
            func(window)
        done += len(windows)
        elapsed = time.perf_counter() - began
        if elapsed >= seconds:
            return done / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", type=int, default=200, help="population size")
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement round")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the best is reported")
    args = parser.parse_args()

    std = ws.load_standard()
    base = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    rng = random.Random(20130312)
    windows = [ws.Window.model_validate({**mutate(base, rng), "id": f"w{i}"}) for i in range(args.windows)]
    for window in windows:
        agree(std, window)
    levels = {
        lv: sum(1 for w in windows if std.evaluate(w, explain=False).level == lv)
        for lv in ("meets", "rectify", "fails")
    }
    print(
        f"{std.id} {std.version} ({len(std.criteria)} rules), {len(windows)} windows {levels}; "
        "engine and hand-written scorer agree on every window"
    )

    candidates: dict[str, Callable[[ws.Window], Any]] = {
        "handwritten": lambda w: handwritten.score(w, std.parameters_on(w.assessed_on)),
        "engine, explain=False": lambda w: std.evaluate(w, explain=False),
        "engine, explain=True": lambda w: std.evaluate(w),
    }
    best = dict.fromkeys(candidates, 0.0)
    for _ in range(args.rounds):
        for name, func in candidates.items():
            best[name] = max(best[name], rate(func, windows, args.seconds))
    base_rate = best["handwritten"]
    for name, value in best.items():
        print(f"{name:24s} {value:10.0f} evaluations/s   {base_rate / value:5.2f}x the hand-written time")


if __name__ == "__main__":
    main()
