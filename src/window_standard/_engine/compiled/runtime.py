"""The names generated rule code may use, and nothing else (its namespace has no builtins).

A few builtins under private names (``_blen`` …, ``_D`` for :class:`~decimal.Decimal`, ``_fit`` bounding
computed numbers), the raw-outcome type, and each function of the language as its record's Python
implementation (:data:`window_standard._expr.functions.FUNCTIONS`) under the name ``_NAME``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal, localcontext
from typing import Any, overload

from ..._expr import library
from ..._expr.functions import FUNCTIONS
from ..._numbers import DECIMAL_CONTEXT, fit
from ..outcome import RawOutcome

__all__ = ["LazyFacts", "namespace"]


class LazyFacts(Sequence[tuple[Any, ...]]):
    """The facts each rule read, computed for one rule the first time they are asked for.

    The window is frozen and the parameters are never changed, so computing later gives the values the
    rules read when the window was evaluated; it runs in the library's decimal context.
    """

    __slots__ = ("_done", "_functions", "_params", "_window")

    def __init__(
        self, functions: tuple[Callable[[Any, Any], tuple[Any, ...]], ...], window: Any, params: Any
    ):
        self._functions = functions
        self._window = window
        self._params = params
        self._done: dict[int, tuple[Any, ...]] = {}

    @overload
    def __getitem__(self, index: int) -> tuple[Any, ...]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[Any, ...]]: ...
    def __getitem__(self, index: int | slice) -> tuple[Any, ...] | list[tuple[Any, ...]]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        found = self._done.get(index)
        if found is None:
            with localcontext(DECIMAL_CONTEXT):
                found = self._done[index] = self._functions[index](self._window, self._params)
        return found

    def __len__(self) -> int:
        return len(self._functions)


_BUILTINS: dict[str, Any] = {
    "_D": Decimal,
    "_fit": fit,
    "_blen": len,
    "_bsum": sum,
    "_bany": any,
    "_ball": all,
    "_bmin": min,
    "_bmax": max,
    "_bset": set,
    "_kand": library.kleene_and,
    "_kor": library.kleene_or,
    "_Raw": RawOutcome,
    "_tuple_new": tuple.__new__,
    "_Facts": LazyFacts,
}


def namespace() -> dict[str, Any]:
    """A fresh namespace for generated code: operators, functions, and no builtins."""
    functions = {f"_{name}": spec.python for name, spec in FUNCTIONS.items()}
    return {**_BUILTINS, **functions, "__builtins__": {}}
