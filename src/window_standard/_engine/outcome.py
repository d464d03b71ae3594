"""What engines hand back: the raw outcome of a window's rules, and its scored form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

__all__ = ["RawOutcome", "Scored"]


@dataclass(frozen=True, slots=True)
class Scored:
    """The scored outcome of one window: what its level rests on.

    Attributes:
        category_cents: Raw points per category over its applicable criteria, in hundredths.
        category_max_cents: Maximum points per category over its applicable criteria, in hundredths.
        raw: Raw points of the applicable scored criteria.
        raw_max: Their maximum.
        bonus: Bonus points earned.
        total: The normalised total with bonus, capped, two places.
        level: The position of the level in the standard's levels.
        gates: Prerequisites that failed or had no data.
        vetoes: Vetoes that fired.
    """

    category_cents: tuple[int, ...]
    category_max_cents: tuple[int, ...]
    raw: Decimal
    raw_max: Decimal
    bonus: Decimal
    total: Decimal
    level: int
    gates: list[str]
    vetoes: list[str]


class RawOutcome(NamedTuple):
    """What an engine computed for one window, one entry per rule in rule-set order.

    Attributes:
        applies: Whether each rule applies (``applies_when``; None for no data). A rule without
            ``applies_when`` is always True here (scoring relies on it).
        values: Each rule's score (a number) or test (a bool); None for no data.
        facts: The values each rule read, in the order of its ``fact_names`` (None when not asked for);
            an engine may compute them lazily, when a rule's entry is first read.
    """

    applies: tuple[bool | None, ...]
    values: tuple[Any, ...]
    facts: Sequence[tuple[Any, ...]] | None
