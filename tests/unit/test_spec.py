"""Stage 2: the spec models of rule files and their located validation problems (``_spec``)."""

from __future__ import annotations

import decimal
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from window_standard._load import load_yaml_text
from window_standard._spec import CriterionSpec, StandardSpec, validate_document

CRITERIA = TypeAdapter(list[CriterionSpec])
STANDARD = TypeAdapter(StandardSpec)
MINIMAL = Path(__file__).resolve().parent.parent / "errors" / "minimal"

CRITERION = """\
- id: STF-1
  category: STF
  points: 6
  title: {zh: 统一着装, en: Staff in uniform}
  source: {basis: a test rule}
  provenance: reconstructed
  condition: staff.in_uniform >= staff.headcount
"""
HINT = "\n    hint: see docs/rule-language.md"


def criteria_problems(text: str) -> list[str]:
    specs, problems = validate_document(CRITERIA, load_yaml_text(text, "c.yaml"), CriterionSpec)
    assert (specs is None) == bool(problems)
    return [p.render() for p in problems]


def standard_problems(text: str) -> list[str]:
    spec, problems = validate_document(STANDARD, load_yaml_text(text, "s.yaml"), StandardSpec)
    assert (spec is None) == bool(problems)
    return [p.render() for p in problems]


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# -- valid documents ----------------------------------------------------------------------------------------


def test_a_valid_criterion_validates_with_defaults() -> None:
    specs, problems = validate_document(CRITERIA, load_yaml_text(CRITERION), CriterionSpec)
    assert problems == []
    assert specs is not None
    (spec,) = specs
    assert spec.id == "STF-1" and spec.kind == "scored" and spec.effort == 2 and spec.let == {}
    assert spec.points == Decimal("6.00") and str(spec.points) == "6.00"
    assert spec.applies_when is None and spec.score is None and spec.explain is None


def test_points_are_kept_to_two_places_whatever_the_callers_precision() -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        specs, problems = validate_document(
            CRITERIA, load_yaml_text(edit(CRITERION, "points: 6", "points: 12.5")), CriterionSpec
        )
    assert problems == [] and specs is not None
    assert str(specs[0].points) == "12.50"


def test_the_minimal_standard_validates() -> None:
    text = (MINIMAL / "standard.yaml").read_text(encoding="utf-8")
    spec, problems = validate_document(STANDARD, load_yaml_text(text), StandardSpec)
    assert problems == [] and spec is not None
    assert spec.effective.from_.isoformat() == "2013-01-01" and spec.effective.to is None
    assert spec.parameters["min_activities"] == {date(2013, 1, 1): 2, date(2014, 1, 1): 3}
    assert spec.total == Decimal(10) and [c.id for c in spec.categories] == ["STF", "LF"]


# -- unknown, missing and invalid keys ----------------------------------------------------------------------


def test_an_unknown_key_suggests_the_close_one() -> None:
    text = edit(CRITERION, "  provenance: reconstructed\n", "  provenance: reconstructed\n  efort: 1\n")
    assert criteria_problems(text) == [
        "c.yaml:7:3: WS201 unknown key 'efort' at [0].efort\n    hint: did you mean 'effort'?"
    ]


def test_an_unknown_key_without_a_close_one_lists_the_allowed_keys() -> None:
    assert criteria_problems(CRITERION + "  zzz: 1\n") == [
        "c.yaml:8:3: WS201 unknown key 'zzz' at [0].zzz\n    hint: allowed keys here: advice, always_holds, "
        "applies_when, category, condition, effort, explain, explain_no_data, explain_not_applicable, id, "
        "kind, let, parts, points, provenance, rectifiable, requires, score, source, threshold, title"
    ]


def test_an_unknown_key_in_a_nested_mapping_suggests_from_that_mapping() -> None:
    text = edit(CRITERION, "{basis: a test rule}", "{basis: a test rule, claus: x}")
    assert criteria_problems(text) == [
        "c.yaml:5:32: WS201 unknown key 'claus' at [0].source.claus\n    hint: did you mean 'clause'?"
    ]


def test_an_unknown_key_of_standard_yaml_by_its_alias() -> None:
    text = (MINIMAL / "standard.yaml").read_text(encoding="utf-8")
    assert standard_problems(edit(text, "{from: 2013-01-01}", "{from: 2013-01-01, untill: 2014-01-01}")) == [
        "s.yaml:8:31: WS201 unknown key 'untill' at effective.untill\n    hint: allowed keys here: from, to"
    ]


