"""The compiled engine: generated code and the names it may use (``_engine.compiled``)."""

from __future__ import annotations

import decimal
import itertools
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

import window_standard as ws
from window_standard._expr.check import Scope, check_expression
from window_standard._engine.compiled.codegen import CodeGen
from window_standard._engine.compiled.runtime import namespace
from window_standard._expr import library
from window_standard._expr.functions import FUNCTIONS
from window_standard._numbers import DECIMAL_CONTEXT, quantize_points
from window_standard._expr.types import DATE, NUMBER, STR, Type
from window_standard._model import Window

PARAMS_TYPES = {
    "limit": NUMBER,
    "period_start": DATE,
    "period_end": DATE,
    "divisions": Type("list", nullable=True, item=STR),
}
PARAMS = {
    "limit": Decimal("0.5"),
    "period_start": date(2013, 3, 1),
    "period_end": date(2013, 9, 30),
    "divisions": frozenset({"510107"}),
}
SCOPE = Scope(
    Window, PARAMS_TYPES, {"KINDS": (Type("list", item=STR), ["etiquette_contest"])}, allow_points=True
)
IDENTITY = {
    "id": "w-1",
    "name": "窗口",
    "kind": "customer_service_centre",
    "district": "510107",
    "assessed_on": date(2013, 6, 20),
    "assessor": "self",
}
TRUTH = (True, False, None)


def window(**sections: Any) -> Window:
    return Window.model_validate({**IDENTITY, **sections})


HELPERS = namespace()


def generate(text: str) -> tuple[str, dict[str, Any]]:
    gen = CodeGen()
    gen.points, gen.points_value = "P", Decimal("6.00")
    return gen.expr(check_expression(text, SCOPE)), gen.namespace


def run(text: str, w: Window | None = None, params: dict[str, Any] | None = None) -> Any:
    source, literals = generate(text)
    bound = {f"p_{name}": value for name, value in (params or PARAMS).items()}
    scope = {**HELPERS, **literals, **bound, "w": w or window(), "P": Decimal("6.00")}
    with decimal.localcontext(DECIMAL_CONTEXT):  # as the engine's caller runs it
        return eval(source, scope)


# -- three-valued logic -------------------------------------------------------------------------------------


def kleene_and(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    return None if a is None or b is None else True


def kleene_or(a: bool | None, b: bool | None) -> bool | None:
    if a is True or b is True:
        return True
    return None if a is None or b is None else False


@pytest.mark.parametrize(("a", "b"), list(itertools.product(TRUTH, TRUTH)))
def test_and_or_follow_kleene_logic_in_generated_code(a: bool | None, b: bool | None) -> None:
    w = window(environment={"signage": a, "no_smoking": b})
    assert run("environment.signage and environment.no_smoking", w) is kleene_and(a, b)
    assert run("environment.signage or environment.no_smoking", w) is kleene_or(a, b)


@pytest.mark.parametrize(("a", "b"), list(itertools.product(TRUTH, TRUTH)))
def test_and_or_of_the_library_follow_kleene_logic(a: bool | None, b: bool | None) -> None:
    assert library.kleene_and(a, b) is kleene_and(a, b)
    assert library.kleene_or(a, b) is kleene_or(a, b)


@pytest.mark.parametrize("a", TRUTH)
def test_not_of_no_data_is_no_data(a: bool | None) -> None:
    expected = None if a is None else not a
    assert run("not environment.signage", window(environment={"signage": a})) is expected
    assert library.kleene_not(a) is expected


def test_three_operands_and_short_circuit_truth() -> None:
    w = window(environment={"signage": None, "no_smoking": False, "clean_and_tidy": True})
    assert run("environment.signage and environment.no_smoking and environment.clean_and_tidy", w) is False
    assert run("environment.signage or environment.no_smoking or environment.clean_and_tidy", w) is True
    assert run("environment.signage or environment.no_smoking", w) is None


# -- no data propagates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "staff.headcount + 1",
        "staff.headcount - 1",
        "staff.headcount * 2",
        "staff.headcount / 2",
        "2 / staff.headcount",
        "-staff.headcount",
        "staff.headcount > 1",
        "staff.headcount == 1",
        "staff.headcount != 1",
        "staff.headcount <= 1",
        "'repair' in process.logs",
        "'repair' not in process.logs",
        "min(staff.headcount, 2)",
        "max(2, staff.headcount)",
        "ratio(staff.certified, 6)",
        "floor(staff.etiquette_training_hours)",
        "len(environment.facilities)",
        "count(lei_feng.activities, in_period(date))",
        "sum(lei_feng.activities, participants)",
        "any(lei_feng.activities, in_period(date))",
        "all(lei_feng.activities, in_period(date))",
        "distinct(lei_feng.activities, kind)",
        "quality.survey.sampled > 0",
        "lei_feng.volunteer_team.members >= 5",
        "1 if environment.signage else 0",
        "in_period(lei_feng.volunteer_team.established_on)",
        "district in params.divisions",
    ],
)
def test_no_data_propagates(text: str) -> None:
    params = {**PARAMS, "divisions": None}
    assert run(text, window(), params) is None


