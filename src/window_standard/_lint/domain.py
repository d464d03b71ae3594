"""The abstract values the linter computes for expressions.

They are number intervals, sets of truth values, sets of possible values and collections with a size
bound.

Every abstract value over-approximates what the expression can be *when it has data* ("no data" is left
out: evaluation turns it into ``no_data``, never into a number). Infinities are ``Decimal("Infinity")``.
"""

from __future__ import annotations

import math
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

__all__ = [
    "INF",
    "Abstract",
    "Bools",
    "Coll",
    "Num",
    "Vals",
    "compare_numbers",
    "equality",
    "field_bounds",
    "join",
    "membership",
    "mul",
]

INF = Decimal("Infinity")
BOTH: frozenset[bool] = frozenset({True, False})


@dataclass(frozen=True)
class Num:
    """An interval ``[lo, hi]`` of numbers; ``integral`` when only whole numbers are possible."""

    lo: Decimal
    hi: Decimal
    integral: bool = False

    @staticmethod
    def point(value: Decimal | int) -> Num:
        """The interval of one number."""
        number = Decimal(value)
        return Num(number, number, number == number.to_integral_value())

    def __add__(self, other: Num) -> Num:
        return Num(self.lo + other.lo, self.hi + other.hi, self.integral and other.integral)

    def __neg__(self) -> Num:
        return Num(-self.hi, -self.lo, self.integral)

    def __sub__(self, other: Num) -> Num:
        return self + (-other)

    def __mul__(self, other: Num) -> Num:
        corners = [mul(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Num(min(corners), max(corners), self.integral and other.integral)

    def divide(self, other: Num) -> Num:
        """``self / other``, where a zero divisor gives no data (so it is left out)."""
        low, high = other.lo, other.hi
        if other.integral and low == 0:
            low = Decimal(1)
        elif other.integral and high == 0:
            high = Decimal(-1)
        if low > high or (low < 0 < high):
            return Num(-INF, INF)
        corners = [_div(a, b) for a in (self.lo, self.hi) for b in (low, high) if b != 0]
        if 0 in (low, high):  # the divisor comes arbitrarily close to 0
            corners += [INF if a > 0 else -INF for a in (self.lo, self.hi) if a != 0]
        corners = corners or [Decimal(0)]
        return Num(min(corners), max(corners))

    def floor(self) -> Num:
        """The interval of ``floor(x)``."""
        return Num(_floor(self.lo), _floor(self.hi), True)


def mul(a: Decimal, b: Decimal) -> Decimal:
    """``a × b`` where 0 × ∞ is 0 (an empty collection sums to 0, whatever its items)."""
    return Decimal(0) if a == 0 or b == 0 else a * b


def _div(a: Decimal, b: Decimal) -> Decimal:
    if a.is_infinite() and b.is_infinite():
        return INF if (a > 0) == (b > 0) else -INF
    if b.is_infinite():
        return Decimal(0)
    return a / b


def _floor(value: Decimal) -> Decimal:
    return value if value.is_infinite() else Decimal(math.floor(value))


Bools = frozenset[bool]


@dataclass(frozen=True)
class Vals:
    """The possible values of a string, enum or date (None: any value)."""

    values: frozenset[Any] | None = None


@dataclass(frozen=True)
class Coll:
    """A collection: at most ``most`` items, drawn from ``members`` (None: any).

    Attributes:
        most: The largest possible size (``INF`` when unbounded).
        members: The values items can take, when known.
        exact: Whether ``members`` is exactly the collection's content (a constant or a parameter).
    """

    most: Decimal
    members: frozenset[Any] | None = None
    exact: bool = False


Abstract = Num | Bools | Vals | Coll | None


def join(a: Abstract, b: Abstract) -> Abstract:
    """The least abstract value covering both (the two branches of an ``if``)."""
    if isinstance(a, Num) and isinstance(b, Num):
        return Num(min(a.lo, b.lo), max(a.hi, b.hi), a.integral and b.integral)
    if isinstance(a, frozenset) and isinstance(b, frozenset):
        return a | b
    if isinstance(a, Vals) and isinstance(b, Vals):
        if a.values is None or b.values is None:
            return Vals()
        return Vals(a.values | b.values)
    if isinstance(a, Coll) and isinstance(b, Coll):
        members = None if a.members is None or b.members is None else a.members | b.members
        return Coll(max(a.most, b.most), members, a.exact and b.exact)
    return None


def _lower(annotation: Any) -> Decimal | None:
    """The ``ge``/``gt`` lower bound buried in an annotation (``Annotated[int, Field(ge=0)] | None``)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        bounds = [b for b in map(_lower, typing.get_args(annotation)) if b is not None]
        return min(bounds) if bounds else None
    if origin is typing.Annotated:
        found: list[Decimal] = []
        for extra in typing.get_args(annotation)[1:]:
            metadata = extra.metadata if isinstance(extra, FieldInfo) else [extra]
            for item in metadata:
                for name in ("ge", "gt"):
                    value = getattr(item, name, None)
                    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
                        found.append(Decimal(value))
        inner = _lower(typing.get_args(annotation)[0])
        return max(found + ([inner] if inner is not None else [])) if found or inner is not None else None
    return None


def _base(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _base(rest[0]) if len(rest) == 1 else annotation
    if origin is typing.Annotated:
        return _base(typing.get_args(annotation)[0])
    return annotation


def field_bounds(model: type[BaseModel], name: str) -> Num:
    """The interval of a numeric model field, from its ``ge`` constraint and whether it is an ``int``."""
    info = model.model_fields[name]
    low = _lower(info.annotation)
    for item in info.metadata:
        value = getattr(item, "ge", None)
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            low = Decimal(value) if low is None else max(low, Decimal(value))
    return Num(low if low is not None else -INF, INF, _base(info.annotation) is int)


def compare_numbers(op: str, a: Num, b: Num) -> frozenset[bool]:
    """The truth values ``a OP b`` can take (OP one of ``< <= > >= == !=``)."""
    if op in (">", ">="):
        a, b, op = b, a, "<" if op == ">" else "<="
    if op == "<":
        can_true, can_false = a.lo < b.hi, a.hi >= b.lo
    elif op == "<=":
        can_true, can_false = a.lo <= b.hi, a.hi > b.lo
    else:
        overlap = a.lo <= b.hi and b.lo <= a.hi
        single = a.lo == a.hi == b.lo == b.hi
        whole_vs_fraction = (a.integral and b.lo == b.hi and b.lo != b.lo.to_integral_value()) or (
            b.integral and a.lo == a.hi and a.lo != a.lo.to_integral_value()
        )
        equal_true, equal_false = overlap and not whole_vs_fraction, not single
        can_true, can_false = (equal_true, equal_false) if op == "==" else (equal_false, equal_true)
    return frozenset(v for v, ok in ((True, can_true), (False, can_false)) if ok)


def membership(item: Abstract, coll: Coll) -> frozenset[bool]:
    """The truth values ``item in coll`` can take."""
    values = item.values if isinstance(item, Vals) else None
    if isinstance(item, Num) and item.lo == item.hi:
        values = frozenset({item.lo})
    if values is None or coll.members is None:
        return BOTH if coll.most > 0 else frozenset({False})
    inside = {v in coll.members for v in values}
    if not coll.exact:
        return frozenset({False}) if inside == {False} else BOTH
    return frozenset(inside)


def equality(a: Vals, b: Vals) -> frozenset[bool]:
    """The truth values ``a == b`` can take."""
    if a.values is None or b.values is None:
        return BOTH
    if not a.values & b.values:
        return frozenset({False})
    if len(a.values) == len(b.values) == 1:
        return frozenset({True})
    return BOTH
