"""Per-window evaluation time: the engine against hand-written scorers, side by side in one run.

Usage: ``python benchmarks/bench_evaluate.py [--windows N] [--check N] [--seconds S] [--rounds R]
[--only evaluate]``

It builds a deterministic population of varied windows (mutations of ``tests/data/window-example.yaml``,
with edge cases: missing data, zero headcounts and denominators, every window kind, thresholds hit exactly,
assessment dates across the dated parameters), checks that both hand-written scorers and the engine agree
on every window of a larger population (points and no-data/not-applicable per criterion, failed
prerequisites, fired vetoes, bonus, total, level) — a benchmark of functions that compute different things
would measure nothing — and then times, in interleaved rounds (every round gives each candidate
``--seconds``, in slices of at most 0.25 s taken in turn, the order rotating between rounds):

* ``handwritten``: :func:`handwritten.score`, Decimal points, over ``window.model_dump()`` dicts;
* ``handwritten, int cents``: :func:`handwritten.score_cents`, integer hundredths, same dicts, same result;
* ``engine, explain=False``: ``Standard.evaluate(window, explain=False)``;
* ``engine, explain=True``: ``Standard.evaluate(window)`` (explanations available);
* ``engine + render zh``: ``Standard.evaluate(window)`` then ``c.explain("zh")`` for every criterion —
  only public calls, so it measures the same work if results render their explanations lazily.

For each it prints µs per window: the best round, the median and the range over rounds, and the ratios of
best and median to the hand-written floors. Validation (dict → ``Window``) and ``model_dump`` are outside
every timing. Then it runs ``bench_startup.py`` and ``bench_size.py`` (``--only evaluate`` skips them).
Nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import handwritten

import window_standard as ws

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "data" / "window-example.yaml"
#: The edition the hand-written scorers encode (handwritten.py is 1.0.0; 2.0.0 is not hand-written yet).
EDITION_VERSION = "1.0.0"
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
WINDOW_KINDS = [
    "customer_service_centre",
    "business_acceptance_centre",
    "repair_emergency_centre",
    "repair_service_station",
]
# assessment dates on both sides of every change of the dated parameter chengdu_divisions, and before it
DATES = [
    date(2012, 12, 31),
    date(2013, 3, 12),
    date(2015, 12, 2),
    date(2015, 12, 3),
    date(2016, 5, 16),
    date(2016, 12, 5),
    date(2020, 4, 28),
    date(2020, 6, 18),
    date(2024, 1, 1),
]
# districts whose membership changes with the date (510124 → 510117, 510185 and dongbu added, 510132 → 510118)
DISTRICTS = ["510107", "510104", "510105", "gaoxin", "510185", "510124", "510117", "510118", "510132",
             "dongbu", "tianfu", "510199"]  # fmt: skip

BOOLEANS = [
    ("environment", "signage"),
    ("environment", "clean_and_tidy"),
    ("environment", "no_smoking"),
    ("environment", "accessible_entrance"),
    ("staff", "courteous_language"),
    ("process", "first_inquiry_responsibility"),
    ("process", "one_time_notification"),
    ("process", "time_limits_published"),
    ("process", "weekend_duty"),
    ("process", "repair_intake_24h"),
]
PERIOD_EDGES = [date(2013, 2, 28), date(2013, 3, 1), date(2013, 9, 30), date(2013, 10, 1)]


def base_window() -> dict[str, Any]:
    """The example window as a plain document."""
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return data


def mutate(base: dict[str, Any], rng: random.Random, *, edges: bool = True) -> dict[str, Any]:
    """A varied but valid window: counts, displays, activities, optional data and window kind change.

    With ``edges`` most windows also get one or more edge cases, each with a small chance: missing data,
    zero headcounts and denominators, thresholds hit exactly, every window kind, other assessment dates
    and districts, period boundaries, gates and vetoes. Without, the rng draws are exactly those of the
    earlier benchmark, so the timed population stays the same 200 windows.
    """
    w = copy.deepcopy(base)

    def edge(chance: float = 0.06) -> bool:
        return edges and rng.random() < chance

    staff = w["staff"]
    staff["headcount"] = head = 0 if edge(0.04) else rng.randint(1, 12)
    for key in ("in_uniform", "with_badge", "certified"):
        staff[key] = rng.choice([head, head, max(0, head - 1), rng.randint(0, head)])
    if edge(0.1):  # exactly 80 % / 50 % certified
        head = 10
        staff.update(headcount=head, in_uniform=head, with_badge=head, certified=rng.choice([8, 5, 7, 4]))
    staff["etiquette_training_hours"] = rng.randint(0, 12 * head)
    if edge(0.1):  # fractional hours, on and off the thresholds
        staff["etiquette_training_hours"] = Decimal(rng.choice(["47.5", "48", "24", "23.99", "0.5"]))
    staff["conduct_violations"] = rng.choice([0, 0, 0, 1, 3]) if not edge(0.05) else 40
    if edge():
        for key in rng.sample(sorted(staff), rng.randint(1, 3)):
            staff[key] = None
    env = w["environment"]
    env["displays"] = rng.sample(env["displays"], rng.choice([8, 9, 10, 10, 10]))
    env["facilities"] = rng.sample(env["facilities"], rng.randint(2, len(env["facilities"])))
    if edge():
        env["displays"] = rng.sample(base["environment"]["displays"], rng.randint(0, 7))
    if edge():
        env["facilities"] = rng.choice([[], ["seating"], [*env["facilities"], "umbrellas", "other"]])
    if edge():
        for key in rng.sample(sorted(env), rng.randint(1, 3)):
            env[key] = None
    w["kind"] = rng.choice(
        ["customer_service_centre", "business_acceptance_centre", "repair_service_station"]
    )
    if edge(0.1):
        w["kind"] = rng.choice([*WINDOW_KINDS, "other"])
        if w["kind"] == "other":
            w["kind_other"] = "物业服务点"
    proc = w["process"]
    proc["emergency_response_minutes"] = rng.choice([None, 15, 30, 45, 90])
    proc["weekly_opening_hours"] = rng.choice([None, 35, 40, 56])
    if edge():
        proc["emergency_response_minutes"] = Decimal(rng.choice(["30.5", "60", "60.01", "0"]))
        proc["weekly_opening_hours"] = Decimal(rng.choice(["39.5", "40.0", "168"]))
        proc["complaint_reply_hours"] = Decimal(rng.choice(["24.01", "24", "0", "72"]))
    if edge():
        proc["logs"] = rng.choice([None, [], ["duty"], ["repair", "complaint", "callback"]])
    if edge():
        for key in rng.sample(sorted(proc), rng.randint(1, 4)):
            proc[key] = None
    sampled = rng.randint(20, 200)
    satisfied = rng.randint(int(sampled * 0.8), sampled)
    w["quality"]["survey"] = rng.choice(
        [None, {"sampled": sampled, "satisfied": satisfied}]
        + [{"sampled": sampled, "satisfied": satisfied}] * 3
    )
    if edge(0.1):  # exact thresholds, empty and small samples against the number of households
        w["quality"]["survey"] = rng.choice(
            [
                {"sampled": 100, "satisfied": 90},
                {"sampled": 100, "satisfied": 80},
                {"sampled": 50, "satisfied": 44},
                {"sampled": 0, "satisfied": 0},
                {"sampled": 30, "satisfied": 30},
            ]
        )
        w["project"]["households"] = rng.choice([None, 0, 30, 40, 1200])
    requested = rng.choice([0, 50, 300])
    if edge(0.1):
        requested = rng.choice([50, 100])
        w["quality"]["repairs"] = {  # 98 % / 95 % on time, 1 % reworked, 90 % / 70 % called back, exactly
            "requested": requested,
            "on_time": rng.choice([requested * 98 // 100, requested * 95 // 100, requested * 94 // 100]),
            "reworked": rng.choice([requested // 100, requested // 100 + 1]),
            "called_back": rng.choice([requested * 9 // 10, requested * 7 // 10, requested * 7 // 10 - 1]),
        }
    else:
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
    if edge():
        w["quality"]["complaints"] = {"received": 3, "resolved": rng.choice([0, 1, 2]), "valid_confirmed": 0}
    if edge():
        for key in rng.sample(["survey", "complaints", "repairs"], rng.randint(1, 3)):
            w["quality"][key] = None
    start = date(2013, 2, 20)
    lf = w["lei_feng"]
    lf["activities"] = [
        {
            "date": start + timedelta(days=rng.randint(0, 240)),
            "kind": rng.choice(KINDS),
            "title": "活动",
            "participants": rng.randint(1, 20),
            "owner_participants": rng.randint(0, 10) if not edge(0.05) else None,
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
    if edge():  # on the edges of the campaign period
        for a in lf["activities"][:3]:
            a["date"] = rng.choice(PERIOD_EDGES)
    if edge():
        lf["activities"] = rng.choice([None, []])
    if edge():
        lf["volunteer_team"] = rng.choice(
            [
                None,
                {"established_on": date(2013, 10, 1), "members": 12},
                {"established_on": date(2013, 9, 30), "members": 5},
                {"established_on": date(2013, 3, 1), "members": 4},
            ]
        )
    if edge():
        lf["publicity_platforms"] = rng.choice(
            [None, [], ["other"], ["bulletin_board", "electronic_screen", "community_forum"]]
        )
    if edge():
        lf["reports_to_association"] = rng.choice([None, [], [date(2013, 10, 1)], [date(2013, 9, 30)]])
    lf["moral_lecture_hall"] = rng.random() < 0.3 if not edge() else None
    w["district"] = rng.choice(["510107", "510104", "510105", "gaoxin", "510185"])
    if edge(0.1):
        w["district"] = rng.choice(DISTRICTS)
        w["assessed_on"] = rng.choice(DATES)
    if edge(0.15):
        for section, key in rng.sample(BOOLEANS, rng.randint(1, 3)):
            w[section][key] = rng.choice([False, False, None])
    org = w["organisation"]
    if edge():
        choice = rng.randrange(4)
        if choice == 0:
            org["kind"] = rng.choice([None, "other_manager"])
        elif choice == 1:
            org["engaged_for_area"] = rng.choice([None, False])
        else:
            org["campaign_plan_adopted_on"] = rng.choice([None, date(2013, 6, 21), date(2013, 6, 20)])
    if edge():
        incidents = w["incidents"]
        incidents[rng.choice(sorted(incidents))] = rng.choice([None, True])
    return w


def population(count: int, seed: int = 20130312, *, edges: bool = True) -> list[ws.Window]:
    """``count`` validated windows, the same ones on every run for a given seed."""
    base, rng = base_window(), random.Random(seed)
    return [ws.Window.model_validate({**mutate(base, rng, edges=edges), "id": f"w{i}"}) for i in range(count)]


class Floor:
    """The hand-written scorers' inputs: windows as dicts, parameters prepared once per assessment date."""

    def __init__(self, std: ws.Standard) -> None:
        self.std = std
        self.params: dict[date, handwritten.Params] = {}

    def prepared(self, on: date) -> handwritten.Params:
        if on not in self.params:
            self.params[on] = handwritten.prepare(self.std.parameters_on(on))
        return self.params[on]


