"""Run-time helpers called by generated rule code.

Every helper treats ``None`` as "no data" and never raises for well-typed input: arithmetic and
comparisons with no data give no data, ``and``/``or``/``not`` follow Kleene's three-valued logic, and
division by zero gives no data. The type checker guarantees the argument kinds, so no helper checks them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import date
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal
from typing import Any

__all__ = ["DECIMAL_CONTEXT", "HELPERS", "quantize_points"]

#: The decimal context every evaluation runs in, whatever the caller's thread context says.
DECIMAL_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)

_CENT = Decimal("0.01")

Num = int | Decimal


def quantize_points(value: Num) -> Decimal:
    """Round half-up (四舍五入) to two places."""
    return Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP)


def _div(a: Num | None, b: Num | None) -> Decimal | None:
    if a is None or b is None or b == 0:
        return None
    return DECIMAL_CONTEXT.divide(Decimal(a), Decimal(b))


def _add(a: Num | None, b: Num | None) -> Num | None:
    return None if a is None or b is None else a + b


def _sub(a: Num | None, b: Num | None) -> Num | None:
    return None if a is None or b is None else a - b


def _mul(a: Num | None, b: Num | None) -> Num | None:
    return None if a is None or b is None else a * b


def _neg(a: Num | None) -> Num | None:
    return None if a is None else -a


def _and(*values: bool | None) -> bool | None:
    if False in values:
        return False
    return None if None in values else True


def _or(*values: bool | None) -> bool | None:
    if True in values:
        return True
    return None if None in values else False


def _not(value: bool | None) -> bool | None:
    return None if value is None else not value


def _compare(op: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool | None]:
    def compare(a: Any, b: Any) -> bool | None:
        return None if a is None or b is None else op(a, b)

    return compare


def _in(a: Any, coll: Iterable[Any] | None) -> bool | None:
    if a is None or coll is None:
        return None
    return a in coll


def _not_in(a: Any, coll: Iterable[Any] | None) -> bool | None:
    result = _in(a, coll)
    return None if result is None else not result


def _count(coll: Iterable[Any] | None, pred: Callable[[Any], bool | None]) -> int | None:
    if coll is None:
        return None
    return sum(1 for item in coll if pred(item) is True)


def _sum(coll: Iterable[Any] | None, value: Callable[[Any], Num | None]) -> Num | None:
    if coll is None:
        return None
    total: Num = 0
    for item in coll:
        v = value(item)
        if v is None:
            return None
        total += v
    return total


def _any(coll: Iterable[Any] | None, pred: Callable[[Any], bool | None]) -> bool | None:
    return None if coll is None else _or(*(pred(item) for item in coll))


def _all(coll: Iterable[Any] | None, pred: Callable[[Any], bool | None]) -> bool | None:
    return None if coll is None else _and(*(pred(item) for item in coll))


def _distinct(
    coll: Iterable[Any] | None,
    value: Callable[[Any], Any],
    pred: Callable[[Any], bool | None] | None = None,
) -> int | None:
    if coll is None:
        return None
    seen = {value(item) for item in coll if pred is None or pred(item) is True}
    seen.discard(None)
    return len(seen)


def _len(coll: list[Any] | None) -> int | None:
    return None if coll is None else len(coll)


def _min(*values: Num | None) -> Num | None:
    return None if None in values else min(v for v in values if v is not None)


def _max(*values: Num | None) -> Num | None:
    return None if None in values else max(v for v in values if v is not None)


def _floor(value: Num | None) -> int | None:
    return None if value is None else math.floor(value)


def _in_period(day: date | None, params: dict[str, Any]) -> bool | None:
    if day is None:
        return None
    result: bool = params["period_start"] <= day <= params["period_end"]
    return result


#: Names the generated code may call, and nothing else (the namespace has no builtins).
HELPERS: dict[str, Any] = {
    "_div": _div,
    "_add": _add,
    "_sub": _sub,
    "_mul": _mul,
    "_neg": _neg,
    "_and": _and,
    "_or": _or,
    "_not": _not,
    "_eq": _compare(lambda a, b: a == b),
    "_ne": _compare(lambda a, b: a != b),
    "_lt": _compare(lambda a, b: a < b),
    "_le": _compare(lambda a, b: a <= b),
    "_gt": _compare(lambda a, b: a > b),
    "_ge": _compare(lambda a, b: a >= b),
    "_in": _in,
    "_not_in": _not_in,
    "_count": _count,
    "_sum": _sum,
    "_any": _any,
    "_all": _all,
    "_distinct": _distinct,
    "_len": _len,
    "_min": _min,
    "_max": _max,
    "_ratio": _div,
    "_in_period": _in_period,
    "_floor": _floor,
}
