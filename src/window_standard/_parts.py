"""The ``score`` tree of a composite criterion (``parts:``), built from ordinary typed nodes.

Each part's test is a ``let`` binding named after the part. The tree adds the points of the parts whose
test is true; a part whose test has no data counts 0; the whole is no data only when every part's test has
no data. Written with existing nodes (``IfElse``, ``IsNone``, ``BoolOp``, ``BinOp``, ``Const``, ``Name``),
so every engine evaluates composite criteria without knowing about parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ._expr import nodes as n
from ._expr.types import BOOL, NUMBER, Type

__all__ = ["parts_score"]

_SCORE = NUMBER.with_nullable(True)


def _earned(name: str, points: Decimal, typ: Type) -> n.Node:
    """``(0 if NAME is None else (POINTS if NAME else 0))``; without the guard when NAME always has data."""
    test = n.Name(typ, name, False)
    earned = n.IfElse(NUMBER, test, n.Const(NUMBER, points), n.Const(NUMBER, Decimal(0)))
    if not typ.nullable:
        return earned
    return n.IfElse(NUMBER, n.IsNone(BOOL, test, False), n.Const(NUMBER, Decimal(0)), earned)


def parts_score(parts: Sequence[tuple[str, Decimal, Type]]) -> n.Node:
    """The score tree of parts given as ``(let name, points, type of its test)``."""
    total: n.Node = _earned(*parts[0])
    for part in parts[1:]:
        total = n.BinOp(NUMBER, "+", total, _earned(*part))
    unknown = [n.IsNone(BOOL, n.Name(typ, name, False), False) for name, _, typ in parts if typ.nullable]
    if len(unknown) < len(parts):
        return total  # some part always has data: the criterion always has a score
    every = unknown[0] if len(unknown) == 1 else n.BoolOp(BOOL, "and", tuple(unknown))
    return n.IfElse(_SCORE, every, n.Const(_SCORE, None), total)
