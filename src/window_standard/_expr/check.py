"""Stage 3a: parse an expression with :mod:`ast`, allow only the whitelisted subset, and type-check it.

The result is a typed tree (:mod:`.nodes`). Anything outside the language is an
:class:`ExpressionError` with a stable code and the 1-based line and column inside the expression.
"""

from __future__ import annotations

import ast
import threading
import unicodedata
from decimal import Decimal

from .._numbers import MAX_PLACES, literal_problem
from . import nodes as n
from .functions import FUNCTIONS, ExpressionError, check_call
from .scope import Scope
from .syntax import (
    _ARITH,
    _COMPARE,
    _FORBIDDEN,
    _HINT_LANGUAGE,
    _OPERATOR_NAMES,
    _blank_comments,
    _position,
    _suggest,
    comment_start,
    non_ascii_name,
)
from .types import BOOL, NUMBER, STR, Type, model_fields

__all__ = ["MAX_EXPRESSION_CHARS", "MAX_EXPRESSION_DEPTH", "Scope", "check_expression", "comment_start"]

MAX_EXPRESSION_CHARS = 2000
MAX_EXPRESSION_DEPTH = 40

# CPython 3.11's ast.parse is not thread-safe under deep recursion ("AST constructor recursion depth
# mismatch"): parsing is serialised; it is a small part of loading a rule set
_PARSE_LOCK = threading.Lock()


def check_expression(text: str, scope: Scope) -> n.Node:
    """Parse and type-check one expression.

    Args:
        text: The expression's source; errors give 1-based (line, column) positions inside it as given.
        scope: What names may refer to.

    Returns:
        The typed tree.

    Raises:
        ExpressionError: Syntax errors (WS301), constructs outside the language (WS302), unknown names
            (WS303) or functions (WS304), wrong arity (WS305), type errors (WS306), size limits (WS307).
    """
    if len(text) > MAX_EXPRESSION_CHARS:
        raise ExpressionError(
            "WS307",
            f"expression is {len(text)} characters long, more than {MAX_EXPRESSION_CHARS}",
            "split it into several 'let' bindings",
        )
    lead = len(text) - len(text.lstrip())  # positions are reported inside ``text`` as given
    source = _blank_comments(text.strip())
    flat = source.replace("\n", " ")  # same length: offsets in flat are offsets in source
    odd = non_ascii_name(flat)
    if odd is not None:
        line, column = _position(text, lead + odd[0])
        raise ExpressionError(
            "WS302",
            f"name '{odd[1]}' is a look-alike of '{unicodedata.normalize('NFKC', odd[1])}' (full-width)",
            "type the name with ASCII letters, digits and '_'",
            line,
            column,
        )
    try:
        with _PARSE_LOCK:
            tree = ast.parse(flat, mode="eval")
        return _Checker(flat).visit(tree.body, scope, 0)
    except SyntaxError as exc:
        message = exc.msg if exc.msg.startswith("invalid syntax") else f"invalid syntax: {exc.msg}"
        offset = exc.offset - 1 if exc.offset else len(flat.rstrip())  # 0: the expression ended early
        line, column = _position(text, lead + offset)
        raise ExpressionError("WS301", message, _HINT_LANGUAGE, line, column) from None
    except (RecursionError, MemoryError, ValueError) as exc:
        raise ExpressionError("WS307", f"expression cannot be parsed: {exc}", "simplify it") from None
    except ExpressionError as exc:
        exc.line, exc.column = _position(text, lead + exc.column - 1)
        raise


