"""Assemble a :class:`~window_standard._result.Result` from a scored outcome — lean, built on demand.

The result itself is one ``model_construct`` call; its criteria, categories and rectification list are
lazy views (:class:`~window_standard._result.CriteriaMap` …) over the raw outcome and the scores, and each
criterion's pydantic model, JSON facts and explanation are built the first time it is read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .._check import CheckedCriterion
from .._numbers import json_native, quantize_points
from .._result import (
    CategoryMap,
    CategoryResult,
    CriteriaMap,
    CriterionResult,
    LocalText,
    Rectification,
    RectificationList,
    Result,
    StandardStamp,
    rectification_items,
)
from .._spec import StandardSpec
from .explain import explain
from .outcome import RawOutcome, Scored
from .scoring import ScoringPlan, from_cents, lost_points, status_of

__all__ = ["Assembler"]


def _text(value: Any) -> LocalText:
    return LocalText(zh=value.zh, en=value.en)


@dataclass(frozen=True)
class Assembler:
    """Window-independent parts of every result of one standard, computed once.

    Attributes:
        stamp: The standard's stamp.
        plan: Its scoring plan.
        rules: Its checked criteria in order.
        bases: The window-independent fields of each criterion's result.
        index: Criterion id → position (shared by every result).
        category_index: Category id → position.
        category_titles: Category titles in order.
        category_members: The scored criteria of each category.
        levels: ``(id, title)`` of each level.
        max_score: The standard's total, two places.
    """

    stamp: StandardStamp
    plan: ScoringPlan
    rules: tuple[CheckedCriterion, ...]
    bases: tuple[dict[str, Any], ...]
    index: dict[str, int]
    category_index: dict[str, int]
    category_titles: tuple[LocalText, ...]
    category_members: tuple[list[str], ...]
    levels: tuple[tuple[str, LocalText], ...]
    max_score: Decimal

    @classmethod
    def of(
        cls, spec: StandardSpec, rules: Sequence[CheckedCriterion], stamp: StandardStamp, plan: ScoringPlan
    ) -> Assembler:
        """The assembler of a rule set."""
        bases = tuple(
            {
                "id": r.spec.id,
                "kind": r.spec.kind,
                "category": r.spec.category,
                "title": _text(r.spec.title),
                "max_points": r.spec.points,
                "provenance": r.spec.provenance,
                "clause": r.spec.source.clause,
                "effort": r.spec.effort,
                "advice": _text(r.spec.advice) if r.spec.advice else None,
            }
            for r in rules
        )
        members = tuple(
            [r.spec.id for r in rules if r.spec.kind == "scored" and r.spec.category == c.id]
            for c in spec.categories
        )
        return cls(
            stamp,
            plan,
            tuple(rules),
            bases,
            {r.spec.id: i for i, r in enumerate(rules)},
            {c.id: i for i, c in enumerate(spec.categories)},
            tuple(_text(c.title) for c in spec.categories),
            members,
            tuple((lv.id, _text(lv.title)) for lv in spec.levels),
            quantize_points(spec.total),
        )

    def result(
        self, window_id: str, on: date, raw: RawOutcome, scored: Scored, parameters_digest: str
    ) -> Result:
        """The result of one window (its criteria, categories and fixes are built on first access)."""
        parts = _Parts(self, raw, scored)
        criteria = CriteriaMap(self.index, parts)
        level_id, level_title = self.levels[scored.level]
        return Result.model_construct(
            standard=self.stamp,
            window_id=window_id,
            evaluated_on=on,
            level=level_id,
            level_title=level_title,
            passed=scored.level == 0,
            score=scored.total,
            max_score=self.max_score,
            raw_score=scored.raw,
            raw_max=scored.raw_max,
            bonus=scored.bonus,
            categories=CategoryMap(self.category_index, parts),
            criteria=criteria,
            vetoes=scored.vetoes,  # the result's own lists: scoring made them for this window alone
            prerequisites=scored.gates,
            parameters_digest=parameters_digest,
            rectification_list=RectificationList(parts, criteria),
        )


class _Parts:
    """Builds the parts of one result on demand (a :class:`~window_standard._result.ResultParts`)."""

    __slots__ = ("assembler", "raw", "scored")

    def __init__(self, assembler: Assembler, raw: RawOutcome, scored: Scored) -> None:
        self.assembler = assembler
        self.raw = raw
        self.scored = scored

    def criterion(self, position: int) -> CriterionResult:
        a, raw = self.assembler, self.raw
        values = dict(a.bases[position])
        status, points = status_of(a.plan.rows[position], raw.applies[position], raw.values[position])
        values["status"], values["points"] = status, points
        facts = raw.facts
        if facts is None:
            values["facts"], values["explanation"] = {}, None
        else:
            rule = a.rules[position]
            named = dict(zip(rule.fact_names, facts[position], strict=True))
            values["facts"] = {name: json_native(value) for name, value in named.items()}
            values["explanation"] = explain(rule, status, points, named)
        return CriterionResult.model_construct(**values)

    def rectifications(self, criteria: Mapping[str, CriterionResult]) -> list[Rectification]:
        scored = self.scored
        lost = lost_points(self.assembler.plan, self.raw)
        return rectification_items(criteria, scored.gates, scored.vetoes, lost)

    def category(self, position: int) -> CategoryResult:
        a, scored = self.assembler, self.scored
        return CategoryResult.model_construct(
            id=a.plan.categories[position],
            title=a.category_titles[position],
            score=from_cents(scored.category_cents[position]),
            max_score=from_cents(scored.category_max_cents[position]),
            criteria=list(a.category_members[position]),
        )