def expected(result: Any) -> dict[str, Any]:
    """The engine's result in the hand-written scorers' shape."""
    points: dict[str, Any] = {}
    for c in result.criteria.values():
        if c.kind == "scored":
            status = c.status
            points[c.id] = "n/a" if status == "not_applicable" else None if status == "no_data" else c.points
    return {
        "points": points,
        "gates": list(result.prerequisites),
        "vetoes": list(result.vetoes),
        "bonus": result.bonus,
        "total": result.score,
        "level": result.level,
    }


def disagreements(std: ws.Standard, floor: Floor, window: ws.Window) -> list[str]:
    """What the engine and each hand-written scorer compute differently for one window (empty: agree)."""
    want = expected(std.evaluate(window, explain=False))
    data = window.model_dump()
    params = floor.prepared(window.assessed_on)
    problems = []
    for name, scorer in (("score", handwritten.score), ("score_cents", handwritten.score_cents)):
        got = scorer(data, params)
        for key in ("level", "total", "bonus", "gates", "vetoes"):
            if got[key] != want[key]:
                problems.append(f"{name} {key}: engine {want[key]} vs {got[key]}")
        if set(got["points"]) != set(want["points"]):
            problems.append(f"{name}: criteria {sorted(set(got['points']) ^ set(want['points']))} differ")
        for cid, value in want["points"].items():
            mine = got["points"].get(cid)
            same = mine == value and type(mine) is type(value)
            if not same or (isinstance(mine, Decimal) and mine.as_tuple().exponent != -2):
                problems.append(f"{name} {cid}: engine {value!r} vs {mine!r}")
        for key in ("total", "bonus"):
            if got[key].as_tuple().exponent != -2:
                problems.append(f"{name} {key} {got[key]!r} is not a two-place Decimal")
    return problems


