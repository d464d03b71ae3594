"""The content of rules/cdpma-window-2013: sources, texts, golden-case coverage, and the README's table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

import window_standard as ws
from window_standard._golden import REGENERATE, GoldenCase, coverage_table, load_suite, readme_table
from window_standard._load import load_yaml_text
from window_standard._spec import CriterionSpec

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules" / "cdpma-window-2013"
NOTICE = RULES / "sources" / "notice-2013-9.zh.txt"

#: Rules that cannot fail on a valid window, and why (each reason is checked by a test below).
CANNOT_FAIL = {"PRE-2": "the window model requires kind_other exactly when kind is 'other'"}


@pytest.fixture(scope="module")
def suite() -> tuple[ws.Standard, tuple[GoldenCase, ...]]:
    return load_suite(RULES)


@pytest.fixture(scope="module")
def rules(suite: tuple[ws.Standard, tuple[GoldenCase, ...]]) -> list[CriterionSpec]:
    return list(suite[0].spec.criteria)


def statuses(cases: tuple[GoldenCase, ...], rule_id: str) -> Iterator[str]:
    for case in cases:
        status = case.expect.status.get(rule_id)
        if status is not None:
            yield status


def test_readme_table_is_generated_from_the_rules_and_cases() -> None:
    readme = (RULES / "README.md").read_text(encoding="utf-8")
    current = readme_table(readme)
    assert current is not None, "README.md lost its <!-- BEGIN/END GENERATED TABLE --> markers"
    command = REGENERATE.format(rules_dir="rules/cdpma-window-2013")
    assert current == coverage_table(RULES), (
        f"the README's table is out of date; regenerate it with: {command}"
    )


def test_readme_says_it_is_a_reconstruction(suite: tuple[ws.Standard, tuple[GoldenCase, ...]]) -> None:
    readme = (RULES / "README.md").read_text(encoding="utf-8")
    standard = suite[0]
    assert standard.provenance == "reconstructed"
    assert standard.disclaimer is not None
    assert "**This rule set is a reconstruction, not the official standard.**" in readme
    assert "was never published with the notice" in readme
    assert "".join(standard.disclaimer.zh.split()) in "".join(readme.replace("\n> ", "").split())


def test_notice_quotes_are_verbatim(rules: list[CriterionSpec]) -> None:
    notice = NOTICE.read_text(encoding="utf-8")
    cited = [r for r in rules if r.provenance == "notice"]
    assert len(cited) == 17
    for rule in cited:
        assert rule.source.clause and rule.source.clause.startswith("notice §"), rule.id
        assert rule.source.quote and rule.source.quote in notice, f"{rule.id}: quote not in {NOTICE.name}"


def test_reconstructed_rules_give_their_basis(rules: list[CriterionSpec]) -> None:
    for rule in rules:
        if rule.provenance == "reconstructed":
            assert rule.source.basis and rule.source.basis.strip(), rule.id


def test_every_rule_has_titles_and_explanations_in_both_languages(rules: list[CriterionSpec]) -> None:
    assert len(rules) == 48
    for rule in rules:
        assert rule.title.zh.strip() and rule.title.en.strip(), rule.id
        assert rule.explain is not None or rule.parts, f"{rule.id} has no explain"
        assert all(part.explain is not None for part in rule.parts or []), f"{rule.id} has a part without explain"
        assert rule.explain is None or (rule.explain.zh.strip() and rule.explain.en.strip()), rule.id


def test_every_rule_has_a_passing_and_a_failing_case(
    suite: tuple[ws.Standard, tuple[GoldenCase, ...]], rules: list[CriterionSpec]
) -> None:
    _, cases = suite
    missing = []
    for rule in rules:
        seen = set(statuses(cases, rule.id))
        if "pass" not in seen:
            missing.append(f"{rule.id}: no case expects status pass")
        if "fail" not in seen and rule.id not in CANNOT_FAIL:
            missing.append(f"{rule.id}: no case expects status fail")
    assert missing == []


def test_partial_and_not_applicable_cases_exist_where_they_can_occur(
    suite: tuple[ws.Standard, tuple[GoldenCase, ...]], rules: list[CriterionSpec]
) -> None:
    _, cases = suite
    missing = []
    for rule in rules:
        seen = set(statuses(cases, rule.id))
        if rule.score is not None and "partial" not in seen:
            missing.append(f"{rule.id}: scored by points but no case expects partial")
        if rule.applies_when is not None and "not_applicable" not in seen:
            missing.append(f"{rule.id}: has applies_when but no case expects not_applicable")
    assert missing == []


def test_no_data_cases_exist_for_every_rule_that_can_lack_data(
    suite: tuple[ws.Standard, tuple[GoldenCase, ...]], rules: list[CriterionSpec]
) -> None:
    _, cases = suite
    never_no_data = {"PRE-2", "PRE-4", "LF-1"}  # inputs are required fields or null means "none"
    lacking = [
        r.id for r in rules if r.id not in never_no_data and "no_data" not in set(statuses(cases, r.id))
    ]
    assert lacking == []


def test_every_case_asserts_level_score_and_targets(
    suite: tuple[ws.Standard, tuple[GoldenCase, ...]],
) -> None:
    _, cases = suite
    assert len(cases) >= 150
    for case in cases:
        assert case.expect.level is not None, f"{case.name} does not assert the level"
        assert case.expect.score is not None, f"{case.name} does not assert the total"
        assert case.targets, f"{case.name} names no criterion"


def test_rules_that_cannot_fail_are_exactly_those_declared_always_holds(suite) -> None:  # type: ignore[no-untyped-def]
    standard, _ = suite
    assert {c.id for c in standard.spec.criteria if c.always_holds} == set(CANNOT_FAIL)


def test_pre2_cannot_fail_because_the_model_requires_a_description() -> None:
    base = (RULES / "cases" / "base-empty.yaml").read_text(encoding="utf-8")
    data = {**_yaml(base), "kind": "other", "kind_other": None}
    with pytest.raises(ValidationError, match="kind_other is required"):
        ws.Window.model_validate(data)
    with pytest.raises(ValidationError, match="kind_other is required"):
        ws.Window.model_validate({**data, "kind_other": "   "})


def _yaml(text: str) -> dict[str, object]:
    data = load_yaml_text(text).data
    assert isinstance(data, dict)
    return data
