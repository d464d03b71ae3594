"""One expression against one window, for rule authors (``window-standard eval``).

The expression is checked exactly as a rule file's expressions are (the same scope: the window's fields,
the rule set's parameters and constants; the same errors) and run through the compiled engine's code
generator, in the library's decimal context.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import localcontext
from typing import TYPE_CHECKING, Any

from ._build import _constant_type, param_types
from ._engine.compiled.codegen import CodeGen
from ._engine.compiled.runtime import namespace
from ._errors import Location, Problem, RuleDefinitionError
from ._expr import nodes as n
from ._expr.check import check_expression
from ._expr.functions import ExpressionError
from ._expr.scope import Scope
from ._model import Window
from ._numbers import DECIMAL_CONTEXT

if TYPE_CHECKING:
    from ._standard import Standard

__all__ = ["Evaluated", "check_one", "evaluate_one", "tree_lines"]

_SOURCE = "<expression>"


@dataclass(frozen=True)
class Evaluated:
    """An expression's typed tree and its value on one window.

    Attributes:
        tree: The typed tree.
        value: Its value (``None`` is "no data").
    """

    tree: n.Node
    value: Any


def check_one(standard: Standard, text: str) -> n.Node:
    """Type-check one expression in the scope of a rule set's criteria.

    Raises:
        RuleDefinitionError: With the same code, message and hint as in a rule file; the location is the
            line and column inside the expression (file ``<expression>``).
    """
    spec = standard._spec
    problems: list[Problem] = []
    params = param_types(spec, None, problems)
    constants = {name: (_constant_type(value), value) for name, value in spec.constants.items()}
    try:
        return check_expression(text, Scope(Window, params, constants))
    except ExpressionError as exc:
        where = Location(_SOURCE, exc.line, exc.column)
        raise RuleDefinitionError([Problem(exc.code, exc.message, exc.hint, where)]) from None


def evaluate_one(standard: Standard, text: str, window: Window) -> Evaluated:
    """Check one expression and compute it on a window (parameters in force on its assessment date).

    Raises:
        RuleDefinitionError: As :func:`check_one`.
    """
    tree = check_one(standard, text)
    gen = CodeGen()
    body = gen.expr(tree)
    lines = [f"    p_{name} = p[{name!r}]" for name in gen.params]
    source = "def expression(w, p):\n" + "\n".join([*lines, f"    return {body}"]) + "\n"
    scope = {**namespace(), **gen.namespace}
    exec(compile(source, _SOURCE, "exec"), scope)  # generated from the checked tree, as the engine does
    params = standard.parameters_on(window.assessed_on)
    with localcontext(DECIMAL_CONTEXT):
        value = scope["expression"](window, params)
    return Evaluated(tree, value)


def tree_lines(node: n.Node, depth: int = 0) -> list[str]:
    """The typed tree, one node a line, indented by depth: ``Call ratio: number or no data``."""
    lines = [f"{'  ' * depth}{_label(node)}: {node.type.describe()}"]
    for child in n.CHILDREN[type(node)](node):
        lines += tree_lines(child, depth + 1)
    return lines


def _label(node: n.Node) -> str:
    kind = type(node).__name__
    if isinstance(node, n.Field):
        base = "window" if node.scope == 0 else f"item{node.scope}"
        return f"{kind} {base}.{'.'.join(node.path)}"
    if isinstance(node, n.Const):
        return f"{kind} {node.value!r}" if not isinstance(node.value, frozenset) else f"{kind} {{…}}"
    if isinstance(node, (n.Param, n.Name)):
        return f"{kind} {node.name}"
    if isinstance(node, (n.Unary, n.BinOp, n.BoolOp, n.Compare)):
        return f"{kind} {node.op}"
    if isinstance(node, n.Call):
        return f"{kind} {node.func}"
    if isinstance(node, n.IsNone):
        return f"{kind} {'is not None' if node.negate else 'is None'}"
    return kind
