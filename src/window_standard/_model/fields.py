"""Field types and validators shared by the window's models: counts, amounts, labels, cross-field checks."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated

from pydantic import BeforeValidator, Field, ValidationInfo
from pydantic.config import JsonDict

__all__ = ["CREDIT_CODE_FROM", "FUNCTIONAL_ZONES", "Amount", "Count"]

#: Functional zones accepted as a district (高新区, 天府新区, 东部新区): they have no GB/T 2260 code.
FUNCTIONAL_ZONES: frozenset[str] = frozenset({"gaoxin", "tianfu", "dongbu"})
#: The date GB 32100-2015 took effect; no unified social credit code existed before it.
CREDIT_CODE_FROM = dt.date(2015, 10, 1)

_DISTRICT_CODE = re.compile(r"[0-9]{6}")
_ZONES_TEXT = ", ".join(sorted(FUNCTIONAL_ZONES))


def _reject_bool(value: object) -> object:
    """Refuse a boolean where a number is expected (``True`` must not become 1)."""
    if isinstance(value, bool):
        raise ValueError(f"a number is expected, not a boolean ({str(value).lower()})")
    return value


#: A non-negative count: a strict integer (no booleans, no strings, no floats).
Count = Annotated[int, Field(ge=0, strict=True)]
#: A non-negative, finite decimal quantity (hours, minutes, square metres); booleans are refused.
Amount = Annotated[Decimal, Field(ge=0, allow_inf_nan=False), BeforeValidator(_reject_bool)]


def _zh(label: str) -> JsonDict:
    """Return the ``json_schema_extra`` carrying a field's Chinese label."""
    return {"title_zh": label}


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
