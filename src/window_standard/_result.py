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
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar, overload

from pydantic import Field, GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema

from ._base import FrozenModel
from ._result_models import (
    CategoryResult,
    CriterionResult,
    DataWarning,
    FactValue,
    LevelThreshold,
    LocalText,
    Rectification,
    StandardStamp,
    Status,
)
from ._vocab import Lang

if TYPE_CHECKING:
    from ._plan import Plan

__all__ = [
    "CategoryMap",
    "CategoryResult",
    "CriteriaMap",
    "CriterionResult",
    "DataWarning",
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

_V = TypeVar("_V")


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
