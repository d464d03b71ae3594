"""Stage 3: checking criteria and assembling an edition folder (``_check``, ``_build``)."""

from __future__ import annotations

import decimal
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

import window_standard as ws
from window_standard._build import build_rule_set, param_types, resolve_parameters
from window_standard._check import CheckedRule, check_criterion
from window_standard._engine.compiled import ENGINE
from window_standard._errors import Problem
from window_standard._expr.types import NUMBER
from window_standard._load import load_yaml_text
from window_standard._model import Window
from window_standard._spec import CriterionSpec

VETO = """\
- id: X-1
  kind: veto
  condition: {condition}
  title: {{zh: 弄虚作假, en: Falsified materials}}
  source: {{basis: a test rule}}
  provenance: reconstructed
"""


def run_one(rule: CheckedRule, root: Any, params: dict[str, Any]) -> tuple[Any, Any, tuple[Any, ...]]:
    """One rule run by the compiled engine: (applies, value, facts)."""
    raw = ENGINE.prepare([rule]).run(root, params, True)
    assert raw.facts is not None
    return raw.applies[0], raw.values[0], raw.facts[0]


def one_problem(mini_rules: Any, expected: str) -> None:
    assert mini_rules.error() == "1 problem in rule set:\n" + expected


# -- a valid rule set ---------------------------------------------------------------------------------------


def test_the_minimal_rule_set_compiles(mini_rules: Any) -> None:
    rules = build_rule_set(mini_rules.folder, Window)
    assert rules.spec.id == "mini-window" and rules.folder == str(mini_rules.folder)
    assert [c.spec.id for c in rules.criteria] == ["LF-1", "STF-1"]  # files in name order
    lf1, stf1 = rules.criteria
    assert lf1.fact_names == ("n", "params.min_activities")
    assert stf1.fact_names == ("staff.in_uniform", "staff.headcount")
    assert set(lf1.trees) == {"let.n", "score"} and set(stf1.trees) == {"condition"}
    assert not hasattr(lf1, "source") and not hasattr(lf1, "function")  # checked: typed trees, no code
    source = ENGINE.prepare(rules.criteria).source
    assert source.startswith("def run(w, p, with_facts):\n    (p_period_start, p_period_end, p_min_activities, ) = ")
    assert "    f1 = f0.activities\n" in source  # each field read once, ahead of the rules
    assert "    _items0 = f1\n" in source and "        for i1 in _items0:\n" in source
    assert "    l0_n = _h0\n" in source  # the count computed in that pass
    assert set(lf1.templates) == {"zh", "en"} and lf1.templates["en"].names == ("n",)
    assert stf1.location is not None and stf1.location.line == 1 and stf1.location.column == 3


def test_a_compiled_rule_returns_applies_value_and_facts(
    mini_rules: Any, example_window: dict[str, Any]
) -> None:
    rules = build_rule_set(mini_rules.folder, Window)
    window = Window.model_validate(example_window)
    params = resolve_parameters(rules.spec, date(2013, 6, 20))
    lf1, stf1 = rules.criteria
    assert run_one(lf1, window, params) == (True, Decimal("4.00"), (4, 2))
    assert run_one(stf1, window, params) == (True, True, (6, 6))
    early = resolve_parameters(rules.spec, date(2012, 6, 1))
    assert run_one(lf1, window, early) == (True, None, (4, None))


def test_check_criterion_works_for_any_pydantic_root_model() -> None:
    class Shop(BaseModel):
        model_config = ConfigDict(frozen=True)
        staff: int | None = None
        open_hours: Decimal

    text = """\
- id: SHOP-1
  category: S
  points: 2
  title: {zh: 人手, en: Staff}
  source: {basis: a test rule}
  provenance: reconstructed
  let:
    per_hour: staff / open_hours
  score: min(points, per_hour * params.factor)
"""
    loaded = load_yaml_text(text, "shop.yaml")
    spec = CriterionSpec.model_validate(loaded.data[0])
    problems: list[Problem] = []
    rule = check_criterion(
        spec, loaded, (0,), root=Shop, params={"factor": NUMBER}, constants={}, problems=problems
    )
    assert problems == [] and rule is not None
    assert run_one(rule, Shop(staff=3, open_hours=Decimal(2)), {"factor": 1}) == (
        True,
        Decimal("1.5"),
        (Decimal("1.5"), 3, Decimal(2), 1),
    )
    assert rule.fact_names == ("per_hour", "staff", "open_hours", "params.factor")
    bad = CriterionSpec.model_validate({**loaded.data[0], "score": "staf"})
    assert check_criterion(bad, loaded, (0,), root=Shop, params={}, constants={}, problems=problems) is None
    assert [p.render() for p in problems] == [
        "shop.yaml:9:10: WS303 in SHOP-1.score: unknown name 'staf'\n    hint: did you mean 'staff'?"
    ]


