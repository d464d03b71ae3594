"""Column values of the columnar engine: exact rationals and plain arrays, each with a "has data" mask.

A number is held exactly as a reduced fraction ``num / den`` of two int64 arrays (``den > 0``); the
compiled engine computes the same numbers as 28-digit decimals, which equal the fractions except where a
division does not terminate. Such values are marked ``rounded``; a decision taken on a rounded value at an
exact boundary (equality, a half-cent, a whole number) could go the other way in decimal arithmetic, so
those rows are marked *unsure* and the engine recomputes them exactly (:mod:`.program`). Magnitudes are
kept below 2**31 so that every cross product fits in int64; a row whose value would not fit is unsure too.

Booleans, dates (ordinals) and texts (object arrays of ``str``) are :class:`Arr`. Both kinds carry
``known``: False where the value is "no data" (Kleene's third value for booleans).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["LIMIT", "Arr", "Num", "Unsure", "settle"]

#: Numerators and denominators stay below this bound (their products fit in int64).
LIMIT = 2**31

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass
class Num:
    """Exact numbers: ``num / den`` where ``known``; ``rounded`` where decimal arithmetic rounded them."""

    num: IntArray
    den: IntArray
    known: BoolArray
    rounded: BoolArray

    def take(self, index: IntArray) -> Num:
        """The values at ``index`` (a gather)."""
        return Num(self.num[index], self.den[index], self.known[index], self.rounded[index])


@dataclass
class Arr:
    """Booleans, date ordinals or texts, with a "has data" mask."""

    data: npt.NDArray[Any]
    known: BoolArray

    def take(self, index: IntArray) -> Arr:
        """The values at ``index`` (a gather)."""
        return Arr(self.data[index], self.known[index])


class Unsure:
    """Marks the rows (windows) the fast path cannot decide exactly; one per run of a group."""

    def __init__(self, rows: int) -> None:
        self.rows = np.zeros(rows, dtype=np.bool_)

    def mark(self, where: BoolArray, row_of: IntArray) -> None:
        """Mark the windows of the elements ``where`` holds (``row_of`` maps elements to windows)."""
        if where.any():
            self.rows[row_of[where]] = True


def settle(num: IntArray, den: IntArray, rounded: BoolArray, unsure: BoolArray) -> Num:
    """Reduce a fraction; elements beyond :data:`LIMIT` are set to 0 and flagged in ``unsure``.

    Args:
        num: Numerators (int64, any sign).
        den: Denominators (int64, positive).
        rounded: Where the value was already rounded by decimal arithmetic.
        unsure: Set (in place) where the value does not fit.

    Returns:
        The reduced numbers, all known (the caller applies its own mask).
    """
    g = np.gcd(num, den)
    g[g == 0] = 1
    num, den = num // g, den // g
    big = (np.abs(num) >= LIMIT) | (den >= LIMIT)
    if big.any():
        unsure |= big
        num = np.where(big, 0, num)
        den = np.where(big, 1, den)
    rounded = rounded | _long_decimal(num, den)
    return Num(num, den, np.ones(num.shape, np.bool_), rounded)


def _long_decimal(num: IntArray, den: IntArray) -> BoolArray:
    """Where ``num / den`` is not a decimal of at most 28 significant digits (so decimals round it).

    Whole numbers below :data:`LIMIT` (ten digits) never are: only the fractions are examined.
    """
    out: BoolArray = np.zeros(num.shape, np.bool_)
    fractions = den != 1
    if fractions.any():
        out[fractions] = _long_fraction(num[fractions], den[fractions])
    return out


def _long_fraction(num: IntArray, den: IntArray) -> BoolArray:
    rest = den.copy()
    for prime in (2, 5):
        while True:
            divisible = (rest % prime == 0) & (rest > 1)
            if not divisible.any():
                break
            rest[divisible] //= prime
    # a terminating fraction: its digits are those of num * 10**k / den, at most ~ log10|num| + 2.33 log10 den
    with np.errstate(divide="ignore"):
        digits = np.log10(np.abs(num) + 1.0) + 2.33 * np.log10(den.astype(np.float64))
    out: BoolArray = (rest != 1) | (digits > 27.0)
    return out