def test_a_missing_key_is_reported_at_its_mapping() -> None:
    assert criteria_problems(edit(CRITERION, "  provenance: reconstructed\n", "")) == [
        "c.yaml:1:3: WS202 missing required key 'provenance' at [0].provenance\n    hint: add it"
    ]
    assert criteria_problems(edit(CRITERION, ", en: Staff in uniform", "")) == [
        "c.yaml:4:10: WS202 missing required key 'en' at [0].title.en\n    hint: add it"
    ]


def test_a_misspelt_required_key_is_both_missing_and_unknown() -> None:
    assert criteria_problems(edit(CRITERION, "  title:", "  titel:")) == [
        "c.yaml:1:3: WS202 missing required key 'title' at [0].title\n    hint: add it",
        "c.yaml:4:3: WS201 unknown key 'titel' at [0].titel\n    hint: did you mean 'title'?",
    ]


@pytest.mark.parametrize(
    ("old", "new", "rendered"),
    [
        (
            "  provenance: reconstructed\n",
            "  provenance: reconstructed\n  effort: 5\n",
            "c.yaml:7:11: WS203 invalid value at [0].effort: Input should be less than or equal to 3",
        ),
        (
            "  category: STF\n",
            "  category: STF\n  kind: gate\n",
            "c.yaml:3:9: WS203 invalid value at [0].kind: Input should be 'scored', 'prerequisite', "
            "'veto' or 'bonus'",
        ),
        (
            "points: 6",
            "points: 0",
            "c.yaml:3:11: WS203 invalid value at [0].points: Input should be greater than 0",
        ),
        (
            "points: 6",
            "points: 6.005",
            "c.yaml:3:11: WS203 invalid value at [0].points: points have at most two decimal places",
        ),
        (
            "points: 6",
            "points: 1.0e+30",
            "c.yaml:3:11: WS203 invalid value at [0].points: points are too large",
        ),
        (
            "id: STF-1",
            "id: stf1",
            "c.yaml:1:7: WS203 invalid value at [0].id: String should match pattern "
            "'^[A-Z][A-Z0-9]*-[A-Za-z0-9]+$'",
        ),
        (
            "provenance: reconstructed",
            "provenance: official",
            "c.yaml:6:15: WS203 invalid value at [0].provenance: Input should be 'notice' or 'reconstructed'",
        ),
        (
            "condition: staff.in_uniform >= staff.headcount",
            "condition: true",
            "c.yaml:7:14: WS203 invalid value at [0].condition: Input should be a valid string",
        ),
        (
            "condition: staff.in_uniform >= staff.headcount",
            "condition: ''",
            "c.yaml:7:14: WS203 invalid value at [0].condition: String should have at least 1 character",
        ),
    ],
)
def test_bad_values_are_reported_at_the_value(old: str, new: str, rendered: str | None) -> None:
    expected = [] if rendered is None else [rendered + HINT]
    assert criteria_problems(edit(CRITERION, old, new)) == expected


def test_a_criteria_file_validates_every_criterion() -> None:
    second = edit(CRITERION, "id: STF-1", "id: STF-2").replace("points: 6", "points: -1")
    third = edit(CRITERION, "id: STF-1", "id: STF-3")
    assert criteria_problems(CRITERION + second + third + "- 12\n") == [
        "c.yaml:10:11: WS203 invalid value at [1].points: Input should be greater than 0" + HINT,
        "c.yaml:22:3: WS203 invalid value at [3]: Input should be a valid dictionary or instance of "
        "CriterionSpec" + HINT,
    ]


# -- the shape of each kind ---------------------------------------------------------------------------------

