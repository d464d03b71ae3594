"""Values the durable engine computes in Python: a small interpreter of the typed trees.

Durable-rules matches conditions; it cannot count, sum or divide. Everything numeric the rules need — the
aggregates (``count``, ``sum``, ``distinct``, ``ratio`` …), arithmetic, ``let`` bindings, collection tests
— is computed here, from the typed trees, into *derived facts* that the durable conditions then compare
(see :mod:`.translate`). The interpreter is written from the language's documented semantics and the
library's functions (:mod:`window_standard._expr.library`), not from the compiled engine's generated code,
so the equivalence test cross-checks both: "no data" in, "no data" out; Kleene logic; a count counts the
items whose test is definitely true.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..._expr import library
from ..._expr import nodes as n

__all__ = ["Env", "evaluate"]

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "in": lambda a, b: a in b,
    "not in": lambda a, b: a not in b,
}
_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": library.divide,
}


@dataclass
class Env:
    """What an expression reads: the window, the parameters, the rule's maximum and its lets.

    Attributes:
        window: The validated window.
        params: Parameter values in force.
        points: The rule's maximum points (None for tests).
        lets: ``let`` values computed so far.
        items: The current item of each enclosing collection (scope 1, 2 …).
    """

    window: Any
    params: Mapping[str, Any]
    points: Decimal | None = None
    lets: dict[str, Any] = field(default_factory=dict)
    items: list[Any] = field(default_factory=list)


def evaluate(node: n.Node, env: Env) -> Any:
    """The value of a typed tree (None for no data); runs in the caller's decimal context."""
    return _EVAL[type(node)](node, env)


def _field(node: n.Field, env: Env) -> Any:
    value = env.window if node.scope == 0 else env.items[node.scope - 1]
    for segment in node.path:
        if value is None:
            return None
        value = getattr(value, segment)
    return value


def _unary(node: n.Unary, env: Env) -> Any:
    value = evaluate(node.operand, env)
    if value is None or node.op == "+":
        return value
    return -value


def _binop(node: n.BinOp, env: Env) -> Any:
    left, right = evaluate(node.left, env), evaluate(node.right, env)
    if left is None or right is None:
        return None
    return _ARITHMETIC[node.op](left, right)


def _boolop(node: n.BoolOp, env: Env) -> bool | None:
    values = [evaluate(v, env) for v in node.values]
    return library.kleene_and(*values) if node.op == "and" else library.kleene_or(*values)


def _compare(node: n.Compare, env: Env) -> bool | None:
    left, right = evaluate(node.left, env), evaluate(node.right, env)
    if left is None or right is None:
        return None
    return _COMPARE[node.op](left, right)


def _if_else(node: n.IfElse, env: Env) -> Any:
    cond = evaluate(node.cond, env)
    if cond is None:
        return None
    return evaluate(node.then if cond else node.orelse, env)


def _per_item(node: n.Call, env: Env, arg: n.Node) -> Callable[[Any], Any]:
    depth = node.item_scope

    def run(item: Any) -> Any:
        del env.items[depth - 1 :]
        env.items.append(item)
        try:
            return evaluate(arg, env)
        finally:
            del env.items[depth - 1 :]

    return run


def _call(node: n.Call, env: Env) -> Any:
    args = [evaluate(a, env) for a in node.args]
    if node.func == "in_period":
        return library.in_period(args[0], env.params["period_start"], env.params["period_end"])
    if node.func in ("min", "max", "floor", "len") and None in args:
        return None
    scoped = [_per_item(node, env, s) for s in node.scoped]
    return _PYTHON[node.func](*args, *scoped)


_PYTHON: dict[str, Callable[..., Any]] = {
    "count": library.count,
    "sum": library.total,
    "any": library.some,
    "all": library.every,
    "distinct": library.distinct,
    "len": library.length,
    "min": library.least,
    "max": library.greatest,
    "ratio": library.divide,
    "in_period": library.in_period,
    "floor": library.floor,
}

_EVAL: dict[type[n.Node], Callable[[Any, Env], Any]] = {
    n.Const: lambda node, env: node.value,
    n.Field: _field,
    n.Item: lambda node, env: env.items[node.scope - 1],
    n.Param: lambda node, env: env.params[node.name],
    n.Name: lambda node, env: env.lets[node.name],
    n.Points: lambda node, env: env.points,
    n.Unary: _unary,
    n.Not: lambda node, env: library.kleene_not(evaluate(node.operand, env)),
    n.IsNone: lambda node, env: (evaluate(node.operand, env) is None) is not node.negate,
    n.BinOp: _binop,
    n.BoolOp: _boolop,
    n.Compare: _compare,
    n.IfElse: _if_else,
    n.Call: _call,
}
