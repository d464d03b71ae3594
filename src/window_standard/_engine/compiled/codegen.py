"""Generate the Python source of one function that runs every rule of a rule set on a window.

The source is generated from the checked trees, never copied from the rule file: names map to fixed local
variables (``w`` the window, ``p_NAME`` the parameters in force, ``i1, i2 ...`` collection items,
``lK_NAME`` the let bindings of rule K), literals are emitted with :func:`repr` or placed in the namespace,
and every operation on a value that may be "no data" goes through a helper of :mod:`.runtime`. Operations
on values that always have data use Python's operators directly, and counting or summing over a collection
is an inline list comprehension, which keeps the generated code close to hand-written speed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from ..._check import CheckedRule
from ..._expr import nodes as n
from ..._expr.types import Type

__all__ = ["GENERATORS", "CodeGen", "rule_set_source"]

_NATIVE_CMP = {op: op for op in ("==", "!=", "<", "<=", ">", ">=", "in", "not in")}
_HELPER_CMP = {
    "==": "_eq",
    "!=": "_ne",
    "<": "_lt",
    "<=": "_le",
    ">": "_gt",
    ">=": "_ge",
    "in": "_in",
    "not in": "_not_in",
}
_HELPER_ARITH = {"+": "_add", "-": "_sub", "*": "_mul"}


class CodeGen:
    """Generates expression source; collects the literals and parameters the source refers to.

    Attributes:
        namespace: Literal values (decimals, dates, sets) the generated code refers to, by name.
        params: Names of the parameters read, each bound once to a local ``p_NAME``.
        lets: The local-variable prefix of the rule being generated (``l3_``).
    """

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {}
        self.params: dict[str, None] = {}
        self.lets = "l_"
        self.points = "None"
        self.temps = 0

    def fresh(self) -> str:
        """A new temporary variable name."""
        self.temps += 1
        return f"_t{self.temps}"

    def literal(self, value: Any) -> str:
        """Source for a literal: inline for ints/bools/strings/None, a namespace name otherwise."""
        if value is None or isinstance(value, (bool, int, str)):
            return repr(value)
        if isinstance(value, (Decimal, date, frozenset)):
            for name, existing in self.namespace.items():
                if type(existing) is type(value) and existing == value:
                    return name
            name = f"_k{len(self.namespace)}"
            self.namespace[name] = value
            return name
        raise TypeError(f"unsupported literal {value!r}")  # pragma: no cover - the checker allows no others

    def param(self, name: str) -> str:
        """The local holding a parameter's value."""
        self.params[name] = None
        return f"p_{name}"

    def expr(self, node: n.Node) -> str:
        """Python source computing ``node``."""
        return GENERATORS[type(node)](self, node)

    def chain(self, base: str, path: tuple[str, ...], types: tuple[Type, ...]) -> str:
        """Attribute reads along ``path``, guarded wherever a prefix may be no data."""
        code = base
        for index, segment in enumerate(path):
            code = f"{code}.{segment}"
            if index < len(path) - 1 and types[index].nullable:
                temp = self.fresh()
                rest = self.chain(temp, path[index + 1 :], types[index + 1 :])
                return f"(None if ({temp} := {code}) is None else {rest})"
        return code

    def collection(self, node: n.Call) -> tuple[str, str]:
        """``(guarded prefix, items)`` for a collection argument: ``(None if (t := C) is None else `` …)."""
        temp = self.fresh()
        return f"(None if ({temp} := {self.expr(node.args[0])}) is None else ", temp


def _const(gen: CodeGen, node: n.Const) -> str:
    return gen.literal(node.value)


def _param(gen: CodeGen, node: n.Param) -> str:
    return gen.param(node.name)


def _name(gen: CodeGen, node: n.Name) -> str:
    return f"{gen.lets}{node.name}"


def _points(gen: CodeGen, node: n.Points) -> str:
    return gen.points


def _item(gen: CodeGen, node: n.Item) -> str:
    return f"i{node.scope}"


def _field(gen: CodeGen, node: n.Field) -> str:
    return gen.chain("w" if node.scope == 0 else f"i{node.scope}", node.path, node.segment_types)


def _unary(gen: CodeGen, node: n.Unary) -> str:
    operand = gen.expr(node.operand)
    if node.op == "+":
        return operand
    return f"_neg({operand})" if node.operand.type.nullable else f"(-{operand})"


def _not(gen: CodeGen, node: n.Not) -> str:
    operand = gen.expr(node.operand)
    return f"_not({operand})" if node.operand.type.nullable else f"(not {operand})"


def _binop(gen: CodeGen, node: n.BinOp) -> str:
    left, right = gen.expr(node.left), gen.expr(node.right)
    if node.op == "/":
        return f"_div({left}, {right})"
    if node.left.type.nullable or node.right.type.nullable:
        return f"{_HELPER_ARITH[node.op]}({left}, {right})"
    return f"({left} {node.op} {right})"


