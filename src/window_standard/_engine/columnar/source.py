"""Filling a :class:`~.table.Table` with what the rules read, from ``Window`` objects.

One Python pass per column: an attribute chain per window (no data where any step is missing), then one
array per column. Lists are flattened into offsets and item columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from operator import attrgetter
from typing import Any

import numpy as np

from .program import Needs
from .table import ListColumn, Table, column

__all__ = ["from_objects", "getter", "reader"]


def getter(path: tuple[str, ...]) -> Callable[[Any], Any]:
    """Read ``path`` from an object; None when any step on the way is None."""
    whole = attrgetter(".".join(path))

    def read(obj: Any) -> Any:
        try:
            return whole(obj)
        except AttributeError:
            for step in path:
                obj = getattr(obj, step)
                if obj is None:
                    return None
            raise

    return read


@cache
def reader(path: tuple[str, ...]) -> Callable[[Sequence[Any]], list[Any]]:
    """A list comprehension reading ``path`` from every object (no data where a step is None).

    Generated once per path: one attribute chain per object, guarded where a step may be None, is several
    times faster than a getter call per object. The path is a field path the type checker resolved on
    the model (identifiers only).
    """
    if not all(step.isidentifier() for step in path):
        raise ValueError(f"not a field path: {path!r}")
    code = "o"
    for step in path[:-1]:
        code = f"(None if (t := {code}) is None else t.{step})"
    body = f"[None if (t := {code}) is None else t.{path[-1]} for o in objects]"
    scope: dict[str, Any] = {"__builtins__": {}}
    exec(compile(f"def read(objects):\n    return {body}\n", "<columnar reader>", "exec"), scope)
    read: Callable[[Sequence[Any]], list[Any]] = scope["read"]
    return read


def from_objects(windows: Sequence[Any], needs: Needs) -> Table:
    """The table of ``windows`` (validated ``Window`` objects) for the columns ``needs`` names."""
    rows = len(windows)
    unsure = np.zeros(rows, np.bool_)
    vocab: dict[str, int] = {}
    scalars = {}
    for path, typ in needs.scalars.items():
        scalars[path] = column(reader(path)(windows), typ, vocab, unsure)
    lists = {}
    for path, wanted in needs.lists.items():
        values = reader(path)(windows)
        known = np.fromiter((v is not None for v in values), np.bool_, rows)
        lengths = np.fromiter((len(v) if v is not None else 0 for v in values), np.int64, rows)
        offsets = np.zeros(rows + 1, np.int64)
        np.cumsum(lengths, out=offsets[1:])
        flat = [item for v in values if v is not None for item in v]
        item_unsure = np.zeros(len(flat), np.bool_)
        lc = ListColumn(offsets, known)
        if wanted.items:
            lc.items = column(flat, wanted.item, vocab, item_unsure)
        for sub, typ in wanted.fields.items():
            lc.fields[sub] = column(reader(sub)(flat), typ, vocab, item_unsure)
        if item_unsure.any():
            owner = np.repeat(np.arange(rows), lengths)
            unsure[owner[item_unsure]] = True
        lists[path] = lc
    return Table(rows, scalars, lists, unsure, vocab)
