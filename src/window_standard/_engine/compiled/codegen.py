"""Generate the Python source of one function that runs every rule of a rule set on a window.

The source is generated from the checked trees, never copied from the rule file: names map to fixed local
variables (``w`` the window, ``p_NAME`` the parameters in force, ``i1, i2 ...`` collection items,
``lK_NAME`` the let bindings of rule K), literals are emitted with :func:`repr` or placed in the namespace.
Operators are Python's own; an operand that may be "no data" is bound to a temporary and tested inline
(:meth:`CodeGen.guarded`), and ``and``/``or`` follow Kleene's logic inline too. Counting or summing over a
collection is an inline comprehension or, when it depends on the window alone, part of one fused loop per
collection (:mod:`.fusion`); the other functions call their record's Python implementation. Division runs
in the evaluation's decimal context, which the caller sets (:class:`window_standard.Standard` does).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal, localcontext
from typing import Any

from ..._check import CheckedRule
from ..._expr import library
from ..._expr import nodes as n
from ..._expr.types import Type
from ..._numbers import DECIMAL_CONTEXT
from .bounds import bounded, fitted_quotient, handed_on
from .exact import pruned, quotient_comparison
from .fusion import fused_loops
from .inline import INLINE
from .prologue import parameter_lines

__all__ = ["GENERATORS", "CodeGen", "rule_set_source"]

_WHOLE = 10**15  # whole decimals below this are generated as integers

_NATIVE_CMP = {op: op for op in ("==", "!=", "<", "<=", ">", ">=", "in", "not in")}
_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
}


class CodeGen:
    """Generates expression source; collects the literals and parameters the source refers to.

    Attributes:
        namespace: Literal values (decimals, dates, sets) the generated code refers to, by name.
        params: Names of the parameters read, each bound once to a local ``p_NAME``.
        lets: The local-variable prefix of the rule being generated (``l3_``).
        points: Source of the current rule's maximum points.
        hoisted: Calls computed ahead of the rules (:mod:`.fusion`), and the variable holding each.
        shared: Inside a fused loop, per-item values several calls compute, and the local holding each.
        fields: When not None, every window field path read (and each of its prefixes) is read once, at
            the top of the function, into a local ``f{K}``; the path → local, in reading order.
        exact_quotients: Compare quotients with numbers by cross-multiplying (:mod:`.exact`).
        param_fractions: Parameters read as a fraction (``q_NAME_n``/``q_NAME_d``) by those comparisons.
        let_nodes: The ``let`` bindings of the rule being generated, by name.
        let_bounds: A bound of each numeric ``let`` generated so far (:mod:`.bounds`), by name.
    """

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {}
        self.params: dict[str, None] = {}
        self.lets = "l_"
        self.points = "None"
        self.points_value: Decimal | None = None
        self.temps = 0
        self.hoisted: dict[n.Node, str] = {}
        self.shared: dict[n.Node, str] = {}
        self.fields: dict[tuple[str, ...], str] | None = None
        self.field_lines: list[str] = []
        self.exact_quotients = False
        self.param_fractions: dict[str, None] = {}
        self.let_nodes: dict[str, n.Node] = {}
        self.let_bounds: dict[str, int | None] = {}

    def known(self, node: n.Node) -> int | Decimal | None:
        """The value of a number known when generating (a literal, or the rule's ``points``), if it is."""
        if isinstance(node, n.Points):
            return self.points_value
        if isinstance(node, n.Const) and node.type.kind == "number" and not isinstance(node.value, bool):
            value: int | Decimal = node.value
            return value
        return None

    def fresh(self) -> str:
        """A new temporary variable name."""
        self.temps += 1
        return f"_t{self.temps}"

    def literal(self, value: Any) -> str:
        """Source for a literal: inline for ints/bools/strings/None, a namespace name otherwise."""
        if value is None or isinstance(value, (bool, int, str)):
            return repr(value)
        if isinstance(value, Decimal) and value == value.to_integral_value() and abs(value) < _WHOLE:
            return repr(int(value))  # a whole decimal computes as the integer (exact, and cheaper)
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

    def param_fraction(self, name: str) -> str:
        """The prefix of the locals holding a parameter's numerator and denominator."""
        self.param_fractions[name] = None
        return f"q_{name}"

    def expr(self, node: n.Node) -> str:
        """Python source computing ``node`` (or the local that already holds it, inside a fused loop)."""
        if self.shared:
            bound = self.shared.get(node)
            if bound is not None:
                return bound
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

    def window_field(self, path: tuple[str, ...], types: tuple[Type, ...]) -> str:
        """The local holding a window field read once ahead of the rules (its prefixes too)."""
        assert self.fields is not None
        local = self.fields.get(path)
        if local is not None:
            return local
        if len(path) == 1:
            code = f"w.{path[0]}"
        else:
            parent = self.window_field(path[:-1], types[:-1])
            code = f"{parent}.{path[-1]}"
            if types[-2].nullable:
                code = f"(None if {parent} is None else {code})"
        local = f"f{len(self.fields)}"
        self.fields[path] = local
        self.field_lines.append(f"    {local} = {code}")
        return local

    def tested(self, node: n.Node) -> tuple[str, str]:
        """``(value, no-data test)`` of an operand: a local is tested as it is, an expression bound first.

        The test is empty when the operand always has data.
        """
        code = self.expr(node)
        if not node.type.nullable:
            return code, ""
        if code.isidentifier():
            return code, f"{code} is None"
        temp = self.fresh()
        return temp, f"({temp} := {code}) is None"

    def divisor(self, node: n.Node) -> tuple[str, str]:
        """``(value, test)`` of a divisor: the test is true when it is no data or zero."""
        code = self.expr(node)
        if not code.isidentifier():
            temp = self.fresh()
            code, bound = temp, f"({temp} := {code})"
        else:
            bound = code
        return code, (f"{bound} is None or {code} == 0" if node.type.nullable else f"{bound} == 0")

    def guarded(self, operands: Sequence[n.Node], build: Callable[[list[str]], str]) -> str:
        """``build`` over the operands' values, or no data when one that may be missing is.

        Each operand is computed once; those that may be no data are bound to a temporary and tested, so
        ``a + b`` on a value that may be missing reads ``(None if (_t1 := a) is None else _t1 + b)``.
        """
        values: list[str] = []
        tests: list[str] = []
        for operand in operands:
            code, test = self.tested(operand)
            if test:
                tests.append(test)
            values.append(code)
        if not tests:
            return build(values)
        return f"(None if {' or '.join(tests)} else {build(values)})"

    def collection(self, node: n.Call) -> tuple[str, str]:
        """``(guarded prefix, items)`` for a collection argument: ``(None if (t := C) is None else `` …).

        A literal collection or a field that always has data needs no guard (and no temporary).
        """
        first = node.args[0]
        if isinstance(first, n.Const) or (isinstance(first, n.Field) and not first.type.nullable):
            return "(", self.expr(first)
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
    if node.scope == 0 and gen.fields is not None:
        return gen.window_field(node.path, node.segment_types)
    return gen.chain("w" if node.scope == 0 else f"i{node.scope}", node.path, node.segment_types)


def _unary(gen: CodeGen, node: n.Unary) -> str:
    if node.op == "+":
        return gen.expr(node.operand)
    return gen.guarded([node.operand], lambda v: f"(-{v[0]})")


def _not(gen: CodeGen, node: n.Not) -> str:
    return gen.guarded([node.operand], lambda v: f"(not {v[0]})")


def _binop(gen: CodeGen, node: n.BinOp) -> str:
    left, right = gen.known(node.left), gen.known(node.right)
    if left is not None and right is not None:  # constants (and points) fold at generation time
        with localcontext(DECIMAL_CONTEXT):
            folded = library.divide(left, right) if node.op == "/" else _ARITHMETIC[node.op](left, right)
        return gen.literal(folded)
    if node.op == "/":  # exact in the evaluation's decimal context; no data when dividing by zero
        return _division(gen, node.left, node.right)
    return gen.guarded([node.left, node.right], lambda v: f"({v[0]} {node.op} {v[1]})")


def _division(gen: CodeGen, top: n.Node, bottom: n.Node) -> str:
    numerator, test = gen.tested(top)
    tests = [test] if test else []
    known = gen.known(bottom)
    if known is not None and known != 0:
        divisor = gen.expr(bottom)
    else:
        divisor, test = gen.divisor(bottom)
        tests.append(test)
    value = fitted_quotient(gen, top, bottom, f"_D({numerator}) / {divisor}")
    if not tests:
        return value
    return f"(None if {' or '.join(tests)} else {value})"


def _boolop(gen: CodeGen, node: n.BoolOp) -> str:
    if not node.type.nullable:
        return "(" + f" {node.op} ".join(gen.expr(v) for v in node.values) + ")"
    # Kleene: the deciding value (False for and, True for or) wins, then no data, then the other value
    decide = node.op == "or"
    temps = [gen.fresh() for _ in node.values]
    first = " or ".join(
        f"({t} := {gen.expr(v)}) is {decide}" for t, v in zip(temps, node.values, strict=True)
    )
    unknown = " or ".join(f"{t} is None" for t in temps)
    return f"({decide} if {first} else (None if {unknown} else {not decide}))"


def _compare(gen: CodeGen, node: n.Compare) -> str:
    exact = quotient_comparison(gen, node)
    if exact is not None:
        return exact
    op = _NATIVE_CMP[node.op]
    return gen.guarded([node.left, node.right], lambda v: f"({v[0]} {op} {v[1]})")


def _is_none(gen: CodeGen, node: n.IsNone) -> str:
    return f"({gen.expr(node.operand)} is {'not ' if node.negate else ''}None)"


def _if_else(gen: CodeGen, node: n.IfElse) -> str:
    cond, then, orelse = gen.expr(node.cond), gen.expr(node.then), gen.expr(node.orelse)
    if node.cond.type.nullable:
        temp = gen.fresh()
        return f"(None if ({temp} := {cond}) is None else ({then} if {temp} else {orelse}))"
    return f"({then} if {cond} else {orelse})"


def _call(gen: CodeGen, node: n.Call) -> str:
    hoisted = gen.hoisted.get(node)
    if hoisted is not None:
        return hoisted
    inline = INLINE.get(node.func)
    if inline is not None and node.scoped and not node.scoped[0].type.nullable:
        return inline(gen, node)
    if node.func == "count":  # a nullable test counts only where it is definitely true
        guard, items = gen.collection(node)
        item = f"i{node.item_scope}"
        return f"{guard}_blen([0 for {item} in {items} if {gen.expr(node.scoped[0])} is True]))"
    if node.func in ("any", "all"):  # Kleene over the items' tests, which may be no data
        guard, items = gen.collection(node)
        item = f"i{node.item_scope}"
        combine = "_kor" if node.func == "any" else "_kand"
        return f"{guard}{combine}(*[{gen.expr(node.scoped[0])} for {item} in {items}]))"
    if node.func == "ratio":
        return _division(gen, node.args[0], node.args[1])
    if node.func in ("min", "max", "len"):
        return gen.guarded(node.args, lambda v: f"_b{node.func}({', '.join(v)})")
    if node.func == "in_period":
        start, end = gen.param("period_start"), gen.param("period_end")
        return gen.guarded(node.args, lambda v: f"({start} <= {v[0]} <= {end})")
    args = [gen.expr(a) for a in node.args]
    if node.scoped:
        item = f"i{node.item_scope}"
        args += [f"(lambda {item}: {gen.expr(s)})" for s in node.scoped]
    return f"_{node.func}({', '.join(args)})"


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


def _rule_lines(gen: CodeGen, index: int, rule: CheckedRule) -> list[str]:
    """The lets, ``a{index}`` (applies) and ``v{index}`` (value) of one rule."""
    gen.lets = f"l{index}_"
    gen.points = gen.literal(rule.points) if rule.points is not None else "None"
    gen.points_value = rule.points
    gen.let_nodes = dict(rule.lets)
    gen.let_bounds = {}
    lines = []
    for name, node in rule.lets:
        lines.append(f"    l{index}_{name} = {bounded(gen, node)}")
        gen.let_bounds[name] = handed_on(node, gen)
    if rule.applies is not None:
        lines.append(f"    a{index} = {gen.expr(rule.applies)}")
    lines.append(f"    v{index} = {bounded(gen, rule.main)}")
    if gen.exact_quotients:
        return pruned(lines, [f"l{index}_{name}" for name, _ in rule.lets])
    return lines


def rule_set_source(rules: Sequence[CheckedRule]) -> tuple[str, dict[str, Any]]:
    """The source of ``run(w, p, with_facts)`` and of one ``facts_K(w, p)`` per rule, and their literals.

    ``run`` returns ``RawOutcome(applies, values, facts)`` with one entry per rule; ``facts`` is None unless
    ``with_facts``, and then a lazy sequence (``_Facts``) that computes a rule's facts with ``facts_K``
    the first time they are read — a result's explanations cost nothing until someone reads them.
    """
    gen = CodeGen()
    gen.fields = {}
    gen.exact_quotients = True
    body: list[str] = fused_loops(gen, rules)
    for index, rule in enumerate(rules):
        body.append(f"    # {rule.id}")
        body += _rule_lines(gen, index, rule)
    applies = "".join("True, " if rule.applies is None else f"a{i}, " for i, rule in enumerate(rules))
    values = "".join(f"v{i}, " for i in range(len(rules)))
    tail = [
        # RawOutcome's own constructor, without its Python-level __new__ (as namedtuple's _make does)
        f"    return _tuple_new(_Raw, (({applies}), ({values}), _Facts(_FACT_FUNCTIONS, w, p) if with_facts"
        " else None))",
    ]
    head = [*parameter_lines(gen), *gen.field_lines]
    sources = ["def run(w, p, with_facts):\n" + "\n".join([*head, *body, *tail])]
    for index, rule in enumerate(rules):
        facts = CodeGen()  # no hoisting: the facts of one rule are computed on their own
        facts.namespace = gen.namespace
        lets = _rule_lines(facts, index, rule)[: len(rule.lets)]
        read = [f"l{index}_{name}" for name, _ in rule.lets] + [facts.expr(node) for _, node in rule.facts]
        returned = f"    return ({''.join(f'{code}, ' for code in read)})"
        sources.append(f"def facts_{index}(w, p):\n" + "\n".join([*parameter_lines(facts), *lets, returned]))
    sources.append(f"_FACT_FUNCTIONS = ({''.join(f'facts_{i}, ' for i in range(len(rules)))})")
    return "\n\n".join(sources) + "\n", gen.namespace
