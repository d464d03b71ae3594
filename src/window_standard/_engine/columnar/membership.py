"""``x in C`` / ``x not in C`` as array programs: C a literal, a list parameter or a list of the window."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..._expr import nodes as n
from .program import Ctx, Fn, Translator, Untranslatable, _arr, expand
from .table import Frame, Value, code_of
from .values import Arr, BoolArray

__all__ = ["membership"]


def _in_set(value: Arr, members: Any, vocab: dict[str, int]) -> BoolArray:
    wanted = np.array([code_of(vocab, m) for m in members], np.int64)
    out: BoolArray = np.isin(value.data, wanted)
    return out


def membership(tr: Translator, node: n.Compare) -> Fn:
    """The closure of ``left in right`` (or ``not in``); no data when either side is."""
    if node.left.type.kind not in ("str", "enum"):
        raise Untranslatable(f"'{node.op}' on a {node.left.type.kind}")
    negate = node.op == "not in"
    left, right = tr.node(node.left), node.right
    if isinstance(right, n.Const):
        members = right.value

        def literal(ctx: Ctx, frame: Frame) -> Value:
            value = _arr(left(ctx, frame))
            return Arr(_in_set(value, members, ctx.table.vocab) ^ negate, value.known)

        return literal
    if isinstance(right, n.Param):
        name = right.name

        def parameter(ctx: Ctx, frame: Frame) -> Value:
            value, members = _arr(left(ctx, frame)), ctx.params.get(name)
            found = _in_set(value, members or (), ctx.table.vocab)
            return Arr(found ^ negate, value.known & (members is not None))

        return parameter
    if isinstance(right, n.Field) and right.scope == 0 and right.type.kind == "list":
        path = tr._list(right)
        tr.needs.lists[path].items = True

        def window_list(ctx: Ctx, frame: Frame) -> Value:
            value = _arr(left(ctx, frame))
            lists = ctx.table.lists[path]
            child, parent = expand(frame, lists)
            assert lists.items is not None
            items = _arr(lists.items).data[child.index[-1]]
            hits = items == value.data[parent]
            found = np.bincount(parent[np.asarray(hits, np.bool_)], minlength=frame.size) > 0
            return Arr(found ^ negate, value.known & lists.known[frame.rows])

        return window_list
    raise Untranslatable(f"'{node.op}' on a {type(right).__name__}")
