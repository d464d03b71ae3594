"""The functions of the language as array programs: collections by offsets, the others element-wise.

A collection function runs its per-item argument once over the items of every window's collection (a
child :class:`~.table.Frame`) and reduces the results per parent element (:mod:`.ops`, segmented).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..._expr import nodes as n
from . import ops
from .program import Ctx, Fn, Translator, Untranslatable, _arr, _num, expand, expand_constant
from .table import Frame, Value
from .values import Arr, IntArray, Num

__all__ = ["collection", "translate_call"]

Expander = Callable[[Ctx, Frame], tuple[Frame, "IntArray", Any]]


def collection(tr: Translator, node: n.Node, item_scope: int) -> Expander:
    """How to expand a frame over a collection argument: a window list, a literal or a list parameter.

    The expander returns the child frame, each child element's parent and whether each parent's
    collection is there (a boolean array, or True).
    """
    if isinstance(node, n.Field) and node.scope == 0 and node.type.kind == "list":
        path = tr._list(node)
        tr.scopes[item_scope] = path

        def window_list(ctx: Ctx, frame: Frame) -> tuple[Frame, IntArray, Any]:
            lists = ctx.table.lists[path]
            child, parent = expand(frame, lists)
            return child, parent, lists.known[frame.rows]

        return window_list
    item = node.type.item
    if item is None or node.type.kind != "list":
        raise Untranslatable("a collection that is not a list")
    tr.scopes[item_scope] = None
    if isinstance(node, n.Const):
        values = node.value
        return lambda ctx, frame: (*expand_constant(frame, values, item, ctx.table.vocab), True)
    if isinstance(node, n.Param):
        name = node.name

        def parameter(ctx: Ctx, frame: Frame) -> tuple[Frame, IntArray, Any]:
            value = ctx.params.get(name)
            return (*expand_constant(frame, value or (), item, ctx.table.vocab), value is not None)

        return parameter
    raise Untranslatable(f"a collection given by a {type(node).__name__}")


def _known(present: Any, size: int) -> Any:
    return np.ones(size, np.bool_) & present


def _collection_call(tr: Translator, node: n.Call) -> Fn:
    expander = collection(tr, node.args[0], node.item_scope)
    scoped = [tr.node(s) for s in node.scoped]
    func = node.func

    def run(ctx: Ctx, frame: Frame) -> Value:
        child, parent, present = expander(ctx, frame)
        known = _known(present, frame.size)
        values = [s(ctx, child) for s in scoped]
        if func == "count":
            found = ops.segment_count(parent, _arr(values[0]), frame.size)
            return Num(found, np.ones(frame.size, np.int64), known, np.zeros(frame.size, np.bool_))
        if func in ("any", "all"):
            out = ops.segment_any_all(func, parent, _arr(values[0]), frame.size)
            return Arr(out.data, out.known & known)
        if func == "sum":
            mask = ctx.mask(frame)
            total = ops.segment_sum(parent, _num(values[0]), frame.size, mask)
            ctx.mark(mask, frame)
            total.known = total.known & known
            return total
        return _distinct(values, parent, frame.size, known)

    return run


def _distinct(values: list[Value], parent: IntArray, size: int, known: Any) -> Value:
    value = values[0]
    keep = value.known.copy()
    if len(values) > 1:
        test = _arr(values[1])
        keep &= test.known & test.data
    codes: IntArray = np.zeros(keep.size, np.int64)
    if keep.size and isinstance(value, Num):
        pairs = np.stack([value.num, value.den], axis=1)
        codes = np.unique(pairs, axis=0, return_inverse=True)[1].reshape(-1).astype(np.int64)
    elif keep.size and isinstance(value, Arr):
        codes = value.data.astype(np.int64)
    found = ops.segment_distinct(parent, codes, keep, size)
    return Num(found, np.ones(size, np.int64), known, np.zeros(size, np.bool_))


def _length(tr: Translator, node: n.Call) -> Fn:
    arg = node.args[0]
    if isinstance(arg, n.Const) and isinstance(arg.value, frozenset):
        count = len(arg.value)
        return lambda ctx, frame: _whole(np.full(frame.size, count, np.int64), np.ones(frame.size, np.bool_))
    if not (isinstance(arg, n.Field) and arg.scope == 0):
        raise Untranslatable("len() of something other than a list of the window or a literal")
    path = tr._list(arg)

    def run(ctx: Ctx, frame: Frame) -> Value:
        lists = ctx.table.lists[path]
        return _whole(lists.lengths[frame.rows], lists.known[frame.rows])

    return run


def _whole(values: IntArray, known: Any) -> Num:
    size = values.shape
    return Num(values.astype(np.int64), np.ones(size, np.int64), known, np.zeros(size, np.bool_))


def _elementwise(tr: Translator, node: n.Call) -> Fn:
    args = [tr.node(a) for a in node.args]
    func = node.func

    def run(ctx: Ctx, frame: Frame) -> Value:
        values = [a(ctx, frame) for a in args]
        mask = ctx.mask(frame)
        out: Value
        if func in ("min", "max"):
            out = ops.extremum(func, [_num(v) for v in values], mask)
        elif func == "ratio":
            out = ops.arith("/", _num(values[0]), _num(values[1]), mask)
        elif func == "floor":
            out = ops.floor(_num(values[0]), mask)
        else:  # in_period
            day = _arr(values[0])
            start, end = ctx.params.get("period_start"), ctx.params.get("period_end")
            if start is None or end is None:
                raise Untranslatable("in_period() without period_start and period_end")
            inside = (day.data >= start.toordinal()) & (day.data <= end.toordinal())
            out = Arr(inside, day.known)
        ctx.mark(mask, frame)
        return out

    return run


def translate_call(tr: Translator, node: n.Call) -> Fn:
    """The closure of a function call."""
    if node.func in ("count", "sum", "any", "all", "distinct"):
        return _collection_call(tr, node)
    if node.func == "len":
        return _length(tr, node)
    if node.func in ("min", "max", "ratio", "floor", "in_period"):
        return _elementwise(tr, node)
    raise Untranslatable(f"the function {node.func}()")
