"""What-if variants of a standard: parameters overridden, validated as the rule files' values are."""

from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from ._build import out_of_bounds, param_types
from ._errors import Problem, RuleDefinitionError
from ._spec import StandardSpec

__all__ = ["overridden_spec"]


def overridden_spec(spec: StandardSpec, overrides: Mapping[str, Any]) -> StandardSpec:
    """The spec of a variant with some parameters changed (see ``Standard.with_parameters``).

    Raises:
        RuleDefinitionError: WS207 for an unknown parameter, a value of another type or out of bounds.
    """
    merged = dict(spec.parameters)
    problems: list[Problem] = []
    for name, value in overrides.items():
        problem = _override_problem(name, value, merged)
        if problem is not None:
            problems.append(problem)
        else:
            merged[name] = value
    if problems:
        raise RuleDefinitionError(problems)
    try:
        variant = StandardSpec.model_validate({**spec.model_dump(by_alias=True), "parameters": merged})
    except ValidationError:
        names = ", ".join(sorted(overrides))
        raise RuleDefinitionError(
            [Problem("WS207", f"parameters {names}: a value is not a number, date, text or list", "")]
        ) from None
    variant = variant.model_copy(update={"criteria": spec.criteria})
    old, new = param_types(spec, None, problems), param_types(variant, None, problems)
    for name in overrides:
        if name in new and new[name].with_nullable(False) != old[name].with_nullable(False):
            problems.append(
                Problem(
                    "WS207",
                    f"parameter '{name}' must stay a {old[name].with_nullable(False).describe()}, "
                    f"got {new[name].with_nullable(False).describe()}",
                    "",
                )
            )
    if problems:
        raise RuleDefinitionError(problems)
    return variant


def _override_problem(name: str, value: Any, merged: Mapping[str, Any]) -> Problem | None:
    """Why one ``with_parameters`` override cannot be used, or None."""
    if name not in merged:
        return Problem("WS207", f"unknown parameter '{name}'", f"known: {', '.join(sorted(merged))}")
    if isinstance(value, dict) and not isinstance(merged[name], dict):
        return Problem("WS207", f"parameter '{name}' is not dated; give one value", "")
    values = list(value.values()) if isinstance(value, dict) else [value]
    for item in values:
        if item is None or (isinstance(item, float) and not math.isfinite(item)):
            what = "no value (None)" if item is None else f"{item!r}"
            return Problem(
                "WS207",
                f"parameter '{name}' cannot be {what}",
                "give a finite number, a date, text or a list",
            )
    exact = [Decimal(repr(v)) if isinstance(v, float) else v for v in values]  # as pydantic reads a float
    bad = out_of_bounds("parameter", name, exact, None)
    return bad[0] if bad else None
