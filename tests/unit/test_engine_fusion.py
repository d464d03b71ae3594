"""Loop fusion in the compiled engine: which calls are hoisted, and that hoisting changes no answer."""

from __future__ import annotations

import pytest

from window_standard._engine.compiled.fusion import hoistable, hoisted_calls
from window_standard._expr import nodes as n
from window_standard._expr.check import Scope, check_expression
from window_standard._expr.types import DATE, NUMBER, STR, Type
from window_standard._model import Window

SCOPE = Scope(
    Window,
    {"period_start": DATE, "period_end": DATE, "limit": NUMBER},
    {"KINDS": (Type("list", item=STR), ["etiquette_contest"])},
    {"m": NUMBER},
    allow_points=True,
)


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
    ],
)
def test_calls_on_the_window_alone_are_hoisted(text: str) -> None:
    assert hoistable(call(text))


@pytest.mark.parametrize(
    "text",
    [
        "count(lei_feng.activities, participants > m)",  # reads a let binding
        "count(lei_feng.activities, participants > points)",  # reads the rule's points
        "sum(lei_feng.activities, participants)",  # a number that may be no data
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
