"""Evaluating a window — statuses, totals, normalisation, bonus, levels (``_engine.scoring``, ``assemble``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

import window_standard as ws
from window_standard._engine.scoring import level_of
from window_standard._numbers import json_native as json_fact
from window_standard._standard import parameters_digest
from window_standard._model.enums import ActivityKind
from window_standard._result import CategoryResult, CriterionResult, LocalText, Result


def statuses(result: ws.Result, *ids: str) -> dict[str, tuple[str, str | None]]:
    """Status and points (as text, to see the two places) of some criteria."""
    found: dict[str, tuple[str, str | None]] = {}
    for cid in ids:
        criterion = result.criteria[cid]
        found[cid] = (criterion.status, None if criterion.points is None else str(criterion.points))
    return found


# -- the example window -------------------------------------------------------------------------------------


def test_the_example_window_meets_the_standard_with_the_bonus_capped(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    result = standard.evaluate(example_window)
    assert (result.level, result.passed) == ("meets", True)
    assert (str(result.score), str(result.max_score)) == ("100.00", "100.00")
    assert (str(result.raw_score), str(result.raw_max), str(result.bonus)) == ("100.00", "100.00", "1.00")
    assert statuses(result, "BON-1", "BON-2") == {"BON-1": ("fail", "0.00"), "BON-2": ("pass", "1.00")}
    assert {cid: str(c.score) for cid, c in result.categories.items()} == {
        "ENV": "20.00",
        "STF": "15.00",
        "PRC": "20.00",
        "QLT": "25.00",
        "LF": "20.00",
    }
    assert result.vetoes == [] and result.prerequisites == []
    assert result.window_id == "cd-510107-0001" and result.evaluated_on == date(2013, 6, 20)
    assert result.standard == ws.StandardStamp(
        id=standard.id, version=standard.version, digest=standard.digest
    )


# -- statuses -----------------------------------------------------------------------------------------------


def test_each_status(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    example_window["kind"] = "business_acceptance_centre"  # PRC-5, PRC-6 do not apply
    example_window["staff"]["in_uniform"] = 4  # STF-1: 3 - 2 = 1 point of 3
    example_window["environment"]["signage"] = None  # ENV-1: no data
    example_window["environment"]["accessible_entrance"] = False  # ENV-9 fails
    example_window["staff"]["conduct_violations"] = 9  # STF-6: 2 - 4.5 -> stops at 0
    result = standard.evaluate(example_window)
    assert statuses(result, "ENV-2", "STF-1", "ENV-9", "STF-6", "PRC-5", "PRC-6", "ENV-1") == {
        "ENV-2": ("pass", "2.00"),
        "STF-1": ("partial", "1.00"),
        "ENV-9": ("fail", "0.00"),
        "STF-6": ("fail", "0.00"),
        "PRC-5": ("not_applicable", None),
        "PRC-6": ("not_applicable", None),
        "ENV-1": ("no_data", "0.00"),
    }
    assert result.criteria["PRC-5"].max_points == Decimal("3.00")


def test_gates_and_vetoes_have_no_points(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    result = standard.evaluate(example_window)
    for cid in ("PRE-1", "PRE-5", "VETO-1", "VETO-4"):
        criterion = result.criteria[cid]
        assert (criterion.points, criterion.max_points, criterion.category) == (None, None, None)
    assert result.criteria["PRE-1"].status == "pass"
    assert result.criteria["VETO-1"].status == "pass"  # did not fire


# -- totals -------------------------------------------------------------------------------------------------


def test_criteria_that_do_not_apply_leave_the_maximum(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["kind"] = "business_acceptance_centre"
    example_window["staff"]["in_uniform"] = 4
    result = standard.evaluate(example_window)
    assert (str(result.raw_score), str(result.raw_max)) == ("92.00", "94.00")
    assert str(result.categories["PRC"].max_score) == "14.00"
    assert str(result.score) == "98.87"  # 92 / 94 * 100 = 97.8723... -> 97.87, plus the 1.00 bonus
    assert result.categories["PRC"].criteria == [f"PRC-{i}" for i in range(1, 9)]


def test_missing_data_scores_zero_and_says_so(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    example_window["quality"]["survey"] = None
    example_window["quality"]["repairs"] = None
    result = standard.evaluate(example_window)
    assert statuses(result, "QLT-1", "QLT-3", "QLT-4", "QLT-5") == {
        "QLT-1": ("no_data", "0.00"),
        "QLT-3": ("no_data", "0.00"),  # applies_when itself has no data: the criterion still counts
        "QLT-4": ("no_data", "0.00"),
        "QLT-5": ("no_data", "0.00"),
    }
    assert (str(result.raw_score), str(result.raw_max), str(result.score)) == ("80.00", "100.00", "81.00")
    assert result.level == "rectify" and not result.passed


def test_the_bonus_is_added_after_normalisation_and_capped(
    mini_rules: Any, example_window: dict[str, Any]
) -> None:
    mini_rules.write(
        "criteria/bonus.yaml",
        """\
