"""Results: exact JSON round-trips, the rectification list and explanations (``_result``)."""

from __future__ import annotations

import copy
import decimal
import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

import window_standard as ws
from window_standard._standard import parameters_digest


def windows(example: dict[str, Any]) -> list[dict[str, Any]]:
    """A few windows exercising every status, a veto, a failed gate and no data."""
    variants = [copy.deepcopy(example) for _ in range(4)]
    variants[1]["kind"] = "business_acceptance_centre"
    variants[1]["staff"]["in_uniform"] = 4
    variants[2]["quality"]["survey"] = None
    variants[2]["environment"]["signage"] = None
    variants[2]["organisation"]["engaged_for_area"] = None
    variants[3]["incidents"]["falsified_materials"] = True
    variants[3]["staff"]["certified"] = 4
    return variants


def test_results_round_trip_through_json_exactly(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    for window in windows(example_window):
        result = standard.evaluate(window)
        text = result.model_dump_json()
        again = ws.Result.model_validate_json(text)
        assert again == result
        assert again.model_dump_json() == text
        assert again.rectifications() == result.rectifications()
        assert again.explain("en") == result.explain("en")


def test_scores_are_decimal_strings_with_two_places_in_json(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["staff"]["certified"] = 4
    data = json.loads(standard.evaluate(example_window).model_dump_json())
    assert (data["score"], data["max_score"], data["bonus"]) == ("99.50", "100.00", "1.00")
    assert data["criteria"]["STF-3"]["points"] == "1.50" and data["criteria"]["STF-3"]["max_points"] == "3.00"
    assert data["criteria"]["STF-3"]["facts"] == {
        "rate": "0.6666666666666666666666666667",
        "requires": True,
        "staff.certified": 4,
        "staff.headcount": 6,
        "params.certified_full_ratio": "0.8",
        "params.certified_half_ratio": "0.5",
    }
    assert data["criteria"]["PRE-1"]["points"] is None
    assert data["standard"] == {"id": standard.id, "version": standard.version, "digest": standard.digest}
    assert "parameters" not in data  # not repeated in every result: the stamp and the digest identify them
    assert data["parameters_digest"] == parameters_digest(standard.parameters_on(date(2013, 6, 20)))


def test_results_are_frozen(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    result = standard.evaluate(example_window)
    with pytest.raises(ValidationError):
        result.score = Decimal(0)  # type: ignore[misc]
    with pytest.raises(ValidationError):
        result.criteria["LF-2"].status = "fail"  # type: ignore[misc]


# -- the rectification list ---------------------------------------------------------------------------------


@pytest.fixture
def to_fix(example_window: dict[str, Any]) -> dict[str, Any]:
    window = example_window
    window["organisation"]["campaign_plan_adopted_on"] = None  # PRE-4 fails (effort 1)
    window["incidents"]["falsified_materials"] = True  # VETO-4 fires (effort 3)
    window["incidents"]["illegal_charging_confirmed"] = True  # VETO-2 fires (effort 3)
    window["staff"]["in_uniform"] = 5  # STF-1 loses 1 (effort 1)
    window["environment"]["accessible_entrance"] = False  # ENV-9 loses 1 (effort 3)
    window["quality"]["survey"]["satisfied"] = 100  # QLT-1: 83 % earns half, loses 4 (effort 3)
    window["process"]["logs"] = ["repair"]  # PRC-8 loses 1.5 (effort 1)
    window["environment"]["facilities"] = ["seating"]  # ENV-7 loses 1.5 (effort 1)
    window["lei_feng"]["publicity_platforms"] = ["bulletin_board"]  # LF-6 loses 1 (effort 1)
    window["quality"]["repairs"]["on_time"] = 290  # QLT-3: 96.7 % earns half, loses 2.5 (effort 2)
    return window


def test_rectifications_gates_then_vetoes_then_points_by_effort_then_points(
    standard: ws.Standard, to_fix: dict[str, Any]
) -> None:
    items = standard.evaluate(to_fix).rectifications()
    assert [
        (i.id, i.kind, None if i.points is None else str(i.points), i.effort, i.status) for i in items
    ] == [
        ("PRE-4", "prerequisite", None, 1, "fail"),
        ("VETO-2", "veto", None, 3, "fail"),
        ("VETO-4", "veto", None, 3, "fail"),
        ("ENV-7", "criterion", "1.50", 1, "partial"),  # effort 1, most points first, then by id
        ("PRC-8", "criterion", "1.50", 1, "partial"),
        ("LF-6", "criterion", "1.00", 1, "partial"),
        ("STF-1", "criterion", "1.00", 1, "partial"),
        ("QLT-3", "criterion", "2.50", 2, "partial"),
        ("QLT-1", "criterion", "4.00", 3, "partial"),
        ("ENV-9", "criterion", "1.00", 3, "fail"),
    ]


def test_rectification_items_carry_advice_and_explanation(
    standard: ws.Standard, to_fix: dict[str, Any]
) -> None:
    first, *_, last = standard.evaluate(to_fix).rectifications()
    assert (
        first.describe("zh")
        == "PRE-4 物业服务机构已制定创建方案 — 制定并印发“学雷锋”优质服务窗口创建活动方案"
    )
    assert (
        first.describe("en")
        == "PRE-4 The organisation adopted a campaign plan — Adopt and issue a campaign plan"
    )
    assert first.explanation == "创建方案制定日期：无数据（评定日 2013-06-20）"
    assert (
        last.describe("en")
        == "ENV-9 Step-free accessible entrance (+1.00) — Provide a ramp or step-free entrance"
    )
    assert last.explanation == "入口设有无障碍通道：否"


def test_no_data_loses_every_point_and_is_listed(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["quality"]["survey"] = None
    (item,) = standard.evaluate(example_window).rectifications()
    assert (item.id, str(item.points), item.status) == ("QLT-1", "8.00", "no_data")


def test_a_window_with_full_marks_has_nothing_to_fix(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    assert standard.evaluate(example_window).rectifications() == []


def test_lost_points_ignore_the_callers_decimal_precision(
    standard: ws.Standard, to_fix: dict[str, Any]
) -> None:
    result = standard.evaluate(to_fix)
    expected = [(i.id, i.points) for i in result.rectifications()]
    with decimal.localcontext() as ctx:
        ctx.prec = 1
        assert [(i.id, i.points) for i in result.rectifications()] == expected
        assert str(result.criteria["QLT-3"].lost_points) == "2.50"


def test_lost_points_are_zero_outside_scored_criteria(standard: ws.Standard, to_fix: dict[str, Any]) -> None:
    result = standard.evaluate(to_fix)
    for cid in ("PRE-4", "VETO-4", "BON-1"):
        assert result.criteria[cid].lost_points == Decimal("0.00")


# -- explanations -------------------------------------------------------------------------------------------


def test_explain_in_chinese_and_english(mini_rules: Any, example_window: dict[str, Any]) -> None:
    example_window["staff"]["in_uniform"] = 5
    result = mini_rules.load().evaluate(example_window)
    assert result.explain("zh") == (
        "cd-510107-0001: 未达标 4.00/10.00\n"
        "  LF-1 期内开展志愿服务活动 4 次\n"
        "  STF-1 统一着装: 不符合 (规则 `staff.in_uniform >= staff.headcount`; staff.in_uniform = 5; "
        "staff.headcount = 6)"
    )
    assert result.explain() == result.explain("zh")
    assert result.explain("en") == (
        "cd-510107-0001: Does not meet the standard 4.00/10.00\n"
        "  LF-1 4 volunteer activities in the period\n"
        "  STF-1 Staff in uniform: not met (rule `staff.in_uniform >= staff.headcount`; staff.in_uniform = "
        "5; "
        "staff.headcount = 6)"
    )


def test_explain_without_rendered_explanations(mini_rules: Any, example_window: dict[str, Any]) -> None:
    example_window["staff"]["in_uniform"] = 5
    result = mini_rules.load().evaluate(example_window, explain=False)
    assert result.explain("en") == (
        "cd-510107-0001: Does not meet the standard 4.00/10.00\n"
        "  LF-1 Volunteer activities: met (4.00/4.00)\n"
        "  STF-1 Staff in uniform: not met (0.00/6.00)"
    )
    assert result.criteria["STF-1"].explain("zh") == "统一着装: 不符合 (0.00/6.00)"


def test_a_criterion_explains_itself_with_the_observed_values(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["lei_feng"]["activities"] = example_window["lei_feng"]["activities"][:4]
    criterion = standard.evaluate(example_window).criteria["LF-2"]
    assert criterion.explain("zh") == "期内开展志愿服务活动 4 次，满分需 6 次"
    assert criterion.explain() == criterion.explain("zh")
    assert criterion.explain("en") == "volunteer activities in the period: 4 (6 for full marks)"
    assert (str(criterion.points), criterion.status) == ("4.00", "partial")
