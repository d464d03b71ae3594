"""Consistency checks of a rule set's results: plain functions, usable from pytest and from ``check``.

Each check takes evaluation results (and, where needed, the standard and the window) and raises
:class:`ConsistencyError` with a one-line message naming what is wrong; it returns None when all is well.
They hold for every well-formed rule set, whatever its criteria say::

    result = standard.evaluate(window)
    check_score_bounds(result)
    check_monotonicity(standard, result, standard.evaluate(better_window))
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING

from .._model import Window
from .._numbers import DECIMAL_CONTEXT, ZERO_POINTS, quantize_points
from .._result import CriterionResult, Result

if TYPE_CHECKING:
    from .._standard import Standard

__all__ = [
    "ConsistencyError",
    "StatusTally",
    "check_category_sums",
    "check_determinism",
    "check_json_round_trip",
    "check_monotonicity",
    "check_normalisation",
    "check_prerequisite_gating",
    "check_score_bounds",
    "check_veto_dominance",
]


class ConsistencyError(AssertionError):
    """A consistency check failed; the message says which criterion and which values."""


def _points(criterion: CriterionResult) -> Decimal:
    return criterion.points if criterion.points is not None else ZERO_POINTS


def _scored(result: Result) -> list[CriterionResult]:
    return [c for c in result.criteria.values() if c.kind in ("scored", "bonus")]


def check_score_bounds(result: Result) -> None:
    """Points lie in ``[0, max]`` and agree with the status; the total lies in ``[0, max_score]``."""
    for c in _scored(result):
        if c.status == "not_applicable":
            if c.points is not None:
                raise ConsistencyError(f"{c.id} does not apply but has {c.points} points")
            continue
        if c.points is None or c.max_points is None or not ZERO_POINTS <= c.points <= c.max_points:
            raise ConsistencyError(f"{c.id} has {c.points} points, outside [0, {c.max_points}]")
        expected = "pass" if c.points == c.max_points else "fail" if c.points == 0 else "partial"
        if c.status != expected and not (c.status == "no_data" and c.points == 0):
            raise ConsistencyError(f"{c.id} has {c.points} of {c.max_points} points but status {c.status}")
    for c in result.criteria.values():
        if c.kind in ("prerequisite", "veto") and c.points is not None:
            raise ConsistencyError(f"{c.id} is a {c.kind} but has {c.points} points")
    for cat in result.categories.values():
        if not ZERO_POINTS <= cat.score <= cat.max_score:
            raise ConsistencyError(f"category {cat.id} scores {cat.score}, outside [0, {cat.max_score}]")
    if not ZERO_POINTS <= result.score <= result.max_score:
        raise ConsistencyError(f"total {result.score} is outside [0, {result.max_score}]")


def check_category_sums(standard: Standard, result: Result) -> None:
    """Every category is the sum of its applicable criteria; raw points and the bonus add up."""
    ids = [c.id for c in standard.spec.categories]
    if list(result.categories) != ids:
        raise ConsistencyError(f"categories {list(result.categories)} are not those of the rule set {ids}")
    for cat in result.categories.values():
        members = [result.criteria[cid] for cid in cat.criteria]
        applicable = [m for m in members if m.status != "not_applicable"]
        score = sum((_points(m) for m in applicable), ZERO_POINTS)
        top = sum((m.max_points or ZERO_POINTS for m in applicable), ZERO_POINTS)
        if (cat.score, cat.max_score) != (score, top):
            raise ConsistencyError(
                f"category {cat.id} is {cat.score}/{cat.max_score}, its criteria add up to {score}/{top}"
            )
    scored = [c for c in result.criteria.values() if c.kind == "scored"]
    if sorted(c.id for c in scored) != sorted(
        cid for cat in result.categories.values() for cid in cat.criteria
    ):
        raise ConsistencyError("the categories do not list exactly the scored criteria")
    raw = sum((cat.score for cat in result.categories.values()), ZERO_POINTS)
    raw_max = sum((cat.max_score for cat in result.categories.values()), ZERO_POINTS)
    if (result.raw_score, result.raw_max) != (raw, raw_max):
        raise ConsistencyError(
            f"raw score {result.raw_score}/{result.raw_max}, categories add up to {raw}/{raw_max}"
        )
    bonus = sum((_points(c) for c in result.criteria.values() if c.kind == "bonus"), ZERO_POINTS)
    if result.bonus != bonus:
        raise ConsistencyError(f"bonus {result.bonus}, bonus criteria add up to {bonus}")


def check_normalisation(result: Result) -> None:
    """The total is ``min(max_score, round(raw / raw_max × max_score) + bonus)``.

    When no scored criterion applies (``raw_max`` is 0) the total is the bonus alone, capped.
    """
    normalised = ZERO_POINTS
    if result.raw_max:
        with localcontext(DECIMAL_CONTEXT):  # as the engine computes it, whatever the caller's context
            normalised = quantize_points(result.raw_score / result.raw_max * result.max_score)
    expected = min(result.max_score, normalised + result.bonus)
    if result.score != expected:
        raise ConsistencyError(
            f"total {result.score}, expected {expected} = min({result.max_score}, "
            f"{result.raw_score}/{result.raw_max} × {result.max_score} + bonus {result.bonus})"
        )


def _fallback(standard: Standard) -> str:
    return standard.spec.levels[-1].id


def check_veto_dominance(standard: Standard, result: Result) -> None:
    """The vetoes listed are exactly those that block, and any of them makes the level the last one.

    A veto blocks when it fired, or when it has no data and the rule set says ``veto_without_data: blocks``.
    """
    blocking = ("fail", "no_data") if standard.spec.veto_without_data == "blocks" else ("fail",)
    fired = [c.id for c in result.criteria.values() if c.kind == "veto" and c.status in blocking]
    if result.vetoes != fired:
        raise ConsistencyError(f"vetoes listed {result.vetoes}, vetoes fired {fired}")
    if fired and (result.level != _fallback(standard) or result.passed):
        raise ConsistencyError(f"veto {fired[0]} fired but the level is {result.level}")


def check_prerequisite_gating(standard: Standard, result: Result) -> None:
    """Failed prerequisites force the last level; otherwise the level is the first whose threshold is met."""
    failed = [c.id for c in result.criteria.values() if c.kind == "prerequisite" and c.status != "pass"]
    if result.prerequisites != failed:
        raise ConsistencyError(f"prerequisites listed {result.prerequisites}, not holding {failed}")
    expected = _fallback(standard)
    if not failed and not result.vetoes:
        params = standard.parameters_on(result.evaluated_on)
        for level in standard.spec.levels[:-1]:
            bound = level.min_score
            value = params.get(bound) if isinstance(bound, str) else bound
            if value is not None and result.score >= Decimal(str(value)):
                expected = level.id
                break
    if result.level != expected:
        why = f"prerequisite {failed[0]} does not hold" if failed else f"the score is {result.score}"
        raise ConsistencyError(f"level is {result.level}, expected {expected}: {why}")
    if result.passed != (result.level == standard.spec.levels[0].id):
        raise ConsistencyError(f"passed is {result.passed} at level {result.level}")


def check_determinism(standard: Standard, window: Window, result: Result) -> None:
    """Evaluating again, or from the window's JSON data, gives an equal result; the window is unchanged."""
    before = window.model_dump_json()
    again = standard.evaluate(window)
    from_data = standard.evaluate(window.model_dump(mode="json"))
    if again != result:
        raise ConsistencyError("evaluating the same window twice gave different results")
    if from_data != result:
        raise ConsistencyError("evaluating the window's JSON data gave another result than the window")
    if window.model_dump_json() != before:
        raise ConsistencyError("evaluation changed the window")
    quiet = standard.evaluate(window, explain=False)
    if (quiet.score, quiet.level) != (result.score, result.level):
        raise ConsistencyError(
            f"explain=False gave {quiet.score} {quiet.level}, not {result.score} {result.level}"
        )


