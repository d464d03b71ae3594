"""The abstract interpretation behind lint: intervals, truth values and what the model guarantees."""

from __future__ import annotations

from decimal import Decimal

import pytest

from window_standard._expr.check import Scope, check_expression
from window_standard._expr.types import Type
from window_standard._lint.analyse import Analyser
from window_standard._lint.domain import INF, Coll, Num, Vals, compare_numbers, join
from window_standard._lint.show import show, show_number
from window_standard._lint.source import normalise_text
from window_standard._model import Window

D = Decimal
PARAMS = {"full": Type("number"), "period_start": Type("date"), "period_end": Type("date")}
ABSTRACT = {"full": Num.point(D("0.9"))}
CONSTANTS = {
    "HOTLINES": (Type("list", item=Type("str")), ["service_hotline", "repair_hotline", "complaint_hotline"])
}


FIVE = D(5)


def value(text: str, points: Decimal | None = FIVE) -> object:
    scope = Scope(Window, PARAMS, CONSTANTS, {}, points is not None)
    return Analyser(Window, ABSTRACT, points).value(check_expression(text, scope))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("staff.headcount", Num(D(0), INF, True)),
        ("staff.etiquette_training_hours", Num(D(0), INF, False)),
        ("ratio(staff.certified, staff.headcount)", Num(D(0), D(1))),
        ("ratio(staff.headcount, staff.certified)", Num(D(0), INF)),
        ("staff.headcount - staff.in_uniform", Num(D(0), INF, True)),
        ("staff.in_uniform - staff.headcount", Num(-INF, INF, True)),
        ("points - staff.conduct_violations * 0.5", Num(-INF, D(5))),
        ("min(points, len(environment.facilities) * points / 4)", Num(D(0), D(5))),
        ("count(environment.displays, it in HOTLINES)", Num(D(0), D(3), True)),
        ("count(environment.displays, it in ('procedures',))", Num(D(0), D(1), True)),
        ("count(lei_feng.activities, kind == 'mutual_help')", Num(D(0), INF, True)),
        ("count(lei_feng.activities, 1 > 2)", Num(D(0), D(0), True)),
        (
            "distinct(lei_feng.activities, kind, kind in ('mutual_help', 'moral_lecture'))",
            Num(D(0), D(2), True),
        ),
        ("distinct(lei_feng.activities, kind)", Num(D(0), D(13), True)),
        (
            "floor(100 - ratio(quality.complaints.resolved, quality.complaints.received) * 100)",
            Num(D(0), D(100), True),
        ),
        ("sum(lei_feng.activities, owner_participants)", Num(D(0), INF, True)),
        ("(points if staff.courteous_language else 0) + 1", Num(D(1), D(6), True)),
        ("(points / 2 if staff.courteous_language else 0) + 1", Num(D(1), D("3.5"))),
        ("len(HOTLINES)", Num(D(3), D(3), True)),
        ("staff.headcount / staff.headcount", Num(D(0), INF)),
    ],
)
def test_number_intervals(text: str, expected: Num) -> None:
    assert value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ratio(quality.survey.satisfied, quality.survey.sampled) >= 1.2", {False}),
        ("ratio(quality.survey.satisfied, quality.survey.sampled) >= params.full", {True, False}),
        ("staff.headcount >= 0", {True}),
        ("staff.headcount == 0.5", {False}),
        ("len(HOTLINES) == 3", {True}),
        ("kind != 'other' or kind_other is not None", {True, False}),
        (
            "kind in ('customer_service_centre', 'business_acceptance_centre', 'repair_emergency_centre', "
            "'repair_service_station', 'other')",
            {True},
        ),
        ("'procedures' in environment.displays", {True, False}),
        ("all(HOTLINES, it in HOTLINES)", {True}),
        ("any(environment.displays, it == 'procedures')", {True, False}),
        ("not (1 > 2)", {True}),
    ],
)
def test_truth_values(text: str, expected: set[bool]) -> None:
    assert value(text) == frozenset(expected)


def test_fixing_the_kind_sees_through_contradictions() -> None:
    scope = Scope(Window, PARAMS, CONSTANTS)
    tree = check_expression("kind == 'other' and kind == 'repair_service_station'", scope)
    for kind in ("other", "repair_service_station", "customer_service_centre"):
        analyser = Analyser(Window, ABSTRACT)
        with analyser.assuming(0, ("kind",), kind):
            assert analyser.value(tree) == frozenset({False})
    assert Analyser(Window, ABSTRACT).value(tree) == frozenset({True, False})


def test_comparisons_are_recorded_with_their_truth_values() -> None:
    scope = Scope(Window, PARAMS, CONSTANTS)
    tree = check_expression("staff.headcount >= 0 and staff.in_uniform > 3", scope)
    analyser = Analyser(Window, ABSTRACT)
    analyser.value(tree)
    seen = {show(node): truth for node, truth in analyser.comparisons.values()}
    assert seen == {
        "staff.headcount >= 0": frozenset({True}),
        "staff.in_uniform > 3": frozenset({True, False}),
    }


def test_interval_arithmetic_with_infinities() -> None:
    assert Num(D(0), INF, True) * Num(D(0), D(0)) == Num(D(0), D(0))
    assert Num.point(1).divide(Num(D(0), D(5))) == Num(D("0.2"), INF)
    assert Num.point(1).divide(Num(D(-1), D(1))) == Num(-INF, INF)
    assert Num.point(6).divide(Num(D(0), D(3), True)) == Num(D(2), D(6))
    assert Num(D("-1.5"), D("2.5")).floor() == Num(D(-2), D(2), True)


def test_join() -> None:
    assert join(Num(D(0), D(1), True), Num(D(3), D(4), True)) == Num(D(0), D(4), True)
    assert join(frozenset({True}), frozenset({False})) == frozenset({True, False})
    assert join(Vals(frozenset({"a"})), Vals()) == Vals()
    assert join(Coll(D(2), frozenset({"a"})), Coll(D(3), frozenset({"b"}))) == Coll(
        D(3), frozenset({"a", "b"})
    )
    assert join(Num.point(1), frozenset({True})) is None


def test_compare_numbers() -> None:
    assert compare_numbers("<", Num(D(0), D(1)), Num.point(1)) == frozenset({True, False})
    assert compare_numbers("<=", Num(D(0), D(1)), Num.point(1)) == frozenset({True})
    assert compare_numbers(">", Num(D(0), D(1)), Num.point(1)) == frozenset({False})
    assert compare_numbers("!=", Num.point(2), Num.point(2)) == frozenset({False})


def test_show() -> None:
    scope = Scope(Window, PARAMS, CONSTANTS, {}, True)
    text = "(points / 2 if staff.headcount >= 0.8 else 0) + -1 * (staff.headcount - staff.in_uniform)"
    tree = check_expression(text, scope)
    assert show(tree) == text
    assert [show_number(v) for v in (INF, -INF, D("2.50"), D("3.00"))] == [
        "unbounded",
        "-unbounded",
        "2.5",
        "3",
    ]


def test_quotes_ignore_spacing_and_full_width_punctuation() -> None:
    assert normalise_text("包括：客户服务中心， 业务受理中心") == normalise_text(
        "包括:客户服务中心,业务受理中心"
    )
    assert normalise_text("“学雷锋”\n活动") == '"学雷锋"活动'
