"""``ws.diff`` and ``window-standard diff``, and the digest under random semantic mutations."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import window_standard as ws
from window_standard._standard import canonical_digest
from window_standard.cli import app

ROOT = Path(__file__).resolve().parents[2]
VARIANT = ROOT / "examples" / "rules" / "wuhou-window-2013-strict"
EXAMPLE = ROOT / "tests" / "data" / "window-example.yaml"


@pytest.fixture(scope="module")
def base() -> ws.Standard:
    return ws.load_standard(version="1.0.0")  # the variant extends cdpma-window-2013@1.0.0


@pytest.fixture(scope="module")
def variant() -> ws.Standard:
    return ws.load_standard(path=VARIANT)


def test_diff_of_the_variant_lists_exactly_what_it_overrides(base: ws.Standard, variant: ws.Standard) -> None:
    result = ws.diff(base, variant)
    listed = [(c.subject, c.id, c.change) for c in result.changes]
    assert listed == [
        ("edition", "wuhou-window-2013-strict", "changed"),
        ("parameter", "pass_threshold", "changed"),
        ("parameter", "satisfaction_full", "changed"),
        ("parameter", "min_volunteer_activities", "changed"),
        ("criterion", "LF-3", "changed"),
        ("criterion", "BON-1", "removed"),
    ]
    edition = result.changes[0]
    assert [f.field for f in edition.fields] == ["id", "title.zh", "title.en", "disclaimer.zh", "disclaimer.en"]
    threshold = result.changes[1].fields[0]
    assert (threshold.field, threshold.before, threshold.after) == ("value", 90, 92)
    lf3 = {f.field: (f.before, f.after) for f in result.changes[4].fields}
    assert lf3["condition"] == ("kinds >= params.min_volunteer_kinds", None)
    assert lf3["score"] == (None, "min(points, kinds * points / 4)")


def test_a_standard_has_no_diff_with_itself(base: ws.Standard) -> None:
    assert ws.diff(base, base).changes == []


def test_diff_with_windows_names_the_windows_and_criteria_that_move(base: ws.Standard, variant: ws.Standard) -> None:
    window = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    low = {**window, "id": "low", "quality": {**window["quality"], "survey": {"sampled": 100, "satisfied": 96}}}
    result = ws.diff(base, variant, [window, low])
    assert result.windows_compared == 2
    assert [w.window_id for w in result.windows or []] == ["cd-510107-0001", "low"]
    first = (result.windows or [])[0]
    assert (first.level_before, first.level_after, first.score_before, first.score_after) == (
        "meets", "meets", Decimal("100.00"), Decimal("95.50"))
    assert [c.id for c in first.criteria] == ["QLT-1", "LF-2", "BON-1"]
    second = (result.windows or [])[1]
    assert [c.id for c in second.criteria] == ["LF-2", "BON-1"]  # 0.96 satisfaction passes both


def test_markdown_is_a_changelog_section(base: ws.Standard, variant: ws.Standard) -> None:
    text = ws.diff(base, variant).to_markdown()
    assert text.startswith("### Rule changes: `cdpma-window-2013` 1.0.0 → `wuhou-window-2013-strict` 1.0.0\n\n")
    assert "- **Changed** parameter `pass_threshold`: `value`: `90` → `92`\n" in text
    assert "- **Removed** criterion `BON-1`\n" in text


def test_cli_diff_markdown_and_json() -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["diff", "cdpma-window-2013", str(VARIANT), "--format", "markdown"])
    assert out.exit_code == 0, out.output
    assert "- **Removed** criterion `BON-1`" in out.output
    out = runner.invoke(app, ["diff", "cdpma-window-2013@1.0.0", str(VARIANT), "--windows", str(EXAMPLE),
                              "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["windows"][0]["score_after"] == "95.50"


def test_cli_diff_unknown_edition_exits_2() -> None:
    out = CliRunner().invoke(app, ["diff", "nowhere", "cdpma-window-2013"])
    assert out.exit_code == 2
    assert "error: no edition 'nowhere' is in force on" in out.output


_MUTATIONS = st.sampled_from(["parameter", "template", "points", "title", "advice", "constant"])


@settings(max_examples=60, deadline=None)
@given(kind=_MUTATIONS, index=st.integers(min_value=0, max_value=46), bump=st.integers(min_value=1, max_value=9))
def test_any_semantic_mutation_changes_the_digest(base: ws.Standard, kind: str, index: int, bump: int) -> None:
    spec = base.spec
    criteria = list(spec.criteria)
    rule = criteria[index % len(criteria)]
    if kind == "parameter":
        name = sorted(k for k, v in spec.parameters.items() if isinstance(v, (int, Decimal)) and not isinstance(v, bool))[
            index % 20]
        mutated = spec.model_copy(update={"parameters": {**spec.parameters, name: spec.parameters[name] + bump}})
    elif kind == "constant":
        name = sorted(spec.constants)[index % len(spec.constants)]
        value = spec.constants[name]
        mutated = spec.model_copy(update={"constants": {**spec.constants, name: [*value, f"x{bump}"]}})  # type: ignore[misc]
    else:
        if kind == "template" and rule.explain is not None:
            changed = rule.model_copy(update={"explain": rule.explain.model_copy(update={"en": rule.explain.en + "!"})})
        elif kind == "points" and rule.points is not None:
            changed = rule.model_copy(update={"points": rule.points + Decimal(bump)})
        elif kind == "advice" and rule.advice is not None:
            changed = rule.model_copy(update={"advice": rule.advice.model_copy(update={"zh": rule.advice.zh + "。"})})
        else:
            changed = rule.model_copy(update={"title": rule.title.model_copy(update={"zh": rule.title.zh + str(bump)})})
        criteria[index % len(criteria)] = changed
        mutated = spec.model_copy(update={"criteria": criteria})
    assert canonical_digest(mutated) != base.digest
    assert canonical_digest(spec) == base.digest


def test_diff_1_0_0_to_2_0_0_names_the_edition_wide_decisions() -> None:
    old, new = ws.load_standard(version="1.0.0"), ws.load_standard(version="2.0.0")
    (edition,) = [c for c in ws.diff(old, new).changes if c.subject == "edition"]
    fields = {f.field: (f.before, f.after) for f in edition.fields}
    assert fields["version"] == ("1.0.0", "2.0.0")
    assert fields["veto_without_data"] == (None, "blocks")
    assert fields["district_changes"][0] is None
    assert fields["district_changes"][1]["510122"] == {
        "to": "510116", "since": "2015-12-03", "how": {"zh": "撤县设区", "en": "became a district"}
    }
    added = [c.id for c in ws.diff(old, new).changes if c.subject == "criterion" and c.change == "added"]
    assert added == ["BON-3"]
