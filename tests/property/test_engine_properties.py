"""Properties of the engine over generated windows (hypothesis): bounds, sums, dominance, determinism."""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from _windows import windows
from hypothesis import HealthCheck, given, settings

import window_standard as ws

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CENT = Decimal("0.01")


@SETTINGS
@given(document=windows())
def test_points_sums_and_bounds(standard: ws.Standard, document: dict[str, Any]) -> None:
    result = standard.evaluate(document)
    for criterion in result.criteria.values():
        if criterion.kind in ("scored", "bonus"):
            assert criterion.max_points is not None and criterion.max_points > 0
            if criterion.status == "not_applicable":
                assert criterion.points is None
            else:
                assert criterion.points is not None and 0 <= criterion.points <= criterion.max_points
                assert criterion.points == criterion.points.quantize(CENT)
            assert (criterion.status == "pass") == (criterion.points == criterion.max_points)
        else:
            assert criterion.points is None and criterion.max_points is None
    for category in result.categories.values():
        members = [result.criteria[cid] for cid in category.criteria]
        assert category.score == sum((c.points or 0 for c in members), Decimal(0))
        assert category.max_score == sum(
            (c.max_points or 0 for c in members if c.status != "not_applicable"), Decimal(0)
        )
        assert 0 <= category.score <= category.max_score
    assert result.raw_score == sum((c.score for c in result.categories.values()), Decimal(0))
    assert result.raw_max == sum((c.max_score for c in result.categories.values()), Decimal(0))
    assert 0 <= result.score <= result.max_score == Decimal("100.00")
    normalised = (
        (result.raw_score / result.raw_max * 100).quantize(CENT, ROUND_HALF_UP) if result.raw_max else 0
    )
    assert result.score == min(Decimal(100), normalised + result.bonus)


@SETTINGS
@given(document=windows())
def test_vetoes_and_gates_dominate_the_level(standard: ws.Standard, document: dict[str, Any]) -> None:
    result = standard.evaluate(document)
    blocking = ("fail", "no_data") if standard.spec.veto_without_data == "blocks" else ("fail",)
    fired = [c.id for c in result.criteria.values() if c.kind == "veto" and c.status in blocking]
    failed = [
        c.id for c in result.criteria.values() if c.kind == "prerequisite" and c.status in ("fail", "no_data")
    ]
    assert result.vetoes == fired and result.prerequisites == failed
    if fired or failed:
        assert (result.level, result.passed) == ("fails", False)
    else:
        expected = "meets" if result.score >= 90 else "rectify" if result.score >= 80 else "fails"
        assert result.level == expected
    assert result.passed == (result.level == "meets")


@SETTINGS
@given(document=windows())
def test_deterministic_and_exact_through_json(standard: ws.Standard, document: dict[str, Any]) -> None:
    first = standard.evaluate(document)
    text = first.model_dump_json()
    assert standard.evaluate(document).model_dump_json() == text
    assert standard.evaluate(ws.Window.model_validate(document)).model_dump_json() == text
    again = ws.Result.model_validate_json(text)
    assert again == first and again.model_dump_json() == text


@SETTINGS
@given(document=windows())
def test_inputs_are_not_mutated(standard: ws.Standard, document: dict[str, Any]) -> None:
    before = copy.deepcopy(document)
    window = ws.Window.model_validate(document)
    dumped = window.model_dump()
    standard.evaluate(document)
    standard.evaluate(window)
    standard.evaluate(window, explain=False)
    assert document == before
    assert window.model_dump() == dumped


@SETTINGS
@given(document=windows())
def test_evaluation_never_raises(standard: ws.Standard, document: dict[str, Any]) -> None:
    window = ws.Window.model_validate(document)
    for variant in (standard, standard.with_parameters(pass_threshold=95, rectify_threshold=85)):
        full = variant.evaluate(window)
        bare = variant.evaluate(window, explain=False)
        assert [(c.status, c.points) for c in bare.criteria.values()] == [
            (c.status, c.points) for c in full.criteria.values()
        ]
        assert full.explain("zh") and full.explain("en")
        full.rectifications()
