"""The flat columnar table the array programs read, and the frames they run in.

A :class:`Table` holds, for the windows of one run, one column per field path the rules read (``staff.
headcount``), and per list the rules iterate (``lei_feng.activities``) its offsets into flat item columns
(``date``, ``kind`` …) — the segmented layout of Arrow lists. Columns are built from Python values by
:func:`column`; :mod:`.source` fills a table from ``Window`` objects or from a flat frame.

A :class:`Frame` is where an expression runs: the windows themselves (scope 0) or the items of the
collections enclosing it (scope k); ``index[k]`` maps each element of the frame to its element of scope k.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

import numpy as np

from ..._expr.types import Type
from .values import LIMIT, Arr, BoolArray, IntArray, Num

__all__ = ["Frame", "ListColumn", "Table", "column", "constant"]

Value = Num | Arr


@dataclass
class ListColumn:
    """A list per window, flattened: window ``r``'s items are ``offsets[r]:offsets[r+1]`` of the items.

    Attributes:
        offsets: ``len(windows) + 1`` offsets into the items.
        known: Whether each window's list is there (a missing list is no data; an empty list is not).
        items: The item values themselves (lists of plain values), or None.
        fields: Item columns by path (lists of records).
    """

    offsets: IntArray
    known: BoolArray
    items: Value | None = None
    fields: dict[tuple[str, ...], Value] = field(default_factory=dict)

    @property
    def lengths(self) -> IntArray:
        """The number of items of each window (0 where the list is missing)."""
        out: IntArray = np.diff(self.offsets)
        return out


@dataclass
class Table:
    """The columns of one run: scalar columns and list columns by field path.

    Attributes:
        rows: The number of windows.
        scalars: Columns of plain values read from the window.
        lists: Lists the rules iterate or test membership in.
        unsure: Windows whose values do not fit the exact fast path (huge numbers).
    """

    rows: int
    scalars: dict[tuple[str, ...], Value]
    lists: dict[tuple[str, ...], ListColumn]
    unsure: BoolArray


@dataclass(frozen=True)
class Frame:
    """Where an expression runs: ``size`` elements; ``index[k]`` maps them to elements of scope k.

    Attributes:
        size: The number of elements.
        index: Per scope (0: the windows), the element of that scope each element belongs to.
        sources: Per scope k >= 1, the list it iterates (a list column or the items of a constant).
    """

    size: int
    index: tuple[IntArray, ...]
    sources: tuple[ListColumn | Value, ...] = ()

    @property
    def rows(self) -> IntArray:
        """The window of each element."""
        return self.index[0]


def _text(value: Any) -> str:
    return str(value.value) if isinstance(value, Enum) else str(value)


def column(values: Sequence[Any], typ: Type, unsure: BoolArray | None = None) -> Value:
    """A column from Python values (None: no data) of an expression type.

    Args:
        values: One value per element.
        typ: Their expression type (number, bool, date, str or enum).
        unsure: Where to flag elements whose numbers do not fit the exact fast path (None: they must fit).
    """
    size = len(values)
    known = np.fromiter((v is not None for v in values), np.bool_, size)
    if typ.kind == "number":
        return _numbers(values, known, unsure)
    if typ.kind == "bool":
        return Arr(np.fromiter((v is True for v in values), np.bool_, size), known)
    if typ.kind == "model":  # only whether it is there is read (``x is None``)
        return Arr(np.zeros(size, np.bool_), known)
    if typ.kind == "date":
        return Arr(
            np.fromiter((v.toordinal() if v is not None else 0 for v in values), np.int64, size), known
        )
    data = np.empty(size, dtype=object)
    data[:] = [_text(v) if v is not None else "" for v in values]
    return Arr(data, known)


def _numbers(values: Sequence[Any], known: BoolArray, unsure: BoolArray | None) -> Num:
    size = len(values)
    if all(type(v) is int or v is None for v in values):
        try:
            num = np.fromiter((v if v is not None else 0 for v in values), np.int64, size)
            den = np.ones(size, np.int64)
            if not (np.abs(num) >= LIMIT).any():
                return Num(num, den, known, np.zeros(size, np.bool_))
        except OverflowError:
            pass
    pairs = [_ratio(v) for v in values]
    fits = np.fromiter((abs(a) < LIMIT and b < LIMIT for a, b in pairs), np.bool_, size)
    if unsure is not None:
        unsure |= ~fits
    num = np.fromiter((a if ok else 0 for (a, _), ok in zip(pairs, fits, strict=True)), np.int64, size)
    den = np.fromiter((b if ok else 1 for (_, b), ok in zip(pairs, fits, strict=True)), np.int64, size)
    return Num(num, den, known, np.zeros(size, np.bool_))


def _ratio(value: Any) -> tuple[int, int]:
    if value is None:
        return 0, 1
    if type(value) is int or isinstance(value, (int, Decimal)):
        return value.as_integer_ratio()
    raise TypeError(f"not a number: {value!r}")


def constant(value: Any, typ: Type, size: int) -> Value:
    """A column holding one value ``size`` times (a constant, a parameter, ``points``)."""
    known = np.full(size, value is not None, np.bool_)
    if typ.kind == "number":
        a, b = _ratio(value)
        if abs(a) >= LIMIT or b >= LIMIT:
            raise OverflowError(f"the number {value} is too large for the columnar engine")
        return Num(np.full(size, a, np.int64), np.full(size, b, np.int64), known, np.zeros(size, np.bool_))
    if typ.kind == "bool":
        return Arr(np.full(size, value is True, np.bool_), known)
    if typ.kind == "date":
        day = value.toordinal() if isinstance(value, date) else 0
        return Arr(np.full(size, day, np.int64), known)
    data = np.empty(size, dtype=object)
    data[:] = _text(value) if value is not None else ""
    return Arr(data, known)


def params_key(params: Mapping[str, Any]) -> int:
    """A grouping key for parameter mappings (the same mapping object for windows of one date)."""
    return id(params)
