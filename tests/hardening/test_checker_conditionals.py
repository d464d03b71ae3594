"""The checker types both branches of a conditional: collections of different items are a load-time error."""

from __future__ import annotations

from typing import Any

import pytest

import window_standard as ws

LF1 = "  score: min(points, n * points / params.min_activities)"


@pytest.mark.parametrize(
    "score",
    [
        "sum(lei_feng.activities if staff.headcount > 3 else environment.facilities, participants)",
        "count(environment.facilities if staff.headcount > 3 else lei_feng.activities, in_period(date))",
        "len(lei_feng.activities if staff.headcount > 3 else process.logs)",
    ],
)
def test_branches_of_different_item_types_are_refused(mini_rules: Any, score: str) -> None:
    text = mini_rules.text("criteria/lei-feng.yaml").replace(LF1, f"  score: {score}")
    message = mini_rules.write("criteria/lei-feng.yaml", text).error()
    assert "WS306" in message and "the branches of 'if' differ" in message
    assert "criteria/lei-feng.yaml:9:" in message


def test_branches_of_the_same_item_type_still_load(mini_rules: Any, example_window: dict[str, Any]) -> None:
    score = "sum(lei_feng.activities if staff.headcount > 3 else lei_feng.activities, participants)"
    text = mini_rules.text("criteria/lei-feng.yaml").replace(LF1, f"  score: min(points, {score})")
    std: ws.Standard = mini_rules.write("criteria/lei-feng.yaml", text).load()
    assert std.evaluate(example_window).criteria["LF-1"].status in ("pass", "partial", "fail")
