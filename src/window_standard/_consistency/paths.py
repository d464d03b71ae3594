"""Dotted field paths over the window model (``"staff.headcount"``): checking, reading and writing them."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel

__all__ = ["check_paths", "get_path", "model_at", "set_path"]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model class of a field annotation (``Staff``, ``Survey | None``), or None for other types."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        models = [m for m in map(_model_of, typing.get_args(annotation)) if m is not None]
        return models[0] if len(models) == 1 else None
    return None


def model_at(root: type[BaseModel], path: str, prefix: str = "") -> type[BaseModel] | None:
    """The model class of the section at ``path`` (None when the path ends at a plain field).

    Args:
        root: The model the path starts from.
        path: A dotted path.
        prefix: Written before the path in error messages (``"window."``).

    Raises:
        ValueError: When the path does not name a field of ``root`` or of its nested sections.
    """
    current: type[BaseModel] | None = root
    walked: list[str] = []
    for part in path.split("."):
        if current is None:
            raise ValueError(
                f"'{prefix}{'.'.join(walked)}' is not a section, so '{prefix}{path}' names no field"
            )
        info = current.model_fields.get(part)
        if info is None:
            known = ", ".join(current.model_fields)
            raise ValueError(
                f"unknown field '{prefix}{path}': {current.__name__} has no '{part}' (known: {known})"
            )
        walked.append(part)
        current = _model_of(info.annotation)
    return current


def check_paths(root: type[BaseModel], paths: Iterable[str], prefix: str = "") -> None:
    """Check that every path names a field and that no path lies inside another one.

    Args:
        root: The model the paths start from.
        paths: Dotted paths.
        prefix: Written before the paths in error messages (``"window."``).

    Raises:
        ValueError: For an unknown field, or for ``"staff"`` given together with ``"staff.headcount"``.
    """
    listed = sorted(paths)
    for path in listed:
        model_at(root, path, prefix)
    for path in listed:
        inner = [p for p in listed if p.startswith(path + ".")]
        if inner:
            raise ValueError(
                f"'{prefix}{path}' is given as a whole, so '{prefix}{inner[0]}' cannot be given as well"
            )


def get_path(data: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path of nested mappings (None when a section on the way is missing)."""
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at a dotted path of nested dicts, creating missing sections."""
    *head, last = path.split(".")
    target = data
    for part in head:
        child = target.get(part)
        if not isinstance(child, dict):
            child = {}
            target[part] = child
        target = child
    target[last] = value