def test_data_flows_through_the_same_expressions() -> None:
    w = window(
        staff={"headcount": 6, "certified": 3, "etiquette_training_hours": Decimal("9.5")},
        process={"logs": ["repair"]},
        environment={"signage": True, "facilities": ["seating", "umbrellas"]},
        quality={"survey": {"sampled": 100, "satisfied": 90}},
        lei_feng={
            "volunteer_team": {"established_on": date(2013, 3, 5), "members": 12},
            "activities": [
                {"date": date(2013, 3, 5), "kind": "etiquette_contest", "participants": 4},
                {"date": date(2012, 3, 5), "kind": "etiquette_contest", "participants": 5},
                {"date": date(2013, 9, 30), "kind": "moral_lecture", "participants": 2},
            ],
        },
    )
    assert run("staff.headcount / 4", w) == Decimal("1.5")
    assert run("ratio(staff.certified, staff.headcount)", w) == Decimal("0.5")
    assert run("floor(staff.etiquette_training_hours)", w) == 9
    assert run("'repair' in process.logs", w) is True
    assert run("len(environment.facilities)", w) == 2
    assert run("count(lei_feng.activities, in_period(date))", w) == 2
    assert run("count(lei_feng.activities, kind in KINDS and in_period(date))", w) == 1
    assert run("sum(lei_feng.activities, participants)", w) == 11
    assert run("any(lei_feng.activities, not in_period(date))", w) is True
    assert run("all(lei_feng.activities, participants > 1)", w) is True
    assert run("distinct(lei_feng.activities, kind)", w) == 2
    assert run("distinct(lei_feng.activities, kind, in_period(date))", w) == 2
    assert run("quality.survey.sampled > 0", w) is True
    assert run("lei_feng.volunteer_team.members >= 5", w) is True
    assert run("max(0, points - 2 * params.limit)", w) == Decimal("5.00")


def test_an_item_without_data_counts_as_not_passing_but_poisons_a_sum() -> None:
    w = window(
        lei_feng={
            "activities": [
                {"date": date(2013, 3, 5), "kind": "etiquette_contest", "participants": 4},
                {"date": date(2013, 4, 5), "kind": "etiquette_contest"},
            ]
        }
    )
    assert run("count(lei_feng.activities, participants > 1)", w) == 1
    assert run("sum(lei_feng.activities, participants)", w) is None
    assert run("any(lei_feng.activities, participants > 10)", w) is None
    assert run("any(lei_feng.activities, participants > 1)", w) is True
    assert run("all(lei_feng.activities, participants > 1)", w) is None
    assert run("all(lei_feng.activities, participants > 10)", w) is False


def test_empty_collections_are_data() -> None:
    w = window(lei_feng={"activities": []}, environment={"facilities": []})
    assert run("count(lei_feng.activities, in_period(date))", w) == 0
    assert run("sum(lei_feng.activities, participants)", w) == 0
    assert run("any(lei_feng.activities, in_period(date))", w) is False
    assert run("all(lei_feng.activities, in_period(date))", w) is True
    assert run("len(environment.facilities)", w) == 0


