"""Abstract interpretation of typed expression trees: what values can an expression take?

:class:`Analyser` walks a tree of :mod:`window_standard._expr.nodes` and returns an abstract value from
:mod:`.domain`. It knows the window model's bounds (counts ≥ 0, ``in_uniform ≤ headcount`` ...), treats
parameters as the constants they are (the hull over their dated values), and records the truth values
every comparison can take, for the "threshold never reached" check.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

from .._consistency.facts import BOUNDED_BY, UNIQUE_LISTS
from .._expr import nodes as n
from .._expr.types import Type
from .domain import (
    BOTH,
    INF,
    Abstract,
    Coll,
    Num,
    Vals,
    compare_numbers,
    equality,
    field_bounds,
    join,
    membership,
    mul,
)

__all__ = ["Analyser", "abstract_constant"]

_NUMERIC_CMP = ("<", "<=", ">", ">=", "==", "!=")


def abstract_constant(value: Any) -> Abstract:
    """The abstract value of a literal, a constant or one parameter value."""
    if isinstance(value, bool):
        return frozenset({value})
    if isinstance(value, (int, Decimal)):
        return Num.point(value)
    if isinstance(value, (frozenset, list, tuple, set)):
        return Coll(Decimal(len(set(value))), frozenset(value), True)
    if isinstance(value, (str, Enum)):
        return Vals(frozenset({value}))
    return Vals()


def _enum_values(typ: Type) -> frozenset[Any] | None:
    if typ.kind == "enum" and typ.enum is not None:
        return frozenset(m.value for m in typ.enum)
    if typ.kind == "bool":
        return frozenset({True, False})
    return None


@dataclass
class Analyser:
    """Computes abstract values of the trees of one criterion.

    Attributes:
        root: The window model class.
        params: The abstract value of each parameter.
        points: The criterion's maximum points (None for gates and vetoes).
        lets: Abstract values of the ``let`` bindings analysed so far.
        let_trees: The trees of the ``let`` bindings (to see through names when relating counts).
        fixed: Values assumed for fields, by ``(scope, path)`` (a window kind, an item's kind).
        comparisons: For each numeric comparison seen, the truth values it can take.
    """

    root: type[BaseModel]
    params: Mapping[str, Abstract]
    points: Decimal | None = None
    lets: dict[str, Abstract] = field(default_factory=dict)
    let_trees: dict[str, n.Node] = field(default_factory=dict)
    fixed: dict[tuple[int, tuple[str, ...]], Any] = field(default_factory=dict)
    comparisons: dict[int, tuple[n.Compare, frozenset[bool]]] = field(default_factory=dict)
    items: list[tuple[Type, Abstract]] = field(default_factory=list)

    @contextmanager
    def assuming(self, scope: int, path: tuple[str, ...], value: Any) -> Iterator[None]:
        """Analyse with the field at ``(scope, path)`` fixed to ``value``."""
        key = (scope, path)
        old = self.fixed.get(key, _MISSING)
        self.fixed[key] = value
        try:
            yield
        finally:
            if old is _MISSING:
                del self.fixed[key]
            else:
                self.fixed[key] = old

    @contextmanager
    def item(self, typ: Type, value: Abstract) -> Iterator[None]:
        """Analyse one scope deeper, the item having type ``typ`` and abstract value ``value``."""
        self.items.append((typ, value))
        try:
            yield
        finally:
            self.items.pop()

    def value(self, node: n.Node) -> Abstract:
        """The abstract value of ``node``."""
        method = getattr(self, "_" + type(node).__name__)
        result: Abstract = method(node)
        return result

    # -- leaves ---------------------------------------------------------------------------------------

    def _Const(self, node: n.Const) -> Abstract:
        return abstract_constant(node.value)

    def _Param(self, node: n.Param) -> Abstract:
        return self.params.get(node.name)

    def _Points(self, node: n.Points) -> Abstract:
        return Num.point(self.points) if self.points is not None else None

    def _Name(self, node: n.Name) -> Abstract:
        return self.lets.get(node.name)

    def _Item(self, node: n.Item) -> Abstract:
        key = (node.scope, ())
        if key in self.fixed:
            return abstract_constant(self.fixed[key])
        return self.items[node.scope - 1][1] if node.scope <= len(self.items) else None

    def _Field(self, node: n.Field) -> Abstract:
        key = (node.scope, node.path)
        if key in self.fixed:
            return abstract_constant(self.fixed[key])
        typ = node.type
        if typ.kind == "number":
            owner = self._owner(node)
            return field_bounds(owner, node.path[-1]) if owner is not None else Num(-INF, INF)
        if typ.kind == "bool":
            return BOTH
        if typ.kind == "list":
            members = _enum_values(typ.item) if typ.item is not None else None
            unique = node.scope == 0 and ".".join(node.path) in UNIQUE_LISTS and members is not None
            return Coll(Decimal(len(members)) if unique and members is not None else INF, members)
        return Vals(_enum_values(typ))

    def _owner(self, node: n.Field) -> type[BaseModel] | None:
        """The model class holding the field's last segment."""
        if len(node.path) > 1:
            return node.segment_types[-2].model
        if node.scope == 0:
            return self.root
        typ = self.items[node.scope - 1][0] if node.scope <= len(self.items) else None
        return typ.model if typ is not None else None

    # -- operators ------------------------------------------------------------------------------------

    def _Unary(self, node: n.Unary) -> Abstract:
        operand = self.value(node.operand)
        return -operand if isinstance(operand, Num) and node.op == "-" else operand

    def _Not(self, node: n.Not) -> Abstract:
        operand = self.value(node.operand)
        return frozenset(not b for b in operand) if isinstance(operand, frozenset) else BOTH

    def _BinOp(self, node: n.BinOp) -> Abstract:
        left, right = self.value(node.left), self.value(node.right)
        if not (isinstance(left, Num) and isinstance(right, Num)):
            return Num(-INF, INF)
        if node.op == "+":
            return left + right
        if node.op == "*":
            return left * right
        if node.op == "/":
            return left.divide(right)
        result = left - right
        if self.at_most(node.right, node.left):
            result = Num(max(result.lo, Decimal(0)), result.hi, result.integral)
        return result

    def _BoolOp(self, node: n.BoolOp) -> Abstract:
        parts = [self.value(v) for v in node.values]
        sets = [p if isinstance(p, frozenset) else BOTH for p in parts]
        if node.op == "and":
            can_true = all(True in s for s in sets)
            can_false = any(False in s for s in sets)
        else:
            can_true = any(True in s for s in sets)
            can_false = all(False in s for s in sets)
        return frozenset(b for b, ok in ((True, can_true), (False, can_false)) if ok)

    def _IsNone(self, node: n.IsNone) -> Abstract:
        self.value(node.operand)
        return BOTH

    def _IfElse(self, node: n.IfElse) -> Abstract:
        cond = self.value(node.cond)
        then = self.value(node.then) if _may(cond, True) and not _no_data(node.then) else None
        orelse = self.value(node.orelse) if _may(cond, False) and not _no_data(node.orelse) else None
        if then is None:
            return orelse
        return then if orelse is None else join(then, orelse)

    def _Compare(self, node: n.Compare) -> Abstract:
        left, right = self.value(node.left), self.value(node.right)
        if isinstance(left, Num) and isinstance(right, Num) and node.op in _NUMERIC_CMP:
            result = compare_numbers(node.op, left, right)
            seen = self.comparisons.get(id(node))
            self.comparisons[id(node)] = (node, result | (seen[1] if seen else frozenset()))
            return result
        if node.op in ("in", "not in") and isinstance(right, Coll):
            result = membership(left, right)
            return result if node.op == "in" else frozenset(not b for b in result)
        if node.op in ("==", "!=") and isinstance(left, Vals) and isinstance(right, Vals):
            result = equality(left, right)
            return result if node.op == "==" else frozenset(not b for b in result)
        return BOTH

    # -- relations between counts ---------------------------------------------------------------------

    def resolve(self, node: n.Node) -> n.Node:
        """See through ``let`` names to the expression they stand for."""
        while isinstance(node, n.Name) and not node.is_constant and node.name in self.let_trees:
            node = self.let_trees[node.name]
        return node

    def at_most(self, small: n.Node, large: n.Node) -> bool:
        """Whether the model guarantees ``small <= large`` (both counts of one section, or count ≤ len)."""
        a, b = self.resolve(small), self.resolve(large)
        if isinstance(a, n.Field) and isinstance(b, n.Field) and a.scope == b.scope == 0:
            return BOUNDED_BY.get(".".join(a.path)) == ".".join(b.path)
        if isinstance(a, n.Call) and isinstance(b, n.Call) and a.func == "count" and b.func == "len":
            return a.args[0] == b.args[0]
        return False

    # -- calls ----------------------------------------------------------------------------------------

    def _Call(self, node: n.Call) -> Abstract:
        handler = getattr(self, "_call_" + node.func, None)
        if handler is not None:
            result: Abstract = handler(node)
            return result
        for arg in node.args:
            self.value(arg)
        return BOTH if node.type.kind == "bool" else Num(-INF, INF) if node.type.kind == "number" else None

    def _collection(self, node: n.Call) -> tuple[Type, Coll]:
        coll = self.value(node.args[0])
        typ = node.args[0].type.item or Type("str")
        return typ, coll if isinstance(coll, Coll) else Coll(INF)

    def _truths(self, node: n.Call, pred: n.Node) -> list[frozenset[bool]] | None:
        """The truth values of ``pred`` for each member of a collection of known members (else None)."""
        typ, coll = self._collection(node)
        if coll.members is None or coll.most == INF:
            return None
        found: list[frozenset[bool]] = []
        for member in coll.members:
            with self.item(typ, abstract_constant(member)):
                result = self.value(pred)
            found.append(result if isinstance(result, frozenset) else BOTH)
        return found

    def _truth(self, node: n.Call, pred: n.Node) -> frozenset[bool]:
        """The truth values ``pred`` can take for some item of the collection."""
        typ, coll = self._collection(node)
        with self.item(typ, Vals(coll.members) if coll.members is not None else _item_value(typ)):
            result = self.value(pred)
        return result if isinstance(result, frozenset) else BOTH

    def _call_count(self, node: n.Call) -> Abstract:
        _, coll = self._collection(node)
        truths = self._truths(node, node.scoped[0])
        if truths is None:
            truth = self._truth(node, node.scoped[0])
            return Num(Decimal(0), coll.most, True) if True in truth else Num.point(0)
        passing = sum(True in t for t in truths)
        low = sum(t == frozenset({True}) for t in truths) if coll.exact else 0
        return Num(Decimal(low), Decimal(passing), True)

    def _call_len(self, node: n.Call) -> Abstract:
        coll = self.value(node.args[0])
        if isinstance(coll, Coll):
            return Num.point(coll.most) if coll.exact else Num(Decimal(0), coll.most, True)
        return Num(Decimal(0), INF, True)

    def _call_sum(self, node: n.Call) -> Abstract:
        typ, coll = self._collection(node)
        with self.item(typ, _item_value(typ)):
            each = self.value(node.scoped[0])
        if not isinstance(each, Num):
            return Num(-INF, INF)
        low, high = min(Decimal(0), mul(each.lo, coll.most)), max(Decimal(0), mul(each.hi, coll.most))
        return Num(low, high, each.integral)

    def _call_distinct(self, node: n.Call) -> Abstract:
        typ, coll = self._collection(node)
        value_node = node.scoped[0]
        with self.item(typ, _item_value(typ)):
            values = self.value(value_node)
        if not (isinstance(values, Vals) and values.values is not None):
            return Num(Decimal(0), coll.most, True)
        count = 0
        for candidate in values.values:
            if len(node.scoped) < 2:
                count += 1
                continue
            key = (value_node.scope, value_node.path) if isinstance(value_node, n.Field) else None
            with self.item(typ, _item_value(typ)):
                if key is not None:
                    with self.assuming(key[0], key[1], candidate):
                        truth = self.value(node.scoped[1])
                else:
                    truth = self.value(node.scoped[1])
            count += not isinstance(truth, frozenset) or True in truth
        return Num(Decimal(0), min(coll.most, Decimal(count)), True)

    def _quantifier(self, node: n.Call, every: bool) -> Abstract:
        """``any`` (``every=False``) or ``all`` over the collection, in Kleene logic."""
        _, coll = self._collection(node)
        truths = self._truths(node, node.scoped[0]) if coll.exact else None
        if truths is not None:
            if every:
                can_true, can_false = all(True in t for t in truths), any(False in t for t in truths)
            else:
                can_true, can_false = any(True in t for t in truths), all(False in t for t in truths)
        else:
            truth = self._truth(node, node.scoped[0])
            some = coll.most > 0
            if every:
                can_true, can_false = True, some and False in truth
            else:
                can_true, can_false = some and True in truth, True
        return frozenset(v for v, ok in ((True, can_true), (False, can_false)) if ok)

    def _call_any(self, node: n.Call) -> Abstract:
        return self._quantifier(node, every=False)

    def _call_all(self, node: n.Call) -> Abstract:
        return self._quantifier(node, every=True)

    def _extremum(self, node: n.Call, pick: Any) -> Abstract:
        values = [self.value(a) for a in node.args]
        if not all(isinstance(v, Num) for v in values):
            return Num(-INF, INF)
        nums = [v for v in values if isinstance(v, Num)]
        return Num(pick(v.lo for v in nums), pick(v.hi for v in nums), all(v.integral for v in nums))

    def _call_min(self, node: n.Call) -> Abstract:
        return self._extremum(node, min)

    def _call_max(self, node: n.Call) -> Abstract:
        return self._extremum(node, max)

    def _call_floor(self, node: n.Call) -> Abstract:
        value = self.value(node.args[0])
        return value.floor() if isinstance(value, Num) else Num(-INF, INF, True)

    def _call_ratio(self, node: n.Call) -> Abstract:
        top, bottom = self.value(node.args[0]), self.value(node.args[1])
        if not (isinstance(top, Num) and isinstance(bottom, Num)):
            return Num(-INF, INF)
        if top.lo >= 0 and bottom.lo >= 0 and self.at_most(node.args[0], node.args[1]):
            return Num(Decimal(0), Decimal(1))
        return top.divide(bottom)

    def _call_in_period(self, node: n.Call) -> Abstract:
        self.value(node.args[0])
        return BOTH


_MISSING = object()


def _item_value(typ: Type) -> Abstract:
    """What an item of a collection of type ``typ`` can be."""
    if typ.kind == "number":
        return Num(-INF, INF)
    if typ.kind == "bool":
        return BOTH
    return Vals(_enum_values(typ)) if typ.kind in ("enum", "str", "date") else None


def _may(cond: Abstract, truth: bool) -> bool:
    """Whether a test's abstract value allows ``truth``."""
    return not isinstance(cond, frozenset) or truth in cond


def _no_data(node: n.Node) -> bool:
    """A literal *no data* branch (``requires`` and ``parts`` make them): it adds no value to the join."""
    return isinstance(node, n.Const) and node.value is None