- id: BON-1
  kind: bonus
  points: 2
  title: {zh: 加分, en: Bonus}
  source: {basis: a test rule}
  provenance: reconstructed
  condition: lei_feng.moral_lecture_hall is not None
""",
    )
    standard = mini_rules.load()
    full = standard.evaluate(example_window)
    assert (str(full.score), str(full.bonus), str(full.raw_score)) == ("10.00", "2.00", "10.00")
    example_window["staff"]["in_uniform"] = 5  # STF-1 (6 points) fails: 4 / 10 * 10 = 4, plus 2
    partial = standard.evaluate(example_window)
    assert (str(partial.score), str(partial.bonus), str(partial.raw_score)) == ("6.00", "2.00", "4.00")
    assert partial.level == "fails"


def test_a_rule_set_where_nothing_applies_scores_zero(
    mini_rules: Any, example_window: dict[str, Any]
) -> None:
    for rel in ("criteria/staff.yaml", "criteria/lei-feng.yaml"):
        mini_rules.replace(
            rel, "  provenance: reconstructed\n", "  provenance: reconstructed\n  applies_when: id == 'x'\n"
        )
    result = mini_rules.load().evaluate(example_window)
    assert (str(result.score), str(result.raw_max), result.level) == ("0.00", "0.00", "fails")


# -- levels -------------------------------------------------------------------------------------------------


def test_a_fired_veto_fails_the_window_whatever_its_score(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["incidents"]["illegal_charging_confirmed"] = True
    result = standard.evaluate(example_window)
    assert (result.level, str(result.score), result.vetoes, result.passed) == (
        "fails",
        "100.00",
        ["VETO-2"],
        False,
    )
    assert result.criteria["VETO-2"].status == "fail"


def test_a_veto_without_data_does_not_fire_in_1_0_0(example_window: dict[str, Any]) -> None:
    example_window["incidents"]["major_safety_accident"] = None
    result = ws.load_standard(version="1.0.0").evaluate(example_window)
    assert result.criteria["VETO-1"].status == "no_data"
    assert (result.level, result.vetoes) == ("meets", [])


def test_a_veto_without_data_blocks_in_2_0_0(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    example_window["incidents"]["major_safety_accident"] = None
    result = standard.evaluate(example_window)
    assert result.criteria["VETO-1"].status == "no_data"
    assert (result.level, result.vetoes) == ("fails", ["VETO-1"])
    (item,) = [r for r in result.rectifications() if r.kind == "veto"]
    assert item.describe("zh").startswith("VETO-1 一票否决项无数据：发生重大安全责任事故 — 提供主管部门出具的")


def test_a_failed_gate_fails_the_window(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    example_window["organisation"]["campaign_plan_adopted_on"] = None
    result = standard.evaluate(example_window)
    assert (result.level, result.prerequisites, str(result.score)) == ("fails", ["PRE-4"], "100.00")
    assert result.criteria["PRE-4"].status == "fail"


def test_a_gate_without_data_fails_the_window(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    example_window["organisation"]["engaged_for_area"] = None
    result = standard.evaluate(example_window)
    assert result.criteria["PRE-3"].status == "no_data"
    assert (result.level, result.prerequisites) == ("fails", ["PRE-3"])


def test_gates_and_vetoes_that_do_not_apply_are_ignored(
    mini_rules: Any, example_window: dict[str, Any]
) -> None:
    rule = """\