@pytest.mark.parametrize("text", ["staff.headcount / 0", "ratio(staff.certified, staff.headcount)"])
def test_division_by_zero_is_no_data(text: str) -> None:
    assert run(text, window(staff={"headcount": 0, "certified": 0})) is None


def test_division_helpers_by_zero() -> None:
    assert library.divide(1, 0) is None
    assert library.divide(Decimal(1), Decimal("0.00")) is None
    assert HELPERS["_ratio"](0, 0) is None
    assert library.divide(None, 1) is None
    assert run("staff.headcount / staff.certified", window(staff={"headcount": 2, "certified": 0})) is None


# -- decimals -----------------------------------------------------------------------------------------------


def test_division_ignores_the_callers_decimal_precision() -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        low = library.divide(1, 3)
    assert low == Decimal("0.3333333333333333333333333333")
    assert DECIMAL_CONTEXT.prec == 28


def test_evaluation_ignores_the_callers_decimal_precision(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["staff"]["certified"] = 4  # 4/6: ratios with long expansions
    example_window["lei_feng"]["activities"] = example_window["lei_feng"]["activities"][:5]
    reference = standard.evaluate(example_window).model_dump_json()
    for precision in (1, 3, 60):
        with decimal.localcontext() as ctx:
            ctx.prec = precision
            ctx.rounding = decimal.ROUND_FLOOR
            assert standard.evaluate(example_window).model_dump_json() == reference


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.125", "0.13"),
        ("0.135", "0.14"),  # half-up, not half-even
        ("2.675", "2.68"),
        ("1.005", "1.01"),
        ("0.124999", "0.12"),
        ("-0.125", "-0.13"),
        ("4", "4.00"),
        ("5.3333333333333333333333333333", "5.33"),
        ("5.6666666666666666666666666667", "5.67"),
    ],
)
def test_points_round_half_up_to_two_places(value: str, expected: str) -> None:
    rounded = quantize_points(Decimal(value))
    assert str(rounded) == expected


def test_points_rounding_ignores_the_callers_rounding() -> None:
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_DOWN
        assert str(quantize_points(Decimal("0.125"))) == "0.13"
    assert str(quantize_points(3)) == "3.00"


def test_decimal_literals_are_exact_and_live_in_the_namespace() -> None:
    source, literals = generate("staff.etiquette_training_hours > 0.1")
    assert list(literals.values()) == [Decimal("0.1")]
    name = next(iter(literals))
    assert source == f"(None if (_t1 := w.staff.etiquette_training_hours) is None else (_t1 > {name}))"
    assert run("0.1 + 0.2 == 0.3") is True


