"""Explanations of one criterion, rendered from the facts it read (on demand, after scoring)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .._check import CheckedCriterion
from .._result import Status
from .._template import format_value
from .._vocab import Lang, status_word

__all__ = ["explain"]

_LANGS: tuple[Lang, ...] = ("zh", "en")


def explain(
    rule: CheckedCriterion, status: Status, points: Decimal | None, named: Mapping[str, Any]
) -> dict[Lang, str]:
    """The zh and en sentence of one criterion.

    Args:
        rule: The checked criterion (its templates, title and expressions).
        status: Its status.
        points: Its points (None for gates and vetoes and when it does not apply).
        named: The facts it read, by name.
    """
    spec = rule.spec
    if status == "not_applicable":
        condition = (spec.applies_when or "").strip()
        return {
            "zh": f"{spec.title.zh}：本项不适用（适用条件 `{condition}` 不成立）",
            "en": f"{spec.title.en}: not applicable (applies when `{condition}`)",
        }
    values = {**named, "points": points, "max_points": spec.points, "score": points}
    texts: dict[Lang, str] = {}
    for lang in _LANGS:
        template = rule.templates.get(lang)
        texts[lang] = (
            template.render(values, lang) if template is not None else _generic(rule, status, named, lang)
        )
    return texts


def _generic(rule: CheckedCriterion, status: Status, named: Mapping[str, Any], lang: Lang) -> str:
    """The fallback explanation: title, outcome, the rule's expression and the values it read."""
    spec = rule.spec
    word = status_word(status, lang, veto=spec.kind == "veto")
    observed = "; ".join(f"{name} = {format_value(value, lang)}" for name, value in named.items())
    rule_word = "规则" if lang == "zh" else "rule"
    title = spec.title.zh if lang == "zh" else spec.title.en
    expression = (spec.score if spec.score is not None else spec.condition or "").strip()
    text = f"{title}: {word} ({rule_word} `{expression}`"
    return text + (f"; {observed})" if observed else ")")
