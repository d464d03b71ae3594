"""The names generated rule code may use, and nothing else (its namespace has no builtins).

A few builtins under private names (``_blen`` …, ``_D`` for :class:`~decimal.Decimal`), the raw-outcome
type, and each function of the language as its record's Python implementation
(:data:`window_standard._expr.functions.FUNCTIONS`) under the name ``_NAME``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..._expr.functions import FUNCTIONS
from .. import RawOutcome

__all__ = ["namespace"]

_BUILTINS: dict[str, Any] = {
    "_D": Decimal,
    "_blen": len,
    "_bsum": sum,
    "_bany": any,
    "_ball": all,
    "_bmin": min,
    "_bmax": max,
    "_Raw": RawOutcome,
}


def namespace() -> dict[str, Any]:
    """A fresh namespace for generated code: operators, functions, and no builtins."""
    functions = {f"_{name}": spec.python for name, spec in FUNCTIONS.items()}
    return {**_BUILTINS, **functions, "__builtins__": {}}
