"""The reader's names of window fields (``staff.headcount`` → 窗口人员数 / headcount), for explanations.

Chinese labels are the ``title_zh`` of each field in the window model; English ones the field's
description without its final full stop. A path that names no field is left out.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel

from .._model import Window
from .._vocab import Lang

__all__ = ["field_label"]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


@cache
def field_label(path: str, lang: Lang) -> str | None:
    """The label of a dotted window field path in one language, or None when it names no field."""
    model: type[BaseModel] | None = Window
    info = None
    for name in path.split("."):
        if model is None or name not in model.model_fields:
            return None
        info = model.model_fields[name]
        model = _model_of(info.annotation)
    if info is None:
        return None
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    if lang == "zh":
        label = extra.get("title_zh")
        return str(label) if label else None
    return (info.description or "").rstrip(".") or None