def check_json_round_trip(window: Window, result: Result) -> None:
    """The result and the window survive a trip through JSON unchanged."""
    if Result.model_validate_json(result.model_dump_json()) != result:
        raise ConsistencyError("the result changed on a round trip through JSON")
    if Window.model_validate_json(window.model_dump_json()) != window:
        raise ConsistencyError("the window changed on a round trip through JSON")


def _level_rank(standard: Standard, level: str) -> int:
    return [lv.id for lv in standard.spec.levels].index(level)


def check_monotonicity(standard: Standard, before: Result, after: Result) -> None:
    """A better window (see ``testing.improvements``) never scores lower, per criterion or in total.

    Criteria are compared where they apply both times; no prerequisite that held may fail, no veto that
    did not fire may fire, and the level may not drop.
    """
    for cid, old in before.criteria.items():
        new = after.criteria.get(cid)
        if new is None:
            continue
        if old.kind in ("scored", "bonus") and "not_applicable" not in (old.status, new.status):
            if _points(new) < _points(old):
                raise ConsistencyError(f"{cid} dropped from {_points(old)} to {_points(new)} points")
        elif old.kind == "prerequisite" and old.status == "pass" and new.status != "pass":
            raise ConsistencyError(f"prerequisite {cid} held, then {new.status}")
        elif old.kind == "veto" and old.status != "fail" and new.status == "fail":
            raise ConsistencyError(f"veto {cid} did not fire, then fired")
    if after.score < before.score:
        raise ConsistencyError(f"total dropped from {before.score} to {after.score}")
    if _level_rank(standard, after.level) > _level_rank(standard, before.level):
        raise ConsistencyError(f"level dropped from {before.level} to {after.level}")


