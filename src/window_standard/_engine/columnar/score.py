"""The scoring of :mod:`window_standard._engine.scoring` over arrays: statuses, points, totals, levels.

Every quantity is integer hundredths (points are multiples of 0.01), as in the scalar scorer; the
normalised total ``raw / raw_max * total`` is rounded half-up exactly from integers. A row whose total sits
exactly on a half-cent after a non-terminating division (where 28-digit decimals could round the other
way) is scored by the scalar code itself, as are the windows the engine recomputed exactly.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

from ..._numbers import DECIMAL_CONTEXT
from ..scoring import ScoringPlan, score, status_of
from . import Outcomes, raw_of
from .values import BoolArray, IntArray

__all__ = ["STATUSES", "ScoredArrays", "level_of_totals", "score_arrays"]

#: Status codes of the arrays, in order.
STATUSES = ("pass", "partial", "fail", "no_data", "not_applicable")
_PASS, _PARTIAL, _FAIL, _NO_DATA, _NA = range(5)
_SCORED, _BONUS, _GATE, _VETO, _VETO_STRICT = 0, 1, 2, 3, 4


@dataclass
class ScoredArrays:
    """The scored outcomes of many windows.

    Attributes:
        status: ``(windows, criteria)`` status codes (indices into :data:`STATUSES`).
        points: ``(windows, criteria)`` points in hundredths (-1: none, for gates, vetoes and criteria
            that do not apply).
        category: ``(windows, categories)`` raw points per category in hundredths.
        category_max: Their maxima over the applicable criteria.
        raw: Raw points of the applicable scored criteria (hundredths).
        raw_max: Their maximum.
        bonus: Bonus points (hundredths).
        total: The total (hundredths).
        blocked: Whether a gate failed (or had no data) or a veto fired (or had no data, where that blocks).
        level: The level's position.
    """

    status: npt.NDArray[np.int8]
    points: IntArray
    category: IntArray
    category_max: IntArray
    raw: IntArray
    raw_max: IntArray
    bonus: IntArray
    total: IntArray
    blocked: BoolArray
    level: IntArray


def _criterion(kind: int, top: int, by_expression: bool, applies: Any, value: Any) -> tuple[Any, IntArray]:
    """Vectorised :func:`~window_standard._engine.scoring.status_of` of one criterion."""
    data, known = value
    rows = known.size
    status = np.full(rows, _NO_DATA, np.int8)
    points = np.full(rows, -1, np.int64)
    if kind in (_GATE, _VETO, _VETO_STRICT):
        holds = data.astype(np.bool_)
        good = holds if kind == _GATE else ~holds
        status[known] = np.where(good[known], _PASS, _FAIL)
    elif by_expression:
        earned = np.clip(data, 0, top)
        points[:] = np.where(known, earned, 0)
        status[known] = np.where(earned == top, _PASS, np.where(earned == 0, _FAIL, _PARTIAL))[known]
    else:
        holds = data.astype(np.bool_)
        points[:] = np.where(known & holds, top, 0)
        status[known] = np.where(holds[known], _PASS, _FAIL)
    if applies is not None:
        off = applies[1] & ~applies[0]
        status[off] = _NA
        points[off] = -1
    return status, points


def score_arrays(plan: ScoringPlan, found: Outcomes, params: Sequence[Mapping[str, Any]]) -> ScoredArrays:
    """Score many windows' outcomes (``params[i]`` in force for window ``i``)."""
    rows, count = found.rows, len(plan.rows)
    status = np.empty((rows, count), np.int8)
    points = np.empty((rows, count), np.int64)
    category = np.zeros((rows, len(plan.categories)), np.int64)
    category_max = np.zeros_like(category)
    bonus = np.zeros(rows, np.int64)
    blocked = np.zeros(rows, np.bool_)
    for k, (_, kind, top, by_expression, position) in enumerate(plan.rows):
        top_cents = int(top.scaleb(2))
        st, pts = _criterion(kind, top_cents, by_expression, found.applies[k], found.values[k])
        status[:, k], points[:, k] = st, pts
        applies = st != _NA
        if kind == _SCORED:
            category[:, position] += np.where(applies, pts, 0)
            category_max[:, position] += np.where(applies, top_cents, 0)
        elif kind == _BONUS:
            bonus += np.where(applies, pts, 0)
        elif kind in (_GATE, _VETO_STRICT):  # a failed or undecided gate; a fired or undecided strict veto
            blocked |= applies & (st != _PASS)
        else:
            blocked |= st == _FAIL
    raw, raw_max = category.sum(axis=1), category_max.sum(axis=1)
    total, exact_rows = _totals(plan.total, raw, raw_max, bonus)
    arrays = ScoredArrays(status, points, category, category_max, raw, raw_max, bonus, total, blocked, total)
    arrays.level = np.zeros(rows, np.int64)
    for i in sorted(set(found.exact) | set(exact_rows.tolist())):
        _scalar_row(plan, arrays, found, i, params[i])
    _levels(plan, arrays, params, set(found.exact) | set(exact_rows.tolist()))
    return arrays


