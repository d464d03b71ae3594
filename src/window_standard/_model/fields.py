"""Field types and validators shared by the window's models: counts, amounts, labels, cross-field checks."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated

from pydantic import BeforeValidator, Field, ValidationInfo, WithJsonSchema
from pydantic.config import JsonDict

from .._base import MAX_ITEMS
from .._numbers import MAX_INPUT

__all__ = ["CREDIT_CODE_FROM", "FUNCTIONAL_ZONES", "Amount", "Count", "Day"]

#: Functional zones accepted as a district (高新区, 天府新区, 东部新区): they have no GB/T 2260 code.
FUNCTIONAL_ZONES: frozenset[str] = frozenset({"gaoxin", "tianfu", "dongbu"})
#: The date GB 32100-2015 took effect; no unified social credit code existed before it.
CREDIT_CODE_FROM = dt.date(2015, 10, 1)

_DISTRICT_CODE = re.compile(r"[0-9]{6}")
_DAY_TEXT = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_AMOUNT_TEXT = r"^((0|[1-9][0-9]{0,8})(\.[0-9]+)?|1000000000(\.0+)?)$"
_ZONES_TEXT = ", ".join(sorted(FUNCTIONAL_ZONES))


def _reject_bool(value: object) -> object:
    """Refuse a boolean where a number is expected (``True`` must not become 1)."""
    if isinstance(value, bool):
        raise ValueError(f"a number is expected, not a boolean ({str(value).lower()})")
    return value


def _strict_day(value: object) -> object:
    """Accept a date or ``YYYY-MM-DD`` text only (no Unix timestamps, no datetimes, no other notations)."""
    if isinstance(value, dt.datetime) or not isinstance(value, (dt.date, str)):
        raise ValueError("a date is expected, written YYYY-MM-DD (e.g. 2013-06-20)")
    if isinstance(value, str) and not re.fullmatch(_DAY_TEXT, value):
        raise ValueError("a date is expected, written YYYY-MM-DD (e.g. 2013-06-20)")
    return value


def _plain_amount(value: object) -> object:
    """Refuse a boolean, and number text that is not plain decimal notation (``12.5``, not ``1e3``)."""
    _reject_bool(value)
    if isinstance(value, str) and not re.fullmatch(_AMOUNT_TEXT, value):
        raise ValueError("a number from 0 to 1000000000 is expected, in plain decimal notation (e.g. 12.5)")
    return value


#: A calendar date: a date, or text ``YYYY-MM-DD`` (a number such as a Unix timestamp is refused).
Day = Annotated[
    dt.date,
    BeforeValidator(_strict_day),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _DAY_TEXT}),
]

#: A non-negative count up to 10^9: a strict integer (no booleans, no strings, no floats such as 6.0).
Count = Annotated[int, Field(ge=0, le=MAX_INPUT, strict=True)]
#: A non-negative, finite decimal quantity up to 10^9 (hours, minutes, square metres), as a number or as
#: plain decimal text; booleans are refused.
Amount = Annotated[
    Decimal,
    Field(ge=0, le=MAX_INPUT, allow_inf_nan=False),
    BeforeValidator(_plain_amount),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": MAX_INPUT},
                {"type": "string", "pattern": _AMOUNT_TEXT},
            ]
        }
    ),
]


def _zh(label: str) -> JsonDict:
    """Return the ``json_schema_extra`` carrying a field's Chinese label."""
    return {"title_zh": label}


def _unique(label: str) -> JsonDict:
    """The ``json_schema_extra`` of a list of enum members that may name each member once."""
    return {"title_zh": label, "uniqueItems": True}


def _few_items(value: object) -> object:
    """Refuse a list longer than :data:`~window_standard._base.MAX_ITEMS` before its items are validated."""
    if isinstance(value, (list, tuple)) and len(value) > MAX_ITEMS:
        raise ValueError(f"a list of at most {MAX_ITEMS} items is expected, got {len(value)}")
    return value


def _no_duplicates(values: list[str] | None, info: ValidationInfo) -> None:
    """Refuse a list of enum members that names a member twice (it would be counted twice)."""
    if values is None:
        return
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{info.field_name} lists {str(value)!r} more than once")
        seen.add(value)


def _not_above(value: int | None, info: ValidationInfo, bound: str) -> None:
    """Refuse a count larger than the count of field ``bound`` of the same model, when both are known."""
    limit = info.data.get(bound)
    if value is not None and limit is not None and value > limit:
        raise ValueError(f"{info.field_name} ({value}) cannot exceed {bound} ({limit})")
