"""Engine-neutral scoring: category sums, the total and the level; statuses and points per criterion.

Every engine hands a :class:`~window_standard._engine.RawOutcome` to :func:`score`; the arithmetic is the
standard's and the same for all of them:

* a criterion that does not apply is ``not_applicable`` and leaves the maximum;
* a gate passes when its condition holds, a veto fires (``fail``) when its condition holds, either is
  ``no_data`` when the condition cannot be decided; an undecided veto blocks like a fired one when the
  rule set says ``veto_without_data: blocks`` (it is then in the result's ``vetoes``);
* a scored or bonus criterion earns its score clamped to ``[0, points]`` and rounded half-up to two places
  (``no_data``: 0 points); a test earns all or nothing;
* the total is the raw sum over applicable criteria normalised to the standard's total, plus the bonus,
  capped at the total; a failed (or undecided) gate or a fired veto gives the last level.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property, lru_cache
from typing import Any

from .._check import CheckedCriterion
from .._numbers import DECIMAL_CONTEXT, ZERO_POINTS, quantize_points
from .._result import Status
from .._spec import StandardSpec
from .outcome import RawOutcome, Scored

__all__ = [
    "Scored",
    "ScoringPlan",
    "from_cents",
    "level_of",
    "lost_points",
    "score",
    "status_of",
    "totalled",
]

_SCORED, _BONUS, _GATE, _VETO, _VETO_STRICT = 0, 1, 2, 3, 4
_KIND_CODES = {"scored": _SCORED, "bonus": _BONUS, "prerequisite": _GATE, "veto": _VETO}


@dataclass(frozen=True)
class ScoringPlan:
    """What scoring needs to know about a rule set, computed once per standard.

    Attributes:
        rows: Per criterion, in rule-set order: ``(id, kind code, maximum points or 0, scored by an
            expression rather than a test, category position or -1)``; a veto's kind code says whether no
            data blocks (``veto_without_data: blocks``).
        conditional: Whether each criterion has an ``applies_when`` (without one, it always applies).
        categories: Category ids in order.
        total: The standard's total.
        levels: ``(level id, threshold)`` in order; a threshold names a parameter or is a number; the last
            level is the fallback.
    """

    rows: tuple[tuple[str, int, Decimal, bool, int], ...]
    conditional: tuple[bool, ...]
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
        if spec.veto_without_data == "blocks":  # a veto without data blocks like a fired one
            rows = tuple((*row[:1], _VETO_STRICT, *row[2:]) if row[1] == _VETO else row for row in rows)
        conditional = tuple(r.applies is not None for r in rules)
        levels = tuple((lv.id, lv.min_score) for lv in spec.levels)
        return cls(rows, conditional, categories, spec.total, levels)


def score(plan: ScoringPlan, raw: RawOutcome, params: Mapping[str, Any]) -> Scored:
    """Score one window's raw outcome with the parameters in force (thresholds may name parameters).

    Only what the level needs is computed here (sums, gates, vetoes, total, level); each criterion's
    status and points follow from its raw outcome with :func:`status_of`, when the criterion is read.
    Runs inside the library's decimal context (the caller, :class:`~window_standard.Standard`, sets it).
    """
    return plan.scorer(raw.applies, raw.values, params)


def status_of(
    row: tuple[str, int, Decimal, bool, int], applies: Any, value: Any
) -> tuple[Status, Decimal | None]:
    """The status and points of one criterion (a row of the plan) from its raw outcome."""
    _, kind, top, by_expression, _ = row
    if applies is False:  # applies_when holds for every kind: a gate or veto that does not apply is ignored
        return "not_applicable", None
    if kind == _GATE:
        return ("no_data" if value is None else "pass" if value else "fail"), None
    if kind in (_VETO, _VETO_STRICT):
        return ("no_data" if value is None else "fail" if value else "pass"), None
    if value is None:
        return "no_data", ZERO_POINTS
    if not by_expression:
        return ("pass", top) if value else ("fail", ZERO_POINTS)
    points = min(top, max(ZERO_POINTS, quantize_points(value)))
    return ("pass" if points == top else "fail" if points == 0 else "partial"), points


def lost_points(plan: ScoringPlan, raw: RawOutcome) -> list[str]:
    """The applicable scored criteria that lost points, in rule-set order."""
    lost: list[str] = []
    for row, applies, value in zip(plan.rows, raw.applies, raw.values, strict=True):
        if row[1] == _SCORED:
            status, _ = status_of(row, applies, value)
            if status in ("fail", "partial", "no_data"):
                lost.append(row[0])
    return lost


def _row_lines(i: int, row: tuple[str, int, Decimal, bool, int], conditional: bool) -> list[str]:
    """What one criterion adds to the sums, the gates or the vetoes (``_sa{i}``/``_sv{i}``: its outcome).

    A criterion without ``applies_when`` always applies (its ``applies`` is True), so its lines test
    only its value.
    """
    cid, kind, points, by_expression, position = row
    cents = int(points.scaleb(2))
    applies = f"_sa{i} is not False and " if conditional else ""
    if kind == _GATE:
        return [f"    if {applies}_sv{i} is not True:\n        _sgates.append({cid!r})"]
    if kind == _VETO:
        return [f"    if {applies}_sv{i} is True:\n        _svetoes.append({cid!r})"]
    if kind == _VETO_STRICT:
        return [f"    if {applies}_sv{i} is not False:\n        _svetoes.append({cid!r})"]
    total = f"_sc{position}" if kind == _SCORED else "_sbonus"
    head: list[str] = []
    if conditional:
        leaves = f"_sm{position} -= {cents}" if kind == _SCORED else "pass"
        head = [f"    if _sa{i} is False:\n        {leaves}"]
    branch = "elif" if conditional else "if"
    if not by_expression:
        return [*head, f"    {branch} _sv{i}:\n        {total} += {cents}"]
    # in hundredths: an integer exactly; a decimal scaled exactly and rounded half-up (四舍五入) only when it
    # earns part of the points (the comparisons are exact, so full and zero marks need no rounding)
    return [
        *head,
        f"    {branch} _sv{i} is not None:\n"
        f"        _sq = _sv{i} * 100 if _sv{i}.__class__ is _S_int else _S_scale(_sv{i}, 100)\n"
        f"        if _sq >= {cents}:\n            {total} += {cents}\n"
        f"        elif _sq > 0:\n            {total} += _sq if _sq.__class__ is _S_int else _S_cents(_sq)",
    ]


def _scorer(plan: ScoringPlan) -> Callable[[Sequence[Any], Sequence[Any], Mapping[str, Any]], Scored]:
    """Generate and compile the scoring of one rule set: straight-line code, sums in hundredths.

    Every point value is a multiple of 0.01, so sums are kept as integer hundredths and turned into
    two-place decimals once; the arithmetic is exact and the results equal summing the decimals.
    """
    scope: dict[str, Any] = {
        "_S_scale": DECIMAL_CONTEXT.multiply,
        "_S_cents": whole_cents,
        "_S_int": int,
        "_S_totals": _totals_in_cents(plan.total),
        "_S_Scored": Scored,
        "_S_level_of": level_of,
        "_S_bool": bool,
        "_S_LEVELS": plan.levels,
        "__builtins__": {},
    }
    full = [0] * len(plan.categories)
    for _, kind, points, _, position in plan.rows:
        if kind == _SCORED:
            full[position] += int(points.scaleb(2))
    count = len(plan.rows)
    lines = ["def score(A, V, P):", "    _sgates = []", "    _svetoes = []", "    _sbonus = 0"]
    if count:  # one unpacking of each tuple, then plain locals
        applies = (f"_sa{i}" if conditional else "_" for i, conditional in enumerate(plan.conditional))
        lines.append(f"    ({''.join(f'{name}, ' for name in applies)}) = A")
        lines.append(f"    ({''.join(f'_sv{i}, ' for i in range(count))}) = V")
    lines += [f"    _sc{k} = 0\n    _sm{k} = {cents}" for k, cents in enumerate(full)]
    for i, row in enumerate(plan.rows):
        lines += _row_lines(i, row, plan.conditional[i])
    cats = range(len(plan.categories))
    sums, maxima = "".join(f"_sc{k}, " for k in cats), "".join(f"_sm{k}, " for k in cats)
    lines += [
        f"    _sraw, _sraw_max, _sbonus, _stotal = _S_totals({' + '.join(f'_sc{k}' for k in cats) or '0'}, "
        f"{' + '.join(f'_sm{k}' for k in cats) or '0'}, _sbonus)",
        "    _slevel = _S_level_of(_S_LEVELS, _stotal, P, blocked=_S_bool(_sgates or _svetoes))",
        f"    return _S_Scored(({sums}), ({maxima}), _sraw, _sraw_max, _sbonus, _stotal, _slevel, _sgates,"
        " _svetoes)",
    ]
    exec(compile("\n".join(lines) + "\n", "<window-standard scoring>", "exec"), scope)
    scorer: Callable[[Sequence[Any], Sequence[Any], Mapping[str, Any]], Scored] = scope["score"]
    return scorer


def _totals_in_cents(total: Decimal) -> Callable[[int, int, int], tuple[Decimal, Decimal, Decimal, Decimal]]:
    """``(raw, raw maximum, bonus, total)`` as decimals from the sums in hundredths, for one standard.

    The same few sums recur across a population, so the decimals of each are computed once (a pure
    function of three integers, memoised per scoring plan, bounded).
    """

    @lru_cache(maxsize=256)
    def totals(raw: int, raw_max: int, bonus: int) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        raw_d, raw_max_d, bonus_d = from_cents(raw), from_cents(raw_max), from_cents(bonus)
        return raw_d, raw_max_d, bonus_d, totalled(total, raw_d, raw_max_d, bonus_d)

    return totals


def whole_cents(scaled: Decimal) -> int:
    """Hundredths of a point, given as a decimal, rounded half-up (四舍五入) to a whole number of them."""
    return int(scaled.to_integral_value(ROUND_HALF_UP, DECIMAL_CONTEXT))


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