VETO = """\
- id: VETO-1
  kind: veto
  title: {zh: 弄虚作假, en: Falsified materials}
  source: {basis: a test rule}
  provenance: reconstructed
  condition: incidents.falsified_materials
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (edit(CRITERION, "  points: 6\n", ""), "a scored criterion needs 'points'"),
        (edit(VETO, "  kind: veto\n", "  kind: bonus\n"), "a bonus criterion needs 'points'"),
        (VETO + "  points: 2\n", "a veto has no 'points' or 'score'; use 'condition'"),
        (
            edit(VETO, "condition:", "score:"),
            "a veto has no 'points' or 'score'; use 'condition'; a veto needs a 'condition'",
        ),
        (
            edit(VETO, "kind: veto", "kind: prerequisite").replace(
                "  condition: incidents.falsified_materials\n", ""
            ),
            "a prerequisite needs a 'condition'",
        ),
        (CRITERION + "  score: points\n", "give exactly one of 'condition' (all or nothing), 'score' and 'parts'"),
        (
            edit(CRITERION, "  condition: staff.in_uniform >= staff.headcount\n", ""),
            "give exactly one of 'condition' (all or nothing), 'score' and 'parts'",
        ),
        (
            edit(CRITERION, "  category: STF\n", ""),
            "'category' is required for scored criteria and not allowed otherwise",
        ),
        (VETO + "  category: STF\n", "'category' is required for scored criteria and not allowed otherwise"),
        (
            edit(CRITERION, "provenance: reconstructed", "provenance: notice"),
            "provenance 'notice' needs source.clause and source.quote",
        ),
        (
            edit(CRITERION, "{basis: a test rule}", "{clause: notice §2, quote: 成都市}"),
            "provenance 'reconstructed' needs source.basis",
        ),
    ],
)
def test_each_kind_has_its_shape(text: str, message: str) -> None:
    assert criteria_problems(text) == [f"c.yaml:1:3: WS203 invalid value at [0]: {message}" + HINT]


def test_the_shapes_of_valid_kinds() -> None:
    gate = edit(VETO, "kind: veto", "kind: prerequisite").replace("VETO-1", "PRE-1")
    bonus = edit(VETO, "kind: veto", "kind: bonus\n  points: 1").replace("VETO-1", "BON-1")
    notice = edit(CRITERION, "{basis: a test rule}", "{clause: notice §2, quote: 成都市}").replace(
        "provenance: reconstructed", "provenance: notice"
    )
    scored = edit(CRITERION, "condition: staff.in_uniform >= staff.headcount", "score: points").replace(
        "STF-1", "STF-2"
    )
    assert criteria_problems(VETO + gate + bonus + notice + scored) == []


# -- standard.yaml ------------------------------------------------------------------------------------------


def minimal_standard() -> str:
    return (MINIMAL / "standard.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "rendered"),
    [
        (
            "provenance: official",
            "provenance: reconstructed",
            "s.yaml:3:1: WS203 invalid value at document: a reconstructed edition needs a 'disclaimer' "
            "saying what is reconstructed" + HINT,
        ),
        (
            "version: 1.0.0",
            "version: '1.0'",
            "s.yaml:4:10: WS203 invalid value at version: String should match pattern "
            r"'^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$'" + HINT,
        ),
        (
            "  pass_threshold: 9\n",
            "  Pass: 9\n",
            "s.yaml:11:9: WS203 invalid value at parameters.Pass.[key]: String should match pattern "
            "'^[a-z][a-z0-9_]*$'" + HINT,
        ),
        (
            "document: tests/errors/minimal\n",
            "",
            "s.yaml:3:1: WS202 missing required key 'document' at document\n    hint: add it",
        ),
    ],
)
def test_standard_yaml_problems(old: str, new: str, rendered: str) -> None:
    assert standard_problems(edit(minimal_standard(), old, new)) == [rendered]


def test_standard_yaml_needs_two_levels_and_a_category() -> None:
    text = minimal_standard()
    text = text[: text.index("  - id: rectify")]
    text = edit(text, "categories:\n", "categories: []\nold_categories:\n")
    assert standard_problems(text) == [  # in pydantic's order; RuleDefinitionError sorts them
        "s.yaml:18:13: WS203 invalid value at categories: List should have at least 1 item after "
        "validation, not 0" + HINT,
        "s.yaml:27:3: WS203 invalid value at levels: List should have at least 2 items after validation, "
        "not 1" + HINT,
        "s.yaml:19:1: WS201 unknown key 'old_categories' at old_categories\n"
        "    hint: did you mean 'categories'?",
    ]


def test_a_document_that_is_not_a_mapping() -> None:
    assert standard_problems("- a\n") == [
        "s.yaml:1:1: WS203 invalid value at document: Input should be a valid dictionary or instance of "
        "StandardSpec" + HINT
    ]
