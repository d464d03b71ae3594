"""Write a typed expression tree back as expression text, for lint messages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from .._expr import nodes as n
from .._numbers import decimal_text

__all__ = ["show", "show_number"]

_PRECEDENCE = {"or": 1, "and": 2, "not": 3, "cmp": 4, "+": 5, "-": 5, "*": 6, "/": 6, "unary": 7}


def show_number(value: Decimal) -> str:
    """A number as a reader writes it: ``3``, ``0.5``, ``unbounded``, ``-unbounded``."""
    if value.is_infinite():
        return "unbounded" if value > 0 else "-unbounded"
    return decimal_text(value)


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal):
        return show_number(value)
    if isinstance(value, (str, Enum)):
        return repr(str(value.value if isinstance(value, Enum) else value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, frozenset):
        return "(" + ", ".join(sorted(_literal(v) for v in value)) + ")"
    return str(value)


def _wrap(text: str, inner: int, outer: int) -> str:
    return f"({text})" if inner < outer else text


def show(node: n.Node, outer: int = 0) -> str:
    """The expression text of a typed tree (constants appear as their values)."""
    if isinstance(node, n.Const):
        return _literal(node.value)
    if isinstance(node, n.Field):
        return ".".join(node.path)
    if isinstance(node, n.Item):
        return "it"
    if isinstance(node, n.Param):
        return f"params.{node.name}"
    if isinstance(node, n.Name):
        return node.name
    if isinstance(node, n.Points):
        return "points"
    if isinstance(node, n.Unary):
        return _wrap(node.op + show(node.operand, _PRECEDENCE["unary"]), _PRECEDENCE["unary"], outer)
    if isinstance(node, n.Not):
        return _wrap("not " + show(node.operand, _PRECEDENCE["not"]), _PRECEDENCE["not"], outer)
    if isinstance(node, n.BinOp):
        level = _PRECEDENCE[node.op]
        text = f"{show(node.left, level)} {node.op} {show(node.right, level + 1)}"
        return _wrap(text, level, outer)
    if isinstance(node, n.BoolOp):
        level = _PRECEDENCE[node.op]
        return _wrap(f" {node.op} ".join(show(v, level + 1) for v in node.values), level, outer)
    if isinstance(node, n.Compare):
        level = _PRECEDENCE["cmp"]
        return _wrap(f"{show(node.left, level + 1)} {node.op} {show(node.right, level + 1)}", level, outer)
    if isinstance(node, n.IsNone):
        text = f"{show(node.operand, _PRECEDENCE['cmp'] + 1)} is {'not ' if node.negate else ''}None"
        return _wrap(text, _PRECEDENCE["cmp"], outer)
    if isinstance(node, n.IfElse):
        text = f"{show(node.then, 1)} if {show(node.cond, 1)} else {show(node.orelse)}"
        return _wrap(text, 0, outer if outer else -1)
    if isinstance(node, n.Call):
        return f"{node.func}({', '.join(show(a) for a in (*node.args, *node.scoped))})"
    return "?"  # pragma: no cover - every node type is handled above
