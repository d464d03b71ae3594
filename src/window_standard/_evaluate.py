"""Stage 5: evaluate a compiled rule set on one window and build its :class:`~._result.Result`.

Evaluation runs every generated rule function inside a fixed decimal context, turns each ``(applies,
value, facts)`` triple into a criterion status and points, then totals, normalises and levels the window.
It never raises for a valid window: missing data surfaces as ``no_data``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from enum import Enum
from typing import Any

from ._build import RuleSet
from ._compile import CompiledCriterion
from ._expr.runtime import DECIMAL_CONTEXT, quantize_points
from ._result import CategoryResult, CriterionResult, FactValue, LocalText, Result, StandardStamp, Status
from ._spec import StandardSpec
from ._template import Lang, format_value

__all__ = ["Evaluator", "json_fact"]

_ZERO = Decimal("0.00")
_STATUS_WORDS: dict[str, dict[str, str]] = {
    "pass": {"zh": "符合", "en": "met"},
    "partial": {"zh": "部分符合", "en": "partly met"},
    "fail": {"zh": "不符合", "en": "not met"},
    "not_applicable": {"zh": "不适用", "en": "not applicable"},
    "no_data": {"zh": "无数据", "en": "no data"},
}
_VETO_WORDS = {
    "fail": {"zh": "触发否决", "en": "veto applies"},
    "pass": {"zh": "未触发", "en": "does not apply"},
}


def json_fact(value: Any) -> FactValue:
    """A fact as a JSON-native value: enums by value, dates ISO, whole decimals as int, others as text."""
    if isinstance(value, Enum):
        return str(value.value)
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (frozenset, set)):
        return [json_fact(v) for v in sorted(value, key=str)]  # type: ignore[misc]
    if isinstance(value, (list, tuple)):
        return [json_fact(v) for v in value]  # type: ignore[misc]
    return str(value)


@dataclass(frozen=True)
class _Static:
    """Per-criterion values that do not depend on the window, computed once."""

    rule: CompiledCriterion
    title: LocalText
    max_points: Decimal | None
    advice: LocalText | None


class Evaluator:
    """Evaluates windows against one compiled rule set (immutable, shareable between threads)."""

    def __init__(self, rules: RuleSet, stamp: StandardStamp) -> None:
        self.spec: StandardSpec = rules.spec
        self.stamp = stamp
        self.static = tuple(
            _Static(
                rule,
                LocalText(zh=rule.spec.title.zh, en=rule.spec.title.en),
                rule.spec.points,
                LocalText(zh=rule.spec.advice.zh, en=rule.spec.advice.en) if rule.spec.advice else None,
            )
            for rule in rules.criteria
        )
        self.levels = [
            (lv.id, LocalText(zh=lv.title.zh, en=lv.title.en), lv.min_score) for lv in self.spec.levels
        ]
        self.category_titles = {c.id: LocalText(zh=c.title.zh, en=c.title.en) for c in self.spec.categories}

    def evaluate(self, window: Any, params: dict[str, Any], on: date, explain: bool) -> Result:
        """Evaluate one validated window with the parameters in force on ``on``."""
        with localcontext(DECIMAL_CONTEXT):
            results = {s.rule.spec.id: self._criterion(s, window, params, explain) for s in self.static}
            return self._total(window, results, params, on)

    def _criterion(
        self, static: _Static, window: Any, params: dict[str, Any], explain: bool
    ) -> CriterionResult:
        rule = static.rule
        spec = rule.spec
        applies, value, facts = rule.function(window, params)
        status, points = _status(spec.kind, spec.score is not None, applies, value, static.max_points)
        named = dict(zip(rule.fact_names, facts, strict=True))
        explanation = self._explain(static, status, points, named, params) if explain else None
        return CriterionResult.model_construct(
            id=spec.id,
            kind=spec.kind,
            category=spec.category,
            title=static.title,
            status=status,
            points=points,
            max_points=static.max_points,
            facts={k: json_fact(v) for k, v in named.items()},
            explanation=explanation,
            provenance=spec.provenance,
            clause=spec.source.clause,
            effort=spec.effort,
            advice=static.advice,
        )

    def _explain(
        self,
        static: _Static,
        status: Status,
        points: Decimal | None,
        named: dict[str, Any],
        params: dict[str, Any],
    ) -> LocalText:
        rule = static.rule
        values = {**named, "points": points, "max_points": static.max_points, "score": points}
        values.update({f"params.{k}": v for k, v in params.items()})
        texts: dict[Lang, str] = {}
        for lang in ("zh", "en"):
            template = rule.templates.get(lang)
            if template is not None:
                texts[lang] = template.render(values, lang)
            else:
                texts[lang] = _generic(static, status, named, lang)
        return LocalText(zh=texts["zh"], en=texts["en"])

    def _total(
        self, window: Any, results: dict[str, CriterionResult], params: dict[str, Any], on: date
    ) -> Result:
        categories: dict[str, list[CriterionResult]] = {c: [] for c in self.category_titles}
        bonus = _ZERO
        for result in results.values():
            if result.kind == "scored" and result.category is not None:
                categories[result.category].append(result)
            elif result.kind == "bonus" and result.points is not None:
                bonus += result.points
        category_results = {cid: self._category(cid, members) for cid, members in categories.items()}
        raw = sum((c.score for c in category_results.values()), _ZERO)
        raw_max = sum((c.max_score for c in category_results.values()), _ZERO)
        total = self.spec.total
        normalised = quantize_points(raw / raw_max * total) if raw_max else _ZERO
        score = min(quantize_points(total), normalised + bonus)
        gates = [r.id for r in results.values() if r.kind == "prerequisite" and r.status != "pass"]
        vetoes = [r.id for r in results.values() if r.kind == "veto" and r.status == "fail"]
        level, title = self._level(score, params, blocked=bool(gates or vetoes))
        return Result.model_construct(
            standard=self.stamp,
            window_id=window.id,
            evaluated_on=on,
            level=level,
            level_title=title,
            passed=level == self.levels[0][0],
            score=score,
            max_score=quantize_points(total),
            raw_score=raw,
            raw_max=raw_max,
            bonus=bonus,
            categories=category_results,
            criteria=results,
            vetoes=vetoes,
            prerequisites=gates,
            parameters={k: json_fact(v) for k, v in params.items()},
        )

    def _category(self, cid: str, members: list[CriterionResult]) -> CategoryResult:
        applicable = [m for m in members if m.status != "not_applicable"]
        return CategoryResult.model_construct(
            id=cid,
            title=self.category_titles[cid],
            score=sum((m.points or _ZERO for m in applicable), _ZERO),
            max_score=sum((m.max_points or _ZERO for m in applicable), _ZERO),
            criteria=[m.id for m in members],
        )

    def _level(self, score: Decimal, params: dict[str, Any], *, blocked: bool) -> tuple[str, LocalText]:
        if not blocked:
            for level_id, title, threshold in self.levels[:-1]:
                bound = params.get(threshold) if isinstance(threshold, str) else threshold
                if bound is not None and score >= bound:
                    return level_id, title
        return self.levels[-1][0], self.levels[-1][1]


def _status(
    kind: str, scored_by_expression: bool, applies: Any, value: Any, max_points: Decimal | None
) -> tuple[Status, Decimal | None]:
    if kind == "prerequisite":
        return ("no_data" if value is None else "pass" if value else "fail"), None
    if kind == "veto":
        return ("no_data" if value is None else "fail" if value else "pass"), None
    assert max_points is not None
    if applies is False:
        return "not_applicable", None
    if value is None:
        return "no_data", _ZERO
    if not scored_by_expression:
        return ("pass", max_points) if value else ("fail", _ZERO)
    points = min(max_points, max(_ZERO, quantize_points(value)))
    if points == max_points:
        return "pass", points
    return ("fail" if points == 0 else "partial"), points


def _generic(static: _Static, status: Status, named: dict[str, Any], lang: Lang) -> str:
    """The fallback explanation: title, outcome, the rule's expression and the values it read."""
    words = _VETO_WORDS if static.rule.spec.kind == "veto" and status in _VETO_WORDS else _STATUS_WORDS
    observed = "; ".join(f"{name} = {format_value(value, lang)}" for name, value in named.items())
    rule_word = "规则" if lang == "zh" else "rule"
    text = f"{static.title.get(lang)}: {words[status][lang]} ({rule_word} `{static.rule.expression.strip()}`"
    return text + (f"; {observed})" if observed else ")")
