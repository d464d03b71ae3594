"""The bottom of the package: one decimal context, one rounding rule, one text and JSON form for values.

Every score is a :class:`~decimal.Decimal` rounded half-up (四舍五入) to two places. Every Decimal operation
of the library runs in :data:`DECIMAL_CONTEXT`, whatever the caller's thread context says. Values leave the
library in one JSON-native form (:func:`json_native`): whole decimals as integers, other decimals as plain
decimal text, dates as ISO text, enum members as their values, sets as sorted lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal
from enum import Enum
from functools import lru_cache
from typing import Any

__all__ = [
    "CENT",
    "DECIMAL_CONTEXT",
    "MAX_INPUT",
    "MAX_LITERAL",
    "MAX_MAGNITUDE",
    "MAX_PLACES",
    "ZERO_POINTS",
    "decimal_text",
    "display_decimal",
    "fit",
    "json_native",
    "literal_problem",
    "normalised_total",
    "quantize_points",
]

#: The decimal context every evaluation runs in, whatever the caller's thread context says.
DECIMAL_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)

#: One hundredth: the resolution of every score.
CENT = Decimal("0.01")

#: Zero points, with two places.
ZERO_POINTS = Decimal("0.00")

#: The largest magnitude of a number written in a rule file (literals, parameters, constants).
MAX_LITERAL = 10**12
#: The most decimal places a number written in a rule file or a window may have.
MAX_PLACES = 6
#: The largest count or quantity a window may hold.
MAX_INPUT = 10**9
#: The largest magnitude of a number a rule computes (a ``let``, a score, a quotient); beyond it: no data.
MAX_MAGNITUDE = 10**20

_FOUR_PLACES = Decimal("0.0001")
_PLAIN = frozenset({bool, int, str, type(None)})


def quantize_points(value: int | Decimal) -> Decimal:
    """Round half-up (四舍五入) to two places, exactly, in the library's own context."""
    exact = value if type(value) is Decimal else Decimal(value)
    return exact.quantize(CENT, ROUND_HALF_UP, DECIMAL_CONTEXT)  # positional: this is on the hot path


def normalised_total(total: Decimal, raw: Decimal, raw_max: Decimal, bonus: Decimal) -> Decimal:
    """The total of a result: raw points normalised to ``total``, rounded half-up, plus bonus, capped.

    The same arithmetic as scoring's, for the parts that reason about totals after a fix (the
    rectification list, the rectification plan) without importing the engine.
    """
    ctx = DECIMAL_CONTEXT
    normalised = quantize_points(ctx.multiply(ctx.divide(raw, raw_max), total)) if raw_max else ZERO_POINTS
    return min(quantize_points(total), ctx.add(normalised, bonus))


def fit(value: Any) -> Any:
    """A number a rule computed, or no data (None) when its magnitude is beyond :data:`MAX_MAGNITUDE`.

    Inputs, literals and parameters are bounded, and expressions are shallow, so one expression cannot
    overflow the decimal context; bounding what one expression hands to the next (``let`` bindings,
    quotients, scores) keeps every later one bounded too. Values that are not numbers pass unchanged.
    """
    kind = type(value)
    if kind is int or kind is Decimal:
        return value if -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE else None
    return value


def literal_problem(value: int | Decimal) -> str | None:
    """Why a number written in a rule file is out of bounds, or None when it is fine.

    A literal must be finite, at most :data:`MAX_LITERAL` in magnitude and have at most :data:`MAX_PLACES`
    decimal places. Only the decimal's digits are read (no arithmetic), so no context can change the answer
    and a literal such as ``1e999999`` is refused at once.
    """
    too_large = f"is beyond ±{MAX_LITERAL} (10^12)"
    if isinstance(value, Decimal):
        if not value.is_finite():
            return "is not a finite number"
        _, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)
        if any(digits):
            trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
            if exponent + trailing < -MAX_PLACES:
                return f"has more than {MAX_PLACES} decimal places"
            if value.adjusted() > 12 or value.copy_abs() > MAX_LITERAL:
                return too_large
        return None
    if value.bit_length() > 40 or abs(value) > MAX_LITERAL:
        return too_large
    return None


def decimal_text(value: Decimal) -> str:
    """Exact plain-notation text of a decimal, without trailing zeros: ``54``, ``0.9``, ``93.33``."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(DECIMAL_CONTEXT), "f")


@lru_cache(maxsize=4096)
def display_decimal(value: Decimal) -> str:
    """A decimal for a reader: at most four places, no trailing zeros (``0.9667``, ``6``)."""
    # pure and small: equal decimals (0.9, 0.90) format alike, so caching by value is safe
    if value == value.to_integral_value():
        return str(int(value))
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -4:
        value = value.quantize(_FOUR_PLACES, rounding=ROUND_HALF_UP, context=DECIMAL_CONTEXT)
    return decimal_text(value)


def json_native(value: Any) -> Any:
    """The one JSON-native form of a value read or produced by the library.

    Whole decimals become ``int`` and other decimals exact decimal text; dates ISO text; enum members their
    value; sets sorted lists (by text); tuples lists; mappings dicts with text keys. Plain JSON values pass.
    """
    kind = type(value)
    if kind in _PLAIN:
        return value
    if isinstance(value, Enum):
        return json_native(value.value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else decimal_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(json_native(k)): json_native(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((json_native(v) for v in value), key=str)
    if isinstance(value, (list, tuple)):
        return [json_native(v) for v in value]
    if isinstance(value, (bool, int, str)):  # subclasses of the plain types
        return value
    return str(value)
