"""The plain models of a result: texts, stamps, criteria, categories, fixes, levels and warnings.

:mod:`window_standard._result` builds the result from them (and re-exports them).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from ._base import FrozenModel
from ._numbers import DECIMAL_CONTEXT, ZERO_POINTS
from ._vocab import STATUS_TEXT, Lang

__all__ = [
    "CategoryResult",
    "CriterionResult",
    "DataWarning",
    "FactValue",
    "LevelThreshold",
    "LocalText",
    "Rectification",
    "StandardStamp",
    "Status",
]

Status = Literal["pass", "partial", "fail", "not_applicable", "no_data"]
FactScalar = bool | int | str | None
FactValue = FactScalar | list[FactScalar]


class LocalText(FrozenModel):
    """A text in Chinese and English."""

    zh: str
    en: str

    def get(self, lang: Lang) -> str:
        """The text in one language."""
        return self.zh if lang == "zh" else self.en


class DataWarning(FrozenModel):
    """A data-quality note on the window: it does not change the result, but the data should be corrected.

    Attributes:
        code: Machine-readable kind of note (``district-code-superseded``).
        field: The window field it is about (``district``).
        message: What is wrong, in Chinese and English.
    """

    code: str
    field: str
    message: LocalText


class StandardStamp(FrozenModel):
    """Which rule set produced a result: enough to reproduce the decision."""

    id: str
    version: str
    digest: str = Field(description="sha256 of the canonical rule set.")


class CriterionResult(FrozenModel):
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
    rectifiable: bool = Field(True, description="Whether a failure can be put right within the period.")
    advice: LocalText | None = Field(None, description="What to do to recover the points.")

    @property
    def lost_points(self) -> Decimal:
        """Points missed on an applicable scored criterion (0 otherwise)."""
        if self.kind != "scored" or self.points is None or self.max_points is None:
            return ZERO_POINTS
        return DECIMAL_CONTEXT.subtract(self.max_points, self.points)  # exact, whatever the caller's context

    def explain(self, lang: Lang = "zh") -> str:
        """One human sentence with the observed values, in Chinese (default) or English."""
        if self.explanation is not None:
            return self.explanation[lang]
        status = STATUS_TEXT[self.status][lang]
        if self.points is not None and self.max_points is not None:
            return f"{self.title.get(lang)}: {status} ({self.points}/{self.max_points})"
        return f"{self.title.get(lang)}: {status}"


class CategoryResult(FrozenModel):
    """Points of one category (raw, over its applicable criteria)."""

    id: str
    title: LocalText
    score: Decimal
    max_score: Decimal
    criteria: list[str]


class Rectification(FrozenModel):
    """One item of the rectification list (整改清单).

    Attributes:
        id: The criterion, prerequisite or veto.
        kind: ``prerequisite`` (a gate to open), ``veto`` (fired) or ``criterion`` (points lost).
        points: Points recoverable on the criterion (None for gates and vetoes).
        gain: What fixing this item alone adds to the result's normalised total (None for gates and
            vetoes; it differs from ``points`` when criteria do not apply or the total is capped).
        effort: 1 low, 2 medium, 3 high.
    """

    id: str
    kind: Literal["prerequisite", "veto", "criterion"]
    title: LocalText
    points: Decimal | None
    gain: Decimal | None = None
    effort: int
    advice: LocalText | None
    status: Status
    explanation: str

    def describe(self, lang: Lang = "zh") -> str:
        """A one-line description for a printed list: the gain on the total, and on the criterion."""
        gain = ""
        if self.points is not None:
            on_total = self.gain if self.gain is not None else self.points
            gain = f" (+{on_total})"
            if on_total != self.points:
                gain = (
                    f"（总分 +{on_total}，本项 +{self.points}）"
                    if lang == "zh"
                    else f" (+{on_total} on the total, +{self.points} on the criterion)"
                )
        advice = f" — {self.advice.get(lang)}" if self.advice is not None else ""
        title = self.title.get(lang)
        if self.kind == "veto" and self.status == "fail":  # listed apart: not fixable in this round
            if lang == "zh":
                return f"{self.id} 一票否决：{title}（本期不能通过整改消除）"
            return f"{self.id} Veto: {title} (cannot be rectified in this round)"
        if self.kind == "veto":  # undecided: the evidence is missing
            head = f"一票否决项无数据：{title}" if lang == "zh" else f"Veto without data: {title}"
            return f"{self.id} {head}{advice}"
        return f"{self.id} {title}{gain}{advice}"


class LevelThreshold(FrozenModel):
    """A level of the standard with the minimum total it needs on the assessment date.

    Attributes:
        id: The level id, e.g. ``meets``.
        title: Its name.
        min_score: The threshold in force (None for the fallback level, or a threshold without a value).
    """

    id: str
    title: LocalText
    min_score: Decimal | None
