"""Exact comparisons of quotients: ``ratio(a, b) >= params.x`` without computing the decimal quotient.

A rule such as ``rate >= params.certified_full_ratio`` with ``rate: ratio(staff.certified,
staff.headcount)`` compares a quotient with a number. With ``b > 0`` and the number ``n / d`` in lowest
terms, ``a / b >= n / d`` exactly when ``a * d >= n * b`` (the comparison flips when ``b < 0``), so the
generated code compares integers, or decimals multiplied by integers, instead of dividing. The answer is
the exact one; it equals comparing the quotient rounded to 28 digits whenever the inputs are within the
library's bounds (a rounded quotient only moves by 10⁻²⁸ of itself, far less than the distance between
two distinct fractions of bounded terms). No data stays no data: a missing operand, a zero divisor or a
missing parameter gives None, as the division would.

This is done in ``run`` only (the facts functions still compute ``rate`` to show it). A ``let`` whose every
use became such a comparison is no longer computed there (:func:`pruned`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..._expr import nodes as n
from ..._numbers import MAX_MAGNITUDE
from .bounds import quotient

if TYPE_CHECKING:  # the generator calls into this module; this module only types its argument
    from .codegen import CodeGen

__all__ = ["ParamFractions", "pruned", "quotient_comparison"]

_ORDERING = ("<", "<=", ">", ">=", "==", "!=")
_MIRROR = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


class ParamFractions:
    """Numerator and denominator of some parameters, computed once per parameter mapping.

    A standard hands ``run`` one mapping per assessment date (the same object for every window of that
    date), so the fractions are kept per mapping, recognised by identity (the mapping is kept with them, so
    its id cannot be reused meanwhile), at most ``_KEPT`` of them.

    Args:
        names: The parameters, in the order of the returned values.
    """

    __slots__ = ("_kept", "names")

    _KEPT = 64

    def __init__(self, names: Sequence[str]) -> None:
        self.names = tuple(names)
        self._kept: dict[int, tuple[Mapping[str, Any], tuple[int | None, ...]]] = {}

    def __call__(self, params: Mapping[str, Any]) -> tuple[int | None, ...]:
        """``(n1, d1, n2, d2, …)``; both None for a parameter with no value."""
        kept = self._kept.get(id(params))
        if kept is not None and kept[0] is params:
            return kept[1]
        values: list[int | None] = []
        for name in self.names:
            value = params[name]
            if value is None:
                values += [None, None]
            else:
                numerator, denominator = Decimal(value).as_integer_ratio()
                values += [numerator, denominator]
        fractions = tuple(values)
        if len(self._kept) >= self._KEPT:
            self._kept = {}  # bounded: replaced whole, so a reader in another thread sees the old or the new
        self._kept[id(params)] = (params, fractions)
        return fractions


def _quotient(gen: CodeGen, node: n.Node) -> tuple[n.Node, n.Node] | None:
    if isinstance(node, n.Name) and not node.is_constant:
        node = gen.let_nodes.get(node.name, node)
    if isinstance(node, n.BinOp) and node.op == "/":
        top, bottom = node.left, node.right
    elif isinstance(node, n.Call) and node.func == "ratio" and not node.scoped:
        top, bottom = node.args
    else:
        return None
    if not (_cheap(gen, top) and _cheap(gen, bottom)):
        return None
    bound = quotient(top, bottom, gen)
    # a quotient that might exceed the bound is no data there (it is fitted): compare those as written
    return (top, bottom) if bound is not None and bound <= MAX_MAGNITUDE else None


def _cheap(gen: CodeGen, node: n.Node) -> bool:
    """Whether reading the operand twice costs no more than a local (it is inlined in each comparison)."""
    return isinstance(node, (n.Field, n.Const, n.Param, n.Points, n.Name)) or node in gen.hoisted


def _fraction(gen: CodeGen, node: n.Node) -> tuple[str, str, list[str]] | None:
    """Source of ``(numerator, denominator, tests for no data)`` of a number known at run start."""
    known = gen.known(node)
    if known is not None:
        numerator, denominator = Decimal(known).as_integer_ratio()
        return str(numerator), str(denominator), []
    if isinstance(node, n.Param):
        local = gen.param_fraction(node.name)
        return f"{local}_n", f"{local}_d", [f"{local}_n is None"] if node.type.nullable else []
    return None


def quotient_comparison(gen: CodeGen, node: n.Compare) -> str | None:
    """Source comparing a quotient with a parameter or literal exactly, or None when it does not apply."""
    if not gen.exact_quotients or node.op not in _ORDERING:
        return None
    op, quotient, other = node.op, _quotient(gen, node.left), node.right
    if quotient is None:
        op, quotient, other = _MIRROR[node.op], _quotient(gen, node.right), node.left
    fraction = _fraction(gen, other) if quotient is not None else None
    if quotient is None or fraction is None:
        return None
    top, bottom = quotient
    numerator, denominator, tests = fraction
    a, test = gen.tested(top)
    tests = [test, *tests] if test else tests
    b, test = gen.divisor(bottom)
    tests.append(test)
    scaled = a if denominator == "1" else f"{a} * {denominator}"
    positive = f"({scaled} {op} {numerator} * {b})"
    negative = f"({scaled} {_MIRROR[op]} {numerator} * {b})"
    return f"(None if {' or '.join(tests)} else ({positive} if {b} > 0 else {negative}))"


def pruned(lines: list[str], lets: Sequence[str]) -> list[str]:
    """The lines of a rule without the ``let`` lines (the first ``len(lets)``) that nothing reads."""
    kept: list[str] = lines[len(lets) :]
    for line, local in reversed(list(zip(lines, lets, strict=False))):
        if any(re.search(rf"\b{local}\b", later) for later in kept):
            kept.insert(0, line)
    return kept
