"""Static bounds of computed numbers: where ``_fit`` (beyond ±10^20: no data) can be left out.

A number a rule computes is bounded with :func:`window_standard._numbers.fit` where it is handed on (a
``let``, a score, a quotient). Inputs are bounded when read (at most 10^9; counts are integers), literals
and parameters at load (at most 10^12, six places), lists hold at most 10 000 items, and a quotient is
fitted unless its divisor is known to be at least 10^-k when not zero,
so most expressions provably stay within the bound: ``3 - (staff.headcount - staff.in_uniform)`` is at most
about 2·10^9. For those the generated code skips the call; its answer is the same, since ``fit`` is the
identity within the bound.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, get_args, get_origin

from ..._base import MAX_ITEMS
from ..._expr import nodes as n
from ..._numbers import MAX_INPUT, MAX_LITERAL, MAX_MAGNITUDE, MAX_PLACES

if TYPE_CHECKING:  # the generator calls into this module; this module only types its argument
    from .codegen import CodeGen

__all__ = ["bounded", "divisor_floor", "fitted_quotient", "handed_on", "magnitude", "quotient", "within"]

_COUNTING = frozenset({"count", "len", "distinct"})
_SAME = frozenset({"min", "max", "abs", "floor", "ceil", "round"})


def magnitude(node: n.Node, gen: CodeGen) -> int | None:
    """An upper bound of the value's magnitude, or None when it cannot be bounded statically."""
    bound = _BOUNDS.get(type(node))
    return bound(node, gen) if bound is not None else None


def within(node: n.Node, gen: CodeGen) -> bool:
    """Whether the value provably stays within :data:`~window_standard._numbers.MAX_MAGNITUDE`."""
    bound = magnitude(node, gen)
    return bound is not None and bound <= MAX_MAGNITUDE


def handed_on(node: n.Node, gen: CodeGen) -> int | None:
    """The bound of a value once handed on: its own when provable, else the fitted bound."""
    return magnitude(node, gen) if within(node, gen) else MAX_MAGNITUDE


def bounded(gen: CodeGen, node: n.Node) -> str:
    """Source of a number a rule hands on (a let, a score), fitted unless it provably stays in bounds."""
    code = gen.expr(node)
    if node.type.kind != "number" or within(node, gen):
        return code
    return f"_fit({code})"


def fitted_quotient(gen: CodeGen, top: n.Node, bottom: n.Node, code: str) -> str:
    """Source of a quotient, fitted unless it provably stays in bounds."""
    bound = quotient(top, bottom, gen)
    return code if bound is not None and bound <= MAX_MAGNITUDE else f"_fit({code})"


def divisor_floor(node: n.Node, gen: CodeGen) -> int | None:
    """``k`` such that a non-zero divisor is at least ``10^-k`` in magnitude, when that is known.

    A number with at most ``k`` decimal places that is not zero is at least ``10^-k``.
    """
    if isinstance(node, n.Name) and not node.is_constant:
        bound = gen.let_nodes.get(node.name)
        return None if bound is None else divisor_floor(bound, gen)
    if isinstance(node, n.Field):
        return 0 if _integer_field(node) else None  # a window's decimals may have any number of places
    if isinstance(node, (n.Param, n.Points, n.Name)):  # a Name here is a named constant
        return MAX_PLACES  # parameters and literals have at most six decimal places
    if isinstance(node, n.Const) and node.value:
        return MAX_PLACES
    if isinstance(node, n.Call) and node.func in _COUNTING:
        return 0
    return _places(node, gen)


def _integer_field(node: n.Field) -> bool:
    """Whether a field of a section or an item is declared an integer (a count) in the window model."""
    if len(node.path) < 2:
        return False
    owner = node.segment_types[-2].model
    field = owner.model_fields.get(node.path[-1]) if owner is not None else None
    kind: Any = field.annotation if field is not None else None
    while get_origin(kind) is not None:  # Optional[Annotated[int, ...]] → int
        kind = next((arg for arg in get_args(kind) if arg is not type(None)), None)
    return kind is int


def _places(node: n.Node, gen: CodeGen) -> int | None:
    """Decimal places of a sum, difference or product of numbers whose places are known."""
    if isinstance(node, n.Unary):
        return divisor_floor(node.operand, gen)
    if isinstance(node, n.BinOp) and node.op in ("+", "-", "*"):
        left, right = divisor_floor(node.left, gen), divisor_floor(node.right, gen)
        if left is None or right is None:
            return None
        return left + right if node.op == "*" else max(left, right)
    return None


def quotient(top: n.Node, bottom: n.Node, gen: CodeGen) -> int | None:
    """A bound of ``top / bottom`` without fitting it, or None (then the quotient is fitted)."""
    numerator, floor = magnitude(top, gen), divisor_floor(bottom, gen)
    return None if numerator is None or floor is None else numerator * 10**floor


def _fitted_quotient(top: n.Node, bottom: n.Node, gen: CodeGen) -> int:
    bound = quotient(top, bottom, gen)
    return MAX_MAGNITUDE if bound is None else min(bound, MAX_MAGNITUDE)


def _const(node: n.Const, gen: CodeGen) -> int | None:
    value: object = node.value
    if isinstance(value, bool) or value is None:
        return 1
    if isinstance(value, int):
        return abs(value) + 1
    if isinstance(value, Decimal):
        return int(value.copy_abs()) + 1
    return None


def _name(node: n.Name, gen: CodeGen) -> int | None:
    return MAX_LITERAL if node.is_constant else gen.let_bounds.get(node.name)


def _binop(node: n.BinOp, gen: CodeGen) -> int | None:
    left, right = magnitude(node.left, gen), magnitude(node.right, gen)
    if node.op == "/":
        return _fitted_quotient(node.left, node.right, gen)
    if left is None or right is None:
        return None
    return left + right if node.op in ("+", "-") else left * right


def _unary(node: n.Unary, gen: CodeGen) -> int | None:
    return magnitude(node.operand, gen)


def _if_else(node: n.IfElse, gen: CodeGen) -> int | None:
    then, orelse = magnitude(node.then, gen), magnitude(node.orelse, gen)
    return None if then is None or orelse is None else max(then, orelse)


def _call(node: n.Call, gen: CodeGen) -> int | None:
    if node.func in _COUNTING:
        return MAX_ITEMS
    if node.func == "ratio":
        return _fitted_quotient(node.args[0], node.args[1], gen)
    if node.func == "sum" and node.scoped:
        each = magnitude(node.scoped[0], gen)
        return None if each is None else each * MAX_ITEMS
    if node.func in _SAME:
        bounds = [magnitude(arg, gen) for arg in node.args]
        return None if not bounds or None in bounds else max(b for b in bounds if b is not None) + 1
    return None


_BOUNDS: dict[type[n.Node], Callable[..., int | None]] = {
    n.Const: _const,
    n.Param: lambda node, gen: MAX_LITERAL,
    n.Points: lambda node, gen: MAX_LITERAL if gen.points_value is None else int(gen.points_value) + 1,
    n.Field: lambda node, gen: MAX_INPUT,
    n.Name: _name,
    n.BinOp: _binop,
    n.Unary: _unary,
    n.IfElse: _if_else,
    n.Call: _call,
}