def test_facts_are_json_native_values_never_records(standard: ws.Standard) -> None:
    rules = standard._rules  # the checked rule set behind the public Standard
    lf1 = next(c for c in rules.criteria if c.spec.id == "LF-1")
    assert lf1.fact_names == (
        "team",
        "lei_feng.volunteer_team.established_on",
        "params.period_end",
        "assessed_on",
        "lei_feng.volunteer_team.members",
        "params.min_team_members",
    )
    lf2 = next(c for c in rules.criteria if c.spec.id == "LF-2")
    assert "lei_feng.activities" not in lf2.fact_names


def test_the_build_ignores_the_callers_decimal_precision(mini_rules: Any) -> None:
    # 5.75 + 4.25 with two significant digits would be 5.8 + 4.3: the sums would not add up
    mini_rules.replace("criteria/staff.yaml", "points: 6", "points: 5.75")
    mini_rules.replace("criteria/lei-feng.yaml", "points: 4", "points: 4.25")
    mini_rules.replace("standard.yaml", "    points: 6\n", "    points: 5.75\n")
    mini_rules.replace("standard.yaml", "    points: 4\n", "    points: 4.25\n")
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        standard = mini_rules.load()
    assert [c.points for c in standard.spec.criteria] == [Decimal("4.25"), Decimal("5.75")]


# -- whole-set checks ---------------------------------------------------------------------------------------


def test_duplicate_criterion_ids(mini_rules: Any) -> None:
    mini_rules.write("criteria/veto.yaml", VETO.format(condition="incidents.falsified_materials"))
    mini_rules.replace("criteria/veto.yaml", "X-1", "STF-1")
    one_problem(
        mini_rules,
        "criteria/veto.yaml:1:7: WS204 duplicate criterion id 'STF-1'\n    hint: give each criterion its "
        "own id",
    )


def test_an_unknown_category_is_reported_without_a_follow_up_sum_problem(mini_rules: Any) -> None:
    mini_rules.replace("criteria/staff.yaml", "category: STF", "category: STAFF")
    one_problem(
        mini_rules,
        "criteria/staff.yaml:2:13: WS205 STF-1 names unknown category 'STAFF'\n    hint: use one of STF, LF",
    )


def test_category_points_must_add_up(mini_rules: Any) -> None:
    mini_rules.replace("criteria/staff.yaml", "points: 6", "points: 5")
    one_problem(
        mini_rules,
        "standard.yaml:21:13: WS206 criteria of category STF add up to 5.00 points, not 6\n"
        "    hint: make the criteria's points match the category",
    )


def test_categories_must_add_up_to_the_total(mini_rules: Any) -> None:
    mini_rules.replace("standard.yaml", "total: 10", "total: 12")
    one_problem(
        mini_rules,
        "standard.yaml:19:3: WS206 categories add up to 10 points, not the total 12\n"
        "    hint: fix the categories' points or the total",
    )


def test_an_invalid_criterion_does_not_also_break_the_sums(mini_rules: Any) -> None:
    mini_rules.replace("criteria/staff.yaml", "  provenance: reconstructed\n", "")
    one_problem(
        mini_rules,
        "criteria/staff.yaml:1:3: WS202 missing required key 'provenance' at [0].provenance\n    hint: add "
        "it",
    )


def test_bonus_and_gates_do_not_count_in_categories(mini_rules: Any) -> None:
    bonus = VETO.format(condition="incidents.falsified_materials").replace(
        "kind: veto", "kind: bonus\n  points: 3"
    )
    mini_rules.write("criteria/bonus.yaml", bonus)
    assert mini_rules.load().criteria == ("X-1", "LF-1", "STF-1")


def test_dated_parameters_must_be_in_date_order(mini_rules: Any) -> None:
    mini_rules.replace("standard.yaml", "{2013-01-01: 2, 2014-01-01: 3}", "{2014-01-01: 3, 2013-01-01: 2}")
    one_problem(
        mini_rules,
        "standard.yaml:15:19: WS207 dated values of parameter 'min_activities' are not in date order\n"
        "    hint: list the dates from oldest to newest",
    )


def test_dated_parameters_keep_one_type(mini_rules: Any) -> None:
    mini_rules.replace("standard.yaml", "{2013-01-01: 2, 2014-01-01: 3}", "{2013-01-01: 2, 2014-01-01: x}")
    assert mini_rules.error() == (
        "2 problems in rule set:\n"
        "criteria/lei-feng.yaml:9:35: WS303 in LF-1.score: unknown parameter 'params.min_activities'\n"
        "    hint: known parameters: pass_threshold, period_end, period_start, rectify_threshold\n"
        "standard.yaml:15:19: WS207 parameter 'min_activities' mixes value types or has an unsupported "
        "value\n"
        "    hint: give every dated value the same type"
    )