- id: {id}
  kind: {kind}
  applies_when: kind == 'business_acceptance_centre'
  condition: {condition}
  title: {{zh: 条件, en: Condition}}
  source: {{basis: a test rule}}
  provenance: reconstructed
"""
    mini_rules.write(
        "criteria/gates.yaml",
        rule.format(id="PRE-1", kind="prerequisite", condition="id == 'nobody'")
        + rule.format(id="VETO-1", kind="veto", condition="id != 'nobody'"),
    )
    standard = mini_rules.load()
    result = standard.evaluate(example_window)  # a customer service centre: neither applies
    assert statuses(result, "PRE-1", "VETO-1") == {
        "PRE-1": ("not_applicable", None),
        "VETO-1": ("not_applicable", None),
    }
    assert (result.level, result.prerequisites, result.vetoes) == ("meets", [], [])
    example_window["kind"] = "business_acceptance_centre"
    applied = standard.evaluate(example_window)
    assert statuses(applied, "PRE-1", "VETO-1") == {"PRE-1": ("fail", None), "VETO-1": ("fail", None)}
    assert (applied.level, applied.prerequisites, applied.vetoes) == ("fails", ["PRE-1"], ["VETO-1"])


@pytest.fixture
def eighty_one(example_window: dict[str, Any]) -> dict[str, Any]:
    """A window scoring 81.00 (80.00 raw plus a 1.00 bonus)."""
    example_window["quality"]["survey"] = None
    example_window["quality"]["repairs"] = None
    return example_window


@pytest.mark.parametrize(
    ("overrides", "level"),
    [
        ({}, "rectify"),  # 80 <= 81 < 90
        ({"pass_threshold": 81}, "meets"),  # a threshold is reached at equality
        ({"pass_threshold": Decimal("81.01")}, "rectify"),
        ({"rectify_threshold": 81}, "rectify"),
        ({"rectify_threshold": Decimal("81.01")}, "fails"),
        ({"pass_threshold": 95, "rectify_threshold": 85}, "fails"),
    ],
)
def test_levels_follow_the_thresholds(
    standard: ws.Standard, eighty_one: dict[str, Any], overrides: dict[str, Any], level: str
) -> None:
    variant = standard.with_parameters(**overrides) if overrides else standard
    result = variant.evaluate(eighty_one)
    assert (str(result.score), result.level, result.passed) == ("81.00", level, level == "meets")


@pytest.mark.parametrize(
    ("score", "level"), [("90.00", "meets"), ("89.99", "rectify"), ("80.00", "rectify"), ("79.99", "fails")]
)
def test_the_default_thresholds_are_90_and_80(standard: ws.Standard, score: str, level: str) -> None:
    # the level function on its own, at the boundaries (scores of real windows move in larger steps)
    params = standard.parameters_on(date(2013, 6, 20))
    levels = [(lv.id, lv.min_score) for lv in standard.spec.levels]
    assert levels[level_of(levels, Decimal(score), params, blocked=False)][0] == level
    assert levels[level_of(levels, Decimal(score), params, blocked=True)][0] == "fails"


def test_level_titles(standard: ws.Standard, eighty_one: dict[str, Any]) -> None:
    assert standard.evaluate(eighty_one).level_title == LocalText(
        zh="基本达标（限期整改）", en="Rectify within a time limit"
    )


# -- dates ---------------------------------------------------------------------------------------------------


def test_dated_parameters_resolve_on_the_assessment_date(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["district"] = "510122"  # 双流县, a district until 2015-12-03 (then 双流区 510116)
    assert standard.evaluate(example_window).criteria["PRE-1"].status == "pass"
    example_window["assessed_on"] = date(2016, 6, 1)
    old = ws.load_standard(version="1.0.0").evaluate(example_window)
    assert old.criteria["PRE-1"].status == "fail" and old.level == "fails"  # 1.0.0: the code is gone
    later = standard.evaluate(example_window)  # 2.0.0: the former code keeps its territory, with a warning
    assert later.criteria["PRE-1"].status == "pass" and [w.code for w in later.warnings] == [
        "district-code-superseded"
    ]


def test_as_of_overrides_the_assessment_date(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    result = standard.evaluate(example_window, as_of=date(2012, 12, 31))  # before any division list
    assert result.evaluated_on == date(2012, 12, 31)
    assert standard.parameters_on(result.evaluated_on)["chengdu_divisions"] is None
    assert result.parameters_digest == parameters_digest(standard.parameters_on(date(2012, 12, 31)))
    assert result.parameters_digest != standard.evaluate(example_window).parameters_digest
    assert result.criteria["PRE-1"].status == "no_data" and result.prerequisites == ["PRE-1"]


def test_activities_count_only_inside_the_period(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    activities = example_window["lei_feng"]["activities"]
    volunteer = [a for a in activities if a["kind"] in {"convenience_service", "environment_cleanup"}]
    volunteer[0]["date"] = date(2013, 2, 28)  # the day before the period
    volunteer[1]["date"] = date(2013, 10, 1)  # the day after
    volunteer[2]["date"] = date(2013, 3, 1)  # first day: counts
    result = standard.evaluate(example_window)
    assert result.criteria["LF-2"].facts["n"] == 4
    assert str(result.criteria["LF-2"].points) == "4.00"  # 4 of 6 activities for 6 points


# -- inputs and outputs -------------------------------------------------------------------------------------


def test_a_window_object_and_its_dict_give_the_same_result(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    window = ws.Window.model_validate(example_window)
    assert standard.evaluate(window) == standard.evaluate(example_window)


def test_an_invalid_window_raises_a_validation_error_naming_the_field(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["staff"]["headcount"] = "six"
    with pytest.raises(ValidationError) as caught:
        standard.evaluate(example_window)
    assert [e["loc"] for e in caught.value.errors()] == [("staff", "headcount")]


def test_without_explanations_scores_are_the_same(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["staff"]["in_uniform"] = 4
    full = standard.evaluate(example_window)
    bare = standard.evaluate(example_window, explain=False)
    assert all(c.explanation is None and c.facts == {} for c in bare.criteria.values())
    assert [(c.id, c.status, c.points) for c in bare.criteria.values()] == [
        (c.id, c.status, c.points) for c in full.criteria.values()
    ]
    assert (bare.score, bare.level, bare.rectifications()[0].id) == (full.score, full.level, "STF-1")


def test_json_facts_are_json_native() -> None:
    assert json_fact(Decimal("6")) == 6 and json_fact(Decimal("0.50")) == "0.5"
    assert json_fact(date(2013, 3, 1)) == "2013-03-01"
    assert json_fact(ActivityKind.MORAL_LECTURE) == "moral_lecture"
    assert json_fact(frozenset({"b", "a"})) == ["a", "b"]
    assert json_fact([ActivityKind.MORAL_LECTURE, None, True]) == ["moral_lecture", None, True]


def test_parts_built_on_demand_are_valid_models(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    result = standard.evaluate(example_window)
    criterion = result.criteria["LF-2"]
    assert CriterionResult.model_validate(criterion.model_dump()) == criterion
    category = result.categories["ENV"]
    assert CategoryResult.model_validate(category.model_dump()) == category
    assert Result.model_validate(result.model_dump()) == result  # the constructed values are valid
    assert result.criteria["LF-2"] is criterion  # built once, then kept
