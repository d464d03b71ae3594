"""Stage 3 (rule set): read an edition folder, validate it as a whole, and type-check every criterion.

Reading (and resolving variants) is :mod:`._edition`'s job; this module checks the rule set as a whole
(parameters, levels, ids, points) and type-checks every criterion into a
:class:`~window_standard._check.CheckedCriterion`. Every problem in every file is collected and raised as
one :class:`~window_standard._errors.RuleDefinitionError`. Nothing here generates code: engines do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ._check import CheckedCriterion, check_criterion
from ._edition import FindBase, Source, read_edition
from ._errors import Location, Problem, RuleDefinitionError
from ._expr.check import segment_of
from ._expr.types import Type, type_of_value
from ._load import LoadedYaml
from ._numbers import DECIMAL_CONTEXT, MAX_PLACES, literal_problem
from ._spec import StandardSpec

__all__ = ["RuleSet", "build_rule_set", "param_types", "resolve_parameters"]


@dataclass(frozen=True)
class RuleSet:
    """A validated, type-checked edition.

    Attributes:
        spec: The whole rule set (criteria included) as validated models.
        criteria: The checked criteria, in file order.
        folder: Where it was read from.
    """

    spec: StandardSpec
    criteria: tuple[CheckedCriterion, ...]
    folder: str


def build_rule_set(folder: Path, root: type[BaseModel], find_base: FindBase | None = None) -> RuleSet:
    """Load, validate and type-check the edition in ``folder``.

    Args:
        folder: The edition folder (holding ``standard.yaml``).
        root: The window model class expressions are checked against.
        find_base: Locates base editions named by ``extends`` (variants); default: none can be found.

    Raises:
        RuleDefinitionError: With every problem found, sorted by location.
    """
    problems: list[Problem] = []
    edition = read_edition(folder, find_base or _no_base, problems)
    if edition is None:
        raise RuleDefinitionError(problems)
    spec, loaded, sources = edition.spec, edition.head, edition.sources
    complete = not problems  # every criterion could be read: category sums are meaningful
    types = param_types(spec, loaded, problems)
    _check_levels(spec, loaded, types, problems)
    _check_ids_and_points(spec, loaded, sources, problems, complete=complete)
    constants = {name: (_constant_type(value), value) for name, value in spec.constants.items()}
    for name, value in spec.constants.items():
        problems += out_of_bounds("constant", name, [value], loaded.locate(("constants", name)))
    checked: list[CheckedCriterion] = []
    for file, path, criterion in sources:
        rule = check_criterion(
            criterion, file, path, root=root, params=types, constants=constants, problems=problems
        )
        if rule is not None:
            checked.append(rule)
    if problems:
        raise RuleDefinitionError(problems)
    return RuleSet(spec, tuple(checked), str(folder))


def _no_base(edition_id: str, version: str | None) -> Path | None:
    return None


def out_of_bounds(what: str, name: str, values: Iterable[Any], where: Location | None) -> list[Problem]:
    """WS207 for each number of a parameter or constant (or of its lists) that is out of bounds."""
    problems: list[Problem] = []
    for value in values:
        items = value if isinstance(value, (list, tuple, frozenset)) else [value]
        for item in items:
            if isinstance(item, (int, Decimal)) and not isinstance(item, bool):
                problem = literal_problem(item)
                if problem is not None:
                    problems.append(
                        Problem(
                            "WS207",
                            f"{what} '{name}': the number {segment_of(item)} {problem}",
                            f"numbers in rules stay within ±10^12 with at most {MAX_PLACES} decimal places",
                            where,
                        )
                    )
    return problems


def _constant_type(value: Any) -> Type:
    typ = type_of_value(value)
    return typ if typ is not None else Type("str")


def param_types(spec: StandardSpec, loaded: LoadedYaml | None, problems: list[Problem]) -> dict[str, Type]:
    """The type of each parameter; dated values must be in ascending date order and of one type.

    Args:
        spec: The rule set.
        loaded: ``standard.yaml`` as loaded (for locations), if available.
        problems: Where WS207 problems are appended.
    """
    types: dict[str, Type] = {}
    for name, value in spec.parameters.items():
        where = loaded.locate(("parameters", name)) if loaded else None
        values: Iterable[Any] = value.values() if isinstance(value, dict) else [value]
        if isinstance(value, dict):
            days = list(value)
            if not days:
                problems.append(
                    Problem("WS207", f"parameter '{name}' has no dated values", "give at least one", where)
                )
                continue
            if days != sorted(days):
                problems.append(
                    Problem(
                        "WS207",
                        f"dated values of parameter '{name}' are not in date order",
                        "list the dates from oldest to newest",
                        where,
                    )
                )
        values = list(values)
        bad = out_of_bounds("parameter", name, values, where)
        if bad:
            problems += bad
            continue
        kinds = {type_of_value(v) for v in values}
        if len(kinds) != 1 or None in kinds:
            problems.append(
                Problem(
                    "WS207",
                    f"parameter '{name}' mixes value types or has an unsupported value",
                    "give every dated value the same type",
                    where,
                )
            )
            continue
        (typ,) = kinds
        assert typ is not None
        # a dated value may not be in force yet on an early evaluation date: then it is "no data"
        types[name] = typ.with_nullable(isinstance(value, dict))
    for bound in ("period_start", "period_end"):
        if bound in types and (types[bound].kind != "date" or types[bound].nullable):
            problems.append(
                Problem(
                    "WS207",
                    f"parameter '{bound}' must be one date (not dated values)",
                    "write YYYY-MM-DD",
                    loaded.locate(("parameters", bound)) if loaded else None,
                )
            )
    return types


def _check_levels(
    spec: StandardSpec, loaded: LoadedYaml, types: dict[str, Type], problems: list[Problem]
) -> None:
    ids = [level.id for level in spec.levels]
    for index, level in enumerate(spec.levels):
        where = loaded.locate(("levels", index))
        last = index == len(spec.levels) - 1
        if ids.count(level.id) > 1 and ids.index(level.id) != index:
            problems.append(Problem("WS204", f"duplicate level id '{level.id}'", "rename one", where))
        if last and level.min_score is not None:
            problems.append(
                Problem(
                    "WS203",
                    f"the last level '{level.id}' is the fallback and has no min_score",
                    "remove min_score",
                    where,
                )
            )
        if not last and level.min_score is None:
            problems.append(
                Problem(
                    "WS202", f"level '{level.id}' needs a min_score", "give a number or a parameter", where
                )
            )
        if isinstance(level.min_score, str) and (
            level.min_score not in types or types[level.min_score].kind != "number"
        ):
            problems.append(
                Problem(
                    "WS207",
                    f"level '{level.id}' refers to '{level.min_score}', which is not a number parameter",
                    "declare it under parameters",
                    where,
                )
            )


def _check_ids_and_points(
    spec: StandardSpec,
    loaded: LoadedYaml,
    sources: list[Source],
    problems: list[Problem],
    *,
    complete: bool = True,
) -> None:
    """Duplicate ids, unknown categories and point sums (sums only when every criterion could be read)."""
    categories = {c.id: c for c in spec.categories}
    for index, category in enumerate(spec.categories):
        if [c.id for c in spec.categories[:index]].count(category.id):
            problems.append(
                Problem(
                    "WS204",
                    f"duplicate category id '{category.id}'",
                    "give each category its own id",
                    loaded.locate(("categories", index, "id")),
                )
            )
            complete = False
    seen: set[str] = set()
    sums: dict[str, Decimal] = dict.fromkeys(categories, Decimal(0))
    for file, path, criterion in sources:
        if criterion.id in seen:
            problems.append(
                Problem(
                    "WS204",
                    f"duplicate criterion id '{criterion.id}'",
                    "give each criterion its own id",
                    file.locate((*path, "id")),
                )
            )
        seen.add(criterion.id)
        if criterion.category is None:
            continue
        if criterion.category not in categories:
            problems.append(
                Problem(
                    "WS205",
                    f"{criterion.id} names unknown category '{criterion.category}'",
                    f"use one of {', '.join(categories)}",
                    file.locate((*path, "category")),
                )
            )
            complete = False  # its points belong to no category: the sums would only repeat this problem
        elif criterion.points is not None:
            sums[criterion.category] = DECIMAL_CONTEXT.add(sums[criterion.category], criterion.points)
    for index, category in enumerate(spec.categories):
        if complete and sums[category.id] != category.points:
            problems.append(
                Problem(
                    "WS206",
                    f"criteria of category {category.id} add up to {sums[category.id]} points, "
                    f"not {category.points}",
                    "make the criteria's points match the category",
                    loaded.locate(("categories", index, "points")),
                )
            )
    total = Decimal(0)
    for category in spec.categories:
        total = DECIMAL_CONTEXT.add(total, category.points)  # exact, whatever the caller's precision
    if total != spec.total:
        problems.append(
            Problem(
                "WS206",
                f"categories add up to {total} points, not the total {spec.total}",
                "fix the categories' points or the total",
                loaded.locate(("categories",)),
            )
        )


def resolve_parameters(spec: StandardSpec, on: date) -> dict[str, Any]:
    """The value of every parameter in force on a date (dated values: the latest start on or before it).

    A dated parameter with no value yet in force on that date is None (its rules see no data).
    """
    resolved: dict[str, Any] = {}
    for name, value in spec.parameters.items():
        if isinstance(value, dict):
            current = [v for start, v in value.items() if start <= on]
            resolved[name] = _freeze(current[-1]) if current else None
        else:
            resolved[name] = _freeze(value)
    return resolved


def _freeze(value: Any) -> Any:
    return frozenset(value) if isinstance(value, list) else value
