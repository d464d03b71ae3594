"""The flat layout of windows: one row per window with dotted column names, activities in a long table.

Pure Python (no pandas): a window document ↔ ``(row, activities)``, for CSV, Excel and DataFrames.

* Every plain field of the window is a column named by its path: ``staff.headcount``,
  ``quality.survey.sampled``. An empty cell is "no data" (never 0).
* A list of plain values (``environment.displays``, ``lei_feng.reports_to_association``) is one cell, its
  values separated by ``;``; ``[]`` is an empty list (an empty cell: no list, no data).
* The activities (``lei_feng.activities``) are rows of a second table, keyed by ``window_id``, with
  the activity's fields as columns (``date``, ``kind``, ``title``, ``participants``,
  ``owner_participants``); the main row's ``lei_feng.activities`` cell holds their number (``0``: an
  empty list; empty: no list).

Cells may be text (CSV) or native values (Excel, DataFrames); :func:`to_document` converts them by the
field's type and names the column of any cell it cannot read.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel

__all__ = [
    "ACTIVITIES",
    "ACTIVITY_KEY",
    "Column",
    "FlatLayoutError",
    "activity_columns",
    "columns",
    "from_document",
    "to_document",
]

#: The list of records kept in the second table.
ACTIVITIES = ("lei_feng", "activities")
#: The key column of the second table.
ACTIVITY_KEY = "window_id"
_SEPARATOR = ";"
_EMPTY_LIST = "[]"


class FlatLayoutError(ValueError):
    """A cell of the flat layout that cannot be read; names the column (and the value)."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(f"{column}: {message}")
        self.column = column


@dataclass(frozen=True)
class Column:
    """One column of the flat layout.

    Attributes:
        name: The dotted path.
        kind: ``int``, ``decimal``, ``bool``, ``date``, ``str`` (enums too) or ``count`` (the
            activities' number).
        many: Whether the cell holds a list of such values.
    """

    name: str
    kind: str
    many: bool = False


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    many = False
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is list:
        many, annotation = True, typing.get_args(annotation)[0]
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
    return annotation, many


def _kind(annotation: Any) -> str:
    if annotation is bool:
        return "bool"
    if annotation is int:
        return "int"
    if annotation is Decimal:
        return "decimal"
    if annotation is dt.date:
        return "date"
    return "str"


def _walk(model: type[BaseModel], prefix: str) -> list[Column]:
    found: list[Column] = []
    for name, info in model.model_fields.items():
        inner, many = _unwrap(info.annotation)
        path = f"{prefix}{name}"
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            if many:
                found.append(Column(path, "count"))
            else:
                found.extend(_walk(inner, path + "."))
        else:
            found.append(Column(path, _kind(inner), many))
    return found


@cache
def columns() -> tuple[Column, ...]:
    """The columns of the main table, in order."""
    from .._model import Window

    return tuple(_walk(Window, ""))


@cache
def activity_columns() -> tuple[Column, ...]:
    """The columns of the activities table (after ``window_id``)."""
    from .._model import Activity

    return tuple(_walk(Activity, ""))


def _native(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _cell(value: Any, column: Column) -> Any:
    if value is None:
        return None
    if column.many:
        return _SEPARATOR.join(str(_native(v)) for v in value) if value else _EMPTY_LIST
    return _native(value)


def _get(data: Mapping[str, Any], path: str) -> Any:
    value: Any = data
    for step in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(step)
    return value


def from_document(window: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The flat row of a window (a ``Window`` or its document) and its activity rows."""
    from .._model import Window

    valid = window if isinstance(window, Window) else Window.model_validate(window)
    data = valid.model_dump(mode="python")
    row: dict[str, Any] = {}
    for column in columns():
        value = _get(data, column.name)
        row[column.name] = (
            (None if value is None else len(value)) if column.kind == "count" else _cell(value, column)
        )
    activities = [
        {ACTIVITY_KEY: valid.id, **{c.name: _cell(_get(item, c.name), c) for c in activity_columns()}}
        for item in (_get(data, ".".join(ACTIVITIES)) or [])
    ]
    return row, activities


def _missing(value: Any) -> bool:
    if value is None or (isinstance(value, str) and not value):
        return True
    return isinstance(value, float) and value != value  # NaN: pandas' empty cell


def _scalar(value: Any, kind: str, name: str) -> Any:
    try:
        if kind == "bool":
            return _boolean(value)
        if kind in ("int", "count"):
            if isinstance(value, bool):
                raise ValueError
            if isinstance(value, float):
                if not value.is_integer():
                    raise ValueError
                return int(value)
            return int(value) if isinstance(value, int) else int(str(value).strip())
        if kind == "decimal":
            if isinstance(value, bool):
                raise ValueError
            return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value).strip())
        if kind == "date":
            if isinstance(value, dt.datetime):
                return value.date()
            return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value).strip())
    except (ValueError, InvalidOperation):
        raise FlatLayoutError(name, f"{value!r} is not a {_KIND_TEXT[kind]}") from None
    return value if isinstance(value, str) else str(value)


_KIND_TEXT = {
    "bool": "yes/no value (true/false)",
    "int": "whole number",
    "count": "whole number",
    "decimal": "number",
    "date": "date (YYYY-MM-DD)",
}


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "1", "是"):
        return True
    if text in ("false", "no", "0", "否"):
        return False
    raise ValueError(text)


def _value(value: Any, column: Column) -> Any:
    if _missing(value):
        return None
    if not column.many:
        return _scalar(value, column.kind, column.name)
    if isinstance(value, (list, tuple)):
        return [_scalar(v, column.kind, column.name) for v in value]
    text = str(value).strip()
    if text == _EMPTY_LIST:
        return []
    return [_scalar(part, column.kind, column.name) for part in text.split(_SEPARATOR) if part.strip()]


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    steps = path.split(".")
    for step in steps[:-1]:
        data = data.setdefault(step, {})
    data[steps[-1]] = value


def to_document(row: Mapping[str, Any], activities: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The window document of a flat row and its activity rows (validate it with ``Window``).

    Columns the layout does not have are refused (a misspelt column would otherwise be lost).

    Raises:
        FlatLayoutError: For a cell that cannot be read, or an unknown column (it names the column).
    """
    known = {c.name: c for c in columns()}
    for name in row:
        if name not in known and name != ACTIVITY_KEY:
            raise FlatLayoutError(name, "unknown column; see window_standard.analysis.template_frame()")
    data: dict[str, Any] = {}
    for name, value in row.items():
        column = known.get(name)
        if column is None:
            continue
        parsed = _value(value, column)
        if column.kind == "count":
            if parsed is not None:
                _put(data, name, [_activity(a) for a in activities])
                if parsed != len(activities):
                    raise FlatLayoutError(
                        name,
                        f"says {parsed} activities, the activities table has "
                        f"{len(activities)} for this window",
                    )
        elif parsed is not None:
            _put(data, name, parsed)
    for section in (
        "project",
        "organisation",
        "environment",
        "staff",
        "process",
        "quality",
        "lei_feng",
        "incidents",
    ):
        data.setdefault(section, {})
    return data


def _activity(item: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    by_name = {c.name: c for c in activity_columns()}
    for name, value in item.items():
        if name == ACTIVITY_KEY:
            continue
        column = by_name.get(name)
        if column is None:
            raise FlatLayoutError(f"activities.{name}", "unknown column of the activities table")
        parsed = _value(value, column)
        if parsed is not None:
            out[name] = parsed
    return out
