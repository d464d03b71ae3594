"""Assemble a :class:`~window_standard._result.Result` from a scored outcome — lean, built on demand.

The result itself is one ``model_construct`` call; its criteria, categories and rectification list are
lazy views (:class:`~window_standard._result.CriteriaMap` …) over the raw outcome and the scores, and each
criterion's pydantic model, JSON facts and explanation are built the first time it is read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .._check import CheckedCriterion
from .._numbers import ZERO_POINTS, json_native, quantize_points
from .._rectify import rectification_items
from .._result import (
    CategoryMap,
    CategoryResult,
    CriteriaMap,
    CriterionResult,
    DataWarning,
    LevelThreshold,
    LocalText,
    Rectification,
    RectificationList,
    Result,
    StandardStamp,
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
        blanks: Each criterion's result with its window-independent fields, copied for each window.
        blank_categories: Each category's result, likewise.
        blank: A result with this standard's fields (stamp, maximum), likewise.
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
    blanks: tuple[CriterionResult, ...]
    blank_categories: tuple[CategoryResult, ...]
    blank: Result
    index: dict[str, int]
    category_index: dict[str, int]
    levels: tuple[tuple[str, LocalText], ...]

    @classmethod
    def of(
        cls, spec: StandardSpec, rules: Sequence[CheckedCriterion], stamp: StandardStamp, plan: ScoringPlan
    ) -> Assembler:
        """The assembler of a rule set."""
        blanks = tuple(
            CriterionResult.model_construct(
                id=r.spec.id,
                kind=r.spec.kind,
                category=r.spec.category,
                title=_text(r.spec.title),
                status="no_data",
                points=None,
                max_points=r.spec.points,
                facts={},
                explanation=None,
                provenance=r.spec.provenance,
                clause=r.spec.source.clause,
                effort=r.spec.effort,
                rectifiable=r.spec.rectifiable,
                advice=_text(r.spec.advice) if r.spec.advice else None,
            )
            for r in rules
        )
        categories = tuple(
            CategoryResult.model_construct(
                id=c.id,
                title=_text(c.title),
                score=ZERO_POINTS,
                max_score=ZERO_POINTS,
                criteria=[r.spec.id for r in rules if r.spec.kind == "scored" and r.spec.category == c.id],
            )
            for c in spec.categories
        )
        levels = tuple((lv.id, _text(lv.title)) for lv in spec.levels)
        blank = Result.model_construct(
            standard=stamp,
            window_id="",
            evaluated_on=spec.effective.from_,
            level=levels[-1][0],
            level_title=levels[-1][1],
            passed=False,
            score=ZERO_POINTS,
            max_score=quantize_points(spec.total),
            raw_score=ZERO_POINTS,
            raw_max=ZERO_POINTS,
            bonus=ZERO_POINTS,
            categories=CategoryMap.of({}),
            criteria=CriteriaMap.of({}),
            vetoes=[],
            prerequisites=[],
            parameters_digest="",
            warnings=[],
            rectification_list=RectificationList.of([]),
            levels=(),
        )
        return cls(
            stamp,
            plan,
            tuple(rules),
            blanks,
            categories,
            blank,
            {r.spec.id: i for i, r in enumerate(rules)},
            {c.id: i for i, c in enumerate(spec.categories)},
            levels,
        )

    def thresholds(self, params: Mapping[str, Any]) -> tuple[LevelThreshold, ...]:
        """The levels with the thresholds the parameters give them (computed once per assessment date)."""
        bounds = []
        for (level_id, title), (_, threshold) in zip(self.levels, self.plan.levels, strict=True):
            bound = params.get(threshold) if isinstance(threshold, str) else threshold
            min_score = None if bound is None else quantize_points(bound)
            bounds.append(LevelThreshold(id=level_id, title=title, min_score=min_score))
        return tuple(bounds)

    def result(
        self,
        window_id: str,
        on: date,
        raw: RawOutcome,
        scored: Scored,
        parameters_digest: str,
        levels: tuple[LevelThreshold, ...] = (),
        warnings: list[DataWarning] | None = None,
    ) -> Result:
        """The result of one window (its criteria, categories and fixes are built on first access).

        Every part is a copy of a blank with the window's fields filled in (``model_copy(update=...)``,
        pydantic's supported way to build a model from valid values, about twice as fast as
        ``model_construct``); each update gives its own lists and dicts, so no two results share one.
        """
        parts = _Parts(self, raw, scored)
        criteria = CriteriaMap(self.index, parts)
        level_id, level_title = self.levels[scored.level]
        return self.blank.model_copy(
            update={
                "window_id": window_id,
                "evaluated_on": on,
                "level": level_id,
                "level_title": level_title,
                "passed": scored.level == 0,
                "score": scored.total,
                "raw_score": scored.raw,
                "raw_max": scored.raw_max,
                "bonus": scored.bonus,
                "categories": CategoryMap(self.category_index, parts),
                "criteria": criteria,
                "vetoes": scored.vetoes,  # the result's own lists: scoring made them for this window alone
                "prerequisites": scored.gates,
                "parameters_digest": parameters_digest,
                "warnings": warnings or [],
                "rectification_list": RectificationList(parts, criteria),
                "levels": levels,  # immutable, shared by the results of one assessment date
            }
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
        status, points = status_of(a.plan.rows[position], raw.applies[position], raw.values[position])
        update: dict[str, Any] = {"status": status, "points": points, "facts": {}}
        if raw.facts is not None:
            rule = a.rules[position]
            named = dict(zip(rule.fact_names, raw.facts[position], strict=True))
            update["facts"] = {name: json_native(value) for name, value in named.items()}
            update["explanation"] = explain(rule, status, points, named)
        return a.blanks[position].model_copy(update=update)

    def rectifications(self, criteria: Mapping[str, CriterionResult]) -> list[Rectification]:
        scored = self.scored
        lost = lost_points(self.assembler.plan, self.raw)
        totals = (self.assembler.plan.total, scored.raw, scored.raw_max, scored.bonus)
        return rectification_items(criteria, scored.gates, scored.vetoes, lost, totals)

    def category(self, position: int) -> CategoryResult:
        a, scored = self.assembler, self.scored
        blank = a.blank_categories[position]
        update = {
            "score": from_cents(scored.category_cents[position]),
            "max_score": from_cents(scored.category_max_cents[position]),
            "criteria": list(blank.criteria),
        }
        return blank.model_copy(update=update)
