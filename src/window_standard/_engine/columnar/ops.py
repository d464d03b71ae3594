"""The array operations of the expression language: exact arithmetic, Kleene logic, segmented reductions.

Each operation follows :mod:`window_standard._expr.library` element by element ("no data" in, "no data"
out; ``and``/``or``/``not`` three-valued; division by zero is no data). Decisions on rounded values at an
exact boundary are reported through ``unsure`` (an element mask the caller maps to windows).
"""

from __future__ import annotations

import numpy as np

from .values import LIMIT, Arr, BoolArray, IntArray, Num, settle

__all__ = [
    "arith",
    "boolop",
    "cents",
    "compare_numbers",
    "compare_values",
    "extremum",
    "floor",
    "if_else",
    "negate",
    "segment_any_all",
    "segment_count",
    "segment_distinct",
    "segment_sum",
]


def arith(op: str, left: Num, right: Num, unsure: BoolArray) -> Num:
    """``left op right`` for ``+ - * /`` (exact; no data where either is, or when dividing by zero)."""
    known = left.known & right.known
    rounded = left.rounded | right.rounded
    a, b, c, d = left.num, left.den, right.num, right.den
    if op == "/":
        known = known & (c != 0)
        sign = np.where(c < 0, -1, 1)
        c_safe = np.where(c == 0, 1, np.abs(c))
        num, den = a * d * sign, b * c_safe
    elif op == "*":
        num, den = a * c, b * d
    else:
        cross = b * d
        num = a * d + c * b if op == "+" else a * d - c * b
        den = cross
    result = settle(num, den, rounded, unsure)
    result.known = known
    return result


def negate(value: Num) -> Num:
    """Unary minus."""
    return Num(-value.num, value.den, value.known, value.rounded)


def _sign_of_difference(left: Num, right: Num, unsure: BoolArray) -> IntArray:
    """-1, 0 or 1 for ``left - right``; flags equal values that decimal rounding may have split."""
    lhs, rhs = left.num * right.den, right.num * left.den
    diff: IntArray = np.sign(lhs - rhs)
    unsure |= (diff == 0) & (left.rounded | right.rounded) & left.known & right.known
    return diff


_CMP = {
    "==": lambda s: s == 0,
    "!=": lambda s: s != 0,
    "<": lambda s: s < 0,
    "<=": lambda s: s <= 0,
    ">": lambda s: s > 0,
    ">=": lambda s: s >= 0,
}


def compare_numbers(op: str, left: Num, right: Num, unsure: BoolArray) -> Arr:
    """A comparison of two numbers (exact)."""
    sign = _sign_of_difference(left, right, unsure)
    return Arr(_CMP[op](sign), left.known & right.known)


def compare_values(op: str, left: Arr, right: Arr) -> Arr:
    """A comparison of booleans, dates or texts."""
    ops = {
        "==": np.equal,
        "!=": np.not_equal,
        "<": np.less,
        "<=": np.less_equal,
        ">": np.greater,
        ">=": np.greater_equal,
    }
    data = np.asarray(ops[op](left.data, right.data), dtype=np.bool_)
    return Arr(data, left.known & right.known)


def extremum(func: str, values: list[Num], unsure: BoolArray) -> Num:
    """``min`` or ``max`` of numbers (no data when any is missing)."""
    best = values[0]
    for other in values[1:]:
        sign = _sign_of_difference(other, best, unsure)
        take = sign < 0 if func == "min" else sign > 0
        best = Num(
            np.where(take, other.num, best.num),
            np.where(take, other.den, best.den),
            best.known & other.known,
            np.where(take, other.rounded, best.rounded),
        )
    return best


