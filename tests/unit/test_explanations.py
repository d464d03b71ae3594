"""Every criterion's zh and en explanation, rendered for many windows in every status, reads as prose.

The windows are those of every golden case of the current edition (they put each criterion in each of its
statuses) plus generated ones; a sentence fails on a leftover placeholder, 无数据 glued to a unit
(「无数据 人」), an ASCII code fragment, or brackets of mixed width in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import window_standard as ws
from window_standard._golden import load_suite

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules" / "cdpma-window-2013"

_UNITS = "人户次件期种项个分小时分钟天"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_GLUED = re.compile(rf"无数据\s*[{_UNITS}]|no data (?:h|min|staff|points?)\b")
# program code: backticks, comparison operators, dotted or snake_case names, Python words
_CODE = re.compile(r"`|==|!=|<=|>=|\bis None\b|\bNone\b|\bparams\.|\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_]+\b")


def problems(text: str, lang: str) -> list[str]:
    """What is wrong with one sentence (empty when it reads as prose)."""
    found: list[str] = []
    if _PLACEHOLDER.search(text):
        found.append("placeholder left")
    if _GLUED.search(text):
        found.append("no data glued to a unit")
    if _CODE.search(text):
        found.append(f"code fragment {_CODE.search(text).group(0)!r}")  # type: ignore[union-attr]
    if lang == "zh" and re.search(r"[()]", text):
        found.append("ASCII brackets in Chinese")
    return found


def windows() -> Iterator[tuple[str, ws.Window, object]]:
    standard, cases = load_suite(RULES)
    for case in cases:
        yield case.name, case.window, case.as_of


@pytest.fixture(scope="module")
def standard() -> ws.Standard:
    return ws.load_standard("cdpma-window-2013")


def test_every_explanation_reads_as_prose_in_every_status(standard: ws.Standard) -> None:
    bad: dict[str, str] = {}
    statuses: dict[str, set[str]] = {}
    for name, window, as_of in windows():
        result = standard.evaluate(window, as_of=as_of)  # type: ignore[arg-type]
        for criterion in result.criteria.values():
            statuses.setdefault(criterion.id, set()).add(criterion.status)
            for lang in ("zh", "en"):
                text = criterion.explain(lang)  # type: ignore[arg-type]
                for problem in problems(text, lang):
                    bad.setdefault(f"{criterion.id} {criterion.status} {lang}: {problem}", f"{name}: {text}")
    assert bad == {}
    # the windows reach every status, and every criterion in more than one (PRE-2 cannot fail)
    assert set().union(*statuses.values()) == {"pass", "partial", "fail", "not_applicable", "no_data"}
    assert [cid for cid, seen in statuses.items() if len(seen) < 2] == ["PRE-2"], statuses
    assert sum("no_data" in seen for seen in statuses.values()) >= 40


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("窗口人员 无数据 人", "zh", ["no data glued to a unit"]),
        ("本项不适用（适用条件 `kind != 1` 不成立）", "zh", ["code fragment '`'"]),
        ("持证率 {rate}", "zh", ["placeholder left"]),
        ("区(市)县", "zh", ["ASCII brackets in Chinese"]),
        ("min_team_members required", "en", ["code fragment 'min_team_members'"]),
        ("窗口人员 6 人，持证率 83.33%", "zh", []),
    ],
)
def test_the_checks_catch_what_they_should(text: str, lang: str, expected: list[str]) -> None:
    assert problems(text, lang) == expected


def test_generated_windows_explain_as_prose(standard: ws.Standard) -> None:
    from hypothesis import HealthCheck, given, settings

    from window_standard.testing import windows as generated

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(generated(standard))
    def check(window: ws.Window) -> None:
        for criterion in standard.evaluate(window).criteria.values():
            for lang in ("zh", "en"):
                text = criterion.explain(lang)  # type: ignore[arg-type]
                assert problems(text, lang) == [], (criterion.id, criterion.status, text)

    check()
