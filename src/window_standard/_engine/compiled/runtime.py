"""The names generated rule code may use, and nothing else (its namespace has no builtins).

Operators on values that may be "no data" go through the helpers of :mod:`window_standard._expr.library`;
each function of the language is called by its record's Python implementation
(:data:`window_standard._expr.functions.FUNCTIONS`), under the name ``_NAME``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from ..._expr import library
from ..._expr.functions import FUNCTIONS
from .. import RawOutcome

__all__ = ["namespace"]

Num = int | Decimal


def _add(a: Num | None, b: Num | None) -> Num | None:
    return None if a is None or b is None else a + b


def _sub(a: Num | None, b: Num | None) -> Num | None:
    return None if a is None or b is None else a - b


def _mul(a: Num | None, b: Num | None) -> Num | None:
    return None if a is None or b is None else a * b


def _neg(a: Num | None) -> Num | None:
    return None if a is None else -a


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


_OPERATORS: dict[str, Any] = {
    "_div": library.divide,
    "_add": _add,
    "_sub": _sub,
    "_mul": _mul,
    "_neg": _neg,
    "_and": library.kleene_and,
    "_or": library.kleene_or,
    "_not": library.kleene_not,
    "_eq": _compare(lambda a, b: a == b),
    "_ne": _compare(lambda a, b: a != b),
    "_lt": _compare(lambda a, b: a < b),
    "_le": _compare(lambda a, b: a <= b),
    "_gt": _compare(lambda a, b: a > b),
    "_ge": _compare(lambda a, b: a >= b),
    "_in": _in,
    "_not_in": _not_in,
    # builtins that inline comprehensions use
    "_blen": len,
    "_bsum": sum,
    "_bany": any,
    "_ball": all,
    "_Raw": RawOutcome,
}


def namespace() -> dict[str, Any]:
    """A fresh namespace for generated code: operators, functions, and no builtins."""
    functions = {f"_{name}": spec.python for name, spec in FUNCTIONS.items()}
    return {**_OPERATORS, **functions, "__builtins__": {}}
