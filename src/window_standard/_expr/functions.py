"""The fixed function table of the expression language: one record per function.

Each :class:`FunctionSpec` holds everything about one function: its signature, its type rule (one small
checker per function, in the style of jsonschema's one-function-per-keyword) and its Python
implementation, which treats ``None`` as "no data" (:mod:`.library`). Engines and analyses take what they
need from the record; a test asserts every record has every facet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import library
from . import nodes as n
from .types import BOOL, DATE, NUMBER, Type

__all__ = ["FUNCTIONS", "ExpressionError", "FunctionSpec", "TypeRule", "check_call"]

#: A type rule: from the typed plain and per-item arguments to the result type (or ExpressionError).
TypeRule = Callable[[tuple[n.Node, ...], tuple[n.Node, ...]], Type]


class ExpressionError(Exception):
    """A problem in one expression, located inside the expression's text (1-based line and column)."""

    def __init__(self, code: str, message: str, hint: str = "", line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint
        self.line = line
        self.column = column


@dataclass(frozen=True)
class FunctionSpec:
    """Everything about one function of the language.

    Attributes:
        min_args: Fewest positional arguments.
        max_args: Most positional arguments.
        scoped: Whether arguments after the first are evaluated per item of the first (a collection).
        usage: A one-line example, shown in hints.
        summary: What it returns, for the documentation.
        check: The type rule.
        python: The Python implementation (no data in, no data out; see :mod:`.library`). Per-item
            arguments are passed as one-argument callables; ``in_period`` takes the period's bounds.
    """

    min_args: int
    max_args: int
    scoped: bool
    usage: str
    summary: str
    check: TypeRule
    python: Callable[..., Any]

    def arity_text(self) -> str:
        """``2 arguments`` or ``2 to 3 arguments``."""
        if self.min_args == self.max_args:
            return f"{self.min_args} argument{'s' if self.min_args != 1 else ''}"
        return f"{self.min_args} to {self.max_args} arguments"


def _need(value: n.Node, kind: str, func: str, position: int) -> None:
    if value.type.kind != kind:
        raise ExpressionError(
            "WS306",
            f"argument {position} of {func}() must be a {kind}, got {value.type.describe()}",
            FUNCTIONS[func].usage,
        )


def _collection(args: tuple[n.Node, ...], func: str) -> Type:
    typ = args[0].type
    if typ.kind != "list":
        raise ExpressionError(
            "WS306",
            f"argument 1 of {func}() must be a collection, got {typ.describe()}",
            FUNCTIONS[func].usage,
        )
    return typ


def _count(args: tuple[n.Node, ...], scoped: tuple[n.Node, ...]) -> Type:
    _need(scoped[0], "bool", "count", 2)
    return NUMBER.with_nullable(_collection(args, "count").nullable)


def _sum(args: tuple[n.Node, ...], scoped: tuple[n.Node, ...]) -> Type:
    _need(scoped[0], "number", "sum", 2)
    return NUMBER.with_nullable(_collection(args, "sum").nullable or scoped[0].type.nullable)


def _quantifier(func: str) -> Callable[[tuple[n.Node, ...], tuple[n.Node, ...]], Type]:
    def check(args: tuple[n.Node, ...], scoped: tuple[n.Node, ...]) -> Type:
        _need(scoped[0], "bool", func, 2)
        return BOOL.with_nullable(_collection(args, func).nullable or scoped[0].type.nullable)

    return check


def _distinct(args: tuple[n.Node, ...], scoped: tuple[n.Node, ...]) -> Type:
    if scoped[0].type.kind in ("list", "model"):
        raise ExpressionError(
            "WS306", "distinct() counts plain values, not records or lists", FUNCTIONS["distinct"].usage
        )
    if len(scoped) > 1:
        _need(scoped[1], "bool", "distinct", 3)
    return NUMBER.with_nullable(_collection(args, "distinct").nullable)


def _len(args: tuple[n.Node, ...], scoped: tuple[n.Node, ...]) -> Type:
    return NUMBER.with_nullable(_collection(args, "len").nullable)


def _extremum(func: str) -> Callable[[tuple[n.Node, ...], tuple[n.Node, ...]], Type]:
    def check(args: tuple[n.Node, ...], scoped: tuple[n.Node, ...]) -> Type:
        for position, arg in enumerate(args, start=1):
            _need(arg, "number", func, position)
        return NUMBER.with_nullable(any(a.type.nullable for a in args))

    return check


def _ratio(args: tuple[n.Node, ...], scoped: tuple[n.Node, ...]) -> Type:
    _need(args[0], "number", "ratio", 1)
    _need(args[1], "number", "ratio", 2)
    return NUMBER.with_nullable(True)


def _in_period(args: tuple[n.Node, ...], scoped: tuple[n.Node, ...]) -> Type:
    _need(args[0], DATE.kind, "in_period", 1)
    return BOOL.with_nullable(args[0].type.nullable)


def _floor(args: tuple[n.Node, ...], scoped: tuple[n.Node, ...]) -> Type:
    _need(args[0], "number", "floor", 1)
    return NUMBER.with_nullable(args[0].type.nullable)


#: The function table: every function of the language, by name.
FUNCTIONS: dict[str, FunctionSpec] = {
    "count": FunctionSpec(
        2,
        2,
        True,
        "count(lei_feng.activities, in_period(date))",
        "items for which the test is true",
        _count,
        library.count,
    ),
    "sum": FunctionSpec(
        2,
        2,
        True,
        "sum(lei_feng.activities, owner_participants)",
        "total of a number over items",
        _sum,
        library.total,
    ),
    "any": FunctionSpec(
        2,
        2,
        True,
        "any(lei_feng.activities, kind == 'etiquette_contest')",
        "some item passes",
        _quantifier("any"),
        library.some,
    ),
    "all": FunctionSpec(
        2,
        2,
        True,
        "all(lei_feng.activities, in_period(date))",
        "every item passes",
        _quantifier("all"),
        library.every,
    ),
    "distinct": FunctionSpec(
        2,
        3,
        True,
        "distinct(lei_feng.activities, kind, in_period(date))",
        "distinct values over items (that pass)",
        _distinct,
        library.distinct,
    ),
    "len": FunctionSpec(
        1,
        1,
        False,
        "len(environment.facilities)",
        "number of items",
        _len,
        library.length,
    ),
    "min": FunctionSpec(
        2,
        8,
        False,
        "min(points, n)",
        "the smallest number",
        _extremum("min"),
        library.least,
    ),
    "max": FunctionSpec(
        2,
        8,
        False,
        "max(0, points - missing)",
        "the largest number",
        _extremum("max"),
        library.greatest,
    ),
    "ratio": FunctionSpec(
        2,
        2,
        False,
        "ratio(staff.certified, staff.headcount)",
        "a / b; no data when b is 0",
        _ratio,
        library.divide,
    ),
    "in_period": FunctionSpec(
        1,
        1,
        False,
        "in_period(date)",
        "the date lies in the campaign period",
        _in_period,
        library.in_period,
    ),
    "floor": FunctionSpec(
        1,
        1,
        False,
        "floor(shortfall * 100)",
        "the largest whole number not above x",
        _floor,
        library.floor,
    ),
}


def check_call(name: str, args: tuple[n.Node, ...], scoped: tuple[n.Node, ...], item_scope: int) -> n.Call:
    """Type-check a call whose arity is already known to be right, and build its node.

    Args:
        name: A key of :data:`FUNCTIONS`.
        args: Arguments evaluated in the caller's scope.
        scoped: Arguments evaluated per item (for collection functions).
        item_scope: The scope number the per-item arguments were checked in.

    Raises:
        ExpressionError: WS306 when an argument has the wrong type.
    """
    result = FUNCTIONS[name].check(args, scoped)
    return n.Call(result, name, args, scoped, item_scope if scoped else 0)
