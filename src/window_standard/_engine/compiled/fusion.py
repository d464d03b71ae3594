"""Loop fusion: every count and sum over one collection computed in a single pass, once per window.

Many criteria count items of the same list (activities of a kind, in the period …). A ``count``, ``sum``
or ``distinct`` is *hoisted* when it depends on the window and the parameters only — no ``let`` binding,
no ``points``, no item of an enclosing collection, no nested collection function. Hoisted calls over the
same collection share one loop at the top of the generated function, and
identical calls (equal typed trees) share one variable. Everything in the language is pure and never
raises for well-typed input, so computing a hoisted call eagerly gives the same values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..._check import CheckedRule
from ..._expr import nodes as n

if TYPE_CHECKING:  # the generator calls fused_loops; this module only types its argument
    from .codegen import CodeGen

__all__ = ["fused_loops", "hoistable", "hoisted_calls"]


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


def _fused_step(gen: CodeGen, name: str, call: n.Call) -> tuple[list[str], list[str]]:
    """One hoisted call's lines inside the fused loop, and after it (``distinct`` counts its set there)."""
    indent = " " * 12
    if call.func == "sum":
        value = gen.expr(call.scoped[0])
        if not call.scoped[0].type.nullable:
            return [f"{indent}{name} += {value}"], []
        temp = gen.fresh()  # no data in one item: the sum has no data (library.total)
        return [
            f"{indent}if {name} is not None:",
            f"{indent}    {temp} = {value}",
            f"{indent}    {name} = None if {temp} is None else {name} + {temp}",
        ], []
    if call.func == "distinct":
        seen = f"_seen{name}"
        add = [f"{indent}{seen}.add({gen.expr(call.scoped[0])})"]
        if len(call.scoped) > 1:
            test = gen.expr(call.scoped[1])
            add = [f"{indent}if ({test}) is True:", f"    {add[0]}"]
        return add, [f"        {seen}.discard(None)", f"        {name} = _blen({seen})"]
    value = gen.expr(call.scoped[0])
    test = f"({value}) is True" if call.scoped[0].type.nullable else value
    return [f"{indent}if {test}:", f"{indent}    {name} += 1"], []


def fused_loops(gen: CodeGen, rules: Sequence[CheckedRule]) -> list[str]:
    """Lines computing every hoisted call (:mod:`.fusion`), one loop per collection."""
    trees = [tree for rule in rules for tree in (*rule.trees.values(), *(node for _, node in rule.facts))]
    lines: list[str] = []
    for group, (collection, calls) in enumerate(hoisted_calls(trees).items()):
        names = [f"_h{len(gen.hoisted) + i}" for i in range(len(calls))]
        items = f"_items{group}"
        scopes = sorted({call.item_scope for call in calls})
        body = [f"            i{scope} = i{scopes[0]}" for scope in scopes[1:]]
        body += _shared_per_item(gen, calls)
        after: list[str] = []
        starts = []
        for name, call in zip(names, calls, strict=True):
            inside, outside = _fused_step(gen, name, call)
            body += inside
            after += outside
            starts.append(
                f"        _seen{name} = _bset()" if call.func == "distinct" else f"        {name} = 0"
            )
        lines += [
            f"    {items} = {gen.expr(collection)}",
            f"    if {items} is None:",
            f"        {' = '.join(names)} = None",
            "    else:",
            *starts,
            f"        for i{scopes[0]} in {items}:",
            *body,
            *after,
        ]
        gen.hoisted.update(zip(calls, names, strict=True))
        gen.shared.clear()  # the per-item values live in this loop only
    return lines


_LEAVES = (n.Const, n.Field, n.Item, n.Param, n.Name, n.Points)


def _shared_per_item(gen: CodeGen, calls: Sequence[n.Call]) -> list[str]:
    """Bind each test or value that several calls of one loop compute per item, once per item.

    ``in_period(date)`` is part of most activity counts; computed once at the top of the loop body, every
    count reads the local. Smaller trees are bound first, so a larger shared tree reads the smaller ones.
    """
    seen: dict[n.Node, int] = {}
    for call in calls:
        for part in call.scoped:
            for sub in n.walk(part):
                if not isinstance(sub, _LEAVES):
                    seen[sub] = seen.get(sub, 0) + 1
    shared = sorted((node for node, times in seen.items() if times > 1), key=lambda node: len(n.walk(node)))
    lines: list[str] = []
    for index, node in enumerate(shared):
        name = f"_e{index}"
        lines.append(f"            {name} = {gen.expr(node)}")
        gen.shared[node] = name
    return lines
