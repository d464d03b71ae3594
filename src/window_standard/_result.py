"""The result of evaluating one window: pydantic models that round-trip through JSON exactly.

Scores are :class:`~decimal.Decimal` with two places (JSON strings such as ``"93.33"``). Facts are stored
JSON-native: whole numbers as integers, other decimals as decimal strings, dates as ISO strings and enum
members as their values, so that ``Result.model_validate_json(r.model_dump_json()) == r`` always holds.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ._expr.runtime import DECIMAL_CONTEXT
from ._template import Lang

__all__ = [
    "STATUS_TEXT",
    "CategoryResult",
    "CriterionResult",
    "FactValue",
    "LocalText",
    "Rectification",
    "Result",
    "StandardStamp",
    "Status",
]

Status = Literal["pass", "partial", "fail", "not_applicable", "no_data"]
FactScalar = bool | int | str | None
FactValue = FactScalar | list[FactScalar]

STATUS_TEXT: dict[str, dict[str, str]] = {
    "pass": {"zh": "符合", "en": "met"},
    "partial": {"zh": "部分符合", "en": "partly met"},
    "fail": {"zh": "不符合", "en": "not met"},
    "not_applicable": {"zh": "不适用", "en": "not applicable"},
    "no_data": {"zh": "无数据", "en": "no data"},
}


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalText(_Frozen):
    """A text in Chinese and English."""

    zh: str
    en: str

    def get(self, lang: Lang) -> str:
        """The text in one language."""
        return self.zh if lang == "zh" else self.en


class StandardStamp(_Frozen):
    """Which rule set produced a result: enough to reproduce the decision."""

    id: str
    version: str
    digest: str = Field(description="sha256 of the canonical rule set.")


class CriterionResult(_Frozen):
    """The outcome of one criterion, prerequisite, veto or bonus.

    For a veto, ``status`` is ``fail`` when it fired. ``points`` and ``max_points`` are None for gates and
    vetoes, and ``points`` is None when the criterion does not apply.
    """

    id: str
    kind: Literal["scored", "prerequisite", "veto", "bonus"]
    category: str | None = None
    title: LocalText
    status: Status
    points: Decimal | None = None
    max_points: Decimal | None = None
    facts: dict[str, FactValue] = Field(
        default_factory=dict,
        description="The values the rule read (empty when evaluated with explain=False).",
    )
    explanation: dict[Lang, str] | None = Field(
        None,
        description="The rendered explanation by language, {'zh': ..., 'en': ...} (None if explain=False).",
    )
    provenance: Literal["notice", "reconstructed"]
    clause: str | None = None
    effort: int = Field(2, description="Effort of a fix: 1 low, 2 medium, 3 high.")
    advice: LocalText | None = Field(None, description="What to do to recover the points.")

    @property
    def lost_points(self) -> Decimal:
        """Points missed on an applicable scored criterion (0 otherwise)."""
        if self.kind != "scored" or self.points is None or self.max_points is None:
            return Decimal("0.00")
        return DECIMAL_CONTEXT.subtract(self.max_points, self.points)  # exact, whatever the caller's context

    def explain(self, lang: Lang = "zh") -> str:
        """One human sentence with the observed values, in Chinese (default) or English."""
        if self.explanation is not None:
            return self.explanation[lang]
        status = STATUS_TEXT[self.status][lang]
        if self.points is not None and self.max_points is not None:
            return f"{self.title.get(lang)}: {status} ({self.points}/{self.max_points})"
        return f"{self.title.get(lang)}: {status}"


class CategoryResult(_Frozen):
    """Points of one category (raw, over its applicable criteria)."""

    id: str
    title: LocalText
    score: Decimal
    max_score: Decimal
    criteria: list[str]


class Rectification(_Frozen):
    """One item of the rectification list (整改清单).

    Attributes:
        id: The criterion, prerequisite or veto.
        kind: ``prerequisite`` (a gate to open), ``veto`` (fired) or ``criterion`` (points lost).
        points: Points recoverable (None for gates and vetoes).
        effort: 1 low, 2 medium, 3 high.
    """

    id: str
    kind: Literal["prerequisite", "veto", "criterion"]
    title: LocalText
    points: Decimal | None
    effort: int
    advice: LocalText | None
    status: Status
    explanation: str

    def describe(self, lang: Lang = "zh") -> str:
        """A one-line description for a printed list."""
        gain = f" (+{self.points})" if self.points is not None else ""
        advice = f" — {self.advice.get(lang)}" if self.advice is not None else ""
        return f"{self.id} {self.title.get(lang)}{gain}{advice}"


class Result(_Frozen):
    """The explainable result of evaluating one window against one standard."""

    standard: StandardStamp
    window_id: str
    evaluated_on: date = Field(description="The date parameters were resolved on (the assessment date).")
    level: str
    level_title: LocalText
    passed: bool
    score: Decimal = Field(description="Normalised total with bonus, capped at max_score, two places.")
    max_score: Decimal
    raw_score: Decimal = Field(description="Points of the applicable scored criteria.")
    raw_max: Decimal = Field(description="Maximum points of the applicable scored criteria.")
    bonus: Decimal
    categories: dict[str, CategoryResult]
    criteria: dict[str, CriterionResult]
    vetoes: list[str] = Field(description="Vetoes that fired.")
    prerequisites: list[str] = Field(description="Prerequisites that failed (or had no data).")
    parameters: dict[str, FactValue] = Field(
        description="Parameter values used, as resolved on evaluated_on."
    )

    def rectifications(self) -> list[Rectification]:
        """The rectification list (整改清单): gates first, then vetoes, then lost points, cheapest first.

        Lost points are ordered by effort (low first), then by points recoverable (most first), then by id.
        """
        items: list[Rectification] = []
        for cid in self.prerequisites:
            items.append(self._item(self.criteria[cid], "prerequisite", None))
        for cid in self.vetoes:
            items.append(self._item(self.criteria[cid], "veto", None))
        lost = [c for c in self.criteria.values() if c.lost_points > 0]
        for criterion in lost:
            items.append(self._item(criterion, "criterion", criterion.lost_points))
        head = [i for i in items if i.kind != "criterion"]
        tail = sorted(
            (i for i in items if i.kind == "criterion"),
            key=lambda i: (i.effort, (i.points or Decimal(0)).copy_negate(), i.id),
        )
        return head + tail

    @staticmethod
    def _item(
        criterion: CriterionResult, kind: Literal["prerequisite", "veto", "criterion"], points: Decimal | None
    ) -> Rectification:
        return Rectification(
            id=criterion.id,
            kind=kind,
            title=criterion.title,
            points=points,
            effort=criterion.effort,
            advice=criterion.advice,
            status=criterion.status,
            explanation=criterion.explain("zh"),
        )

    def explain(self, lang: Lang = "zh") -> str:
        """A multi-line summary: level, score, gates, vetoes and each criterion's explanation."""
        lines = [f"{self.window_id}: {self.level_title.get(lang)} {self.score}/{self.max_score}"]
        lines += [f"  {c.id} {c.explain(lang)}" for c in self.criteria.values()]
        return "\n".join(lines)
