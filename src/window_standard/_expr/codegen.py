"""Stage 3b: turn a typed tree into Python source for one expression.

The source is generated from the checked tree, never copied from the rule file: names are mapped to
fixed local variables (``w`` the window, ``p`` the parameters, ``i1, i2 ...`` collection items, ``l_NAME``
let bindings), literals are emitted with :func:`repr` or placed in the namespace, and every operation on a
value that may be "no data" goes through a helper from :mod:`.runtime`. Operations on values that always
have data use Python's operators directly, which keeps compiled rules close to hand-written speed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from . import nodes as n

__all__ = ["CodeGen"]

_NATIVE_CMP = {
    "==": "==",
    "!=": "!=",
    "<": "<",
    "<=": "<=",
    ">": ">",
    ">=": ">=",
    "in": "in",
    "not in": "not in",
}
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
    """Generates expression source; collects the literal values the source refers to by name.

    Attributes:
        namespace: Literal values (decimals, dates, sets) the generated code refers to, by name.
    """

    def __init__(self, prefix: str = "k") -> None:
        self.namespace: dict[str, Any] = {}
        self.prefix = prefix
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
            name = f"_{self.prefix}{len(self.namespace)}"
            self.namespace[name] = value
            return name
        raise TypeError(f"unsupported literal {value!r}")  # pragma: no cover - the checker allows no others

    def expr(self, node: n.Node) -> str:
        """Python source computing ``node``."""
        method = getattr(self, "gen_" + type(node).__name__)
        source: str = method(node)
        return source

    def gen_Const(self, node: n.Const) -> str:
        return self.literal(node.value)

    def gen_Param(self, node: n.Param) -> str:
        return f"p[{node.name!r}]"

    def gen_Name(self, node: n.Name) -> str:
        return f"l_{node.name}"

    def gen_Points(self, node: n.Points) -> str:
        return "P"

    def gen_Item(self, node: n.Item) -> str:
        return f"i{node.scope}"

    def gen_Field(self, node: n.Field) -> str:
        base = "w" if node.scope == 0 else f"i{node.scope}"
        return self.chain(base, node.path, node.segment_types)

    def chain(self, base: str, path: tuple[str, ...], types: tuple[Any, ...]) -> str:
        code = base
        for index, segment in enumerate(path):
            code = f"{code}.{segment}"
            if index < len(path) - 1 and types[index].nullable:
                temp = self.fresh()
                rest = self.chain(temp, path[index + 1 :], types[index + 1 :])
                return f"(None if ({temp} := {code}) is None else {rest})"
        return code

    def gen_Unary(self, node: n.Unary) -> str:
        operand = self.expr(node.operand)
        if node.op == "+":
            return operand
        return f"_neg({operand})" if node.operand.type.nullable else f"(-{operand})"

    def gen_Not(self, node: n.Not) -> str:
        operand = self.expr(node.operand)
        return f"_not({operand})" if node.operand.type.nullable else f"(not {operand})"

    def gen_BinOp(self, node: n.BinOp) -> str:
        left, right = self.expr(node.left), self.expr(node.right)
        if node.op == "/":
            return f"_div({left}, {right})"
        if node.left.type.nullable or node.right.type.nullable:
            return f"{_HELPER_ARITH[node.op]}({left}, {right})"
        return f"({left} {node.op} {right})"

    def gen_BoolOp(self, node: n.BoolOp) -> str:
        parts = [self.expr(v) for v in node.values]
        if node.type.nullable:
            return f"_{node.op}({', '.join(parts)})"
        return "(" + f" {node.op} ".join(parts) + ")"

    def gen_Compare(self, node: n.Compare) -> str:
        left, right = self.expr(node.left), self.expr(node.right)
        if node.type.nullable:
            return f"{_HELPER_CMP[node.op]}({left}, {right})"
        return f"({left} {_NATIVE_CMP[node.op]} {right})"

    def gen_IsNone(self, node: n.IsNone) -> str:
        return f"({self.expr(node.operand)} is {'not ' if node.negate else ''}None)"

    def gen_IfElse(self, node: n.IfElse) -> str:
        cond, then, orelse = self.expr(node.cond), self.expr(node.then), self.expr(node.orelse)
        if node.cond.type.nullable:
            temp = self.fresh()
            return f"(None if ({temp} := {cond}) is None else ({then} if {temp} else {orelse}))"
        return f"({then} if {cond} else {orelse})"

    def gen_Call(self, node: n.Call) -> str:
        args = [self.expr(a) for a in node.args]
        if node.func == "in_period":
            return f"_in_period({args[0]}, p)"
        if node.scoped:
            item = f"i{node.item_scope}"
            args += [f"(lambda {item}: {self.expr(s)})" for s in node.scoped]
            return f"_{node.func}({', '.join(args)})"
        return f"_{node.func}({', '.join(args)})"
