"""The Python implementations of the language's functions and operators: "no data" in, "no data" out.

Every function treats ``None`` as "no data" and never raises for well-typed input: arithmetic and
comparisons with no data give no data, ``and``/``or``/``not`` follow Kleene's three-valued logic, and
division by zero gives no data. The type checker guarantees the argument kinds, so nothing here checks them.
Decimal operations use the caller's context; engines run them inside the library's own context.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from .._numbers import DECIMAL_CONTEXT, fit

__all__ = [
    "count",
    "distinct",
    "divide",
    "every",
    "floor",
    "greatest",
    "in_period",
    "kleene_and",
    "kleene_not",
    "kleene_or",
    "least",
    "length",
    "some",
    "total",
]

Num = int | Decimal


def divide(a: Num | None, b: Num | None) -> Decimal | None:
    """``a / b`` exactly to 28 digits; no data when either is missing or ``b`` is 0 (also ``ratio``).

    A quotient beyond :data:`~window_standard._numbers.MAX_MAGNITUDE` is no data.
    """
    if a is None or b is None or b == 0:
        return None
    result: Decimal | None = fit(DECIMAL_CONTEXT.divide(Decimal(a), Decimal(b)))
    return result


def kleene_and(*values: bool | None) -> bool | None:
    """Three-valued ``and``: false wins, then no data."""
    if False in values:
        return False
    return None if None in values else True


def kleene_or(*values: bool | None) -> bool | None:
    """Three-valued ``or``: true wins, then no data."""
    if True in values:
        return True
    return None if None in values else False


def kleene_not(value: bool | None) -> bool | None:
    """Three-valued ``not``."""
    return None if value is None else not value


def count(coll: Iterable[Any] | None, pred: Callable[[Any], bool | None]) -> int | None:
    """Items for which the test is definitely true."""
    if coll is None:
        return None
    return sum(1 for item in coll if pred(item) is True)


def total(coll: Iterable[Any] | None, value: Callable[[Any], Num | None]) -> Num | None:
    """The sum of a number over items; no data when any item's number is missing."""
    if coll is None:
        return None
    result: Num = 0
    for item in coll:
        v = value(item)
        if v is None:
            return None
        result += v
    return result


def some(coll: Iterable[Any] | None, pred: Callable[[Any], bool | None]) -> bool | None:
    """Some item passes (three-valued over the items)."""
    return None if coll is None else kleene_or(*(pred(item) for item in coll))


def every(coll: Iterable[Any] | None, pred: Callable[[Any], bool | None]) -> bool | None:
    """Every item passes (three-valued over the items)."""
    return None if coll is None else kleene_and(*(pred(item) for item in coll))


def distinct(
    coll: Iterable[Any] | None,
    value: Callable[[Any], Any],
    pred: Callable[[Any], bool | None] | None = None,
) -> int | None:
    """The number of distinct known values over the items (that pass the test, if one is given)."""
    if coll is None:
        return None
    seen = {value(item) for item in coll if pred is None or pred(item) is True}
    seen.discard(None)
    return len(seen)


def length(coll: list[Any] | None) -> int | None:
    """The number of items."""
    return None if coll is None else len(coll)


def least(*values: Num | None) -> Num | None:
    """The smallest number; no data when any is missing."""
    return None if None in values else min(v for v in values if v is not None)


def greatest(*values: Num | None) -> Num | None:
    """The largest number; no data when any is missing."""
    return None if None in values else max(v for v in values if v is not None)


def floor(value: Num | None) -> int | None:
    """The largest whole number not above ``value``."""
    return None if value is None else math.floor(value)


def in_period(day: date | None, start: date, end: date) -> bool | None:
    """Whether a day lies in the campaign period ``[start, end]``."""
    return None if day is None else start <= day <= end
