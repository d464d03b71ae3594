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
    """Durable compares doubles: a value and a parameter that differ only past the 16th digit tie.

    ``ratio(1, 3)`` is 0.3333333333333333333333333333 in the library's decimal context; a parameter of
    0.3333333333333333 (16 digits) is smaller, yet both are the same double. No packaged parameter or
    literal has more than 4 significant digits; literals a double cannot hold are refused (WS401).
    """
    mini_rules.replace(
        "criteria/staff.yaml",
        "condition: staff.in_uniform >= staff.headcount",
        "condition: ratio(staff.in_uniform, staff.headcount) > params.min_activities",
    )
    compiled = mini_rules.load().with_parameters(min_activities=Decimal("0.3333333333333333"))
    durable = compiled.with_engine("durable")
    example_window["staff"].update(in_uniform=1, with_badge=1, certified=1, headcount=3)
    window = ws.Window.model_validate(example_window)
    assert compiled.evaluate(window).criteria["STF-1"].status == "pass"
    assert durable.evaluate(window).criteria["STF-1"].status == "fail"  # the limit, as documented
    example_window["staff"].update(in_uniform=2, with_badge=2, certified=2, headcount=5)
    window = ws.Window.model_validate(example_window)
    assert (
        durable.evaluate(window).criteria["STF-1"].status
        == compiled.evaluate(window).criteria["STF-1"].status
    )
