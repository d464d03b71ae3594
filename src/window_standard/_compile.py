"""Stage 4: compile a validated rule set into plain Python callables.

Each criterion becomes one generated function ``rule(w, p) -> (applies, value, facts)`` where ``w`` is the
window, ``p`` the parameters in force, ``applies`` the ``applies_when`` value, ``value`` the score or
condition and ``facts`` the values the rule read. Expression problems are collected for the whole rule set
and raised together, located at ``file:line:col`` inside the expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from ._errors import Location, Problem
from ._expr import nodes as n
from ._expr.check import Scope, check_expression, comment_start
from ._expr.codegen import CodeGen
from ._expr.functions import ExpressionError
from ._expr.runtime import HELPERS
from ._expr.types import BOOL, NUMBER, Type
from ._load import LoadedYaml, Path_
from ._spec import CriterionSpec
from ._template import Template, TemplateError, parse_template

__all__ = ["CompiledCriterion", "RuleFunction", "compile_criterion"]

RuleFunction = Callable[[Any, dict[str, Any]], tuple[Any, Any, tuple[Any, ...]]]


@dataclass(frozen=True)
class CompiledCriterion:
    """A criterion ready to evaluate.

    Attributes:
        spec: The validated rule.
        function: The generated function ``(window, params) -> (applies, value, facts)``.
        fact_names: Names of the values in ``facts``, in order (let names, field paths, ``params.X``).
        templates: Parsed explanation templates by language.
        expression: The source of the score or condition, for generic explanations.
        source: The generated Python source (kept for debugging and tests).
        trees: The typed expression trees by key: ``let.NAME``, ``applies_when``, ``score`` or ``condition``.
        location: Where the criterion starts in its rule file.
    """

    spec: CriterionSpec
    function: RuleFunction
    fact_names: tuple[str, ...]
    templates: dict[str, Template] = field(default_factory=dict)
    expression: str = ""
    source: str = ""
    trees: dict[str, n.Node] = field(default_factory=dict)
    location: Location | None = None


@dataclass
class _Origin:
    loaded: LoadedYaml
    path: Path_

    def locate(self, key: str, *, line: int = 1, column: int = 1, sub: tuple[str, ...] = ()) -> Location:
        full = (*self.path, key, *sub)
        span = self.loaded.scalars.get(full)
        if span is None:
            return self.loaded.locate(full)
        return span.locate(line, column)


class _RuleCompiler:
    """Checks and generates one criterion; problems are appended to ``problems``."""

    def __init__(self, spec: CriterionSpec, origin: _Origin, base: Scope, problems: list[Problem]) -> None:
        self.spec = spec
        self.origin = origin
        self.scope = Scope(base.root, base.params, base.constants, {}, spec.points is not None)
        self.problems = problems
        self.gen = CodeGen()
        self.facts: dict[str, n.Node] = {}
        self.trees: dict[str, n.Node] = {}
        self.failed = False
        self.failed_lets: set[str] = set()

    def check(
        self, text: str, key: str, want: Type | None, sub: tuple[str, ...] = (), shift: int = 0
    ) -> n.Node | None:
        """Check one expression; ``shift`` columns are added to error positions (placeholders).

        An expression that uses a ``let`` binding which itself failed is not checked: its errors would only
        repeat the first one ("unknown name").
        """
        if any(re.search(rf"\b{re.escape(name)}\b", text) for name in self.failed_lets):
            self.failed = True
            return None
        try:
            self.refuse_folded_comment(text, key, sub)
            node = check_expression(text, self.scope)
            if want is not None and node.type.kind != want.kind:
                raise ExpressionError(
                    "WS306", f"'{key}' must be a {want.kind}, got {node.type.describe()}", _want_hint(key)
                )
        except ExpressionError as exc:
            where = self.origin.locate(key, line=exc.line, column=exc.column + shift, sub=sub)
            self.problems.append(
                Problem(
                    exc.code, f"in {self.spec.id}.{'.'.join((key, *sub))}: {exc.message}", exc.hint, where
                )
            )
            self.failed = True
            return None
        self.collect_facts(node)
        if key != "explain":
            self.trees[".".join((key, *sub))] = node
        return node

    def refuse_folded_comment(self, text: str, key: str, sub: tuple[str, ...]) -> None:
        """Refuse ``#`` in a folded (``>``) scalar: YAML joined its lines, so it would hide the rest."""
        span = self.origin.loaded.scalars.get((*self.origin.path, key, *sub))
        if span is None or span.style != ">":
            return
        for number, line in enumerate(text.split("\n"), start=1):
            start = comment_start(line) if "#" in line else None
            if start is not None:
                raise ExpressionError(
                    "WS301",
                    "a '#' comment in a folded (>) expression hides all after it: YAML joins the lines",
                    "remove the comment, or write the expression as a literal block (|)",
                    number,
                    start + 1,
                )

    def collect_facts(self, node: n.Node) -> None:
        for sub in n.walk(node):
            if isinstance(sub, n.Field) and sub.scope == 0 and _is_fact_type(sub.type):
                self.facts.setdefault(".".join(sub.path), sub)
            elif isinstance(sub, n.Param):
                self.facts.setdefault(f"params.{sub.name}", sub)

    def compile(self) -> CompiledCriterion | None:
        spec = self.spec
        lines: list[str] = []
        let_names: list[str] = []
        for name, text in spec.let.items():
            node = self.check(text, "let", None, (name,))
            if node is None:
                self.failed_lets.add(name)
            else:
                lines.append(f"    l_{name} = {self.gen.expr(node)}")
                self.scope.lets[name] = node.type
                let_names.append(name)
        applies = self.check(spec.applies_when, "applies_when", BOOL) if spec.applies_when else None
        main_key = "score" if spec.score is not None else "condition"
        main_text = spec.score if spec.score is not None else spec.condition
        assert main_text is not None  # guaranteed by CriterionSpec
        main = self.check(main_text, main_key, NUMBER if main_key == "score" else BOOL)
        templates = self.templates(let_names)
        if self.failed or main is None:
            return None
        fact_names = (*let_names, *self.facts)
        fact_code = [f"l_{name}" for name in let_names] + [
            self.gen.expr(node) for node in self.facts.values()
        ]
        lines.append(f"    a = {self.gen.expr(applies) if applies is not None else 'True'}")
        lines.append(f"    v = {self.gen.expr(main)}")
        lines.append(f"    return a, v, ({''.join(code + ', ' for code in fact_code)})")
        source = "def rule(w, p):\n" + "\n".join(lines) + "\n"
        namespace: dict[str, Any] = {**HELPERS, **self.gen.namespace, "P": spec.points, "__builtins__": {}}
        exec(compile(source, f"<rule {spec.id}>", "exec"), namespace)
        return CompiledCriterion(
            spec,
            namespace["rule"],
            fact_names,
            templates,
            main_text,
            source,
            self.trees,
            self.origin.loaded.locate(self.origin.path),
        )

    def templates(self, let_names: list[str]) -> dict[str, Template]:
        found: dict[str, Template] = {}
        if self.spec.explain is None:
            return found
        for lang in ("zh", "en"):
            text: str = getattr(self.spec.explain, lang)
            try:
                template = parse_template(text)
            except TemplateError as exc:
                self.template_problem(lang, str(exc), exc.column)
                continue
            for name in template.names:
                if name in ("points", "max_points", "score") or name in let_names:
                    continue
                column = text.find("{" + name + "}") + 2
                node = self.check(name, "explain", None, (lang,), column - 1)
                fact = isinstance(node, n.Param) or (isinstance(node, n.Field) and _is_fact_type(node.type))
                if node is not None and not fact:
                    self.template_problem(lang, f"placeholder '{{{name}}}' must name a fact", column - 1)
            found[lang] = template
        return found

    def template_problem(self, lang: str, message: str, column: int) -> None:
        where = self.origin.locate("explain", column=column, sub=(lang,))
        hint = "use {name} with a let name, a field path, params.NAME, points, max_points or score"
        self.problems.append(Problem("WS308", f"in {self.spec.id}.explain.{lang}: {message}", hint, where))
        self.failed = True


