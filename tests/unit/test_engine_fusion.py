"""Loop fusion in the compiled engine: which calls are hoisted, and that hoisting changes no answer."""

from __future__ import annotations

from datetime import date
from decimal import localcontext

import pytest

from window_standard._check import CheckedRule
from window_standard._engine.compiled import ENGINE
from window_standard._engine.compiled.fusion import hoistable, hoisted_calls
from window_standard._expr import nodes as n
from window_standard._expr.check import Scope, check_expression
from window_standard._expr.nodes import Compare, Const
from window_standard._expr.types import BOOL, DATE, NUMBER, STR, Type
from window_standard._model import Window
from window_standard._numbers import DECIMAL_CONTEXT

SCOPE = Scope(
    Window,
    {"period_start": DATE, "period_end": DATE, "limit": NUMBER},
    {"KINDS": (Type("list", item=STR), ["etiquette_contest"])},
    {"m": NUMBER},
    allow_points=True,
)


IDENTITY = {
    "id": "w-1",
    "name": "窗口",
    "kind": "customer_service_centre",
    "district": "510107",
    "assessed_on": date(2013, 6, 20),
    "assessor": "self",
}
PARAMS = {"period_start": date(2013, 3, 1), "period_end": date(2013, 9, 30), "limit": 1}


def call(text: str) -> n.Call:
    node = check_expression(text, SCOPE)
    assert isinstance(node, n.Call)
    return node


@pytest.mark.parametrize(
    "text",
    [
        "count(lei_feng.activities, kind in KINDS and in_period(date))",
        "count(lei_feng.activities, participants > params.limit)",  # a test that may be no data
        "sum(lei_feng.activities, 1)",
        "count(environment.displays, it == 'business_licence')",
        "sum(lei_feng.activities, participants)",  # a number that may be no data
        "distinct(lei_feng.activities, kind, in_period(date))",
    ],
)
def test_calls_on_the_window_alone_are_hoisted(text: str) -> None:
    assert hoistable(call(text))


@pytest.mark.parametrize(
    "text",
    [
        "count(lei_feng.activities, participants > m)",  # reads a let binding
        "count(lei_feng.activities, participants > points)",  # reads the rule's points
        "count(lei_feng.activities, count(lei_feng.activities, participants > 1) > 1)",  # nested
        "any(lei_feng.activities, in_period(date))",  # not a count or a sum
    ],
)
def test_calls_that_need_more_than_the_window_are_not(text: str) -> None:
    assert not hoistable(call(text))


def test_equal_calls_share_one_place_and_calls_group_by_collection() -> None:
    volunteers = call("count(lei_feng.activities, kind in KINDS and in_period(date))")
    again = call("count(lei_feng.activities, kind in KINDS and in_period(date))")
    contests = call("count(lei_feng.activities, kind == 'etiquette_contest')")
    displays = call("count(environment.displays, it == 'business_licence')")
    groups = hoisted_calls([volunteers, again, contests, displays])
    assert [len(calls) for calls in groups.values()] == [2, 1]
    assert next(iter(groups.values())) == [volunteers, contests]


ACTIVITY = {"date": "2013-04-01", "kind": "etiquette_contest", "title": "活动", "participants": 3}


@pytest.mark.parametrize(
    ("text", "participants", "expected"),
    [
        ("sum(lei_feng.activities, participants)", [3, 4], 7),
        ("sum(lei_feng.activities, participants)", [3, None], None),  # one item without data: no data
        ("sum(lei_feng.activities, participants)", [], 0),
        ("distinct(lei_feng.activities, participants)", [3, 3, None, 4], 2),  # no data is not a value
        ("distinct(lei_feng.activities, participants, participants > 3)", [3, 4, None], 1),
        ("count(lei_feng.activities, participants > 3)", [3, 4, None], 1),
    ],
)
def test_fused_calls_give_the_library_s_answers(
    text: str, participants: list[int | None], expected: int
) -> None:
    node = call(text)
    assert hoistable(node)
    rule = CheckedRule(
        "X-1", None, (), None, Compare(BOOL, "==", node, Const(NUMBER, 0)), "condition", (("n", node),)
    )
    prepared = ENGINE.prepare([rule])
    assert "for i1 in _items0:" in prepared.source  # the call really is computed in the fused loop
    activities = [{**ACTIVITY, "participants": p} for p in participants]
    window = Window.model_validate({**IDENTITY, "lei_feng": {"activities": activities}})
    with localcontext(DECIMAL_CONTEXT):
        raw = prepared.run(window, PARAMS, True)
    assert raw.facts is not None and raw.facts[0] == (expected,)
    assert raw.values[0] == (None if expected is None else expected == 0)


def test_a_test_several_fused_calls_share_is_computed_once_per_item() -> None:
    contests = call("count(lei_feng.activities, kind == 'etiquette_contest' and in_period(date))")
    in_period = call("count(lei_feng.activities, in_period(date))")
    rules = [
        CheckedRule(
            f"X-{i}", None, (), None, Compare(BOOL, ">", node, Const(NUMBER, 0)), "condition", (("n", node),)
        )
        for i, node in enumerate((contests, in_period))
    ]
    prepared = ENGINE.prepare(rules)
    assert "            _e0 = (p_period_start <= i1.date <= p_period_end)\n" in prepared.source
    run = prepared.source.split("\n\ndef facts_0")[0]  # (a rule's facts are recomputed on their own)
    assert run.count("p_period_start <= i1.date") == 1
    dates = ["2013-04-01", "2012-01-01", "2013-05-01"]
    kinds = ["etiquette_contest", "etiquette_contest", "moral_lecture"]
    activities = [{**ACTIVITY, "date": d, "kind": k} for d, k in zip(dates, kinds, strict=True)]
    window = Window.model_validate({**IDENTITY, "lei_feng": {"activities": activities}})
    with localcontext(DECIMAL_CONTEXT):
        raw = prepared.run(window, PARAMS, True)
    assert raw.facts is not None and (raw.facts[0], raw.facts[1]) == ((1,), (2,))
