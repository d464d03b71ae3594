"""Stage 5: evaluate a compiled rule set on one window and build its :class:`~._result.Result`.

Evaluation runs every generated rule function inside a fixed decimal context, turns each ``(applies,
value, facts)`` triple into a criterion status and points, then totals, normalises and levels the window.
It never raises for a valid window: missing data surfaces as ``no_data``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel

from ._build import RuleSet
from ._compile import CompiledCriterion
from ._expr.runtime import DECIMAL_CONTEXT, quantize_points
from ._result import (
    STATUS_TEXT,
    CategoryResult,
    CriterionResult,
    FactValue,
    LocalText,
    Result,
    StandardStamp,
    Status,
)
from ._spec import StandardSpec
from ._template import Lang, format_value

__all__ = ["Evaluator", "construct", "json_fact"]

_ZERO = Decimal("0.00")
_VETO_WORDS = {
    "fail": {"zh": "触发否决", "en": "veto applies"},
    "pass": {"zh": "未触发", "en": "does not apply"},
}


_PLAIN = frozenset({bool, int, str, type(None)})


def json_fact(value: Any) -> FactValue:
    """A fact as a JSON-native value: enums by value, dates ISO, whole decimals as int, others as text."""
    kind = type(value)
    if kind in _PLAIN:
        return value  # type: ignore[no-any-return]
    if isinstance(value, Enum):
        return str(value._value_)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (frozenset, set)):
        return [json_fact(v) for v in sorted(value, key=str)]  # type: ignore[misc]
    if isinstance(value, (list, tuple)):
        return [json_fact(v) for v in value]  # type: ignore[misc]
    if isinstance(value, (bool, int, str)):  # subclasses, e.g. a str-based enum handled above
        return value
    return str(value)


_M = TypeVar("_M", bound=BaseModel)


def construct(cls: type[_M], values: dict[str, Any]) -> _M:
    """Build a model from already-valid values without validation (like ``model_construct``, 4x faster).

    It sets exactly the attributes pydantic's own ``model_construct`` sets for a plain model with no private
    attributes and no extra fields; ``tests/unit/test_evaluate.py`` checks both give equal models.
    """
    model = cls.__new__(cls)
    _set_dict(model, values)
    _set_fields_set(model, set(values))
    _set_extra(model, None)
    _set_private(model, None)
    return model


# the slot descriptors of BaseModel: setting through them is what object.__setattr__ does, minus the lookups
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class _Memo:
    """Per-evaluation memo: a list read by several rules is converted and formatted once."""

    __slots__ = ("cache",)

    def __init__(self) -> None:
        self.cache: dict[tuple[int, str], Any] = {}

    def json(self, value: Any) -> FactValue:
        if type(value) is not list and type(value) is not frozenset:
            return json_fact(value)
        key = (id(value), "json")
        if key not in self.cache:
            self.cache[key] = json_fact(value)
        return list(self.cache[key])

    def text(self, value: Any, lang: Lang) -> str:
        if type(value) is not list and type(value) is not frozenset:
            return format_value(value, lang)
        key = (id(value), lang)
        if key not in self.cache:
            self.cache[key] = format_value(value, lang)
        text: str = self.cache[key]
        return text


@dataclass(frozen=True)
class _Static:
    """Per-criterion values that do not depend on the window, computed once.

    Attributes:
        rule: The compiled criterion.
        base: The window-independent fields of its CriterionResult, copied for each evaluation.
    """

    rule: CompiledCriterion
    base: dict[str, Any]
    plain_condition: bool = False

    @classmethod
    def of(cls, rule: CompiledCriterion) -> _Static:
        spec = rule.spec
        base = {
            "id": spec.id,
            "kind": spec.kind,
            "category": spec.category,
            "title": LocalText(zh=spec.title.zh, en=spec.title.en),
            "status": "no_data",
            "points": None,
            "max_points": spec.points,
            "facts": None,
            "explanation": None,
            "provenance": spec.provenance,
            "clause": spec.source.clause,
            "effort": spec.effort,
            "advice": LocalText(zh=spec.advice.zh, en=spec.advice.en) if spec.advice else None,
        }
        return cls(rule, base, spec.kind in ("scored", "bonus") and spec.score is None)


@dataclass(slots=True)
class _Sum:
    """Running totals of one category during an evaluation."""

    score: Decimal = _ZERO
    max: Decimal = _ZERO
    ids: list[str] = field(default_factory=list)


class Evaluator:
    """Evaluates windows against one compiled rule set (immutable, shareable between threads)."""

    def __init__(self, rules: RuleSet, stamp: StandardStamp) -> None:
        self.spec: StandardSpec = rules.spec
        self.stamp = stamp
        self.static = tuple(_Static.of(rule) for rule in rules.criteria)
        self.levels = [
            (lv.id, LocalText(zh=lv.title.zh, en=lv.title.en), lv.min_score) for lv in self.spec.levels
        ]
        self.category_titles = {c.id: LocalText(zh=c.title.zh, en=c.title.en) for c in self.spec.categories}
        self._params_json: dict[int, tuple[dict[str, Any], dict[str, FactValue]]] = {}

    def evaluate(self, window: Any, params: dict[str, Any], on: date, explain: bool) -> Result:
        """Evaluate one validated window with the parameters in force on ``on``."""
        with localcontext(DECIMAL_CONTEXT):
            memo = _Memo() if explain else None
            results = {s.rule.spec.id: self._criterion(s, window, params, memo) for s in self.static}
            return self._total(window, results, params, on)

    def _criterion(
        self, static: _Static, window: Any, params: dict[str, Any], memo: _Memo | None
    ) -> CriterionResult:
        rule = static.rule
        spec = rule.spec
        applies, value, facts = rule.function(window, params)
        values = static.base.copy()
        status: Status
        points: Decimal | None
        if static.plain_condition and applies is True and value is not None:
            # the common case of an all-or-nothing criterion, inlined: what _status returns for it
            status, points = ("pass", spec.points) if value else ("fail", _ZERO)
        else:
            status, points = _status(spec.kind, spec.score is not None, applies, value, spec.points)
        values["status"] = status
        values["points"] = points
        if memo is None:
            values["facts"] = {}
        else:
            named = dict(zip(rule.fact_names, facts, strict=True))
            values["facts"] = {k: v if type(v) in _PLAIN else memo.json(v) for k, v in named.items()}
            values["explanation"] = self._explain(static, status, points, named, memo)
        return construct(CriterionResult, values)

    def _explain(
        self, static: _Static, status: Status, points: Decimal | None, named: dict[str, Any], memo: _Memo
    ) -> dict[str, str]:
        rule = static.rule
        if status == "not_applicable":
            condition = (rule.spec.applies_when or "").strip()
            return {
                "zh": f"{rule.spec.title.zh}：本项不适用（适用条件 `{condition}` 不成立）",
                "en": f"{rule.spec.title.en}: not applicable (applies when `{condition}`)",
            }
        values = named  # owned by this evaluation; the facts were already copied out
        values.update(points=points, max_points=rule.spec.points, score=points)
        texts: dict[str, str] = {}
        for lang in ("zh", "en"):
            template = rule.templates.get(lang)
            if template is not None:
                texts[lang] = template.render(values, lang, memo.text)
            else:
                texts[lang] = _generic(static, status, {name: named[name] for name in rule.fact_names}, lang)
        return texts

    def _total(
        self, window: Any, results: dict[str, CriterionResult], params: dict[str, Any], on: date
    ) -> Result:
        sums = {cid: _Sum() for cid in self.category_titles}
        bonus = _ZERO
        gates: list[str] = []
        vetoes: list[str] = []
        for r in results.values():
            kind, status = r.kind, r.status
            if kind == "scored" and r.category is not None:
                acc = sums[r.category]
                acc.ids.append(r.id)
                if status != "not_applicable":
                    acc.score += r.points or _ZERO
                    acc.max += r.max_points or _ZERO
            elif kind == "bonus":
                bonus += r.points or _ZERO
            elif kind == "prerequisite" and status not in ("pass", "not_applicable"):
                gates.append(r.id)
            elif kind == "veto" and status == "fail":
                vetoes.append(r.id)
        category_results = {
            cid: construct(
                CategoryResult,
                {
                    "id": cid,
                    "title": self.category_titles[cid],
                    "score": acc.score,
                    "max_score": acc.max,
                    "criteria": acc.ids,
                },
            )
            for cid, acc in sums.items()
        }
        raw = sum((acc.score for acc in sums.values()), _ZERO)
        raw_max = sum((acc.max for acc in sums.values()), _ZERO)
        total = self.spec.total
        normalised = quantize_points(raw / raw_max * total) if raw_max else _ZERO
        score = min(quantize_points(total), normalised + bonus)
        level, title = self._level(score, params, blocked=bool(gates or vetoes))
        return construct(
            Result,
            {
                "standard": self.stamp,
                "window_id": window.id,
                "evaluated_on": on,
                "level": level,
                "level_title": title,
                "passed": level == self.levels[0][0],
                "score": score,
                "max_score": quantize_points(total),
                "raw_score": raw,
                "raw_max": raw_max,
                "bonus": bonus,
                "categories": category_results,
                "criteria": results,
                "vetoes": vetoes,
                "prerequisites": gates,
                "parameters": self._json_params(params),
            },
        )

    def _json_params(self, params: dict[str, Any]) -> dict[str, FactValue]:
        """The parameters as JSON-native values; the result shares one converted copy per parameter set."""
        key = id(params)
        cached = self._params_json.get(key)
        if cached is None or cached[0] is not params:
            cached = (params, {k: json_fact(v) for k, v in params.items()})
            self._params_json[key] = cached
        return dict(cached[1])

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
    if applies is False:  # applies_when holds for every kind: a gate or veto that does not apply is ignored
        return "not_applicable", None
    if kind == "prerequisite":
        return ("no_data" if value is None else "pass" if value else "fail"), None
    if kind == "veto":
        return ("no_data" if value is None else "fail" if value else "pass"), None
    assert max_points is not None
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
    spec = static.rule.spec
    words = _VETO_WORDS if spec.kind == "veto" and status in _VETO_WORDS else STATUS_TEXT
    observed = "; ".join(f"{name} = {format_value(value, lang)}" for name, value in named.items())
    rule_word = "规则" if lang == "zh" else "rule"
    title = spec.title.zh if lang == "zh" else spec.title.en
    text = f"{title}: {words[status][lang]} ({rule_word} `{static.rule.expression.strip()}`"
    return text + (f"; {observed})" if observed else ")")