class _Checker:
    """One pass over an ast tree: whitelist, resolve names, compute types."""

    def __init__(self, source: str) -> None:
        self.lines = source.splitlines() or [""]

    def error(self, code: str, message: str, hint: str, node: ast.AST) -> ExpressionError:
        line = getattr(node, "lineno", 1)
        byte_col = getattr(node, "col_offset", 0)
        text = self.lines[line - 1] if line - 1 < len(self.lines) else ""
        column = len(text.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore")) + 1
        return ExpressionError(code, message, hint, line, column)

    def visit(self, node: ast.AST, scope: Scope, depth: int) -> n.Node:
        if depth > MAX_EXPRESSION_DEPTH:
            raise self.error(
                "WS307", f"expression nested more than {MAX_EXPRESSION_DEPTH} levels", "simplify it", node
            )
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is None:
            what = _FORBIDDEN.get(type(node), f"'{type(node).__name__}' expressions")
            raise self.error("WS302", f"{what} are not allowed", _HINT_LANGUAGE, node)
        result: n.Node = method(node, scope, depth + 1)
        return result

    # -- leaves -----------------------------------------------------------------------------------------

    def visit_Constant(self, node: ast.Constant, scope: Scope, depth: int) -> n.Node:
        value = node.value
        if isinstance(value, bool):
            return n.Const(BOOL, value)
        if isinstance(value, (int, float)):
            number: int | Decimal = value if isinstance(value, int) else self.decimal(node)
            problem = literal_problem(number)
            if problem is not None:
                raise self.error(
                    "WS307",
                    f"the number {segment_of(number)} {problem}",
                    f"numbers in rules stay within ±10^12 with at most {MAX_PLACES} decimal places",
                    node,
                )
            return n.Const(NUMBER, number)
        if isinstance(value, str):
            if any(0xD800 <= ord(c) <= 0xDFFF for c in value):  # e.g. "\ud800": no text can hold it
                raise self.error(
                    "WS302",
                    "text literals cannot contain surrogate escapes (\\ud800–\\udfff)",
                    "write the character itself",
                    node,
                )
            return n.Const(STR, value)
        if value is None:
            raise self.error(
                "WS306", "None can only be used as 'x is None' or 'x is not None'", "use 'is None'", node
            )
        raise self.error("WS302", f"literal {value!r} is not allowed", _HINT_LANGUAGE, node)

    def decimal(self, node: ast.Constant) -> Decimal:
        """A float literal as the exact decimal its source text says (never through a binary float)."""
        segment = ast.get_source_segment("\n".join(self.lines), node) or repr(node.value)
        return Decimal(segment.replace("_", ""))

    def visit_Name(self, node: ast.Name, scope: Scope, depth: int) -> n.Node:
        name = node.id
        if name.startswith("_"):
            raise self.error(
                "WS302", f"names starting with '_' are not allowed: '{name}'", _HINT_LANGUAGE, node
            )
        if name == "it":
            if not scope.items:
                raise self.error("WS303", "'it' is only defined inside count/sum/any/all/distinct", "", node)
            return n.Item(scope.items[-1], len(scope.items))
        for level in range(len(scope.items), 0, -1):
            item = scope.items[level - 1]
            if item.kind == "model" and item.model is not None:
                found = model_fields(item.model).get(name)
                if found is not None:
                    return n.Field(found, level, (name,), (found,))
        if name in scope.lets:
            return n.Name(scope.lets[name], name, False)
        if name in scope.constants:
            typ, value = scope.constants[name]
            return n.Const(typ, frozenset(value) if isinstance(value, (list, tuple)) else value)
        if name == "points" and scope.allow_points:
            return n.Points(NUMBER)
        root = model_fields(scope.root)
        if name in root:
            return n.Field(root[name], 0, (name,), (root[name],))
        if name == "params":
            raise self.error(
                "WS302", "'params' must be followed by a parameter name", "write params.NAME", node
            )
        if name in FUNCTIONS:
            raise self.error("WS306", f"function '{name}' must be called", f"write {name}(...)", node)
        known = sorted({*scope.lets, *scope.constants, *root})
        raise self.error("WS303", f"unknown name '{name}'", _suggest(name, known, "names"), node)

    def visit_Attribute(self, node: ast.Attribute, scope: Scope, depth: int) -> n.Node:
        attr = node.attr
        if attr.startswith("_"):
            raise self.error(
                "WS302", f"attribute '{attr}' is not allowed", "names starting with '_' are private", node
            )
        if isinstance(node.value, ast.Name) and node.value.id == "params":
            if attr not in scope.params:
                hint = _suggest(attr, sorted(scope.params), "parameters")
                raise self.error("WS303", f"unknown parameter 'params.{attr}'", hint, node)
            return n.Param(scope.params[attr], attr)
        base = self.visit(node.value, scope, depth)
        if base.type.kind != "model" or base.type.model is None:
            raise self.error(
                "WS302",
                f"'.{attr}' reads a field, but the value before it is {base.type.describe()}, not a record",
                "attributes may only read fields of the window and its parts",
                node,
            )
        fields = model_fields(base.type.model)
        if attr not in fields:
            hint = _suggest(attr, sorted(fields), f"fields of {base.type.model.__name__}")
            raise self.error("WS303", f"{base.type.model.__name__} has no field '{attr}'", hint, node)
        typ = fields[attr].with_nullable(fields[attr].nullable or base.type.nullable)
        if isinstance(base, n.Field):
            return n.Field(typ, base.scope, (*base.path, attr), (*base.segment_types, fields[attr]))
        if isinstance(base, n.Item):
            return n.Field(typ, base.scope, (attr,), (fields[attr],))
        raise self.error("WS302", f"'.{attr}' can only follow a field path", _HINT_LANGUAGE, node)

    def visit_Tuple(self, node: ast.Tuple | ast.Set | ast.List, scope: Scope, depth: int) -> n.Node:
        values = [self.visit(elt, scope, depth) for elt in node.elts]
        if not all(isinstance(v, n.Const) for v in values):
            raise self.error(
                "WS302", "collection literals may hold only literals", "use a named constant", node
            )
        kinds = {v.type.kind for v in values}
        if len(kinds) > 1:
            raise self.error("WS306", "a collection literal mixes types", "use values of one type", node)
        item = values[0].type if values else STR
        return n.Const(Type("list", item=item), frozenset(v.value for v in values if isinstance(v, n.Const)))

    visit_Set = visit_Tuple
    visit_List = visit_Tuple

    # -- operators --------------------------------------------------------------------------------------

    def visit_UnaryOp(self, node: ast.UnaryOp, scope: Scope, depth: int) -> n.Node:
        operand = self.visit(node.operand, scope, depth)
        if isinstance(node.op, ast.Not):
            self.expect(operand, "bool", node.operand, "'not'")
            return n.Not(BOOL.with_nullable(operand.type.nullable), operand)
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            self.expect(operand, "number", node.operand, "unary minus")
            return n.Unary(operand.type, "-" if isinstance(node.op, ast.USub) else "+", operand)
        raise self.error("WS302", f"operator {_OPERATOR_NAMES.get(type(node.op))} is not allowed", "", node)

    def visit_BinOp(self, node: ast.BinOp, scope: Scope, depth: int) -> n.Node:
        op = _ARITH.get(type(node.op))
        if op is None:
            name = _OPERATOR_NAMES.get(type(node.op), type(node.op).__name__)
            raise self.error("WS302", f"operator {name} is not allowed", "use + - * / only", node)
        left = self.visit(node.left, scope, depth)
        right = self.visit(node.right, scope, depth)
        self.expect(left, "number", node.left, f"'{op}'")
        self.expect(right, "number", node.right, f"'{op}'")
        nullable = op == "/" or left.type.nullable or right.type.nullable
        return n.BinOp(NUMBER.with_nullable(nullable), op, left, right)

    def visit_BoolOp(self, node: ast.BoolOp, scope: Scope, depth: int) -> n.Node:
        values = tuple(self.visit(v, scope, depth) for v in node.values)
        op = "and" if isinstance(node.op, ast.And) else "or"
        for value, source in zip(values, node.values, strict=True):
            self.expect(value, "bool", source, f"'{op}'")
        return n.BoolOp(BOOL.with_nullable(any(v.type.nullable for v in values)), op, values)

    def visit_IfExp(self, node: ast.IfExp, scope: Scope, depth: int) -> n.Node:
        cond = self.visit(node.test, scope, depth)
        self.expect(cond, "bool", node.test, "the condition of 'if'")
        then = self.visit(node.body, scope, depth)
        orelse = self.visit(node.orelse, scope, depth)
        if not _same_shape(then.type, orelse.type):
            raise self.error(
                "WS306",
                f"the branches of 'if' differ: {then.type.describe()} and {orelse.type.describe()}",
                "give both branches the same type",
                node,
            )
        nullable = cond.type.nullable or then.type.nullable or orelse.type.nullable
        return n.IfElse(then.type.with_nullable(nullable), cond, then, orelse)

    def visit_Compare(self, node: ast.Compare, scope: Scope, depth: int) -> n.Node:
        parts: list[n.Node] = []
        left_node = self.visit_operand(node.left, scope, depth)
        for op, right_ast in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, (ast.Is, ast.IsNot)):
                parts.append(self.is_none(left_node, op, right_ast, node))
                left_node = self.visit_operand(right_ast, scope, depth)
                continue
            right_node = self.visit_operand(right_ast, scope, depth)
            parts.append(self.compare(_COMPARE[type(op)], left_node, right_node, node))
            left_node = right_node
        if len(parts) == 1:
            return parts[0]
        return n.BoolOp(BOOL.with_nullable(any(p.type.nullable for p in parts)), "and", tuple(parts))

    def visit_operand(self, node: ast.AST, scope: Scope, depth: int) -> n.Node:
        if isinstance(node, ast.Constant) and node.value is None:
            return n.Const(Type("str", nullable=True), None)
        return self.visit(node, scope, depth)

    def is_none(self, left: n.Node, op: ast.cmpop, right: ast.AST, node: ast.AST) -> n.Node:
        if not (isinstance(right, ast.Constant) and right.value is None):
            raise self.error("WS302", "'is' may only be used as 'is None' or 'is not None'", "use '=='", node)
        if not left.type.nullable:
            raise self.error(
                "WS306",
                f"'is None' on a value that always has data ({left.type.describe()})",
                "remove the check; the value is never missing",
                node,
            )
        return n.IsNone(BOOL, left, isinstance(op, ast.IsNot))

    def compare(self, op: str, left: n.Node, right: n.Node, node: ast.AST) -> n.Node:
        if (isinstance(left, n.Const) and left.value is None) or (
            isinstance(right, n.Const) and right.value is None
        ):
            raise self.error("WS306", "compare with None using 'is None'", "write 'x is None'", node)
        nullable = left.type.nullable or right.type.nullable
        if op in ("in", "not in"):
            if right.type.kind != "list" or right.type.item is None:
                raise self.error(
                    "WS306", f"'{op}' needs a collection on its right, not {right.type.describe()}", "", node
                )
            self.compatible(left.type, right.type.item, left, right, node, op)
            return n.Compare(BOOL.with_nullable(nullable), op, left, right)
        self.compatible(left.type, right.type, left, right, node, op)
        if op not in ("==", "!=") and left.type.kind not in ("number", "date"):
            raise self.error(
                "WS306",
                f"'{op}' orders numbers and dates only, not {left.type.describe()}",
                "use == or !=",
                node,
            )
        return n.Compare(BOOL.with_nullable(nullable), op, left, right)

    def compatible(self, a: Type, b: Type, left: n.Node, right: n.Node, node: ast.AST, op: str) -> None:
        if a.is_textual and b.is_textual:
            _check_enum_literals(a, right, self, node)
            _check_enum_literals(b, left, self, node)
            if a.kind == "enum" and b.kind == "enum" and a.enum is not b.enum:
                raise self.error("WS306", f"'{op}' compares {a.describe()} with {b.describe()}", "", node)
            return
        if a.kind != b.kind or a.kind in ("list", "model"):
            raise self.error(
                "WS306",
                f"'{op}' compares {a.describe()} with {b.describe()}",
                "compare values of the same type",
                node,
            )

    def expect(self, value: n.Node, kind: str, node: ast.AST, where: str) -> None:
        if value.type.kind != kind:
            raise self.error("WS306", f"{where} needs a {kind}, got {value.type.describe()}", "", node)

    # -- calls ------------------------------------------------------------------------------------------

    def visit_Call(self, node: ast.Call, scope: Scope, depth: int) -> n.Node:
        if not isinstance(node.func, ast.Name):
            raise self.error(
                "WS302", "only functions from the function table can be called", _HINT_LANGUAGE, node
            )
        name = node.func.id
        if node.keywords:
            raise self.error(
                "WS302", f"keyword arguments are not allowed in {name}()", "pass arguments by position", node
            )
        if name not in FUNCTIONS:
            raise self.error(
                "WS304", f"unknown function '{name}'", _suggest(name, sorted(FUNCTIONS), "functions"), node
            )
        spec = FUNCTIONS[name]
        if name == "in_period" and not {"period_start", "period_end"} <= set(scope.params):
            raise self.error(
                "WS303",
                "in_period() needs the parameters period_start and period_end",
                "declare both dates",
                node,
            )
        if not spec.min_args <= len(node.args) <= spec.max_args:
            raise self.error(
                "WS305", f"{name}() takes {spec.arity_text()}, got {len(node.args)}", spec.usage, node
            )
        args: list[n.Node] = []
        scoped: list[n.Node] = []
        for index, arg in enumerate(node.args):
            if spec.scoped and index > 0:
                collection = args[0].type
                if collection.kind != "list" or collection.item is None:
                    raise self.error(
                        "WS306",
                        f"{name}() needs a collection first, got {collection.describe()}",
                        spec.usage,
                        node,
                    )
                scoped.append(self.visit(arg, scope.with_item(collection.item), depth))
            else:
                args.append(self.visit(arg, scope, depth))
        try:
            return check_call(name, tuple(args), tuple(scoped), len(scope.items) + 1)
        except ExpressionError as exc:
            raise self.error(exc.code, exc.message, exc.hint, node) from None


