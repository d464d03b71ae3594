"""The rows of the scoring workbook's input sheet, derived from the window model (no spreadsheet code here).

Every scalar fact of :class:`~window_standard.Window` is one row, labelled in Chinese from the model's
``title_zh``; a list of enum members (``environment.displays``) is one 是/否 row per member; the dates of
``lei_feng.reports_to_association`` share one cell; the activities have a sheet of their own, and the input
sheet keeps their number. A window is one column.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from .._model import Window
from .._model.labels import LabelledEnum
from .._model.sections import Activity

__all__ = ["ACTIVITY_COLUMNS", "ACTIVITY_PATH", "Kind", "Row", "activity_columns", "input_rows"]

Kind = Literal["text", "int", "decimal", "bool", "date", "enum", "member", "dates", "activities"]

#: Where a window keeps its activities.
ACTIVITY_PATH = ("lei_feng", "activities")


@dataclass(frozen=True)
class Row:
    """One row of the input sheet (or one column of the activities sheet).

    Attributes:
        path: The field's path in the window (``("staff", "headcount")``).
        label: Its Chinese label, with its section (``服务人员 · 窗口人员数``).
        kind: How its cells are written and read.
        enum: The enum of an ``enum`` or ``member`` row.
        member: The member a ``member`` row says 是/否 about.
        required: Whether the model requires the field (a blank cell is then an error of the model's).
    """

    path: tuple[str, ...]
    label: str
    kind: Kind
    enum: type[LabelledEnum] | None = None
    member: LabelledEnum | None = None
    required: bool = False

    @property
    def field(self) -> str:
        """The dotted path (``staff.headcount``), as errors name it."""
        return ".".join(self.path)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside ``X | None`` and ``Annotated[X, ...]``, and whether None is allowed."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            annotation = args[0]
        else:
            return annotation, optional


def _scalar(kind: Any) -> Kind | None:
    if isinstance(kind, type) and issubclass(kind, LabelledEnum):
        return "enum"
    table: dict[Any, Kind] = {bool: "bool", int: "int", Decimal: "decimal", dt.date: "date", str: "text"}
    return table.get(kind)


def _label(info: Any, name: str) -> str:
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return str(extra.get("title_zh", name))


def _rows(model: type[BaseModel], path: tuple[str, ...], section: str) -> list[Row]:
    rows: list[Row] = []
    for name, info in model.model_fields.items():
        inner, optional = _unwrap(info.annotation)
        here, label = (*path, name), _label(info, name)
        title = f"{section} · {label}" if section else label
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            rows += _rows(inner, here, title)
            continue
        if typing.get_origin(inner) is list:
            item = _unwrap(typing.get_args(inner)[0])[0]
            if item is Activity:
                rows.append(Row(here, f"{title}（条数，明细见“活动”表）", "activities"))
            elif item is dt.date:
                rows.append(Row(here, f"{title}（多个日期以“、”分隔）", "dates"))
            else:
                rows += [Row(here, f"{title} · {m.label('zh')}", "member", item, m) for m in item]
            continue
        kind = _scalar(inner)
        assert kind is not None, f"no spreadsheet form for {here}: {inner!r}"  # the model's types are fixed
        enum = inner if kind == "enum" else None
        rows.append(Row(here, title, kind, enum, None, required=not optional and info.is_required()))
    return rows


@cache
def input_rows() -> tuple[Row, ...]:
    """The rows of the input sheet, in the model's order (the model is fixed: computed once)."""
    return tuple(_rows(Window, (), ""))


@cache
def activity_columns() -> tuple[Row, ...]:
    """The columns of the activities sheet after the window id column."""
    return tuple(_rows(Activity, (), ""))


#: Headers of the activities sheet.
ACTIVITY_COLUMNS = ("窗口编号",)
