"""Fuzz-found decimal escapes, fixed at the root: bounded literals, inputs and results; one decimal context.

Each test is a regression for an input that once raised ``decimal.InvalidOperation``/``Overflow`` or hung.
"""

from __future__ import annotations

import decimal
import json
import threading
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

import window_standard as ws
from window_standard._numbers import MAX_MAGNITUDE, fit, literal_problem

LF1 = "  score: min(points, n * points / params.min_activities)"


def _score_rule(mini_rules: Any, score: str, let: str = "") -> ws.Standard:
    text = mini_rules.text("criteria/lei-feng.yaml")
    text = text.replace("  score: min(points, n * points / params.min_activities)", f"  score: {score}")
    if let:
        text = text.replace("    n: count(", f"    {let}\n    n: count(")
    return mini_rules.write("criteria/lei-feng.yaml", text).load()


@pytest.mark.parametrize(
    ("literal", "problem"),
    [
        ("1e999999", "beyond ±1000000000000"),
        ("1e30", "beyond ±1000000000000"),
        ("10000000000000", "beyond ±1000000000000"),
        ("0.0000001", "more than 6 decimal places"),
        ("9" * 1500, "beyond ±1000000000000"),
    ],
)
def test_a_literal_out_of_bounds_is_refused_at_load_with_its_column(
    mini_rules: Any, literal: str, problem: str
) -> None:
    text = mini_rules.text("criteria/lei-feng.yaml").replace(LF1, f"  score: min(points, n * {literal})")
    message = mini_rules.write("criteria/lei-feng.yaml", text).error()
    assert "WS307" in message and problem in message
    assert "criteria/lei-feng.yaml:9:" in message  # file:line:col of the literal inside the expression


def test_floor_of_a_huge_literal_is_refused_quickly(mini_rules: Any) -> None:
    text = mini_rules.text("criteria/lei-feng.yaml").replace(LF1, "  score: floor(1e999999)")
    assert "WS307" in mini_rules.write("criteria/lei-feng.yaml", text).error()


def test_a_parameter_out_of_bounds_is_refused_at_load(mini_rules: Any) -> None:
    old = "min_activities: {2013-01-01: 2, 2014-01-01: 3}"
    message = mini_rules.replace("standard.yaml", old, "min_activities: {2013-01-01: 1.0e+999999}").error()
    assert "WS207" in message and "min_activities" in message and "beyond" in message


def test_let_chains_that_grow_without_bound_give_no_data_not_an_exception(
    mini_rules: Any, example_window: dict[str, Any]
) -> None:
    lets = (
        "a: staff.headcount * 1000000000000 * 1000000000000 * 1000000000000\n"
        "    b: a * a * a * a * a * a * a * a * a * a\n"
        "    c: b * b * b * b * b * b * b * b * b * b\n"
        "    d: c * c * c * c * c * c * c * c * c * c"
    )
    std = _score_rule(mini_rules, "d * 1000000000000 - d * 1000000000000 + points", let=lets)
    result = std.evaluate(example_window)
    criterion = result.criteria["LF-1"]
    assert criterion.status == "no_data"  # beyond ±10^20 a computed number is no data
    assert criterion.explain("zh") and criterion.explain("en")
    assert json.loads(result.model_dump_json())["criteria"]


def test_a_quotient_by_a_tiny_number_is_no_data(mini_rules: Any, example_window: dict[str, Any]) -> None:
    lets = (
        "t: 0.000001 * 0.000001 * 0.000001 * 0.000001 * 0.000001 * 0.000001\n"
        "    u: t * t * t * t * t * t * t * t * t * t * t * t * t * t * t * t * t * t * t * t"
    )
    std = _score_rule(mini_rules, "min(points, 1 / u * (1 / u))", let=lets)
    assert std.evaluate(example_window).criteria["LF-1"].status == "no_data"


def test_a_large_score_is_clamped_and_explained(mini_rules: Any, example_window: dict[str, Any]) -> None:
    std = _score_rule(mini_rules, "staff.headcount * 1000000000000 * 1000000")
    result = std.evaluate(example_window)
    assert result.criteria["LF-1"].status == "pass"
    assert result.criteria["LF-1"].points == Decimal("4.00")