def _boolop(gen: CodeGen, node: n.BoolOp) -> str:
    parts = [gen.expr(v) for v in node.values]
    if node.type.nullable:
        return f"_{node.op}({', '.join(parts)})"
    return "(" + f" {node.op} ".join(parts) + ")"


def _compare(gen: CodeGen, node: n.Compare) -> str:
    left, right = gen.expr(node.left), gen.expr(node.right)
    op = _NATIVE_CMP[node.op]
    if not node.type.nullable:
        return f"({left} {op} {right})"
    if node.left.type.nullable and not node.right.type.nullable:
        temp = gen.fresh()  # the common case, inlined: a value that may be missing against a known one
        return f"(None if ({temp} := {left}) is None else {temp} {op} {right})"
    return f"{_HELPER_CMP[node.op]}({left}, {right})"


def _is_none(gen: CodeGen, node: n.IsNone) -> str:
    return f"({gen.expr(node.operand)} is {'not ' if node.negate else ''}None)"


def _if_else(gen: CodeGen, node: n.IfElse) -> str:
    cond, then, orelse = gen.expr(node.cond), gen.expr(node.then), gen.expr(node.orelse)
    if node.cond.type.nullable:
        temp = gen.fresh()
        return f"(None if ({temp} := {cond}) is None else ({then} if {temp} else {orelse}))"
    return f"({then} if {cond} else {orelse})"


def _call(gen: CodeGen, node: n.Call) -> str:
    inline = _INLINE.get(node.func)
    if inline is not None and node.scoped and not node.scoped[0].type.nullable:
        return inline(gen, node)
    if node.func == "count":  # a nullable test counts only where it is definitely true
        guard, items = gen.collection(node)
        item = f"i{node.item_scope}"
        return f"{guard}_blen([0 for {item} in {items} if {gen.expr(node.scoped[0])} is True]))"
    args = [gen.expr(a) for a in node.args]
    if node.func == "in_period":
        return f"_in_period({args[0]}, {gen.param('period_start')}, {gen.param('period_end')})"
    if node.scoped:
        item = f"i{node.item_scope}"
        args += [f"(lambda {item}: {gen.expr(s)})" for s in node.scoped]
    return f"_{node.func}({', '.join(args)})"


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


# collection functions whose per-item expression always has data: inline comprehensions (same results)
_INLINE: dict[str, Callable[[CodeGen, n.Call], str]] = {
    "count": _inline_count,
    "sum": _inline_sum,
    "any": _inline_quantifier("_bany"),
    "all": _inline_quantifier("_ball"),
}

#: The generator of every node type (a test asserts every node type has one).
GENERATORS: dict[type[n.Node], Callable[[CodeGen, Any], str]] = {
    n.Const: _const,
    n.Param: _param,
    n.Name: _name,
    n.Points: _points,
    n.Item: _item,
    n.Field: _field,
    n.Unary: _unary,
    n.Not: _not,
    n.BinOp: _binop,
    n.BoolOp: _boolop,
    n.Compare: _compare,
    n.IsNone: _is_none,
    n.IfElse: _if_else,
    n.Call: _call,
}


def rule_set_source(rules: Sequence[CheckedRule]) -> tuple[str, dict[str, Any]]:
    """The source of ``run(w, p, with_facts)`` for rules in order, and the literals it refers to.

    ``run`` returns ``RawOutcome(applies, values, facts)`` with one entry per rule (``facts`` is None
    unless ``with_facts``).
    """
    gen = CodeGen()
    body: list[str] = []
    facts: list[str] = []
    for index, rule in enumerate(rules):
        gen.lets = f"l{index}_"
        gen.points = gen.literal(rule.points) if rule.points is not None else "None"
        body.append(f"    # {rule.id}")
        body += [f"    l{index}_{name} = {gen.expr(node)}" for name, node in rule.lets]
        body.append(f"    a{index} = {gen.expr(rule.applies) if rule.applies is not None else 'True'}")
        body.append(f"    v{index} = {gen.expr(rule.main)}")
        read = [f"l{index}_{name}" for name, _ in rule.lets] + [gen.expr(node) for _, node in rule.facts]
        facts.append("(" + "".join(f"{code}, " for code in read) + ")")
    applies = "".join(f"a{i}, " for i in range(len(rules)))
    values = "".join(f"v{i}, " for i in range(len(rules)))
    head = [f"    p_{name} = p[{name!r}]" for name in gen.params]
    tail = [
        f"    applies = ({applies})",
        f"    values = ({values})",
        "    if not with_facts:",
        "        return _Raw(applies, values, None)",
        f"    return _Raw(applies, values, ({''.join(f + ', ' for f in facts)}))",
    ]
    source = "def run(w, p, with_facts):\n" + "\n".join([*head, *body, *tail]) + "\n"
    return source, gen.namespace