# -- generated source ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("assessed_on > params.period_start", "(w.assessed_on > p_period_start)"),  # never no data: native
        ("id == 'x' and name != 'y'", "((w.id == 'x') and (w.name != 'y'))"),
        # may be no data: bound to a temporary and tested inline
        ("staff.headcount > 1", "(None if (_t1 := w.staff.headcount) is None else (_t1 > 1))"),
        (
            "staff.in_uniform > staff.headcount",
            "(None if (_t1 := w.staff.in_uniform) is None or (_t2 := w.staff.headcount) is None "
            "else (_t1 > _t2))",
        ),
        ("not environment.signage", "(None if (_t1 := w.environment.signage) is None else (not _t1))"),
        (  # Kleene's and: false wins, then no data
            "environment.signage and environment.no_smoking",
            "(False if (_t1 := w.environment.signage) is False or (_t2 := w.environment.no_smoking) is False "
            "else (None if _t1 is None or _t2 is None else True))",
        ),
        ("points - 1", "5"),  # constants and points fold when generating (to 5.00 here, a whole number)
        ("staff.headcount - 1", "(None if (_t1 := w.staff.headcount) is None else (_t1 - 1))"),
        # a quotient that provably stays within ±10^20 is not fitted (an input is at most 10^9)
        ("staff.headcount / 2", "(None if (_t1 := w.staff.headcount) is None else _D(_t1) / 2)"),
        ("params.limit / staff.headcount", "(None if (_t1 := w.staff.headcount) is None or _t1 == 0 else _D(p_limit) / _t1)"),
        (  # a quotient of a quotient may not: it is fitted (beyond the bound: no data)
            "(staff.headcount / 3) / (staff.headcount / 7)",
            "(None if (_t2 := (None if (_t1 := w.staff.headcount) is None else _D(_t1) / 3)) is None or "
            "(_t4 := (None if (_t3 := w.staff.headcount) is None else _D(_t3) / 7)) is None or _t4 == 0 else "
            "_fit(_D(_t2) / _t4))",
        ),
        (
            "ratio(staff.certified, staff.headcount)",
            "(None if (_t1 := w.staff.certified) is None or (_t2 := w.staff.headcount) is None or _t2 == 0 "
            "else _D(_t1) / _t2)",
        ),
        ("min(points, staff.headcount)", "(None if (_t1 := w.staff.headcount) is None else _bmin(P, _t1))"),
        (
            "quality.survey.sampled",
            "(None if (_t1 := w.quality.survey) is None else _t1.sampled)",
        ),
        ("staff.headcount is None", "(w.staff.headcount is None)"),
        ("in_period(assessed_on)", "(p_period_start <= w.assessed_on <= p_period_end)"),
        (  # a test that may be no data counts only where it is definitely true
            "count(lei_feng.activities, participants > 1)",
            "(None if (_t1 := w.lei_feng.activities) is None else _blen([0 for i1 in _t1 if "
            "(None if (_t2 := i1.participants) is None else (_t2 > 1)) is True]))",
        ),
        (  # a test that always has data: an inline comprehension
            "count(lei_feng.activities, kind == 'etiquette_contest')",
            "(None if (_t1 := w.lei_feng.activities) is None else _blen([0 for i1 in _t1 if "
            "(i1.kind == 'etiquette_contest')]))",
        ),
        (
            "any(lei_feng.activities, participants > 1)",
            "(None if (_t1 := w.lei_feng.activities) is None else _kor(*[(None if (_t2 := i1.participants) is None "
            "else (_t2 > 1)) for i1 in _t1]))",
        ),
        ("name == 'a\\'b\\n'", '(w.name == "a\'b\\n")'),
    ],
)
def test_generated_source(text: str, source: str) -> None:
    assert generate(text)[0] == source


def test_string_literals_cannot_escape_their_quotes() -> None:
    w = window(name="x'); __import__('os'); ('")
    assert run("name == \"x'); __import__('os'); ('\"", w) is True


def test_generated_code_runs_without_builtins() -> None:
    source, literals = generate("staff.headcount > 1")
    scope: dict[str, Any] = {**HELPERS, **literals, "w": window()}
    assert eval(source, scope) is None
    with pytest.raises(NameError):
        eval("len([])", scope)


def test_runtime_helpers_are_the_documented_set() -> None:
    functions = [f"_{name}" for name in FUNCTIONS]
    builtins = ["_D", "_blen", "_bsum", "_bany", "_ball", "_bmin", "_bmax", "_bset", "_kand", "_kor", "_Raw"]
    builtins += ["_Facts", "_tuple_new", "_fit"]
    builtins.append("__builtins__")
    assert sorted(HELPERS) == sorted(functions + builtins)
    assert HELPERS["__builtins__"] == {}
    assert all(HELPERS[f"_{name}"] is spec.python for name, spec in FUNCTIONS.items())


def test_constants_fold_exactly() -> None:
    assert generate("points - 1")[0] == "5"  # a whole decimal is generated as the integer
    assert generate("points / 3")[0] == "2"
    quarter, literals = generate("points / 4")
    assert literals[quarter] == Decimal("1.5")
    assert generate("1 / 0")[0] == "None"  # no data, as at run time
