"""The rectification list (整改清单) of a result: gates, fired vetoes, then lost points cheapest first."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Literal

from ._numbers import DECIMAL_CONTEXT, ZERO_POINTS, normalised_total
from ._result import CriterionResult, Rectification

__all__ = ["Totals", "rectification_items"]

#: ``(standard's total, raw points, raw maximum, bonus)`` of a result: what a fix's gain on the total needs.
Totals = tuple[Decimal, Decimal, Decimal, Decimal]


def rectification_items(
    criteria: Mapping[str, CriterionResult],
    gates: Sequence[str],
    vetoes: Sequence[str],
    lost: Iterable[str],
    totals: Totals | None = None,
) -> list[Rectification]:
    """Build a rectification list (see :meth:`Result.rectifications` for the order).

    Args:
        criteria: The result's criteria (only the ones named below are read).
        gates: Failed prerequisites.
        vetoes: Fired vetoes.
        lost: Applicable scored criteria that lost points.
        totals: The result's totals, to give each item its gain on the normalised total (without them
            the gain is not given).
    """
    head = [_item(criteria[cid], "prerequisite", None, None) for cid in gates]
    head += [_item(criteria[cid], "veto", None, None) for cid in vetoes]
    lost_items = []
    for criterion in (criteria[cid] for cid in lost):
        points = criterion.lost_points
        lost_items.append(_item(criterion, "criterion", points, _gain(totals, points)))
    lost_items.sort(key=lambda i: (i.effort, (i.points or ZERO_POINTS).copy_negate(), i.id))
    return head + lost_items


def _gain(totals: Totals | None, points: Decimal) -> Decimal | None:
    if totals is None:
        return None
    total, raw, raw_max, bonus = totals
    now = normalised_total(total, raw, raw_max, bonus)
    after = normalised_total(total, DECIMAL_CONTEXT.add(raw, points), raw_max, bonus)
    return DECIMAL_CONTEXT.subtract(after, now)


def _item(
    criterion: CriterionResult,
    kind: Literal["prerequisite", "veto", "criterion"],
    points: Decimal | None,
    gain: Decimal | None,
) -> Rectification:
    return Rectification(
        id=criterion.id,
        kind=kind,
        title=criterion.title,
        points=points,
        gain=gain,
        effort=criterion.effort,
        advice=criterion.advice,
        status=criterion.status,
        explanation=criterion.explain("zh"),
    )
