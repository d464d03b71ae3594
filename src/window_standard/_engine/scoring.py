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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

from .._check import CheckedCriterion
from .._numbers import DECIMAL_CONTEXT, ZERO_POINTS, quantize_points
from .._result import Status
from .._spec import StandardSpec
from . import RawOutcome

__all__ = ["Scored", "ScoringPlan", "from_cents", "level_of", "score", "totalled"]

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

    @cached_property
    def scorer(self) -> Callable[[Sequence[Any], Sequence[Any], Mapping[str, Any]], Scored]:
        """The compiled scoring of this plan: ``scorer(applies, values, params) -> Scored``."""
        return _scorer(self)

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
        category_cents: Raw points per category over its applicable criteria, in hundredths.
        category_max_cents: Maximum points per category over its applicable criteria, in hundredths.
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
    category_cents: tuple[int, ...]
    category_max_cents: tuple[int, ...]
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
    return plan.scorer(raw.applies, raw.values, params)


_NOT_APPLICABLE = "    if a is False:\n        s{i} = 'not_applicable'"


def _row_lines(i: int, row: tuple[str, int, Decimal, bool, int], top: str) -> list[str]:
    """The scoring of one criterion, straight-line: its status ``s{i}``, its points ``e{i}``, the sums."""
    cid, kind, points, by_expression, position = row
    cents = int(points.scaleb(2))
    head = [f"    a = A[{i}]", f"    v = V[{i}]"]
    if kind == _GATE:
        return [
            *head,
            _NOT_APPLICABLE.format(i=i),
            f"    elif v is None:\n        s{i} = 'no_data'\n        gates.append({cid!r})",
            f"    elif v:\n        s{i} = 'pass'",
            f"    else:\n        s{i} = 'fail'\n        gates.append({cid!r})",
        ]
    if kind == _VETO:
        return [
            *head,
            _NOT_APPLICABLE.format(i=i),
            f"    elif v is None:\n        s{i} = 'no_data'",
            f"    elif v:\n        s{i} = 'fail'\n        vetoes.append({cid!r})",
            f"    else:\n        s{i} = 'pass'",
        ]
    scored = kind == _SCORED
    earn = f"c{position} += {{}}" if scored else "bonus += {}"
    miss = f"\n        lost.append({cid!r})" if scored else ""
    lines = [
        *head,
        _NOT_APPLICABLE.format(i=i)
        + f"\n        e{i} = None"
        + (f"\n        m{position} -= {cents}" if scored else ""),
        f"    elif v is None:\n        s{i} = 'no_data'\n        e{i} = _Z{miss}",
    ]
    if not by_expression:
        return [
            *lines,
            f"    elif v:\n        s{i} = 'pass'\n        e{i} = {top}\n        {earn.format(cents)}",
            f"    else:\n        s{i} = 'fail'\n        e{i} = _Z{miss}",
        ]
    return [
        *lines,
        "    else:\n        q = _q(v)",
        f"        if q >= {top}:\n            s{i} = 'pass'\n            e{i} = {top}"
        f"\n            {earn.format(cents)}",
        f"        elif q <= 0:\n            s{i} = 'fail'\n            e{i} = _Z"
        + miss.replace("\n", "\n    "),
        f"        else:\n            s{i} = 'partial'\n            e{i} = q\n            "
        + earn.format("_cents(q)")
        + miss.replace("\n", "\n    "),
    ]


def _scorer(plan: ScoringPlan) -> Callable[[Sequence[Any], Sequence[Any], Mapping[str, Any]], Scored]:
    """Generate and compile the scoring of one rule set: one straight-line function, sums in cents.

    Every point value is a multiple of 0.01, so category sums are kept as integer hundredths and turned
    into two-place decimals once; the arithmetic is exact and the results equal summing the decimals.
    """
    scope: dict[str, Any] = {
        "_Z": ZERO_POINTS,
        "_q": quantize_points,
        "_cents": lambda q: int(q.scaleb(2, DECIMAL_CONTEXT)),
        "_d": from_cents,
        "_Scored": Scored,
        "_totalled": totalled,
        "_level_of": level_of,
        "_bool": bool,
        "_TOTAL": plan.total,
        "_LEVELS": plan.levels,
        "__builtins__": {},
    }
    full = [0] * len(plan.categories)
    for _, kind, points, _, position in plan.rows:
        if kind == _SCORED:
            full[position] += int(points.scaleb(2))
    lines = ["def score(A, V, P):", "    gates = []", "    vetoes = []", "    lost = []", "    bonus = 0"]
    lines += [f"    c{k} = 0\n    m{k} = {cents}" for k, cents in enumerate(full)]
    for i, row in enumerate(plan.rows):
        top = f"_T{i}"
        scope[top] = row[2]
        lines += _row_lines(i, row, top)
    earned = "".join(
        f"e{i}, " if kind in (_SCORED, _BONUS) else "None, " for i, (_, kind, *_) in enumerate(plan.rows)
    )
    statuses = "".join(f"s{i}, " for i in range(len(plan.rows)))
    cats = range(len(plan.categories))
    lines += [
        f"    raw = _d({' + '.join(f'c{k}' for k in cats) or '0'})",
        f"    raw_max = _d({' + '.join(f'm{k}' for k in cats) or '0'})",
        "    bonus = _d(bonus)",
        "    total = _totalled(_TOTAL, raw, raw_max, bonus)",
        "    level = _level_of(_LEVELS, total, P, blocked=_bool(gates or vetoes))",
        f"    return _Scored(({statuses}), ({earned}), ({''.join(f'c{k}, ' for k in cats)}),"
        f" ({''.join(f'm{k}, ' for k in cats)}), raw, raw_max, bonus, total, level,"
        " (*gates,), (*vetoes,), (*lost,))",
    ]
    exec(compile("\n".join(lines) + "\n", "<window-standard scoring>", "exec"), scope)
    scorer: Callable[[Sequence[Any], Sequence[Any], Mapping[str, Any]], Scored] = scope["score"]
    return scorer


def from_cents(cents: int) -> Decimal:
    """Hundredths of a point as a two-place decimal (``250`` → ``2.50``)."""
    return Decimal(cents).scaleb(-2, DECIMAL_CONTEXT)  # also used after evaluation: the library's context


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
