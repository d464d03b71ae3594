"""The compiled ``Standard``: identity, immutability, digests and what-if variants (``_standard``)."""

from __future__ import annotations

import decimal
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

import window_standard as ws
from window_standard._library import packaged_rules_dir

EDITION = "cdpma-window-2013"


@pytest.fixture
def edition_copy(tmp_path: Path) -> Path:
    """A writable copy of the packaged edition."""
    folder = tmp_path / EDITION
    shutil.copytree(packaged_rules_dir() / EDITION, folder)
    return folder


def test_identity(standard: ws.Standard) -> None:
    assert (standard.id, standard.version, standard.provenance) == (EDITION, "2.0.0", "reconstructed")
    assert standard.title == ws.LocalText(
        zh="成都市物业管理优质服务窗口创建标准",
        en="Chengdu property-management quality service window creation standard",
    )
    assert standard.effective == (date(2013, 3, 12), None)
    assert standard.disclaimer is not None and standard.disclaimer.en.startswith("Annex 1 of notice")
    assert len(standard.digest) == 64 and all(c in "0123456789abcdef" for c in standard.digest)
    assert repr(standard) == f"<Standard {EDITION} 2.0.0 digest={standard.digest[:12]} engine=compiled>"
    assert standard.criteria[:5] == ("PRE-1", "PRE-2", "PRE-3", "PRE-4", "PRE-5")
    assert len(standard.criteria) == len(set(standard.criteria)) == 48  # 2.0.0 adds BON-3


# -- immutability -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["id", "digest", "_spec", "_rules", "anything"])
def test_attributes_cannot_be_set(standard: ws.Standard, name: str) -> None:
    digest = standard.digest
    with pytest.raises(AttributeError) as caught:
        setattr(standard, name, "changed")
    assert str(caught.value) == "Standard is immutable; use with_parameters() for a variant"
    assert standard.digest == digest


@pytest.mark.parametrize("name", ["_spec", "_evaluator", "_params_cache"])
def test_attributes_cannot_be_deleted(standard: ws.Standard, name: str) -> None:
    with pytest.raises(AttributeError) as caught:
        delattr(standard, name)
    assert str(caught.value) == "Standard is immutable; use with_parameters() for a variant"


def test_parameters_are_read_only(standard: ws.Standard) -> None:
    with pytest.raises(TypeError):
        standard.parameters["pass_threshold"] = 0  # type: ignore[index]
    assert standard.parameters["pass_threshold"] == 90


def test_changing_resolved_parameters_does_not_change_the_standard(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    on = example_window["assessed_on"]
    standard.parameters_on(on)["pass_threshold"] = 101
    assert standard.parameters_on(on)["pass_threshold"] == 90
    assert standard.evaluate(example_window).level == "meets"


# -- what-if variants ---------------------------------------------------------------------------------------


def test_with_parameters_returns_a_new_standard_and_leaves_the_original(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    before = (standard.digest, dict(standard.parameters), standard.evaluate(example_window))
    strict = standard.with_parameters(pass_threshold=101)
    assert strict is not standard and isinstance(strict, ws.Standard)
    assert strict.digest != standard.digest
    assert (strict.id, strict.version, strict.criteria) == (standard.id, standard.version, standard.criteria)
    assert strict.parameters["pass_threshold"] == 101 and standard.parameters["pass_threshold"] == 90
    assert strict.evaluate(example_window).level == "rectify"
    assert strict.evaluate(example_window).standard.digest == strict.digest
    assert (standard.digest, dict(standard.parameters), standard.evaluate(example_window)) == before


def test_the_same_parameter_value_gives_the_same_digest(standard: ws.Standard) -> None:
    assert standard.with_parameters(pass_threshold=90).digest == standard.digest
    assert standard.with_parameters(pass_threshold=Decimal("90.0")).digest == standard.digest
    assert standard.with_parameters(pass_threshold=91).digest != standard.digest


def test_variants_of_variants(standard: ws.Standard) -> None:
    first = standard.with_parameters(pass_threshold=95)
    second = first.with_parameters(rectify_threshold=85)
    assert (second.parameters["pass_threshold"], second.parameters["rectify_threshold"]) == (95, 85)
    assert len({standard.digest, first.digest, second.digest}) == 3
    assert standard.with_parameters(rectify_threshold=85, pass_threshold=95).digest == second.digest


def test_a_python_float_override_becomes_a_decimal(standard: ws.Standard) -> None:
    variant = standard.with_parameters(certified_full_ratio=0.85)
    assert variant.parameters["certified_full_ratio"] == Decimal("0.85")


def test_a_dated_parameter_can_be_overridden_with_dated_values(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    variant = standard.with_parameters(chengdu_divisions={date(2013, 1, 1): ["510104"]})
    assert variant.parameters_on(date(2013, 6, 20))["chengdu_divisions"] == frozenset({"510104"})
    result = variant.evaluate(example_window)  # the example's 510107 is no longer listed
    assert (result.criteria["PRE-1"].status, result.level) == ("fail", "fails")


def test_an_unknown_parameter_is_refused(standard: ws.Standard) -> None:
    with pytest.raises(ws.RuleDefinitionError) as caught:
        standard.with_parameters(pass_treshold=95)
    assert caught.value.codes == ["WS207"]
    known = sorted(standard.parameters)
    assert str(caught.value) == (
        "1 problem in rule set:\nWS207 unknown parameter 'pass_treshold'\n    hint: known: "
        + ", ".join(known)
    )
    assert "pass_threshold" in known and len(known) == 34


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"pass_threshold": "95"}, "WS207 parameter 'pass_threshold' must stay a number, got str"),
        ({"pass_threshold": True}, "WS207 parameter 'pass_threshold' must stay a number, got bool"),
        (
            {"pass_threshold": {date(2013, 1, 1): 95}},
            "WS207 parameter 'pass_threshold' is not dated; give one value",
        ),
    ],
)
def test_a_value_of_another_type_is_refused(
    standard: ws.Standard, overrides: dict[str, Any], message: str
) -> None:
    with pytest.raises(ws.RuleDefinitionError) as caught:
        standard.with_parameters(**overrides)
    assert str(caught.value) == "1 problem in rule set:\n" + message
    assert isinstance(caught.value, ws.WindowStandardError)


