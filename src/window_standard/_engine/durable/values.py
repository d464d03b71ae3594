"""Value normalisation: what durable may see of a Python value.

Durable compares mixed types as strings (``"10" > 9`` is false, ``1 == True`` is true) and treats a
missing field as failing every comparison. So every value is normalised in Python before it reaches a
fact: decimals become doubles, dates their ordinal day number, enums their string value, and "no data"
(None) is left out of the fact altogether — the translation (:mod:`.translate`) tests ``$ex`` itself.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

__all__ = ["normalise"]


def normalise(value: Any) -> Any:
    """The JSON value durable sees for a Python value (None: leave the key out)."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, Enum):
        return normalise(value.value)
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and abs(value) < 2**53 else float(value)
    if isinstance(value, float):
        return value
    if isinstance(value, date):
        return value.toordinal()
    raise TypeError(f"no durable form for {type(value).__name__}")