def _same_shape(a: Type, b: Type) -> bool:
    """Whether two types are the same apart from "no data": collections of the same items, the same record."""
    if a.kind != b.kind or a.model is not b.model or a.enum is not b.enum:
        return False
    if a.kind == "list":
        return a.item is None or b.item is None or _same_shape(a.item, b.item)
    return True


def segment_of(value: int | Decimal) -> str:
    """A number as a reader wrote it, shortened when it is long (``1E+999999``, ``123456…``)."""
    text = str(value) if isinstance(value, Decimal) else (str(value) if value.bit_length() < 200 else "")
    return text if text and len(text) <= 24 else (text[:20] + "…" if text else "with more than 60 digits")


def _check_enum_literals(typ: Type, other: n.Node, checker: _Checker, node: ast.AST) -> None:
    """A string literal compared with an enum must be one of the enum's values."""
    if typ.kind != "enum" or typ.enum is None or not isinstance(other, n.Const):
        return
    allowed = {m.value for m in typ.enum}
    values = other.value if isinstance(other.value, frozenset) else {other.value}
    for value in sorted(v for v in values if v is not None):
        if value not in allowed:
            raise checker.error(
                "WS306",
                f"{value!r} is not a value of {typ.enum.__name__}",
                "allowed: " + ", ".join(sorted(allowed)),
                node,
            )
