"""Typed trees translated to array programs: one closure per node, run over a whole frame at once.

:class:`Translator` turns each node of a :class:`~window_standard._check.CheckedRule` into a closure
``f(ctx, frame) -> Num | Arr`` and records the columns the rules read (:class:`Needs`). A construct it
cannot translate is a :class:`Untranslatable` error at prepare time — never a silent fallback. Adding a
node type or a function is local: one method here and, if it computes, one operation in :mod:`.ops`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np

from ..._expr import nodes as n
from ..._expr.types import Type
from . import ops
from .table import Frame, ListColumn, Table, Value, column, constant
from .values import Arr, BoolArray, IntArray, Num

__all__ = ["Ctx", "Fn", "Needs", "Translator", "Untranslatable"]


class Untranslatable(Exception):
    """A construct the columnar engine cannot translate (raised at prepare time)."""


@dataclass
class Ctx:
    """What a program reads while it runs over one group of windows (same parameters).

    Attributes:
        table: The columns.
        params: The parameters in force for the whole group.
        unsure: Windows to recompute exactly (set in place).
        lets: The current rule's ``let`` values (over the windows).
        points: The current rule's maximum.
    """

    table: Table
    params: Mapping[str, Any]
    unsure: BoolArray
    lets: dict[str, Value] = field(default_factory=dict)
    points: Decimal | None = None

    def mask(self, frame: Frame) -> BoolArray:
        """A fresh element mask for an operation to flag unsure elements in."""
        return np.zeros(frame.size, np.bool_)

    def mark(self, mask: BoolArray, frame: Frame) -> None:
        """Mark the windows of the flagged elements unsure."""
        if mask.any():
            self.unsure[frame.rows[mask]] = True


Fn = Callable[[Ctx, Frame], Value]


@dataclass
class ListNeeds:
    """What the rules read of one list: its items (plain values) and item fields (records)."""

    item: Type
    items: bool = False
    fields: dict[tuple[str, ...], Type] = field(default_factory=dict)


@dataclass
class Needs:
    """The columns a rule set reads: plain fields of the window and lists."""

    scalars: dict[tuple[str, ...], Type] = field(default_factory=dict)
    lists: dict[tuple[str, ...], ListNeeds] = field(default_factory=dict)


def _nested(frame: Frame) -> bool:
    return len(frame.index) > 1


class Translator:
    """Translates typed trees into closures and records what they read."""

    def __init__(self) -> None:
        self.needs = Needs()
        self.scopes: dict[int, tuple[str, ...] | None] = {}  # item scope → the list it iterates

    def node(self, node: n.Node) -> Fn:
        """The closure computing ``node``."""
        method = getattr(self, f"_{type(node).__name__.lower()}", None)
        if method is None:
            raise Untranslatable(f"the {type(node).__name__} construct")
        fn: Fn = method(node)
        return fn

    # leaves ---------------------------------------------------------------------------------------------
    def _const(self, node: n.Const) -> Fn:
        if isinstance(node.value, frozenset):
            raise Untranslatable("a literal collection outside 'in' or a collection function")
        value, typ = node.value, node.type
        return lambda ctx, frame: constant(value, typ, frame.size, ctx.table.vocab)

    def _param(self, node: n.Param) -> Fn:
        if node.type.kind == "list":
            raise Untranslatable(f"the list parameter '{node.name}' outside 'in' or a collection function")
        name, typ = node.name, node.type
        return lambda ctx, frame: constant(ctx.params.get(name), typ, frame.size, ctx.table.vocab)

    def _points(self, node: n.Points) -> Fn:
        typ = node.type
        return lambda ctx, frame: constant(ctx.points, typ, frame.size, ctx.table.vocab)

    def _name(self, node: n.Name) -> Fn:
        if node.is_constant:
            raise Untranslatable(f"the constant '{node.name}' as a name")
        if node.type.kind in ("list", "model"):
            raise Untranslatable(f"the let '{node.name}' holding a {node.type.kind}")
        name = node.name

        def read(ctx: Ctx, frame: Frame) -> Value:
            value = ctx.lets[name]
            return value.take(frame.rows) if _nested(frame) else value

        return read

    def _field(self, node: n.Field) -> Fn:
        if node.type.kind in ("list", "model"):
            raise Untranslatable(f"the field {'.'.join(node.path)} as a value ({node.type.kind})")
        path, scope = node.path, node.scope
        if scope == 0:
            self.needs.scalars[path] = node.type

            def read(ctx: Ctx, frame: Frame) -> Value:
                value = ctx.table.scalars[path]
                return value.take(frame.rows) if _nested(frame) else value

            return read
        owner = self.scopes.get(scope)
        if owner is None:
            raise Untranslatable(f"the field {'.'.join(path)} of an item of a literal collection")
        self.needs.lists[owner].fields[path] = node.type
        return lambda ctx, frame: _source(frame, scope).fields[path].take(frame.index[scope])

    def _item(self, node: n.Item) -> Fn:
        scope = node.scope
        owner = self.scopes.get(scope)
        if owner is not None:
            self.needs.lists[owner].items = True

        def read(ctx: Ctx, frame: Frame) -> Value:
            source = frame.sources[scope - 1]
            items = source.items if isinstance(source, ListColumn) else source
            assert items is not None
            return items.take(frame.index[scope])

        return read

    # operators ------------------------------------------------------------------------------------------
    def _unary(self, node: n.Unary) -> Fn:
        inner = self.node(node.operand)
        if node.op == "+":
            return inner
        return lambda ctx, frame: ops.negate(_num(inner(ctx, frame)))

    def _not(self, node: n.Not) -> Fn:
        inner = self.node(node.operand)

        def run(ctx: Ctx, frame: Frame) -> Value:
            value = _arr(inner(ctx, frame))
            return Arr(~value.data, value.known)

        return run

    def _binop(self, node: n.BinOp) -> Fn:
        left, right, op = self.node(node.left), self.node(node.right), node.op

        def run(ctx: Ctx, frame: Frame) -> Value:
            mask = ctx.mask(frame)
            out = ops.arith(op, _num(left(ctx, frame)), _num(right(ctx, frame)), mask)
            ctx.mark(mask, frame)
            return out

        return run

    def _boolop(self, node: n.BoolOp) -> Fn:
        parts, op = [self.node(v) for v in node.values], node.op
        return lambda ctx, frame: ops.boolop(op, [_arr(p(ctx, frame)) for p in parts])

    def _isnone(self, node: n.IsNone) -> Fn:
        operand, negate = node.operand, node.negate
        if isinstance(operand, n.Field) and operand.scope == 0 and operand.type.kind == "list":
            lists = self._list(operand)

            def present(ctx: Ctx, frame: Frame) -> BoolArray:
                out: BoolArray = ctx.table.lists[lists].known[frame.rows]
                return out
        elif isinstance(operand, n.Field) and operand.type.kind == "model":
            if operand.scope != 0:
                raise Untranslatable(f"whether the record {'.'.join(operand.path)} of an item is there")
            path = operand.path
            self.needs.scalars[path] = operand.type

            def present(ctx: Ctx, frame: Frame) -> BoolArray:
                out: BoolArray = ctx.table.scalars[path].known[frame.rows]
                return out
        else:
            inner = self.node(operand)

            def present(ctx: Ctx, frame: Frame) -> BoolArray:
                return inner(ctx, frame).known

        def run(ctx: Ctx, frame: Frame) -> Value:
            known = present(ctx, frame)
            return Arr(known if negate else ~known, np.ones(frame.size, np.bool_))

        return run

    def _ifelse(self, node: n.IfElse) -> Fn:
        cond, then, orelse = self.node(node.cond), self.node(node.then), self.node(node.orelse)
        if node.then.type.kind in ("str", "enum", "list", "model"):
            raise Untranslatable("a conditional expression giving text")
        return lambda ctx, frame: ops.if_else(_arr(cond(ctx, frame)), then(ctx, frame), orelse(ctx, frame))

    def _compare(self, node: n.Compare) -> Fn:
        from .membership import membership

        if node.op in ("in", "not in"):
            return membership(self, node)
        left, right, op = self.node(node.left), self.node(node.right), node.op
        if node.left.type.is_textual and op not in ("==", "!="):
            raise Untranslatable(f"'{op}' on texts")
        if node.left.type.kind == "number":

            def numbers(ctx: Ctx, frame: Frame) -> Value:
                mask = ctx.mask(frame)
                out = ops.compare_numbers(op, _num(left(ctx, frame)), _num(right(ctx, frame)), mask)
                ctx.mark(mask, frame)
                return out

            return numbers
        return lambda ctx, frame: ops.compare_values(op, _arr(left(ctx, frame)), _arr(right(ctx, frame)))

    def _call(self, node: n.Call) -> Fn:
        from .calls import translate_call

        return translate_call(self, node)

    # lists ----------------------------------------------------------------------------------------------
    def _list(self, node: n.Field) -> tuple[str, ...]:
        """Register a list field of the window (scope 0) and return its path."""
        if node.scope != 0 or node.type.item is None:
            raise Untranslatable(f"the list {'.'.join(node.path)} of an item")
        self.needs.lists.setdefault(node.path, ListNeeds(node.type.item))
        return node.path


def _source(frame: Frame, scope: int) -> ListColumn:
    source = frame.sources[scope - 1]
    assert isinstance(source, ListColumn)
    return source


def _num(value: Value) -> Num:
    assert isinstance(value, Num)
    return value


def _arr(value: Value) -> Arr:
    assert isinstance(value, Arr)
    return value


def expand(frame: Frame, lists: ListColumn) -> tuple[Frame, IntArray]:
    """The frame of a window list's items under ``frame``, and each item's parent element."""
    rows = frame.rows
    lengths = lists.lengths[rows]
    parent = np.repeat(np.arange(frame.size), lengths)
    starts = np.repeat(lists.offsets[rows] - (np.cumsum(lengths) - lengths), lengths)
    item = starts + np.arange(parent.size)
    index = (*tuple(ix[parent] for ix in frame.index), item)
    return Frame(parent.size, index, (*frame.sources, lists)), parent


def expand_constant(frame: Frame, values: Any, typ: Type, vocab: dict[str, int]) -> tuple[Frame, IntArray]:
    """The frame of a constant collection's items under ``frame`` (every element gets every item)."""
    items = sorted(values, key=repr)
    count = len(items)
    source = column(items, typ, vocab)
    parent = np.repeat(np.arange(frame.size), count)
    index = (*tuple(ix[parent] for ix in frame.index), np.tile(np.arange(count), frame.size))
    return Frame(parent.size, index, (*frame.sources, source)), parent
