"""Explanations of one criterion, rendered from the facts it read (on demand, after scoring)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .._check import CheckedCriterion
from .._result import Status
from .._template import format_value
from .._vocab import Lang, status_word
from .labels import field_label

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
    values = {**named, "points": points, "max_points": spec.points, "score": points}
    unmet = status == "no_data" and "unassessable" in rule.special and named.get("requires") is False
    special = rule.special.get("unassessable" if unmet else status)
    if special:  # the rule's own sentence for no data / not applicable
        return {lang: special[lang].render(values, lang) for lang in _LANGS if lang in special}
    if status == "not_applicable":
        return {
            "zh": f"{spec.title.zh}：本项不适用于本窗口，不计分",
            "en": f"{spec.title.en}: not applicable to this window, not scored",
        }
    if status == "no_data" and not rule.parts:
        return {lang: _no_data(rule, named, lang) for lang in _LANGS}
    texts: dict[Lang, str] = {}
    for lang in _LANGS:
        template = rule.templates.get(lang)
        if rule.parts:
            texts[lang] = _parts(rule, values, lang, template.render(values, lang) if template else None)
            continue
        texts[lang] = (
            template.render(values, lang) if template is not None else _generic(rule, status, named, lang)
        )
    return texts


def _parts(rule: CheckedCriterion, values: Mapping[str, Any], lang: Lang, head: str | None) -> str:
    """One sentence per part (its own explanation and what it earned), after the criterion's own."""
    sentences = [head] if head else []
    for part in rule.parts:
        title = part.title.zh if lang == "zh" else part.title.en
        template = part.templates.get(lang)
        said = template.render(values, lang) if template is not None else title
        held = values.get(part.id)
        shown = format_value(part.points, lang)
        if held is None:
            outcome = "无数据，本项记 0 分" if lang == "zh" else "no data, 0 points"
            said = f"{title}：{outcome}" if lang == "zh" else f"{title}: {outcome}"
        elif lang == "zh":
            said += f"（得 {shown if held else 0} 分）"
        else:
            said += f" ({shown if held else 0} of {shown} points)"
        sentences.append(said)
    return ("；" if lang == "zh" else "; ").join(sentences)


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


def _no_data(rule: CheckedCriterion, named: Mapping[str, Any], lang: Lang) -> str:
    """The generic no-data sentence: which facts are missing, by their labels, and what follows."""
    spec = rule.spec
    labels: list[str] = []
    for name, value in named.items():
        label = field_label(name, lang) if value is None else None
        if label and label not in labels:
            labels.append(label)
    if lang == "zh":
        missing = f"（未提供：{'、'.join(labels)}）" if labels else ""
        outcome = {"prerequisite": "门槛未满足", "veto": "无法判定是否触发"}.get(spec.kind, "本项记 0 分")
        return f"{spec.title.zh}：无数据{missing}，{outcome}"
    missing = f" (not given: {'; '.join(labels)})" if labels else ""
    outcomes = {"prerequisite": "the prerequisite is not met", "veto": "cannot tell whether it fired"}
    return f"{spec.title.en}: no data{missing}; {outcomes.get(spec.kind, '0 points')}"
