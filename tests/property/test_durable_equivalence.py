"""The durable engine decides as the compiled engine: every criterion's status and points, and the level.

Two independent implementations of the rule language — generated Python code, and a durable-rules
(Rete) ruleset with its numbers computed by a separate interpreter — cross-check each other on generated
windows that include the corners (missing data, zero counts, dates on the period's boundaries), on the
packaged rule set and on the example variant. ``WS_EQUIVALENCE_EXAMPLES`` raises the number of windows
and ``WS_EQUIVALENCE_POPULATION`` the benchmark's mutated population (CI runs the defaults: 500
hypothesis windows, compared in full, and 1 500 mutated ones, every tenth in full; each on both rule
sets).
"""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import window_standard as ws
from window_standard.testing import windows

pytest.importorskip(
    "durable_rules_engine", reason="the durable extra is not installed (pip install '.[durable]')"
)

EXAMPLES = int(os.environ.get("WS_EQUIVALENCE_EXAMPLES", "500"))
POPULATION = int(os.environ.get("WS_EQUIVALENCE_POPULATION", "1500"))
VARIANT = "examples/rules/wuhou-window-2013-strict"
_QUICK = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import bench_evaluate  # noqa: E402


@pytest.fixture(scope="module")
def pair() -> tuple[ws.Standard, ws.Standard]:
    compiled = ws.load_standard()
    return compiled, compiled.with_engine("durable")


@pytest.fixture(scope="module")
def variant_pair() -> tuple[ws.Standard, ws.Standard]:
    compiled = ws.load_standard(path=VARIANT)
    return compiled, compiled.with_engine("durable")


def decided(result: ws.Result) -> dict[str, Any]:
    """What a result decides: each criterion's status and points, the score and the level."""
    criteria = {cid: (c.status, c.points) for cid, c in result.criteria.items()}
    return {"criteria": criteria, "score": result.score, "level": result.level, "passed": result.passed}


def agree(pair: tuple[ws.Standard, ws.Standard], window: ws.Window, *, full: bool = False) -> None:
    compiled, durable = pair
    if full:
        assert durable.evaluate(window).model_dump(mode="json") == compiled.evaluate(window).model_dump(
            mode="json"
        )
    else:
        assert decided(durable.evaluate(window, explain=False)) == decided(
            compiled.evaluate(window, explain=False)
        )


@_QUICK
@given(window=windows())
def test_durable_decides_every_criterion_as_compiled(
    pair: tuple[ws.Standard, ws.Standard], variant_pair: tuple[ws.Standard, ws.Standard], window: ws.Window
) -> None:
    """Generated windows (hypothesis): the packaged rule set in full, and the example variant."""
    agree(pair, window, full=True)
    agree(variant_pair, window)


def test_durable_decides_as_compiled_on_a_mutated_population(
    pair: tuple[ws.Standard, ws.Standard], variant_pair: tuple[ws.Standard, ws.Standard]
) -> None:
    """A deterministic population of mutated windows full of edge cases (quick to generate)."""
    population = bench_evaluate.population(POPULATION, seed=2013)
    assert len(population) == POPULATION
    for number, window in enumerate(population):
        agree(pair, window, full=number % 10 == 0)
        agree(variant_pair, window)


@pytest.mark.parametrize(
    "fixed",
    [
        {"staff.headcount": 0},
        {"quality.repairs": None},
        {"quality.complaints": None},
        {"quality.survey": None},
        {"lei_feng.activities": []},
        {"lei_feng.activities": None},
        {"lei_feng.volunteer_team": None},
    ],
    ids=lambda fixed: ",".join(f"{k}={v}" for k, v in fixed.items()),
)
def test_durable_decides_as_compiled_on_the_corners(
    pair: tuple[ws.Standard, ws.Standard], fixed: dict[str, Any]
) -> None:
    compiled, durable = pair

    @settings(_QUICK, max_examples=40)
    @given(window=windows(**fixed))
    def check(window: ws.Window) -> None:
        assert decided(durable.evaluate(window)) == decided(compiled.evaluate(window))

    check()


def test_numbers_are_compared_as_doubles_a_documented_limit(
    mini_rules: Any, example_window: dict[str, Any]
) -> None:
    """Durable compares doubles: two quotients that differ only past the 16th digit tie.

    ``10^9 / 999999999`` and ``999999999 / 999999998`` differ by about 10^-18, so they are the same double;
    in the library's decimal context the first is the smaller. (A quotient of bounded counts and a
    parameter or literal of at most six places never tie as doubles: they differ by at least 10^-15 of
    their size.)
    """
    mini_rules.replace(
        "criteria/staff.yaml",
        "condition: staff.in_uniform >= staff.headcount",
        "condition: ratio(staff.headcount, staff.in_uniform) >= ratio(staff.with_badge, staff.certified)",
    )
    compiled = mini_rules.load()
    durable = compiled.with_engine("durable")
    example_window["staff"].update(
        headcount=10**9, in_uniform=10**9 - 1, with_badge=10**9 - 1, certified=10**9 - 2
    )
    window = ws.Window.model_validate(example_window)
    assert compiled.evaluate(window).criteria["STF-1"].status == "fail"
    assert durable.evaluate(window).criteria["STF-1"].status == "pass"  # the limit, as documented
    example_window["staff"].update(headcount=5, in_uniform=4, with_badge=3, certified=2)
    window = ws.Window.model_validate(example_window)
    assert (
        durable.evaluate(window).criteria["STF-1"].status
        == compiled.evaluate(window).criteria["STF-1"].status
    )