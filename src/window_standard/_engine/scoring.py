"""Engine-neutral scoring: statuses and points per criterion, category sums, the total and the level.

Every engine hands a :class:`~window_standard._engine.RawOutcome` to :func:`score`; the arithmetic is the
standard's and the same for all of them:

* a criterion that does not apply is ``not_applicable`` and leaves the maximum;
* a gate passes when its condition holds, a veto fires (``fail``) when its condition holds, either is
  ``no_data`` when the condition cannot be decided;
* a scored or bonus criterion earns its score clamped to ``[0, points]`` and rounded half-up to two places
  (``no_data``: 0 points); a test earns all or nothing;
* the total is the raw sum over applicable criteria normalised to the standard's total, plus the bonus,
  capped at the total; a failed (or undecided) gate or a fired veto gives the last level.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .._check import CheckedCriterion
from .._numbers import DECIMAL_CONTEXT, ZERO_POINTS, quantize_points
from .._result import Status
from .._spec import StandardSpec
from . import RawOutcome

__all__ = ["Scored", "ScoringPlan", "level_of", "score", "totalled"]

_SCORED, _BONUS, _GATE, _VETO = 0, 1, 2, 3
_KIND_CODES = {"scored": _SCORED, "bonus": _BONUS, "prerequisite": _GATE, "veto": _VETO}


@dataclass(frozen=True)
class ScoringPlan:
    """What scoring needs to know about a rule set, computed once per standard.

    Attributes:
        rows: Per criterion, in rule-set order: ``(id, kind code, maximum points or 0, scored by an
            expression rather than a test, category position or -1)``.
        categories: Category ids in order.
        total: The standard's total.
        levels: ``(level id, threshold)`` in order; a threshold names a parameter or is a number; the last
            level is the fallback.
    """

    rows: tuple[tuple[str, int, Decimal, bool, int], ...]
    categories: tuple[str, ...]
    total: Decimal
    levels: tuple[tuple[str, Decimal | str | None], ...]

    @classmethod
    def of(cls, spec: StandardSpec, rules: Sequence[CheckedCriterion]) -> ScoringPlan:
        """The plan of a rule set."""
        categories = tuple(c.id for c in spec.categories)
        position = {cid: i for i, cid in enumerate(categories)}
        rows = tuple(
            (
                r.spec.id,
                _KIND_CODES[r.spec.kind],
                r.spec.points or ZERO_POINTS,
                r.scored,
                position[r.spec.category] if r.spec.kind == "scored" and r.spec.category else -1,
            )
            for r in rules
        )
        return cls(rows, categories, spec.total, tuple((lv.id, lv.min_score) for lv in spec.levels))


@dataclass(frozen=True, slots=True)
class Scored:
    """The scored outcome of one window.

    Attributes:
        statuses: Each criterion's status, in rule-set order.
        points: Each criterion's points (None for gates, vetoes and criteria that do not apply).
        category_scores: Raw points per category over its applicable criteria.
        category_max: Maximum points per category over its applicable criteria.
        raw: Raw points of the applicable scored criteria.
        raw_max: Their maximum.
        bonus: Bonus points earned.
        total: The normalised total with bonus, capped, two places.
        level: The position of the level in the standard's levels.
        gates: Prerequisites that failed or had no data.
        vetoes: Vetoes that fired.
        lost: Applicable scored criteria that lost points.
    """

    statuses: tuple[Status, ...]
    points: tuple[Decimal | None, ...]
    category_scores: tuple[Decimal, ...]
    category_max: tuple[Decimal, ...]
    raw: Decimal
    raw_max: Decimal
    bonus: Decimal
    total: Decimal
    level: int
    gates: tuple[str, ...]
    vetoes: tuple[str, ...]
    lost: tuple[str, ...]


def score(plan: ScoringPlan, raw: RawOutcome, params: Mapping[str, Any]) -> Scored:
    """Score one window's raw outcome with the parameters in force (thresholds may name parameters).

    Runs inside the library's decimal context (the caller, :class:`~window_standard.Standard`, sets it).
    """
    statuses: list[Status] = []
    earned: list[Decimal | None] = []
    cat_score = [ZERO_POINTS] * len(plan.categories)
    cat_max = [ZERO_POINTS] * len(plan.categories)
    bonus = ZERO_POINTS
    gates: list[str] = []
    vetoes: list[str] = []
    lost: list[str] = []
    status: Status
    for (cid, kind, top, by_expression, position), applies, value in zip(
        plan.rows, raw.applies, raw.values, strict=True
    ):
        if (
            applies is False
        ):  # applies_when holds for every kind: a gate or veto that does not apply is ignored
            statuses.append("not_applicable")
            earned.append(None)
            continue
        if kind in (_GATE, _VETO):
            status = (
                "no_data"
                if value is None
                else ("pass" if value else "fail")
                if kind == _GATE
                else ("fail" if value else "pass")
            )
            statuses.append(status)
            earned.append(None)
            if status != "pass" and kind == _GATE:
                gates.append(cid)
            elif status == "fail":
                vetoes.append(cid)
            continue
        points = _points(value, top, by_expression)
        statuses.append(
            "no_data" if value is None else "pass" if points == top else "fail" if not points else "partial"
        )
        earned.append(points)
        if kind == _SCORED:
            cat_score[position] += points
            cat_max[position] += top
            if points < top:
                lost.append(cid)
        else:
            bonus += points
    raw_score = sum(cat_score, ZERO_POINTS)
    raw_max = sum(cat_max, ZERO_POINTS)
    total = totalled(plan.total, raw_score, raw_max, bonus)
    level = level_of(plan.levels, total, params, blocked=bool(gates or vetoes))
    return Scored(
        tuple(statuses),
        tuple(earned),
        tuple(cat_score),
        tuple(cat_max),
        raw_score,
        raw_max,
        bonus,
        total,
        level,
        tuple(gates),
        tuple(vetoes),
        tuple(lost),
    )


def _points(value: Any, top: Decimal, by_expression: bool) -> Decimal:
    """Points of a scored or bonus criterion: a score clamped to [0, top], or all-or-nothing for a test."""
    if value is None:
        return ZERO_POINTS
    if not by_expression:
        return top if value else ZERO_POINTS
    return min(top, max(ZERO_POINTS, quantize_points(value)))


def totalled(total: Decimal, raw: Decimal, raw_max: Decimal, bonus: Decimal) -> Decimal:
    """The normalised total plus bonus, capped at ``total``, rounded half-up to two places."""
    normalised = (
        quantize_points(DECIMAL_CONTEXT.multiply(DECIMAL_CONTEXT.divide(raw, raw_max), total))
        if raw_max
        else ZERO_POINTS
    )
    return min(quantize_points(total), DECIMAL_CONTEXT.add(normalised, bonus))


def level_of(
    levels: Sequence[tuple[str, Decimal | str | None]],
    total: Decimal,
    params: Mapping[str, Any],
    *,
    blocked: bool,
) -> int:
    """The position of the level a total reaches (the last level when blocked by a gate or a veto)."""
    if not blocked:
        for position, (_, threshold) in enumerate(levels[:-1]):
            bound = params.get(threshold) if isinstance(threshold, str) else threshold
            if bound is not None and total >= bound:
                return position
    return len(levels) - 1
