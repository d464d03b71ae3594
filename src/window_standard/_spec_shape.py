"""The shape rules of a criterion that its field types cannot say (which keys go with which kind)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._spec import CriterionSpec

__all__ = ["shape_problems"]


def shape_problems(spec: CriterionSpec) -> list[str]:
    """What is wrong with the combination of keys of a criterion (empty when nothing)."""
    problems: list[str] = []
    points_kind = spec.kind in ("scored", "bonus")
    if points_kind and spec.points is None:
        problems.append(f"a {spec.kind} criterion needs 'points'")
    if not points_kind and (spec.points is not None or spec.score is not None):
        problems.append(f"a {spec.kind} has no 'points' or 'score'; use 'condition'")
    given = [key for key in ("condition", "score", "parts") if getattr(spec, key) is not None]
    if points_kind and len(given) != 1:
        problems.append("give exactly one of 'condition' (all or nothing), 'score' and 'parts'")
    if not points_kind and spec.parts is not None:
        problems.append(f"a {spec.kind} has no 'parts'; use 'condition'")
    problems.extend(_parts_problems(spec))
    if spec.requires is not None and "requires" in spec.let:
        problems.append("a criterion with 'requires' has no 'let' named requires")
    if not points_kind and spec.condition is None:
        problems.append(f"a {spec.kind} needs a 'condition'")
    if (spec.kind == "scored") != (spec.category is not None):
        problems.append("'category' is required for scored criteria and not allowed otherwise")
    if spec.always_holds is not None and spec.kind != "prerequisite":
        problems.append("'always_holds' is only for prerequisites")
    if spec.provenance == "notice" and not (spec.source.clause and spec.source.quote):
        problems.append("provenance 'notice' needs source.clause and source.quote")
    if spec.provenance == "reconstructed" and not spec.source.basis:
        problems.append("provenance 'reconstructed' needs source.basis")
    return problems


def _parts_problems(spec: CriterionSpec) -> list[str]:
    if spec.parts is None or spec.points is None:
        return []
    problems: list[str] = []
    ids = [part.id for part in spec.parts]
    if len(set(ids)) != len(ids):
        problems.append("part ids must be unique within the criterion")
    if "requires" in ids:
        problems.append("'requires' is not a part id (it names the criterion's requirement)")
    if set(ids) & set(spec.let):
        problems.append("a part id must not repeat a 'let' name")
    if sum(part.points for part in spec.parts) != spec.points:
        problems.append("the points of the parts must add up to the criterion's 'points'")
    return problems
