"""Stage 3: type-check every expression of a rule into a :class:`CheckedRule` — typed trees, no code.

Checking is engine-neutral: a :class:`CheckedRule` holds the ``let`` / ``applies_when`` / ``score`` or
``condition`` trees, the facts the rule reads (as typed nodes), the parsed explanation templates and where
the rule starts in its file. Engines (:mod:`window_standard._engine`) turn checked rules into something that
runs. Problems are collected for the whole rule set, located at ``file:line:col`` inside the expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from ._checked import CheckedCriterion, CheckedPart, CheckedRule, RuleText
from ._errors import Location, Problem
from ._expr import nodes as n
from ._expr.check import Scope, check_expression, comment_start
from ._expr.functions import ExpressionError
from ._expr.types import BOOL, NUMBER, Type
from ._load import LoadedYaml, Path_
from ._parts import parts_score
from ._spec import CriterionSpec, Text
from ._template import Template, TemplateError, parse_template
from ._vocab import Lang

__all__ = [
    "CheckedCriterion",
    "CheckedPart",
    "CheckedRule",
    "RuleText",
    "check_criterion",
    "check_rule",
    "is_fact_type",
]

#: Placeholders every template may use besides the rule's facts.
TEMPLATE_EXTRAS = ("points", "max_points", "score")


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
        parts = self.parts(lets)
        main_key: Literal["score", "condition"] = "score" if text.score is not None or parts else "condition"
        main = self.main(main_key, lets, parts)
        main = self.required(main, lets)
        names = {name for name, _ in lets}
        templates = self.templates(names, self.text.explain, ())
        special = {
            status: found
            for status, key, explain in (
                ("no_data", "explain_no_data", text.explain_no_data),
                ("not_applicable", "explain_not_applicable", text.explain_not_applicable),
                ("unassessable", "explain", text.requires.explain if text.requires else None),
            )
            if (
                found := self.templates(
                    names, explain, ("requires",) if status == "unassessable" else (), key
                )
            )
        }
        if self.failed or main is None:
            return None
        facts = tuple(self.facts.items())
        lets_ = tuple(lets)
        return (
            text.id,
            text.points,
            lets_,
            applies,
            main,
            main_key,
            facts,
            templates,
            location,
            parts,
            special,
        )

    def main(
        self,
        key: Literal["score", "condition"],
        lets: list[tuple[str, n.Node]],
        parts: tuple[CheckedPart, ...],
    ) -> n.Node | None:
        text = self.text
        if text.parts:
            named = {name: node for name, node in lets}
            return None if self.failed else parts_score([(p.id, p.points, named[p.id].type) for p in parts])
        source = text.score if key == "score" else text.condition
        assert source is not None  # guaranteed by the rule's spec
        return self.check(source, key, NUMBER if key == "score" else BOOL)

    def required(self, main: n.Node | None, lets: list[tuple[str, n.Node]]) -> n.Node | None:
        """Wrap ``main`` so that an unmet or unknown ``requires`` gives no data (a plain tree, any engine).

        The requirement's test is the let binding ``requires`` (so explanations can tell why).
        """
        if self.text.requires is None:
            return main
        test = self.check(self.text.requires.condition, "requires", BOOL, ("condition",))
        if test is None or main is None:
            return main
        self.scope.lets["requires"] = test.type
        lets.append(("requires", test))
        typ = main.type.with_nullable(True)
        return n.IfElse(typ, n.Name(test.type, "requires", False), main, n.Const(typ, None))

    def parts(self, lets: list[tuple[str, n.Node]]) -> tuple[CheckedPart, ...]:
        """Check each part's condition (a ``let`` named after the part) and its templates."""
        found: list[CheckedPart] = []
        for index, part in enumerate(self.text.parts):
            node = self.check(part.condition, "parts", BOOL, (index, "condition"))  # type: ignore[arg-type]
            if node is None:
                continue
            self.scope.lets[part.id] = node.type
            lets.append((part.id, node))
            names = {name for name, _ in lets}
            templates = self.templates(names, part.explain, ("parts", index))
            found.append(CheckedPart(part.id, part.title, part.points, templates))
        return tuple(found)

    def templates(
        self, let_names: set[str], explain: Text | None, at: Path_, key: str = "explain"
    ) -> dict[Lang, Template]:
        found: dict[Lang, Template] = {}
        if explain is None:
            return found
        langs: tuple[Lang, ...] = ("zh", "en")
        for lang in langs:
            text: str = getattr(explain, lang)
            try:
                template = parse_template(text)
            except TemplateError as exc:
                self.template_problem(lang, str(exc), exc.column, at, key)
                continue
            for name in dict.fromkeys(template.names):  # each distinct name is checked once
                if name in TEMPLATE_EXTRAS or name in let_names:
                    continue
                column = text.find("{" + name + "}") + 2
                node = self.check(name, key, None, (*at, lang), column - 1)  # type: ignore[arg-type]
                fact = isinstance(node, n.Param) or (isinstance(node, n.Field) and is_fact_type(node.type))
                if node is not None and not fact:
                    message = f"placeholder '{{{name}}}' must name a fact"
                    self.template_problem(lang, message, column - 1, at, key)
            found[lang] = template
        return found

    def template_problem(
        self, lang: str, message: str, column: int, at: Path_ = (), key: str = "explain"
    ) -> None:
        where = (
            self.origin.locate(key, column=column, sub=(lang,))
            if not at
            else self.origin.locate(str(at[0]), column=column, sub=(*at[1:], key, lang))  # type: ignore[arg-type]
        )
        hint = "use {name} with a let name, a field path, params.NAME, points, max_points or score"
        dotted = ".".join(str(k) for k in (*at, key, lang))
        self.problems.append(Problem("WS308", f"in {self.text.id}.{dotted}: {message}", hint, where))
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