def agree(std: ws.Standard, floor: Floor, windows: list[ws.Window]) -> None:
    """Fail loudly unless the engine and the hand-written scorers decide every window alike."""
    for window in windows:
        problems = disagreements(std, floor, window)
        if problems:
            raise SystemExit(f"engine and hand-written scorers differ on {window.id}: {'; '.join(problems)}")


def run(func: Callable[[Any], Any], items: list[Any], seconds: float) -> tuple[float, int]:
    """Seconds spent and calls made running whole passes of ``func`` over ``items`` for about ``seconds``."""
    done, began = 0, time.perf_counter()
    while True:
        for item in items:
            func(item)
        done += len(items)
        elapsed = time.perf_counter() - began
        if elapsed >= seconds:
            return elapsed, done


def rounds(candidates: dict[str, tuple[Callable[[Any], Any], list[Any]]], count: int, seconds: float,
           slice_seconds: float = 0.25) -> dict[str, list[float]]:  # fmt: skip
    """µs per call of every candidate in each of ``count`` rounds.

    A round gives every candidate about ``seconds``, in slices of at most ``slice_seconds`` taken in turn
    (the order rotates every round), so a burst of load from elsewhere on the machine hits all alike.
    """
    names = list(candidates)
    slices = max(1, round(seconds / min(seconds, slice_seconds)))
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(count):
        order = names[r % len(names) :] + names[: r % len(names)]
        spent = {name: [0.0, 0] for name in names}
        for _ in range(slices):
            for name in order:
                func, items = candidates[name]
                elapsed, done = run(func, items, seconds / slices)
                spent[name][0] += elapsed
                spent[name][1] += done
        for name in names:
            times[name].append(spent[name][0] / spent[name][1] * 1e6)
    return times