def test_the_period_is_two_plain_dates(mini_rules: Any) -> None:
    mini_rules.replace("standard.yaml", "period_end: 2013-09-30", "period_end: {2013-01-01: 2013-09-30}")
    one_problem(
        mini_rules,
        "standard.yaml:14:15: WS207 parameter 'period_end' must be one date (not dated values)\n"
        "    hint: write YYYY-MM-DD",
    )


def test_a_level_threshold_must_name_a_number_parameter(mini_rules: Any) -> None:
    mini_rules.replace("standard.yaml", "min_score: pass_threshold", "min_score: pass_treshold")
    one_problem(
        mini_rules,
        "standard.yaml:26:5: WS207 level 'meets' refers to 'pass_treshold', which is not a number parameter\n"
        "    hint: declare it under parameters",
    )


def test_level_ids_are_unique(mini_rules: Any) -> None:
    mini_rules.replace("standard.yaml", "id: rectify", "id: meets")
    one_problem(mini_rules, "standard.yaml:29:5: WS204 duplicate level id 'meets'\n    hint: rename one")


def test_only_the_last_level_is_a_fallback(mini_rules: Any) -> None:
    mini_rules.replace("standard.yaml", "    min_score: rectify_threshold\n", "")
    mini_rules.replace(
        "standard.yaml",
        "title: {zh: 未达标, en: Does not meet the standard}",
        "title: {zh: 未达标, en: Does not meet the standard}\n    min_score: 3",
    )
    assert mini_rules.error() == (
        "2 problems in rule set:\n"
        "standard.yaml:29:5: WS202 level 'rectify' needs a min_score\n    hint: give a number or a "
        "parameter\n"
        "standard.yaml:31:5: WS203 the last level 'fails' is the fallback and has no min_score\n"
        "    hint: remove min_score"
    )


def test_a_level_threshold_may_be_a_number(mini_rules: Any, example_window: dict[str, Any]) -> None:
    mini_rules.replace("standard.yaml", "min_score: pass_threshold", "min_score: 9.5")
    standard = mini_rules.load()
    assert standard.evaluate(example_window).level == "meets"


def test_criteria_belong_in_criteria_files(mini_rules: Any) -> None:
    mini_rules.replace("standard.yaml", "total: 10\n", "total: 10\ncriteria: []\n")
    one_problem(
        mini_rules,
        "standard.yaml:10:1: WS201 criteria belong in criteria/*.yaml, not in standard.yaml\n"
        "    hint: move them to a file under criteria/",
    )


def test_a_criteria_file_is_a_list(mini_rules: Any) -> None:
    mini_rules.write("criteria/veto.yaml", "id: X-1\n")
    one_problem(
        mini_rules,
        "criteria/veto.yaml:1:1: WS203 a criteria file must be a list of criteria\n"
        "    hint: start each criterion with '- id: ...'",
    )


def test_a_folder_without_standard_yaml(tmp_path: Any) -> None:
    with pytest.raises(ws.RuleDefinitionError) as caught:
        ws.load_standard(path=tmp_path)
    assert str(caught.value) == (
        f"1 problem in rule set:\n{tmp_path / 'standard.yaml'}:1:1: WS106 no standard.yaml in {tmp_path}\n"
        "    hint: point at an edition folder"
    )


# -- expression problems are located in the file ------------------------------------------------------------


def test_expression_problems_point_into_folded_block_scalars(mini_rules: Any) -> None:
    mini_rules.write(
        "criteria/veto.yaml",
        VETO.format(condition=">-\n    incidents.falsified_materials\n    or incidents.ilegal_charging"),
    )
    one_problem(
        mini_rules,
        "criteria/veto.yaml:5:8: WS303 in X-1.condition: Incidents has no field 'ilegal_charging'\n"
        "    hint: did you mean 'illegal_charging_confirmed'?",
    )


def test_expression_problems_point_into_literal_block_scalars(mini_rules: Any) -> None:
    mini_rules.write(
        "criteria/veto.yaml",
        VETO.format(condition="|\n    incidents.falsified_materials  # 弄虚作假\n    or cnt(x) > 1"),
    )
    one_problem(
        mini_rules,
        "criteria/veto.yaml:5:8: WS304 in X-1.condition: unknown function 'cnt'\n    hint: did you mean "
        "'count'?",
    )