def test_the_period_must_stay_a_date(standard: ws.Standard) -> None:
    with pytest.raises(ws.RuleDefinitionError) as caught:
        standard.with_parameters(period_start="2013-03-01")
    assert str(caught.value) == (
        "2 problems in rule set:\n"
        "WS207 parameter 'period_start' must be one date (not dated values)\n    hint: write YYYY-MM-DD\n"
        "WS207 parameter 'period_start' must stay a date, got str"
    )


# -- digests ------------------------------------------------------------------------------------------------


def test_the_digest_is_stable(standard: ws.Standard) -> None:
    assert ws.load_standard(EDITION).digest == standard.digest


def test_the_digest_ignores_the_callers_decimal_precision(edition_copy: Path) -> None:
    text = (edition_copy / "standard.yaml").read_text(encoding="utf-8")
    (edition_copy / "standard.yaml").write_text(
        text.replace("certified_full_ratio: 0.8\n", "certified_full_ratio: 0.8125\n"), encoding="utf-8"
    )
    reference = ws.load_standard(path=edition_copy).digest
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        assert ws.load_standard(path=edition_copy).digest == reference


def reformat(path: Path) -> None:
    """Rewrite a YAML file with sorted keys, other indentation, no comments and no flow style."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = yaml.safe_dump(
        data, sort_keys=True, indent=4, allow_unicode=True, default_flow_style=False, width=60
    )
    path.write_text("# reformatted\n" + text, encoding="utf-8")


def test_the_digest_ignores_layout_key_order_and_comments(standard: ws.Standard, edition_copy: Path) -> None:
    for path in [edition_copy / "standard.yaml", *sorted((edition_copy / "criteria").glob("*.yaml"))]:
        before = path.read_text(encoding="utf-8")
        reformat(path)
        assert path.read_text(encoding="utf-8") != before
    reformatted = ws.load_standard(path=edition_copy)
    assert reformatted.digest == standard.digest


def test_the_digest_ignores_equal_numbers_written_differently(
    standard: ws.Standard, edition_copy: Path
) -> None:
    path = edition_copy / "standard.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("pass_threshold: 90\n", "pass_threshold: 90.0\n")
    text = text.replace("certified_full_ratio: 0.8\n", "certified_full_ratio: 0.80\n")
    path.write_text(text, encoding="utf-8")
    assert ws.load_standard(path=edition_copy).digest == standard.digest


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("standard.yaml", "rectify_threshold: 80\n", "rectify_threshold: 81\n"),
        ("standard.yaml", "version: 2.0.0", "version: 2.0.1"),
        ("standard.yaml", "en: Rectify within a time limit", "en: Rectify in time"),
        ("criteria/2-staff.yaml", "score: points - without", "score: points - without * 1.5"),
        ("criteria/2-staff.yaml", "effort: 3", "effort: 2"),
        ("criteria/5-lei-feng.yaml", "en: Volunteer service team established", "en: Volunteer team"),
    ],
)
def test_any_semantic_edit_changes_the_digest(
    standard: ws.Standard, edition_copy: Path, file: str, old: str, new: str
) -> None:
    path = edition_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert ws.load_standard(path=edition_copy).digest != standard.digest


# -- evaluating ---------------------------------------------------------------------------------------------


def test_evaluate_many_is_evaluate_in_order(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    other = dict(example_window, id="second", staff=dict(example_window["staff"], in_uniform=2))
    results = standard.evaluate_many([example_window, ws.Window.model_validate(other)])
    assert [r.window_id for r in results] == ["cd-510107-0001", "second"]
    assert results == [standard.evaluate(example_window), standard.evaluate(other)]
    assert standard.evaluate_many([]) == []
