"""The hand-written scorers of ``benchmarks/`` compute what the engine computes (the benchmark's premise).

Both ``handwritten.score`` and ``handwritten.score_cents`` must give, for every window, the engine's
points per criterion (with no data and not applicable told apart), failed prerequisites, fired vetoes,
bonus, total and level, as two-place Decimals: over a generated population full of edge cases, over the
window of every golden case, and under parameter variants off the half-point grid.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import window_standard as ws
from window_standard._golden import load_suite

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
# The hand-written scorers encode edition 1.0.0 (benchmarks/handwritten.py): pinned explicitly.
RULES = Path(__file__).resolve().parents[2] / "rules" / "cdpma-window-2013-1.0.0"
sys.path.insert(0, str(BENCHMARKS))

import bench_evaluate  # noqa: E402


@pytest.fixture(scope="module")
def standard() -> ws.Standard:
    return ws.load_standard("cdpma-window-2013", version=bench_evaluate.EDITION_VERSION)


def test_the_pinned_edition_is_the_frozen_one(standard: ws.Standard) -> None:
    assert (standard.version, bench_evaluate.EDITION_VERSION) == ("1.0.0", "1.0.0")


@pytest.fixture(scope="module")
def floor(standard: ws.Standard) -> bench_evaluate.Floor:
    return bench_evaluate.Floor(standard)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_scorers_agree_with_engine_on_edge_cases(
    standard: ws.Standard, floor: bench_evaluate.Floor, seed: int
) -> None:
    for window in bench_evaluate.population(200, seed=seed):
        assert bench_evaluate.disagreements(standard, floor, window) == [], window.id


def test_scorers_agree_with_engine_on_the_timed_population(
    standard: ws.Standard, floor: bench_evaluate.Floor
) -> None:
    for window in bench_evaluate.population(200, edges=False):
        assert bench_evaluate.disagreements(standard, floor, window) == [], window.id


def test_scorers_agree_with_engine_on_every_golden_case_window() -> None:
    standard, cases = load_suite(RULES)
    floor = bench_evaluate.Floor(standard)
    for case in cases:
        assert bench_evaluate.disagreements(standard, floor, case.window) == [], case.name


@pytest.mark.parametrize(
    "overrides",
    [
        # off the half-point grid: thirds of a point, three-place deductions, two-place thresholds
        {
            "min_facility_kinds": 3,
            "conduct_deduction": Decimal("0.3"),
            "missing_log_deduction": Decimal("0.333"),
            "pass_threshold": Decimal("92.5"),
            "rectify_threshold": Decimal("79.99"),
            "satisfaction_full": Decimal("0.875"),
            "certified_full_ratio": Decimal("0.75"),
            "min_volunteer_activities": 7,
            "min_owner_activities": 3,
            "min_publicity_platforms": 3,
        },
        # zero denominators: the rules then have no data
        {"min_facility_kinds": 0, "min_volunteer_activities": 0, "min_owner_activities": 0,
         "min_publicity_platforms": 0},
    ],
    ids=["off-grid", "zero-denominators"],
)
def test_scorers_agree_with_engine_under_other_parameters(
    standard: ws.Standard, overrides: dict[str, Any]
) -> None:
    variant = standard.with_parameters(**overrides)
    floor = bench_evaluate.Floor(variant)
    for window in bench_evaluate.population(300, seed=5):
        assert bench_evaluate.disagreements(variant, floor, window) == [], window.id


def test_the_population_has_the_edge_cases(standard: ws.Standard) -> None:
    statuses: dict[str, set[str]] = {}
    dates = set()
    for window in bench_evaluate.population(600, seed=2013):
        dates.add(window.assessed_on)
        for c in standard.evaluate(window, explain=False).criteria.values():
            statuses.setdefault(c.id, set()).add(c.status)
    assert len(dates) >= 5
    for cid, seen in statuses.items():
        if cid.startswith(("PRC-5", "PRC-6", "QLT-3", "QLT-4", "QLT-5")):
            assert "not_applicable" in seen, cid
        if cid not in ("PRE-2", "PRE-4", "LF-1"):  # conditions that test "is not None" always have data
            assert "no_data" in seen, cid
        if cid != "PRE-2":
            assert "fail" in seen, cid


def test_a_wrong_scorer_is_caught(
    standard: ws.Standard, floor: bench_evaluate.Floor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import handwritten

    monkeypatch.setattr(handwritten, "_round", lambda num, den: num // den)  # rounds down, not half-up
    windows = bench_evaluate.population(100, seed=1)
    assert any(bench_evaluate.disagreements(standard, floor, w) for w in windows)


def test_the_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    bench_evaluate.main(["--windows", "5", "--check", "5", "--seconds", "0.01", "--rounds", "1",
                         "--only", "evaluate"])  # fmt: skip
    out = capsys.readouterr().out
    for name in ("handwritten", "int cents", "engine, explain=False", "engine, explain=True", "render zh"):
        assert name in out
