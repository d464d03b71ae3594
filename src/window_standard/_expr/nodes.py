"""The typed expression tree: the output of the checker and the input of the code generator.

Nodes are immutable. Each carries its static :class:`~window_standard._expr.types.Type`; the code
generator relies on ``type.nullable`` to decide where "no data" must be guarded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .types import Type

__all__ = [
    "CHILDREN",
    "BinOp",
    "BoolOp",
    "Call",
    "Compare",
    "Const",
    "Field",
    "IfElse",
    "IsNone",
    "Item",
    "Name",
    "Node",
    "Not",
    "Param",
    "Points",
    "Unary",
    "walk",
]


@dataclass(frozen=True)
class Node:
    """Base of every typed node."""

    type: Type


@dataclass(frozen=True)
class Const(Node):
    """A literal, or a literal collection (a frozenset of literals) used on the right of ``in``."""

    value: Any


@dataclass(frozen=True)
class Field(Node):
    """A field path read from the window (scope 0) or from the item of an enclosing collection (scope k).

    Attributes:
        scope: 0 for the window, k for the k-th enclosing ``count/sum/any/all`` item.
        path: Attribute names from the scope's base object.
        segment_types: The type of each prefix of ``path`` (``segment_types[i]`` is that of ``path[:i+1]``).
    """

    scope: int
    path: tuple[str, ...]
    segment_types: tuple[Type, ...]


@dataclass(frozen=True)
class Item(Node):
    """The current item itself (``it``) inside a collection function."""

    scope: int


@dataclass(frozen=True)
class Param(Node):
    """``params.NAME``: a rule-set parameter, resolved on the evaluation date."""

    name: str


@dataclass(frozen=True)
class Name(Node):
    """A ``let`` binding or a named constant of the rule set."""

    name: str
    is_constant: bool


@dataclass(frozen=True)
class Points(Node):
    """``points``: the criterion's maximum."""


@dataclass(frozen=True)
class Unary(Node):
    """Unary ``-`` or ``+`` on a number."""

    op: str
    operand: Node


@dataclass(frozen=True)
class Not(Node):
    """Logical ``not`` (three-valued: not no-data is no data)."""

    operand: Node


@dataclass(frozen=True)
class BinOp(Node):
    """Arithmetic ``+ - * /`` on numbers."""

    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class BoolOp(Node):
    """``and`` / ``or`` with Kleene three-valued logic."""

    op: str
    values: tuple[Node, ...]


@dataclass(frozen=True)
class Compare(Node):
    """One comparison ``left OP right`` (chains are split into a conjunction of these)."""

    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class IsNone(Node):
    """``x is None`` / ``x is not None``: whether a nullable value has data."""

    operand: Node
    negate: bool


@dataclass(frozen=True)
class IfElse(Node):
    """``a if cond else b``."""

    cond: Node
    then: Node
    orelse: Node


@dataclass(frozen=True)
class Call(Node):
    """A call of a function from the fixed table.

    Attributes:
        func: The function's name.
        args: Plain arguments, evaluated in the caller's scope.
        scoped: Arguments evaluated once per item of ``args[0]`` (scope ``item_scope``).
        item_scope: The scope number of the item inside ``scoped`` arguments.
    """

    func: str
    args: tuple[Node, ...]
    scoped: tuple[Node, ...] = ()
    item_scope: int = 0


def _none(node: Any) -> tuple[Node, ...]:
    return ()


def _operand(node: Any) -> tuple[Node, ...]:
    return (node.operand,)


def _sides(node: Any) -> tuple[Node, ...]:
    return (node.left, node.right)


#: The children of every node type, in evaluation order (a test asserts every node type is here).
CHILDREN: dict[type[Node], Callable[[Any], tuple[Node, ...]]] = {
    Const: _none,
    Field: _none,
    Item: _none,
    Param: _none,
    Name: _none,
    Points: _none,
    Unary: _operand,
    Not: _operand,
    IsNone: _operand,
    BinOp: _sides,
    Compare: _sides,
    BoolOp: lambda node: node.values,
    IfElse: lambda node: (node.cond, node.then, node.orelse),
    Call: lambda node: node.args + node.scoped,
}


def walk(node: Node) -> list[Node]:
    """All nodes of a tree, parents before children (a node type :data:`CHILDREN` lacks is a KeyError)."""
    found: list[Node] = [node]
    for child in CHILDREN[type(node)](node):
        found.extend(walk(child))
    return found
