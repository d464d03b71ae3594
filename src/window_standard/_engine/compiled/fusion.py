"""Loop fusion: every count and sum over one collection computed in a single pass, once per window.

Many criteria count items of the same list (activities of a kind, in the period …). A ``count``, ``sum``
or ``distinct`` is *hoisted* when it depends on the window and the parameters only — no ``let`` binding,
no ``points``, no item of an enclosing collection, no nested collection function. Hoisted calls over the
same collection share one loop at the top of the generated function, and
identical calls (equal typed trees) share one variable. Everything in the language is pure and never
raises for well-typed input, so computing a hoisted call eagerly gives the same values.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..._expr import nodes as n

__all__ = ["hoistable", "hoisted_calls"]


def hoistable(node: n.Call) -> bool:
    """Whether a collection call can be computed once, ahead of the rules, in a fused loop."""
    if node.func not in ("count", "sum", "distinct"):
        return False
    for sub in n.walk(node.args[0]):
        if isinstance(sub, (n.Name, n.Points, n.Item)) or (isinstance(sub, n.Field) and sub.scope != 0):
            return False
        if isinstance(sub, n.Call) and sub.scoped:
            return False
    for part in node.scoped:
        for sub in n.walk(part):
            if isinstance(sub, (n.Name, n.Points)) or (isinstance(sub, n.Call) and sub.scoped):
                return False
            if isinstance(sub, (n.Field, n.Item)) and sub.scope not in (0, node.item_scope):
                return False
    return True


def hoisted_calls(trees: Iterable[n.Node]) -> dict[n.Node, list[n.Call]]:
    """The hoistable calls of some trees, grouped by their collection, each distinct call once, in order."""
    groups: dict[n.Node, list[n.Call]] = {}
    for tree in trees:
        for sub in n.walk(tree):
            if isinstance(sub, n.Call) and hoistable(sub):
                calls = groups.setdefault(sub.args[0], [])
                if sub not in calls:
                    calls.append(sub)
    return groups