def floor(value: Num, unsure: BoolArray) -> Num:
    """The largest whole number not above each value."""
    exact_whole = value.num % value.den == 0
    unsure |= exact_whole & value.rounded & value.known
    size = value.num.shape
    return Num(value.num // value.den, np.ones(size, np.int64), value.known, np.zeros(size, np.bool_))


def cents(value: Num, unsure: BoolArray) -> IntArray:
    """Each value rounded half-up (away from zero) to hundredths, as integer hundredths."""
    twice = 2 * value.den
    magnitude = (200 * np.abs(value.num) + value.den) // twice
    at_half = (200 * np.abs(value.num) + value.den) % twice == 0
    unsure |= at_half & value.rounded & value.known
    out: IntArray = np.where(value.num < 0, -magnitude, magnitude)
    return out


def boolop(op: str, values: list[Arr]) -> Arr:
    """Kleene ``and`` / ``or``: the deciding value wins, then no data."""
    decide = op == "or"
    decided = np.zeros(values[0].known.shape, np.bool_)
    unknown = np.zeros_like(decided)
    for value in values:
        decided |= value.known & (value.data == decide)
        unknown |= ~value.known
    data = decided if decide else ~decided & ~unknown
    return Arr(data, decided | ~unknown)


def if_else(cond: Arr, then: Num | Arr, orelse: Num | Arr) -> Num | Arr:
    """``then if cond else orelse``; no data when the condition is."""
    pick = cond.data
    if isinstance(then, Num) and isinstance(orelse, Num):
        known = cond.known & np.where(pick, then.known, orelse.known)
        return Num(
            np.where(pick, then.num, orelse.num),
            np.where(pick, then.den, orelse.den),
            known,
            np.where(pick, then.rounded, orelse.rounded),
        )
    assert isinstance(then, Arr) and isinstance(orelse, Arr)
    known = cond.known & np.where(pick, then.known, orelse.known)
    return Arr(np.where(pick, then.data, orelse.data), known)


def segment_count(parent: IntArray, test: Arr, size: int) -> IntArray:
    """Per segment, the items whose test is definitely true."""
    hits = test.known & test.data
    out: IntArray = np.bincount(parent[hits], minlength=size).astype(np.int64)
    return out


def segment_any_all(func: str, parent: IntArray, test: Arr, size: int) -> Arr:
    """Kleene ``any`` / ``all`` over each segment's items (an empty segment: False / True)."""
    true = np.bincount(parent[test.known & test.data], minlength=size)
    false = np.bincount(parent[test.known & ~test.data], minlength=size)
    unknown = np.bincount(parent[~test.known], minlength=size)
    if func == "any":
        return Arr(true > 0, (true > 0) | (unknown == 0))
    return Arr((false == 0) & (unknown == 0), (false > 0) | (unknown == 0))


def segment_sum(parent: IntArray, value: Num, size: int, unsure: BoolArray) -> Num:
    """Per segment, the exact sum of the items' numbers; no data when any item's number is missing.

    ``unsure`` is a mask over the segments.
    """
    missing = np.bincount(parent[~value.known], minlength=size) > 0
    rounded = np.bincount(parent[value.rounded], minlength=size) > 0
    den = np.where(value.known, value.den, 1)
    common = int(np.lcm.reduce(den)) if den.size else 1
    total = np.zeros(size, np.int64)
    if common < LIMIT:
        scaled = np.where(value.known, value.num * (common // den), 0)
        np.add.at(total, parent, scaled)
    else:  # too many different denominators for one exact common one: those windows go the exact way
        unsure |= np.bincount(parent, minlength=size) > 0
    result = settle(total, np.full(size, common if common < LIMIT else 1, np.int64), rounded, unsure)
    result.known = ~missing
    return result


def segment_distinct(parent: IntArray, codes: IntArray, keep: BoolArray, size: int) -> IntArray:
    """Per segment, the number of distinct codes among the kept items."""
    kept_parent, kept_codes = parent[keep], codes[keep]
    if kept_parent.size == 0:
        return np.zeros(size, np.int64)
    width = int(kept_codes.max()) + 1  # one key per (segment, code): distinct pairs are distinct keys
    keys = np.unique(kept_parent * width + kept_codes)
    out: IntArray = np.bincount(keys // width, minlength=size).astype(np.int64)
    return out
