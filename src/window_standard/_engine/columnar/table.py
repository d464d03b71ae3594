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
import numpy.typing as npt

from ..._expr.types import Type
from .values import LIMIT, Arr, BoolArray, IntArray, Num

__all__ = ["Frame", "ListColumn", "Table", "code_of", "column", "constant"]

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
        vocab: The code of every text (texts and enum values are held as integer codes).
    """

    rows: int
    scalars: dict[tuple[str, ...], Value]
    lists: dict[tuple[str, ...], ListColumn]
    unsure: BoolArray
    vocab: dict[str, int] = field(default_factory=dict)


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


def code_of(vocab: dict[str, int], value: Any) -> int:
    """The code of a text or enum member (a ``StrEnum`` member hashes and compares as its value)."""
    found = vocab.get(value)
    if found is None:
        text = str(value.value) if isinstance(value, Enum) else str(value)
        found = vocab[text] = len(vocab)
    return found


def column(values: Sequence[Any], typ: Type, vocab: dict[str, int], unsure: BoolArray | None = None) -> Value:
    """A column from Python values (None: no data) of an expression type.

    Args:
        values: One value per element.
        typ: Their expression type (number, bool, date, str or enum).
        vocab: The codes of texts (extended in place).
        unsure: Where to flag elements whose numbers do not fit the exact fast path (None: they must fit).
    """
    size = len(values)
    if typ.kind == "model":  # only whether it is there is read (``x is None``): never box the records
        there = np.array([v is not None for v in values], np.bool_)
        return Arr(np.zeros(size, np.bool_), there)
    boxed = np.empty(size, dtype=object)
    boxed[:] = values
    known: BoolArray = boxed != None  # noqa: E711 (element-wise on an object array)
    if typ.kind == "number":
        return _numbers(boxed, known, unsure)
    if typ.kind == "bool":
        return Arr(np.equal(boxed, True) & known, known)
    if typ.kind == "date":
        days = [v.toordinal() if v is not None else 0 for v in values]
        return Arr(np.array(days, np.int64), known)
    add = vocab.setdefault  # a StrEnum member is an equal key to its value: one code for both
    codes = [-1 if v is None else add(v, len(vocab)) for v in values]
    return Arr(np.array(codes, np.int64), known)


def _numbers(boxed: npt.NDArray[Any], known: BoolArray, unsure: BoolArray | None) -> Num:
    size = boxed.size
    filled = np.where(known, boxed, 0)
    rounded = np.zeros(size, np.bool_)
    try:
        num = filled.astype(np.int64)
        if (num == filled).all() and not (np.abs(num) >= LIMIT).any():  # whole numbers (ints, Decimal 7)
            return Num(num, np.ones(size, np.int64), known, rounded)
    except (OverflowError, TypeError, ValueError, ArithmeticError):
        pass
    pairs = [_ratio(v) for v in filled.tolist()]
    fits = np.array([abs(a) < LIMIT and b < LIMIT for a, b in pairs], np.bool_)
    if unsure is not None:
        unsure |= ~fits
    num = np.array([a if ok else 0 for (a, _), ok in zip(pairs, fits.tolist(), strict=True)], np.int64)
    den = np.array([b if ok else 1 for (_, b), ok in zip(pairs, fits.tolist(), strict=True)], np.int64)
    return Num(num, den, known, rounded)


def _ratio(value: Any) -> tuple[int, int]:
    if value is None:
        return 0, 1
    if type(value) is int or isinstance(value, (int, Decimal)):
        return value.as_integer_ratio()
    raise TypeError(f"not a number: {value!r}")


def constant(value: Any, typ: Type, size: int, vocab: dict[str, int]) -> Value:
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
    return Arr(np.full(size, -1 if value is None else code_of(vocab, value), np.int64), known)


def params_key(params: Mapping[str, Any]) -> int:
    """A grouping key for parameter mappings (the same mapping object for windows of one date)."""
    return id(params)
