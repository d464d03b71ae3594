"""The result of evaluating one window: frozen pydantic models that round-trip through JSON exactly.

Scores are :class:`~decimal.Decimal` with two places (JSON strings such as ``"93.33"``). Facts are stored
JSON-native (:func:`window_standard._numbers.json_native`), so that
``Result.model_validate_json(r.model_dump_json()) == r`` always holds.

A freshly evaluated result is lean: its criteria, categories and rectification list are built on first
access, from the raw outcome the engine kept (see :mod:`window_standard._engine.assemble`); explanations
are rendered then too. A result read back from JSON holds them ready. Either way they look, compare,
serialise and pickle the same.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, Self, TypeVar, overload

from pydantic import Field, GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema

from ._base import FrozenModel
from ._numbers import DECIMAL_CONTEXT, ZERO_POINTS
from ._vocab import STATUS_TEXT, Lang

if TYPE_CHECKING:
    from ._plan import Plan

__all__ = [
    "CategoryMap",
    "CategoryResult",
    "CriteriaMap",
    "CriterionResult",
    "FactValue",
    "LevelThreshold",
    "LocalText",
    "Rectification",
    "RectificationList",
    "Result",
    "ResultParts",
    "StandardStamp",
    "Status",
]

Status = Literal["pass", "partial", "fail", "not_applicable", "no_data"]
FactScalar = bool | int | str | None
FactValue = FactScalar | list[FactScalar]

_V = TypeVar("_V")


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


class ResultParts(Protocol):
    """What builds the parts of a freshly evaluated result on first access (see ``_engine.assemble``)."""

    def criterion(self, position: int) -> CriterionResult:
        """The criterion at ``position`` in rule-set order."""
        ...

    def category(self, position: int) -> CategoryResult:
        """The category at ``position``."""
        ...

    def rectifications(self, criteria: Mapping[str, CriterionResult]) -> list[Rectification]:
        """The rectification list, reading the criteria it names from ``criteria``."""
        ...


class _LazyMap(Mapping[str, _V], Generic[_V]):
    """A read-only mapping whose values are built on first access (from its parts) and then kept.

    Keys and their positions are shared by every result of one standard; only the built values are per
    result. Building is pure, so two threads racing on one key build equal values.
    """

    __slots__ = ("_done", "_index", "_parts")
    _item: type[Any]

    def __init__(
        self, index: Mapping[str, int], parts: ResultParts | None, done: dict[str, _V] | None = None
    ) -> None:
        self._index = index
        self._parts = parts
        self._done = done  # created on first access: most results are never read in full

    @classmethod
    def of(cls, values: Mapping[str, _V]) -> Self:
        """A mapping holding ready values."""
        return cls({key: i for i, key in enumerate(values)}, None, dict(values))

    def _build(self, parts: ResultParts, position: int) -> _V:
        raise NotImplementedError  # pragma: no cover - every subclass builds its own kind of part

    def __getitem__(self, key: str) -> _V:
        done = self._done
        if done is None:
            done = self._done = {}
        else:
            found = done.get(key)
            if found is not None:
                return found
        position = self._index[key]  # KeyError for an unknown key, as a dict would
        assert self._parts is not None  # every key is either done or buildable
        built = done[key] = self._build(self._parts, position)
        return built

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return repr(dict(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self).of, (dict(self),))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        inner = handler.generate_schema(dict[str, cls._item])  # type: ignore[name-defined]
        return core_schema.no_info_after_validator_function(
            cls.of,
            inner,
            serialization=core_schema.plain_serializer_function_ser_schema(dict, return_schema=inner),
        )


class CriteriaMap(_LazyMap[CriterionResult]):
    """The criteria of a result by id, in rule-set order (a read-only mapping)."""

    __slots__ = ()
    _item = CriterionResult

    def _build(self, parts: ResultParts, position: int) -> CriterionResult:
        return parts.criterion(position)


class CategoryMap(_LazyMap[CategoryResult]):
    """The categories of a result by id, in rule-set order (a read-only mapping)."""

    __slots__ = ()
    _item = CategoryResult

    def _build(self, parts: ResultParts, position: int) -> CategoryResult:
        return parts.category(position)


class RectificationList(Sequence[Rectification]):
    """The rectification list of a result, built on first access (a read-only sequence)."""

    __slots__ = ("_criteria", "_items", "_parts")

    def __init__(
        self,
        parts: ResultParts | None,
        criteria: Mapping[str, CriterionResult] | None = None,
        items: list[Rectification] | None = None,
    ) -> None:
        self._parts = parts
        self._criteria = criteria
        self._items = items

    @classmethod
    def of(cls, items: Sequence[Rectification]) -> RectificationList:
        """A list holding ready items."""
        return cls(None, None, list(items))

    def _built(self) -> list[Rectification]:
        if self._items is None:
            assert self._parts is not None and self._criteria is not None
            self._items = self._parts.rectifications(self._criteria)
        return self._items

    @overload
    def __getitem__(self, index: int) -> Rectification: ...
    @overload
    def __getitem__(self, index: slice) -> list[Rectification]: ...
    def __getitem__(self, index: int | slice) -> Rectification | list[Rectification]:
        return self._built()[index]

    def __len__(self) -> int:
        return len(self._built())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RectificationList):
            return self._built() == other._built()
        return isinstance(other, list) and self._built() == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._built())

    def __reduce__(self) -> tuple[Any, ...]:
        return (RectificationList.of, (self._built(),))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        inner = handler.generate_schema(list[Rectification])
        return core_schema.no_info_after_validator_function(
            cls.of,
            inner,
            serialization=core_schema.plain_serializer_function_ser_schema(list, return_schema=inner),
        )


class Result(FrozenModel):
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
    categories: CategoryMap
    criteria: CriteriaMap
    vetoes: list[str] = Field(description="Vetoes that fired.")
    prerequisites: list[str] = Field(description="Prerequisites that failed (or had no data).")
    parameters_digest: str = Field(
        description="sha256 of the parameter values in force on evaluated_on (canonical JSON); the values "
        "themselves are Standard.parameters_on(evaluated_on) of the stamped standard."
    )
    warnings: list[DataWarning] = Field(
        default_factory=list, description="Data-quality notes on the window (they do not change the result)."
    )
    rectification_list: RectificationList = Field(
        description="The rectification list (整改清单): gates, fired vetoes, then lost points cheapest first."
    )
    levels: tuple[LevelThreshold, ...] = Field(
        (), description="The standard's levels, best first, with the thresholds in force on evaluated_on."
    )

    def __repr__(self) -> str:
        stamp = self.standard
        return (
            f"<Result {self.window_id}: {self.level} {self.score}/{self.max_score} "
            f"({stamp.id} {stamp.version} {stamp.digest[:12]})>"
        )

    def __str__(self) -> str:
        return repr(self)

    def _repr_html_(self) -> str:
        from ._analysis.display import result_html

        return result_html(self)

    def rectifications(self) -> list[Rectification]:
        """The rectification list (整改清单): gates first, then vetoes, then lost points, cheapest first.

        Lost points are ordered by effort (low first), then by points recoverable (most first), then by id.
        """
        return list(self.rectification_list)

    def plan(self, target: str = "meets") -> Plan:
        """The rectification plan (整改方案): the least-effort set of fixes that reaches a level, exactly.

        Failed prerequisites and fired vetoes first, then the fixes of least total effort that lift the
        normalised total to the target's threshold (ties: most points gained). See :mod:`._plan`.

        Args:
            target: A level id other than the fallback, e.g. ``meets`` (达标) or ``rectify`` (限期整改).

        Raises:
            ValueError: For an unknown target, or a result without level thresholds.
        """
        from ._plan import plan_for  # the planner is read only by those who ask for a plan

        return plan_for(self, target)

    def explain(self, lang: Lang = "zh") -> str:
        """A multi-line summary: level, score, gates, vetoes and each criterion's explanation."""
        lines = [f"{self.window_id}: {self.level_title.get(lang)} {self.score}/{self.max_score}"]
        lines += [f"  {c.id} {c.explain(lang)}" for c in self.criteria.values()]
        return "\n".join(lines)