def _totals(total: Decimal, raw: IntArray, raw_max: IntArray, bonus: IntArray) -> tuple[IntArray, IntArray]:
    """Totals in hundredths, and the rows on an exact half-cent after a non-terminating division."""
    top_num, top_den = total.as_integer_ratio()
    num = raw * top_num * 100
    den = np.where(raw_max == 0, 1, raw_max) * top_den
    twice = 2 * den
    normalised = np.where(raw_max == 0, 0, (2 * num + den) // twice)
    on_half = ((2 * num + den) % twice == 0) & (raw_max != 0)
    cap = int((total * 100).to_integral_value())
    out: IntArray = np.minimum(cap, normalised + bonus)
    return out, np.flatnonzero(on_half)


def _scalar_row(plan: ScoringPlan, arrays: ScoredArrays, found: Outcomes, i: int, params: Any) -> None:
    """Score row ``i`` with the scalar scorer (its raw outcome rebuilt if the engine did not keep it)."""
    raw = raw_of(found, [row[3] for row in plan.rows], i)
    with _decimal():
        scored = score(plan, raw, params)
    for k, (row, a, v) in enumerate(zip(plan.rows, raw.applies, raw.values, strict=True)):
        st, pts = status_of(row, a, v)
        arrays.status[i, k] = STATUSES.index(st)
        arrays.points[i, k] = -1 if pts is None else int(pts.scaleb(2))
    arrays.category[i] = scored.category_cents
    arrays.category_max[i] = scored.category_max_cents
    arrays.raw[i], arrays.raw_max[i] = int(scored.raw.scaleb(2)), int(scored.raw_max.scaleb(2))
    arrays.bonus[i], arrays.total[i] = int(scored.bonus.scaleb(2)), int(scored.total.scaleb(2))
    arrays.blocked[i] = bool(scored.gates or scored.vetoes)


def _decimal() -> Any:
    from decimal import localcontext

    return localcontext(DECIMAL_CONTEXT)


def level_of_totals(
    levels: Sequence[tuple[str, Decimal | str | None]],
    total: IntArray,
    blocked: BoolArray,
    params: Mapping[str, Any],
) -> IntArray:
    """The level of each total (hundredths) under one set of parameters; blocked rows get the last."""
    out = np.full(total.size, len(levels) - 1, np.int64)
    undecided = ~blocked
    for position, (_, threshold) in enumerate(levels[:-1]):
        bound = params.get(threshold) if isinstance(threshold, str) else threshold
        if bound is None:
            continue
        least = math.ceil(Decimal(bound) * 100)  # total >= bound  ⟺  cents >= ceil(bound * 100)
        reach = undecided & (total >= least)
        out[reach] = position
        undecided &= ~reach
    return out


def _levels(plan: ScoringPlan, arrays: ScoredArrays, params: Sequence[Mapping[str, Any]], done: Any) -> None:
    by_id: dict[int, list[int]] = {}
    for i, p in enumerate(params):
        by_id.setdefault(id(p), []).append(i)
    for members in by_id.values():
        index = np.asarray(members, np.int64)
        level = level_of_totals(plan.levels, arrays.total[index], arrays.blocked[index], params[members[0]])
        arrays.level[index] = level
