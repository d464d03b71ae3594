"""Collection functions inlined as comprehensions when their per-item expression always has data."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..._expr import nodes as n

if TYPE_CHECKING:  # the generator calls into this module; this module only types its argument
    from .codegen import CodeGen

__all__ = ["INLINE"]


def _inline_count(gen: CodeGen, node: n.Call) -> str:
    guard, items = gen.collection(node)
    item = f"i{node.item_scope}"
    return f"{guard}_blen([0 for {item} in {items} if {gen.expr(node.scoped[0])}]))"


def _inline_sum(gen: CodeGen, node: n.Call) -> str:
    guard, items = gen.collection(node)
    item = f"i{node.item_scope}"
    return f"{guard}_bsum([{gen.expr(node.scoped[0])} for {item} in {items}]))"


def _inline_quantifier(builtin: str) -> Callable[[CodeGen, n.Call], str]:
    def generate(gen: CodeGen, node: n.Call) -> str:
        guard, items = gen.collection(node)
        item = f"i{node.item_scope}"
        return f"{guard}{builtin}([{gen.expr(node.scoped[0])} for {item} in {items}]))"

    return generate


#: Collection functions whose per-item expression always has data, as inline comprehensions (same results).
INLINE: dict[str, Callable[[CodeGen, n.Call], str]] = {
    "count": _inline_count,
    "sum": _inline_sum,
    "any": _inline_quantifier("_bany"),
    "all": _inline_quantifier("_ball"),
}