def _is_fact_type(typ: Type) -> bool:
    """Whether values of a type are facts: not records, nor lists of records (no JSON-native value)."""
    record_list = typ.kind == "list" and typ.item is not None and typ.item.kind == "model"
    return typ.kind != "model" and not record_list


def _want_hint(key: str) -> str:
    if key == "score":
        return "a score is a number of points, e.g. min(points, n)"
    return f"'{key}' is a test, e.g. staff.in_uniform >= staff.headcount"


def compile_criterion(
    spec: CriterionSpec,
    loaded: LoadedYaml,
    path: Path_,
    *,
    root: type[BaseModel],
    params: dict[str, Type],
    constants: dict[str, tuple[Type, Any]],
    problems: list[Problem],
) -> CompiledCriterion | None:
    """Type-check and compile one criterion.

    Args:
        spec: The validated criterion.
        loaded: The YAML file it came from (for locations).
        path: Its path inside that file.
        root: The window model class.
        params: Declared parameters and their types.
        constants: Named constants with their types and values.
        problems: Where problems are appended.

    Returns:
        The compiled criterion, or None when it has problems (they are in ``problems``).
    """
    scope = Scope(root, params, constants)
    return _RuleCompiler(spec, _Origin(loaded, path), scope, problems).compile()


def points_of(spec: CriterionSpec) -> Decimal:
    """The criterion's maximum points (0 for gates and vetoes)."""
    return spec.points if spec.points is not None else Decimal(0)
