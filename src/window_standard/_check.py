"""Stage 3: type-check every expression of a rule into a :class:`CheckedRule` — typed trees, no code.

Checking is engine-neutral: a :class:`CheckedRule` holds the ``let`` / ``applies_when`` / ``score`` or
``condition`` trees, the facts the rule reads (as typed nodes), the parsed explanation templates and where
the rule starts in its file. Engines (:mod:`window_standard._engine`) turn checked rules into something that
runs. Problems are collected for the whole rule set, located at ``file:line:col`` inside the expression.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel

from ._errors import Location, Problem
from ._expr import nodes as n
from ._expr.check import Scope, check_expression, comment_start
from ._expr.functions import ExpressionError
from ._expr.types import BOOL, NUMBER, Type
from ._load import LoadedYaml, Path_
from ._spec import CriterionSpec, Text
from ._template import Template, TemplateError, parse_template
from ._vocab import Lang

__all__ = ["CheckedCriterion", "CheckedRule", "RuleText", "check_criterion", "check_rule", "is_fact_type"]

#: Placeholders every template may use besides the rule's facts.
TEMPLATE_EXTRAS = ("points", "max_points", "score")


@dataclass(frozen=True)
class RuleText:
    """The expressions of one rule as written, whatever kind of rule file it comes from.

    Attributes:
        id: The rule's id.
        let: Named intermediate expressions, in order.
        applies_when: When false the rule does not apply.
        score: A number of points (scored and bonus criteria).
        condition: An all-or-nothing test (gates, vetoes, campaign checks).
        explain: Explanation templates, zh and en.
        points: The rule's maximum (``points`` in expressions), if it has one.
    """

    id: str
    let: Mapping[str, str]
    applies_when: str | None
    score: str | None
    condition: str | None
    explain: Text | None
    points: Decimal | None = None

    @classmethod
    def of(cls, spec: CriterionSpec) -> RuleText:
        """The expressions of a criterion."""
        return cls(
            spec.id, spec.let, spec.applies_when, spec.score, spec.condition, spec.explain, spec.points
        )


@dataclass(frozen=True)
class CheckedRule:
    """A type-checked rule: typed trees, facts and templates; nothing executable.

    Attributes:
        id: The rule's id.
        points: The rule's maximum points (None for gates, vetoes and campaign rules).
        lets: ``let`` bindings in order, each with its typed tree.
        applies: The ``applies_when`` tree (None: always applies).
        main: The ``score`` tree (a number) or the ``condition`` tree (a bool).
        main_key: ``score`` or ``condition``.
        facts: The values the rule reads besides its lets (field paths, ``params.NAME``), as typed nodes.
        templates: Parsed explanation templates by language.
        location: Where the rule starts in its file.
    """

    id: str
    points: Decimal | None
    lets: tuple[tuple[str, n.Node], ...]
    applies: n.Node | None
    main: n.Node
    main_key: Literal["score", "condition"]
    facts: tuple[tuple[str, n.Node], ...]
    templates: Mapping[Lang, Template] = field(default_factory=dict)
    location: Location | None = None

    @cached_property
    def fact_names(self) -> tuple[str, ...]:
        """Names of every fact in order: the let names, then field paths and ``params.NAME``."""
        return (*(name for name, _ in self.lets), *(name for name, _ in self.facts))

    @cached_property
    def trees(self) -> dict[str, n.Node]:
        """Every typed tree by key: ``let.NAME``, ``applies_when``, then ``score`` or ``condition``."""
        found = {f"let.{name}": node for name, node in self.lets}
        if self.applies is not None:
            found["applies_when"] = self.applies
        found[self.main_key] = self.main
        return found

    @property
    def scored(self) -> bool:
        """Whether the main tree is a score expression (rather than a test)."""
        return self.main_key == "score"


@dataclass(frozen=True, kw_only=True)
class CheckedCriterion(CheckedRule):
    """A checked criterion of a rule set, with the validated rule it came from.

    Attributes:
        spec: The criterion as validated from its rule file.
    """

    spec: CriterionSpec


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


class _RuleChecker:
    """Checks one rule; problems are appended to ``problems``."""

    def __init__(self, text: RuleText, origin: _Origin, base: Scope, problems: list[Problem]) -> None:
        self.text = text
        self.origin = origin
        self.scope = Scope(base.root, base.params, base.constants, {}, text.points is not None)
        self.problems = problems
        self.facts: dict[str, n.Node] = {}
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
                    exc.code, f"in {self.text.id}.{'.'.join((key, *sub))}: {exc.message}", exc.hint, where
                )
            )
            self.failed = True
            return None
        self.collect_facts(node)
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
            if isinstance(sub, n.Field) and sub.scope == 0 and is_fact_type(sub.type):
                self.facts.setdefault(".".join(sub.path), sub)
            elif isinstance(sub, n.Param):
                self.facts.setdefault(f"params.{sub.name}", sub)

    def run(self, location: Location | None) -> tuple[Any, ...] | None:
        text = self.text
        lets: list[tuple[str, n.Node]] = []
        for name, source in text.let.items():
            node = self.check(source, "let", None, (name,))
            if node is None:
                self.failed_lets.add(name)
            else:
                self.scope.lets[name] = node.type
                lets.append((name, node))
        applies = self.check(text.applies_when, "applies_when", BOOL) if text.applies_when else None
        main_key: Literal["score", "condition"] = "score" if text.score is not None else "condition"
        main_text = text.score if text.score is not None else text.condition
        assert main_text is not None  # guaranteed by the rule's spec
        main = self.check(main_text, main_key, NUMBER if main_key == "score" else BOOL)
        templates = self.templates({name for name, _ in lets})
        if self.failed or main is None:
            return None
        facts = tuple(self.facts.items())
        return (text.id, text.points, tuple(lets), applies, main, main_key, facts, templates, location)

    def templates(self, let_names: set[str]) -> dict[Lang, Template]:
        found: dict[Lang, Template] = {}
        if self.text.explain is None:
            return found
        langs: tuple[Lang, ...] = ("zh", "en")
        for lang in langs:
            text: str = getattr(self.text.explain, lang)
            try:
                template = parse_template(text)
            except TemplateError as exc:
                self.template_problem(lang, str(exc), exc.column)
                continue
            for name in dict.fromkeys(template.names):  # each distinct name is checked once
                if name in TEMPLATE_EXTRAS or name in let_names:
                    continue
                column = text.find("{" + name + "}") + 2
                node = self.check(name, "explain", None, (lang,), column - 1)
                fact = isinstance(node, n.Param) or (isinstance(node, n.Field) and is_fact_type(node.type))
                if node is not None and not fact:
                    self.template_problem(lang, f"placeholder '{{{name}}}' must name a fact", column - 1)
            found[lang] = template
        return found

    def template_problem(self, lang: str, message: str, column: int) -> None:
        where = self.origin.locate("explain", column=column, sub=(lang,))
        hint = "use {name} with a let name, a field path, params.NAME, points, max_points or score"
        self.problems.append(Problem("WS308", f"in {self.text.id}.explain.{lang}: {message}", hint, where))
        self.failed = True


def is_fact_type(typ: Type) -> bool:
    """Whether values of a type are facts: not records, nor lists of records (no JSON-native value)."""
    record_list = typ.kind == "list" and typ.item is not None and typ.item.kind == "model"
    return typ.kind != "model" and not record_list


def _want_hint(key: str) -> str:
    if key == "score":
        return "a score is a number of points, e.g. min(points, n)"
    return f"'{key}' is a test, e.g. staff.in_uniform >= staff.headcount"


def check_rule(
    text: RuleText,
    loaded: LoadedYaml,
    path: Path_,
    *,
    root: type[BaseModel],
    params: dict[str, Type],
    constants: dict[str, tuple[Type, Any]],
    problems: list[Problem],
) -> CheckedRule | None:
    """Type-check one rule against a root model.

    Args:
        text: The rule's expressions.
        loaded: The YAML file it came from (for locations).
        path: Its path inside that file.
        root: The model class its field paths read (the window, or a campaign context).
        params: Declared parameters and their types.
        constants: Named constants with their types and values.
        problems: Where problems are appended.

    Returns:
        The checked rule, or None when it has problems (they are in ``problems``).
    """
    parts = _check(text, loaded, path, Scope(root, params, constants), problems)
    return None if parts is None else CheckedRule(*parts)


def check_criterion(
    spec: CriterionSpec,
    loaded: LoadedYaml,
    path: Path_,
    *,
    root: type[BaseModel],
    params: dict[str, Type],
    constants: dict[str, tuple[Type, Any]],
    problems: list[Problem],
) -> CheckedCriterion | None:
    """Type-check one criterion of a rule set (see :func:`check_rule`)."""
    parts = _check(RuleText.of(spec), loaded, path, Scope(root, params, constants), problems)
    return None if parts is None else CheckedCriterion(*parts, spec=spec)


def _check(
    text: RuleText, loaded: LoadedYaml, path: Path_, scope: Scope, problems: list[Problem]
) -> tuple[Any, ...] | None:
    return _RuleChecker(text, _Origin(loaded, path), scope, problems).run(loaded.locate(path))
