"""Lint checks of a rule set as a whole: ids, unused parameters and constants, quotes, level thresholds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from .._build import RuleSet, resolve_parameters
from .._expr import nodes as n
from .analyse import abstract_constant
from .domain import Abstract, join
from .findings import Finding, make
from .source import Locator, normalise_text, source_texts

__all__ = ["lint_rule_set_wide", "param_abstracts"]


def param_abstracts(rules: RuleSet) -> dict[str, Abstract]:
    """The abstract value of each parameter: the hull of all its (dated) values."""
    found: dict[str, Abstract] = {}
    for name, value in rules.spec.parameters.items():
        values: Iterable[Any] = value.values() if isinstance(value, dict) else [value]
        merged: Abstract = None
        for index, item in enumerate(values):
            single = abstract_constant(frozenset(item) if isinstance(item, list) else item)
            merged = single if index == 0 else join(merged, single)
        found[name] = merged
    return found


def _id_prefixes(rules: RuleSet, locator: Locator) -> list[Finding]:
    found: list[Finding] = []
    for rule in rules.criteria:
        spec = rule.spec
        if spec.kind == "scored" and spec.category is not None and spec.id.split("-", 1)[0] != spec.category:
            found.append(
                make(
                    "WL102",
                    f"criterion id '{spec.id}' does not start with its category '{spec.category}'",
                    f"name it {spec.category}-<n>, so that ids say where criteria count",
                    locator.criterion(rule, ("id",)),
                )
            )
    return found


def _used_parameters(rules: RuleSet) -> set[str]:
    used: set[str] = set()
    for rule in rules.criteria:
        for tree in rule.trees.values():
            for node in n.walk(tree):
                if isinstance(node, n.Param):
                    used.add(node.name)
                elif isinstance(node, n.Call) and node.func == "in_period":
                    used.update(("period_start", "period_end"))
        for template in rule.templates.values():
            used.update(name.split(".", 1)[1] for name in template.names if name.startswith("params."))
    used.update(level.min_score for level in rules.spec.levels if isinstance(level.min_score, str))
    return used


def _unused(rules: RuleSet, locator: Locator) -> list[Finding]:
    found: list[Finding] = []
    used = _used_parameters(rules)
    for name in rules.spec.parameters:
        if name not in used:
            found.append(
                make(
                    "WL241",
                    f"parameter '{name}' is declared but never used",
                    "remove it, or use it as params." + name,
                    locator.standard(("parameters", name), key=True),
                )
            )
    texts = [
        text
        for rule in rules.criteria
        for text in (*rule.spec.let.values(), rule.spec.applies_when, rule.spec.condition, rule.spec.score)
        if text
    ]
    for name in rules.spec.constants:
        word = re.compile(rf"\b{re.escape(name)}\b")
        if not any(word.search(text) for text in texts):
            found.append(
                make(
                    "WL242",
                    f"constant '{name}' is declared but never used",
                    "remove it, or use it in an expression",
                    locator.standard(("constants", name), key=True),
                )
            )
    return found


def _quotes(rules: RuleSet, locator: Locator, folder: Path) -> list[Finding]:
    notice = [r for r in rules.criteria if r.spec.provenance == "notice" and r.spec.source.quote]
    folders = [folder, *{Path(r.location.file).parent.parent for r in notice if r.location is not None}]
    texts = source_texts(list(dict.fromkeys(folders)))
    if not notice:
        return []
    if not texts:
        return [
            make(
                "WL252",
                f"{len(notice)} {'criterion quotes' if len(notice) == 1 else 'criteria quote'} the notice, "
                "but there is no sources/*.txt to check the quotes against",
                "put the notice's text in sources/<name>.txt",
                locator.standard(("provenance",)),
            )
        ]
    found: list[Finding] = []
    names = ", ".join(Path(p).name for p in texts)
    for rule in notice:
        quote = rule.spec.source.quote or ""
        if not any(normalise_text(quote) in text for text in texts.values()):
            found.append(
                make(
                    "WL251",
                    f"{rule.spec.id}: the quote “{quote}” is not in the notice text ({names})",
                    "quote the notice verbatim (punctuation and spacing may differ) or mark it reconstructed",
                    locator.criterion(rule, ("source", "quote")),
                )
            )
    return found


def _threshold_dates(rules: RuleSet) -> list[date]:
    start = rules.spec.effective.from_
    days = {start}
    for value in rules.spec.parameters.values():
        if isinstance(value, dict):
            days.update(day for day in value if day > start)
    return sorted(days)


def _levels(rules: RuleSet, locator: Locator) -> list[Finding]:
    found: dict[tuple[str, int], Finding] = {}
    levels = rules.spec.levels[:-1]
    for day in _threshold_dates(rules):
        params = resolve_parameters(rules.spec, day)
        bounds: list[Decimal | None] = []
        for level in levels:
            raw = params.get(level.min_score) if isinstance(level.min_score, str) else level.min_score
            number = isinstance(raw, (int, Decimal)) and not isinstance(raw, bool)
            bounds.append(Decimal(raw) if number and raw is not None else None)
        for index, (level, bound) in enumerate(zip(levels, bounds, strict=True)):
            where = locator.standard(("levels", index, "min_score"))
            if bound is not None and bound > rules.spec.total and ("WL262", index) not in found:
                found["WL262", index] = make(
                    "WL262",
                    f"level '{level.id}' needs {bound} points, more than the total {rules.spec.total}",
                    "no window can reach it: lower the threshold",
                    where,
                )
            if index == 0 or bound is None or bounds[index - 1] is None:
                continue
            above = bounds[index - 1]
            if above is not None and above < bound and ("WL261", index) not in found:
                found["WL261", index] = make(
                    "WL261",
                    f"level '{level.id}' needs {bound} points, more than the better level "
                    f"'{levels[index - 1].id}' ({above}) on {day}",
                    "list levels best first, with thresholds from high to low",
                    where,
                )
    return list(found.values())


def lint_rule_set_wide(rules: RuleSet, locator: Locator, folder: Path) -> list[Finding]:
    """The rule-set-wide checks (WL102, WL241, WL242, WL251, WL252, WL261, WL262)."""
    return [
        *_id_prefixes(rules, locator),
        *_unused(rules, locator),
        *_quotes(rules, locator, folder),
        *_levels(rules, locator),
    ]