@pytest.mark.parametrize(
    ("section", "field", "value"),
    [
        ("staff", "headcount", 10**27),
        ("staff", "conduct_violations", 10**30),
        ("staff", "etiquette_training_hours", "1e28"),
        ("staff", "etiquette_training_hours", "1e999999"),
        ("staff", "etiquette_training_hours", Decimal("1e999999")),
        ("staff", "etiquette_training_hours", "9" * 900_000),
        ("staff", "headcount", 6.0),
        ("staff", "headcount", True),
    ],
)
def test_inputs_out_of_the_model_bounds_are_a_validation_error(
    example_window: dict[str, Any], section: str, field: str, value: Any
) -> None:
    example_window[section][field] = value
    with pytest.raises(ValidationError):
        ws.Window.model_validate(example_window)


@pytest.mark.parametrize("value", [0, 1371686400, "20130620", "2013-06-20T00:00:00", 2013.0])
def test_dates_are_strict(example_window: dict[str, Any], value: Any) -> None:
    example_window["assessed_on"] = value
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        ws.Window.model_validate(example_window)


def test_a_date_as_text_is_still_accepted(example_window: dict[str, Any]) -> None:
    example_window["assessed_on"] = "2013-06-20"
    assert ws.Window.model_validate(example_window).assessed_on.isoformat() == "2013-06-20"
    assert ws.Window.model_validate_json(json.dumps(example_window, default=str)).assessed_on


def test_the_largest_valid_inputs_evaluate(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    staff = example_window["staff"]
    staff.update(headcount=10**9, in_uniform=10**9, with_badge=10**9, certified=10**9)
    staff.update(etiquette_training_hours="1000000000", conduct_violations=10**9)
    result = standard.evaluate(example_window)
    assert result.level in ("meets", "rectify", "fails")
    assert json.loads(result.model_dump_json())


def _low_precision_score(standard: ws.Standard, window: dict[str, Any], prec: int) -> list[str]:
    context = decimal.getcontext()
    saved = (context.prec, context.rounding, context.traps[decimal.Inexact])
    context.prec, context.rounding = prec, decimal.ROUND_FLOOR
    context.traps[decimal.Inexact] = True
    try:
        result = standard.evaluate(window)
        return [str(result.score), *(f"{c}:{result.criteria[c].points}" for c in result.criteria)]
    finally:
        context.prec, context.rounding, context.traps[decimal.Inexact] = saved


def test_a_callers_decimal_context_does_not_change_results(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["staff"]["etiquette_training_hours"] = "37.333"
    expected = _low_precision_score(standard, example_window, 28)
    assert _low_precision_score(standard, example_window, 2) == expected
    assert _low_precision_score(standard, example_window, 1) == expected


def test_threads_with_hostile_decimal_contexts_agree_with_serial(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    serial = _low_precision_score(standard, example_window, 28)
    outputs: list[list[str]] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def work(prec: int) -> None:
        try:
            barrier.wait()
            for _ in range(20):
                outputs.append(_low_precision_score(standard, example_window, prec))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(p,)) for p in (1, 2, 3, 5, 8, 13, 21, 28)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(outputs) == 160 and all(o == serial for o in outputs)


def test_fit_bounds_numbers_only() -> None:
    assert fit(MAX_MAGNITUDE) == MAX_MAGNITUDE and fit(-MAX_MAGNITUDE) == -MAX_MAGNITUDE
    assert fit(MAX_MAGNITUDE + 1) is None and fit(Decimal("-1e21")) is None
    assert fit("x") == "x" and fit(None) is None and fit(True) is True


def test_literal_problem_reads_digits_in_any_context() -> None:
    with decimal.localcontext(decimal.Context(prec=1)):
        assert literal_problem(Decimal("999999999999")) is None
        assert literal_problem(Decimal("1000000000001")) is not None
        assert literal_problem(Decimal("1.500000")) is None


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("91AB0000600037341" + "X", "characters 3-8"),
        ("91000000600037341", "characters 3-8"),
        ("91110000600037342", "characters 9-17"),
    ],
)
def test_credit_code_structure_is_checked(code: str, fragment: str) -> None:
    from window_standard._model.identifiers import credit_check_char, validate_credit_code

    full = code[:17] + credit_check_char(code[:17])
    with pytest.raises(ValueError, match=fragment):
        validate_credit_code(full)


def test_valid_credit_codes_still_pass() -> None:
    from window_standard._model.identifiers import validate_credit_code

    assert validate_credit_code("91110000600037341L") == "91110000600037341L"
    assert validate_credit_code("914403001922038216") == "914403001922038216"