def test_expression_problems_after_chinese_text_count_characters(mini_rules: Any) -> None:
    mini_rules.write("criteria/veto.yaml", VETO.format(condition="\"name == '中文窗口' and staf\""))
    one_problem(
        mini_rules,
        "criteria/veto.yaml:3:34: WS303 in X-1.condition: unknown name 'staf'\n    hint: did you mean "
        "'staff'?",
    )


def test_a_condition_must_be_a_test_and_a_score_a_number(mini_rules: Any) -> None:
    mini_rules.replace("criteria/staff.yaml", "staff.in_uniform >= staff.headcount", "staff.in_uniform")
    mini_rules.replace("criteria/lei-feng.yaml", "min(points, n * points / params.min_activities)", "n > 1")
    assert mini_rules.error() == (
        "2 problems in rule set:\n"
        "criteria/lei-feng.yaml:9:10: WS306 in LF-1.score: 'score' must be a number, got bool or no data\n"
        "    hint: a score is a number of points, e.g. min(points, n)\n"
        "criteria/staff.yaml:7:14: WS306 in STF-1.condition: 'condition' must be a bool, got number or no "
        "data\n"
        "    hint: 'condition' is a test, e.g. staff.in_uniform >= staff.headcount"
    )


# -- explanation templates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (
            "{n:>3} volunteer activities",
            "criteria/lei-feng.yaml:12:10: WS308 in LF-1.explain.en: placeholder '{n}' may not have a format "
            "or conversion",
        ),
        (
            "{n!r} volunteer activities",
            "criteria/lei-feng.yaml:12:10: WS308 in LF-1.explain.en: placeholder '{n}' may not have a format "
            "or conversion",
        ),
        (
            "{n} volunteer activities {",
            "criteria/lei-feng.yaml:12:10: WS308 in LF-1.explain.en: bad braces in template: Single '{' "
            "encountered in format string",
        ),
        (
            "{n} of {lei_feng.activities}",
            "criteria/lei-feng.yaml:12:17: WS308 in LF-1.explain.en: placeholder '{lei_feng.activities}' "
            "must "
            "name a fact",
        ),
        (
            "{n}; team {lei_feng.volunteer_team}",
            "criteria/lei-feng.yaml:12:20: WS308 in LF-1.explain.en: placeholder '{lei_feng.volunteer_team}' "
            "must name a fact",
        ),
        (
            "{n} of {VOLUNTEER_KINDS}",
            "criteria/lei-feng.yaml:12:17: WS308 in LF-1.explain.en: placeholder '{VOLUNTEER_KINDS}' must "
            "name a "
            "fact",
        ),
        (
            "{n} activities, {staff.headcont} staff",
            "criteria/lei-feng.yaml:12:27: WS303 in LF-1.explain.en: Staff has no field 'headcont'",
        ),
    ],
)
def test_template_problems(mini_rules: Any, template: str, expected: str) -> None:
    mini_rules.replace("criteria/lei-feng.yaml", '"{n} volunteer activities in the period"', f'"{template}"')
    assert mini_rules.error().splitlines()[1] == expected


def test_templates_may_name_facts_params_and_points(mini_rules: Any, example_window: dict[str, Any]) -> None:
    mini_rules.replace(
        "criteria/lei-feng.yaml",
        '"{n} volunteer activities in the period"',
        '"{n} of {params.min_activities}; {score}/{max_points} ({points}); {staff.headcount} staff"',
    )
    result = mini_rules.load().evaluate(example_window)
    assert result.criteria["LF-1"].explain("en") == "4 of 2; 4/4 (4); 6 staff"
    assert result.criteria["LF-1"].facts == {"n": 4, "params.min_activities": 2, "staff.headcount": 6}


# -- parameters ---------------------------------------------------------------------------------------------


def test_dated_parameters_resolve_on_a_date(standard: ws.Standard) -> None:
    spec = standard.spec
    early = resolve_parameters(spec, date(2012, 12, 31))
    assert early["chengdu_divisions"] is None  # not yet in force: no data
    assert "510122" in resolve_parameters(spec, date(2013, 6, 20))["chengdu_divisions"]
    later = resolve_parameters(spec, date(2015, 12, 3))["chengdu_divisions"]
    assert "510122" not in later and "510116" in later
    assert isinstance(later, frozenset)
    assert resolve_parameters(spec, date(2013, 6, 20))["pass_threshold"] == 90


def test_parameter_types_are_read_off_the_values(standard: ws.Standard) -> None:
    problems: list[Problem] = []
    types = param_types(standard.spec, None, problems)
    assert problems == []
    assert types["pass_threshold"].kind == "number" and not types["pass_threshold"].nullable
    assert types["period_start"].kind == "date"
    divisions = types["chengdu_divisions"]
    assert divisions.kind == "list" and divisions.nullable and divisions.item is not None
    assert divisions.item.kind == "str"
