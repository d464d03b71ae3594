"""One cell of the scoring workbook to a window value and back, with the reason when a cell is wrong."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from .._model.labels import LabelledEnum
from ._layout import Row

__all__ = ["NO", "YES", "BadCell", "parse_cell", "write_cell"]

YES, NO = "是", "否"
_TRUE = {YES, "true", "yes", "y", "1", "✓"}
_FALSE = {NO, "false", "no", "n", "0"}
#: What separates the dates that share one cell.
DATE_SEPARATORS = ("、", ",", "，", ";", "；", "\n")


class BadCell(ValueError):
    """A cell whose content cannot be the field's value (the message says what is expected)."""


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise BadCell("应填写非负整数")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _text(value)
    if text.isdigit():
        return int(text)
    raise BadCell(f"应填写非负整数，而不是“{text}”")


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise BadCell("应填写数字")
    try:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(_text(value))
    except InvalidOperation:
        raise BadCell(f"应填写数字，而不是“{_text(value)}”") from None


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise BadCell(f"应填写“{YES}”或“{NO}”，而不是“{_text(value)}”")


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(_text(value))
    except ValueError:
        raise BadCell(f"应填写日期（如 2013-06-20），而不是“{_text(value)}”") from None


def _enum(value: Any, enum: type[LabelledEnum]) -> LabelledEnum:
    text = _text(value)
    for member in enum:
        if text in (member.label("zh"), member.value, member.label("en")):
            return member
    choices = "、".join(m.label("zh") for m in enum)
    raise BadCell(f"“{text}”不是可选项，可选：{choices}")


def _dates(value: Any) -> list[dt.date]:
    if isinstance(value, (dt.date, dt.datetime)):
        return [_date(value)]
    text = _text(value)
    if text == "无":
        return []
    for separator in DATE_SEPARATORS:
        text = text.replace(separator, " ")
    return [_date(part) for part in text.split()]


def parse_cell(row: Row, value: Any) -> Any:
    """The window value of a non-empty cell of a row (``member`` rows give a bool).

    Raises:
        BadCell: When the cell cannot hold the field's value.
    """
    kind = row.kind
    if kind == "text":
        return _text(value)
    if kind in ("int", "activities"):
        return _int(value)
    if kind == "decimal":
        return _decimal(value)
    if kind in ("bool", "member"):
        return _bool(value)
    if kind == "date":
        return _date(value)
    if kind == "dates":
        return _dates(value)
    assert row.enum is not None
    return _enum(value, row.enum)


def write_cell(row: Row, value: Any) -> Any:
    """The cell content of a window value (None stays an empty cell)."""
    if value is None:
        return None
    if row.kind in ("bool", "member"):
        return YES if value else NO
    if row.kind == "enum":
        return value.label("zh")
    if row.kind == "dates":
        return "、".join(d.isoformat() for d in value) if value else "无"
    if row.kind == "activities":
        return len(value)
    if row.kind == "decimal":
        return int(value) if value == value.to_integral_value() else float(value)
    return value
