"""The compact JSON form of a result: what the window changed, without what the standard already holds.

A full result (``Result.model_dump_json()``) repeats, for every criterion, its title, advice, provenance,
clause and effort, and its explanation in two languages — the same text in every result of a standard.
The compact form keeps only the stamp, the totals, each category's score and each criterion's status,
points and facts (the values the explanation is rendered from). :func:`full_form` restores the rest from
the standard the stamp names, re-rendering each explanation from the facts, so reading a compact result
back gives a result equal to the original.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from .._check import CheckedCriterion
from .._errors import WindowStandardError
from .._expr import nodes as n
from .._expr.types import Type
from .._rectify import rectification_items
from .._result import CriterionResult, LevelThreshold, Result, StandardStamp
from .assemble import Assembler
from .explain import explain

__all__ = ["FORM", "compact_form", "full_form", "own_stamp"]

_LOST = ("fail", "partial", "no_data")

#: The value of the ``form`` key that marks a compact result.
FORM = "window-standard/compact-result@1"


def compact_form(result: Result) -> dict[str, Any]:
    """The compact form of a result, as JSON-native values.

    ``explained`` says whether the result was evaluated with explanations (then every criterion's facts
    are kept, and its explanation is rendered again when it is read back).
    """
    criteria: dict[str, dict[str, Any]] = {}
    explained = False
    for cid, criterion in result.criteria.items():
        entry: dict[str, Any] = {"status": criterion.status}
        if criterion.points is not None:
            entry["points"] = str(criterion.points)
        if criterion.facts:
            entry["facts"] = criterion.facts
        explained = explained or criterion.explanation is not None
        criteria[cid] = entry
    return {
        "form": FORM,
        "standard": result.standard.model_dump(),
        "window_id": result.window_id,
        "evaluated_on": result.evaluated_on.isoformat(),
        "explained": explained,
        "level": result.level,
        "score": str(result.score),
        "raw_score": str(result.raw_score),
        "raw_max": str(result.raw_max),
        "bonus": str(result.bonus),
        "vetoes": list(result.vetoes),
        "prerequisites": list(result.prerequisites),
        "parameters_digest": result.parameters_digest,
        "warnings": [warning.model_dump(mode="json") for warning in result.warnings],
        "categories": {k: [str(c.score), str(c.max_score)] for k, c in result.categories.items()},
        "criteria": criteria,
    }


def full_form(assembler: Assembler, data: Mapping[str, Any], levels: tuple[LevelThreshold, ...]) -> Result:
    """The full result from a compact one made by this standard (its assembler).

    The caller has checked that the stamp is this standard's, and gives the levels with the thresholds
    in force on the result's ``evaluated_on``.

    Raises:
        WindowStandardError: When the compact result lacks a criterion.
    """
    criteria = {
        rule.spec.id: _criterion(assembler, position, rule, data, bool(data.get("explained")))
        for position, rule in enumerate(assembler.rules)
    }
    blank = assembler.blank.model_dump(mode="json", exclude={"criteria", "categories", "rectification_list"})
    level = next(title for level_id, title in assembler.levels if level_id == data["level"])
    categories = {
        blank_category.id: {
            **blank_category.model_dump(mode="json"),
            "score": data["categories"][blank_category.id][0],
            "max_score": data["categories"][blank_category.id][1],
        }
        for blank_category in assembler.blank_categories
    }
    copied = ("window_id", "evaluated_on", "level", "score", "raw_score", "raw_max", "bonus")
    models = {cid: CriterionResult.model_validate(c) for cid, c in criteria.items()}
    lost = [cid for cid, c in models.items() if c.kind == "scored" and c.status in _LOST]
    totals = (
        assembler.plan.total,
        Decimal(data["raw_score"]),
        Decimal(data["raw_max"]),
        Decimal(data["bonus"]),
    )
    fixes = rectification_items(models, data["prerequisites"], data["vetoes"], lost, totals)
    return Result.model_validate(
        {
            **blank,
            **{key: data[key] for key in copied},
            "level_title": level.model_dump(),
            "passed": data["level"] == assembler.levels[0][0],
            "vetoes": data["vetoes"],
            "prerequisites": data["prerequisites"],
            "parameters_digest": data["parameters_digest"],
            "warnings": data.get("warnings", []),
            "categories": categories,
            "criteria": criteria,
            "rectification_list": [fix.model_dump(mode="json") for fix in fixes],
            "levels": [level.model_dump(mode="json") for level in levels],
        }
    )


def _criterion(
    assembler: Assembler, position: int, rule: CheckedCriterion, data: Mapping[str, Any], explained: bool
) -> dict[str, Any]:
    cid = rule.spec.id
    entry = data["criteria"].get(cid)
    if not isinstance(entry, Mapping):
        raise WindowStandardError(f"the compact result has no entry for criterion {cid}")
    facts = dict(entry.get("facts", {}))
    points = entry.get("points")
    criterion = assembler.blanks[position].model_dump(mode="json")
    criterion.update(status=entry["status"], points=points, facts=facts, explanation=None)
    if explained:
        named = {
            name: _typed(facts.get(name), kind)
            for name, kind in zip(rule.fact_names, _types(rule), strict=True)
        }
        number = None if points is None else Decimal(points)
        criterion["explanation"] = explain(rule, entry["status"], number, named)
    return criterion


def _types(rule: CheckedCriterion) -> Sequence[Type]:
    nodes: list[n.Node] = [node for _, node in rule.lets] + [node for _, node in rule.facts]
    return [node.type for node in nodes]


def _typed(value: Any, kind: Type) -> Any:
    """A JSON-native fact back as the value the rule read (decimals, dates, enum members)."""
    if value is None:
        return None
    if kind.kind == "list" and isinstance(value, list):
        item = kind.item
        return [_typed(v, item) if item is not None else v for v in value]
    if kind.kind == "number" and isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation:
            return value
    if kind.kind == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    if kind.kind == "enum" and kind.enum is not None and isinstance(value, str):
        return kind.enum(value)
    return value


def own_stamp(mine: StandardStamp, stamp: Any) -> None:
    """Refuse a result whose stamp is not this standard's.

    Raises:
        WindowStandardError: Naming both standards.
    """
    if stamp == mine.model_dump():
        return
    named = (
        f"{stamp.get('id')} {stamp.get('version')} ({str(stamp.get('digest'))[:12]})"
        if isinstance(stamp, Mapping)
        else "an unknown standard"
    )
    raise WindowStandardError(
        f"the result was made by {named}, not by {mine.id} {mine.version} ({mine.digest[:12]}): "
        "use the standard its stamp names"
    )
