"""The field dictionary of the window document (``docs/fields.md``), generated from the model."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import types
import typing
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

__all__ = ["field_dictionary"]

_HEAD = """# Field dictionary of the window document

Generated from the model `ws.Window` (`python -m window_standard._reference docs`); a test keeps it current.
Every fact inside a section is optional: absent or `null` means **no data** (never zero); for a list, `null`
is no data and `[]` is "explicitly none". Unknown fields are refused. The example column is the value in
`ws.examples.window("example")`. The JSON Schema of the same document: `window-standard schema --print
window`.
"""
_UNITS = {
    "_m2": ("平方米", "m²"),
    "_hours": ("小时", "hours"),
    "_minutes": ("分钟", "minutes"),
    "_days": ("天", "days"),
}
_MAX_EXAMPLE = 40


def field_dictionary() -> str:
    """One table per section of the window: field, 中文, type, unit, description and example."""
    from .. import examples
    from .._model import Window

    example = examples.window("example")
    parts = [_HEAD, *_table("(document)", Window, example, "")]
    for name, info in Window.model_fields.items():
        model, _ = _nested(info.annotation)
        if model is not None:
            value = example.get(name)
            parts += _table(name, model, value[0] if isinstance(value, list) and value else value, f"{name}.")
    for name, (model, value) in _all_nested(Window):
        parts += _table(name, model, value, f"{name}.")
    return "\n".join(parts).rstrip() + "\n"


def _all_nested(root: type[BaseModel]) -> list[tuple[str, tuple[type[BaseModel], Any]]]:
    """Models two levels down (``lei_feng.activities``), with an example item."""
    from .. import examples

    example = examples.window("example")
    found: list[tuple[str, tuple[type[BaseModel], Any]]] = []
    for name, info in root.model_fields.items():
        section, _ = _nested(info.annotation)
        if section is None:
            continue
        for sub, sub_info in section.model_fields.items():
            model, _ = _nested(sub_info.annotation)
            if model is not None:
                value = (example.get(name) or {}).get(sub)
                found.append(
                    (f"{name}.{sub}", (model, value[0] if isinstance(value, list) and value else value))
                )
    return found


def _table(title: str, model: type[BaseModel], example: Any, prefix: str) -> list[str]:
    doc = inspect.cleandoc(model.__doc__ or "").split("\n")[0]
    lines = [f"## {title}", "", doc, "", "| field | 中文 | type | unit | description | example |"]
    lines.append("|---|---|---|---|---|---|")
    for name, info in model.model_fields.items():
        nested, _ = _nested(info.annotation)
        if nested is not None and title == "(document)":
            kind = f"section, see [{name}](#{name.replace('.', '')})"
        else:
            kind = _type(info.annotation)
        zh = (
            str((info.json_schema_extra or {}).get("title_zh", ""))
            if isinstance(info.json_schema_extra, dict)
            else ""
        )
        unit = next((f"{u[1]} / {u[0]}" for suffix, u in _UNITS.items() if name.endswith(suffix)), "")
        value = example.get(name) if isinstance(example, dict) else None
        shown = "" if nested is not None else _example(value)
        description = _cell(info.description or "")
        lines.append(f"| `{prefix}{name}` | {zh} | {kind} | {unit} | {description} | {shown} |")
    return [*lines, ""]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _example(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (dt.date, Decimal, int, str)):
        text = str(value)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    text = text if len(text) <= _MAX_EXAMPLE else text[: _MAX_EXAMPLE - 1] + "…"
    return f"`{_cell(text)}`"


def _nested(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model inside ``X | None`` or ``list[X] | None``, and whether it is a list."""
    base, _ = _unwrap(annotation)
    if typing.get_origin(base) is list:
        (item,) = typing.get_args(base)
        inner, _ = _unwrap(item)
        return (inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None), True
    return (base if isinstance(base, type) and issubclass(base, BaseModel) else None), False


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), len(args) < len(typing.get_args(annotation))
    return annotation, False


def _type(annotation: Any) -> str:
    base, nullable = _unwrap(annotation)
    text = _base_type(base)
    return f"{text}, or null" if nullable else text


def _base_type(base: Any) -> str:
    if typing.get_origin(base) is typing.Annotated:
        args = typing.get_args(base)
        inner = args[0]
        return "integer ≥ 0" if inner is int else "decimal ≥ 0" if inner is Decimal else _base_type(inner)
    if typing.get_origin(base) is list:
        (item,) = typing.get_args(base)
        return f"list of {_base_type(_unwrap(item)[0])}"
    if isinstance(base, type) and issubclass(base, Enum):
        return "one of " + ", ".join(f"`{m.value}`" for m in base)
    if isinstance(base, type) and issubclass(base, BaseModel):
        return base.__name__
    names = {
        bool: "true / false",
        str: "text",
        dt.date: "date (YYYY-MM-DD)",
        int: "integer",
        Decimal: "decimal",
    }
    return names.get(base, str(base))