def render_zh(std: ws.Standard) -> Callable[[ws.Window], list[str]]:
    def run(window: ws.Window) -> list[str]:
        result = std.evaluate(window)
        return [c.explain("zh") for c in result.criteria.values()]

    return run


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", type=int, default=200, help="size of the timed population")
    parser.add_argument("--check", type=int, default=2000, help="size of the agreement-checked population")
    parser.add_argument("--seconds", type=float, default=2.0, help="time per candidate per round")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--only", choices=["evaluate", "all"], default="all", help="skip startup and size")
    args = parser.parse_args(argv)

    std = ws.load_standard("cdpma-window-2013", version=EDITION_VERSION)
    floor = Floor(std)
    began = time.perf_counter()
    checked = population(args.check, seed=2013)
    agree(std, floor, checked)
    windows = population(args.windows, edges=False)
    agree(std, floor, windows)
    levels = {lv: 0 for lv in ("meets", "rectify", "fails")}
    for window in windows:
        levels[std.evaluate(window, explain=False).level] += 1
    print(
        f"{std.id} {std.version} ({len(std.criteria)} rules): engine, handwritten.score and "
        f"handwritten.score_cents agree on all {len(checked) + len(windows)} windows "
        f"({time.perf_counter() - began:.1f} s, {len(checked)} with edge cases); timed population: "
        f"{len(windows)} windows without edge cases {levels}"
    )
    print(
        f"python {platform.python_version()}, {os.cpu_count()} cpus, load average "
        + " ".join(f"{x:.2f}" for x in os.getloadavg())
        + f"; {args.rounds} interleaved rounds of {args.seconds:g} s per candidate (slices ≤ 0.25 s)"
    )

    dicts = [w.model_dump() for w in windows]
    for d in dicts:
        floor.prepared(d["assessed_on"])
    params = floor.params
    score, score_cents = handwritten.score, handwritten.score_cents
    candidates: dict[str, tuple[Callable[[Any], Any], list[Any]]] = {
        "handwritten": (lambda d: score(d, params[d["assessed_on"]]), dicts),
        "handwritten, int cents": (lambda d: score_cents(d, params[d["assessed_on"]]), dicts),
        "engine, explain=False": (lambda w: std.evaluate(w, explain=False), windows),
        "engine, explain=True": (lambda w: std.evaluate(w), windows),
        "engine + render zh": (render_zh(std), windows),
    }
    for func, items in candidates.values():  # warm every cache once
        for item in items:
            func(item)
    times = rounds(candidates, args.rounds, args.seconds)
    names = list(candidates)
    floors = {name: (min(times[name]), statistics.median(times[name])) for name in names[:2]}
    print(
        f"{'µs per window':24s} {'best':>8s} {'median':>8s} {'min–max':>15s}"
        f" {'× handwritten':>15s} {'× int cents':>13s}   (ratios: best, median)"
    )
    for name in names:
        best, median = min(times[name]), statistics.median(times[name])
        spread = f"{min(times[name]):.1f}–{max(times[name]):.1f}"
        ratios = [f"{best / f_best:5.2f} {median / f_median:5.2f}" for f_best, f_median in floors.values()]
        print(f"{name:24s} {best:8.1f} {median:8.1f} {spread:>15s} {ratios[0]:>15s} {ratios[1]:>13s}")

    if args.only == "all":
        import bench_size
        import bench_startup

        bench_startup.main(["--runs", "5"])
        bench_size.main(["--windows", "200"])


if __name__ == "__main__":
    main()
