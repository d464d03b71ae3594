"""Minimising a counter-example: simplify the window while the check still fails.

Hypothesis finds a failing sample; this pass makes it small enough to read and to paste into a golden
case. It tries, field by field and until nothing more can go: leaving a section or a fact out, emptying a
list or dropping its items, lowering a number to 0 or halving it, and writing the identity fields in a
canonical way. The improvement patches are replayed on every simplified window (a simplification that
makes a patch invalid is not taken), and patches that are not needed for the failure are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import ValidationError

from .._model import Window
from .improve import Patch, apply_patches
from .paths import get_path

__all__ = ["Candidate", "minimise"]

_DROP = object()
#: Canonical identity values, tried in this order (fields of one entry change together).
_CANONICAL: tuple[dict[str, Any], ...] = (
    {"id": "w-0001"},
    {"name": "服务窗口"},
    {"kind": "customer_service_centre", "kind_other": _DROP},
    {"address": _DROP},
    {"assessor": "self"},
    {"district": "510107"},
    {"assessed_on": date(2013, 6, 20)},
)
_SECTIONS = ("project", "organisation", "environment", "staff", "process", "quality", "lei_feng", "incidents")


@dataclass(frozen=True)
class Candidate:
    """A window, the patches that improve it, the improved window and the changes they make."""

    window: Window
    patches: tuple[Patch, ...]
    improved: Window
    changes: tuple[str, ...]


def build(data: dict[str, Any], patches: tuple[Patch, ...]) -> Candidate | None:
    """A candidate from window data and patches, or None when either is invalid."""
    try:
        window = Window.model_validate(data)
        improved, changes = apply_patches(window, patches)
    except (ValidationError, TypeError, ValueError):
        return None
    return Candidate(window, patches, improved, changes)


def _leaves(data: dict[str, Any], prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Paths of every value set in the document, sections before their fields."""
    for key, value in list(data.items()):
        if value is None:
            continue
        path = (*prefix, key)
        yield path
        if isinstance(value, dict):
            yield from _leaves(value, path)


def _replacements(value: Any) -> Iterator[Any]:
    """Simpler values to try instead of ``value``, simplest first."""
    yield _DROP
    if isinstance(value, list) and value:
        yield []
        for index in range(len(value) - 1, -1, -1):
            yield [v for i, v in enumerate(value) if i != index]
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        yield 0
        yield value // 2
    if isinstance(value, Decimal) and value > 0:
        yield Decimal(0)
        yield Decimal(int(value / 2))


def _with(data: dict[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    copy: dict[str, Any] = {**data}
    target = copy
    for key in path[:-1]:
        target[key] = {**target[key]}
        target = target[key]
    if value is _DROP:
        target.pop(path[-1], None)
    else:
        target[path[-1]] = value
    return copy


class _Minimiser:
    def __init__(self, fails: Callable[[Candidate], bool], start: Candidate, budget: int) -> None:
        self.fails = fails
        self.best = start
        self.budget = budget

    def attempt(self, data: dict[str, Any], patches: tuple[Patch, ...]) -> bool:
        """Take the candidate made of ``data`` and ``patches`` if it is valid, new and still fails."""
        if self.budget <= 0:
            return False
        self.budget -= 1
        candidate = build(data, patches)
        if candidate is None or (candidate.window, candidate.patches) == (
            self.best.window,
            self.best.patches,
        ):
            return False
        if not self.fails(candidate):
            return False
        self.best = candidate
        return True

    def data(self) -> dict[str, Any]:
        dumped: dict[str, Any] = self.best.window.model_dump(exclude_defaults=True)
        return dumped

    def simplify_fields(self) -> bool:
        changed = False
        for simple in _CANONICAL:
            data = self.data()
            for name, value in simple.items():
                data = _with(data, (name,), value)
            if data != self.data():
                changed |= self.attempt(data, self.best.patches)
        for path in list(_leaves(self.data())):
            if path[0] not in _SECTIONS:
                continue
            current = get_path(self.data(), ".".join(path))
            if current is None:
                continue
            for value in _replacements(current):
                if self.attempt(_with(self.data(), path, value), self.best.patches):
                    changed = True
                    break
        return changed

    def drop_patches(self) -> bool:
        changed = False
        index = 0
        while len(self.best.patches) > 1 and index < len(self.best.patches):
            fewer = self.best.patches[:index] + self.best.patches[index + 1 :]
            if self.attempt(self.data(), fewer):
                changed = True
            else:
                index += 1
        return changed

    def simplify_patches(self) -> bool:
        """Replace an added enum member by the first member of its enum that still shows the failure."""
        changed = False
        for index, patch in enumerate(self.best.patches):
            if not (patch.append and isinstance(patch.value, Enum)):
                continue
            for member in type(patch.value):
                if member == patch.value:
                    break
                patches = list(self.best.patches)
                patches[index] = Patch(patch.path, member, append=True)
                if self.attempt(self.data(), tuple(patches)):
                    changed = True
                    break
        return changed

    def run(self) -> Candidate:
        while self.budget > 0 and (self.drop_patches() | self.simplify_fields() | self.simplify_patches()):
            pass
        return self.best


def minimise(start: Candidate, fails: Callable[[Candidate], bool], budget: int = 3000) -> Candidate:
    """The smallest candidate found, from ``start``, for which ``fails`` still holds.

    Args:
        start: A failing candidate.
        fails: Whether a candidate still shows the failure.
        budget: The most candidates to try.
    """
    return _Minimiser(fails, start, budget).run()