_OUTCOMES: dict[str, tuple[str, str]] = {
    "scored": ("reaching full points", "losing points"),
    "bonus": ("reaching full points", "losing points"),
    "prerequisite": ("holding", "failing"),
    "veto": ("firing", "not firing"),
}


@dataclass
class StatusTally:
    """Counts how often each criterion was seen with each of its two outcomes (the satisfiability check).

    The outcomes are: full points / fewer points for scored and bonus criteria, holding / failing for
    prerequisites, firing / not firing for vetoes. "No data" and "not applicable" count as neither: a
    criterion must be reachable both ways with actual data.
    """

    good: Counter[str] = field(default_factory=Counter)
    bad: Counter[str] = field(default_factory=Counter)
    kinds: dict[str, str] = field(default_factory=dict)
    windows: int = 0

    def record(self, result: Result) -> None:
        """Count the outcomes of one result."""
        self.windows += 1
        for c in result.criteria.values():
            self.kinds[c.id] = c.kind
            if c.kind == "veto":
                first, second = c.status == "fail", c.status == "pass"
            else:
                first, second = c.status == "pass", c.status in ("fail", "partial")
            self.good[c.id] += first
            self.bad[c.id] += second

    def problems(self, ids: list[str] | tuple[str, ...], always_hold: Collection[str] = ()) -> list[str]:
        """One line per criterion never seen with one of its outcomes, in the order of ``ids``.

        Args:
            ids: The criteria to report on.
            always_hold: Prerequisites declared ``always_holds`` (guaranteed by the input model): they are
                not expected to fail, only to hold.
        """
        lines: list[str] = []
        for cid in ids:
            words = _OUTCOMES.get(self.kinds.get(cid, "scored"), _OUTCOMES["scored"])
            never = [
                word
                for word, seen in zip(words, (self.good[cid], self.bad[cid]), strict=True)
                if not seen and not (cid in always_hold and word == "failing")
            ]
            if never:
                lines.append(f"{cid} was never seen {' or '.join(never)} in {self.windows} windows")
        return lines
