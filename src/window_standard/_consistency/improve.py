"""Improvements of a window: changes that make no fact worse (behind ``testing.improvements``).

Each *move* looks at a window document (plain data) and, when it can, draws one change for the better as
a :class:`Patch` (set a path to a value, or append an item to a list). :func:`improved` applies one to
three moves. Patches are absolute, so they can be replayed on a simplified window while a counter-example
is minimised. The moves are the transformations listed in the docstring of
:func:`window_standard.testing.improvements`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

from hypothesis import strategies as st

from .._model import ActivityKind, Display, Facility, LogKind, PublicityPlatform, Window
from .facts import BOUNDED_BY, GOOD_WHEN_FALSE, GOOD_WHEN_TRUE, HIGHER_IS_BETTER, LOWER_IS_BETTER
from .paths import get_path, set_path
from .setting import Setting

__all__ = ["MOVES", "Move", "Patch", "apply_patches", "improved"]

Data = dict[str, Any]

_ENUM_LISTS: dict[str, type[Enum]] = {
    "environment.displays": Display,
    "environment.facilities": Facility,
    "process.logs": LogKind,
    "lei_feng.publicity_platforms": PublicityPlatform,
}


@dataclass(frozen=True)
class Patch:
    """One change of a window document: set ``path`` to ``value``, or append ``value`` to the list there."""

    path: str
    value: Any
    append: bool = False

    def apply(self, data: Data) -> str:
        """Change ``data`` in place and describe the change."""
        before = get_path(data, self.path)
        if self.append:
            set_path(data, self.path, [*(before or []), self.value])
            return f"{self.path}: + {_show(self.value)}"
        set_path(data, self.path, self.value)
        return f"{self.path}: {_show(before)} -> {_show(self.value)}"


@dataclass(frozen=True)
class Move:
    """One kind of improvement.

    Attributes:
        name: A short name.
        path: The fact it changes.
        can: Whether it applies to a window document.
        draw: Draws the change for a document it applies to.
    """

    name: str
    path: str
    can: Callable[[Data, Setting], bool]
    draw: Callable[[st.DrawFn, Data, Setting], Patch]


def _show(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, dict) and "kind" in value:
        return (
            f"{_show(value['kind'])} on {value['date']} ({value.get('participants')} participants, "
            f"{value.get('owner_participants')} owners)"
        )
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return str(value).lower()
    return "null" if value is None else str(value)


def _section_exists(data: Data, path: str) -> bool:
    return isinstance(get_path(data, path.rsplit(".", 1)[0]), dict)


def _flag(path: str, good: bool) -> Move:
    def can(data: Data, setting: Setting) -> bool:
        value = get_path(data, path)
        return value is True if not good else value is not True

    return Move(f"{path} := {str(good).lower()}", path, can, lambda draw, data, s: Patch(path, good))


def _is_decimal(path: str) -> bool:
    return path.endswith(("_hours", "_minutes"))


def _raise(path: str) -> Move:
    bound_path = BOUNDED_BY.get(path)

    def bound(data: Data) -> int | None:
        value = get_path(data, bound_path) if bound_path else None
        return value if isinstance(value, int) else None

    def can(data: Data, setting: Setting) -> bool:
        value, top = get_path(data, path), bound(data)
        return _section_exists(data, path) and (value is None or top is None or value < top)

    def draw_patch(draw: st.DrawFn, data: Data, setting: Setting) -> Patch:
        value, top = get_path(data, path), bound(data)
        low = 0 if value is None else int(value) + 1
        if top is not None:
            new: Any = draw(st.integers(low, top))
        elif _is_decimal(path):
            new = Decimal(draw(st.integers(0, 80))) if value is None else value + draw(st.integers(1, 40))
        else:
            new = draw(st.integers(low, low + 20))
        return Patch(path, new)

    return Move(f"{path} up", path, can, draw_patch)


def _lower(path: str) -> Move:
    def can(data: Data, setting: Setting) -> bool:
        value = get_path(data, path)
        return _section_exists(data, path) and (value is None or value > 0)

    def draw_patch(draw: st.DrawFn, data: Data, setting: Setting) -> Patch:
        value = get_path(data, path)
        if value is None:
            new: Any = Decimal(0) if _is_decimal(path) else 0
        elif isinstance(value, int):
            new = draw(st.integers(0, value - 1))
        else:
            new = Decimal(value) * draw(st.integers(0, 9)) / 10
        return Patch(path, new)

    return Move(f"{path} down", path, can, draw_patch)


def _add_member(path: str, enum: type[Enum]) -> Move:
    def missing(data: Data) -> list[Enum]:
        present = get_path(data, path) or []
        return [m for m in enum if m not in present]

    def draw_patch(draw: st.DrawFn, data: Data, setting: Setting) -> Patch:
        return Patch(path, draw(st.sampled_from(missing(data))), append=True)

    return Move(f"{path} +1", path, lambda data, s: bool(missing(data)), draw_patch)


def _period_day(setting: Setting) -> st.SearchStrategy[date]:
    return st.one_of(
        st.sampled_from((setting.period_start, setting.period_end)),
        st.dates(setting.period_start, setting.period_end),
    )


def _add_activity(draw: st.DrawFn, data: Data, setting: Setting) -> Patch:
    activity = {
        "date": draw(_period_day(setting)),
        "kind": draw(st.sampled_from(list(ActivityKind))),
        "participants": draw(st.integers(0, 30)),
        "owner_participants": draw(st.integers(0, 30)),
    }
    return Patch("lei_feng.activities", activity, append=True)


def _add_report(draw: st.DrawFn, data: Data, setting: Setting) -> Patch:
    return Patch("lei_feng.reports_to_association", draw(_period_day(setting)), append=True)


def _set_team(draw: st.DrawFn, data: Data, setting: Setting) -> Patch:
    day = draw(st.dates(setting.period_start - timedelta(days=60), setting.period_end))
    return Patch("lei_feng.volunteer_team", {"established_on": day, "members": draw(st.integers(0, 40))})


def _plan_can(data: Data, setting: Setting) -> bool:
    day = get_path(data, "organisation.campaign_plan_adopted_on")
    return day is None or day > data["assessed_on"]


def _plan(draw: st.DrawFn, data: Data, setting: Setting) -> Patch:
    assessed_on: date = data["assessed_on"]
    earliest = min(assessed_on, setting.period_start) - timedelta(days=30)
    day = draw(st.one_of(st.just(assessed_on), st.dates(earliest, assessed_on)))
    return Patch("organisation.campaign_plan_adopted_on", day)


MOVES: tuple[Move, ...] = (
    *(_flag(path, True) for path in GOOD_WHEN_TRUE),
    *(_flag(path, False) for path in GOOD_WHEN_FALSE),
    *(_raise(path) for path in HIGHER_IS_BETTER),
    *(_lower(path) for path in LOWER_IS_BETTER),
    *(_add_member(path, enum) for path, enum in _ENUM_LISTS.items()),
    Move("add activity", "lei_feng.activities", lambda data, s: True, _add_activity),
    Move("add report", "lei_feng.reports_to_association", lambda data, s: True, _add_report),
    Move(
        "set up volunteer team",
        "lei_feng.volunteer_team",
        lambda data, s: get_path(data, "lei_feng.volunteer_team") is None,
        _set_team,
    ),
    Move("adopt campaign plan", "organisation.campaign_plan_adopted_on", _plan_can, _plan),
)


def apply_patches(window: Window, patches: Iterable[Patch]) -> tuple[Window, tuple[str, ...]]:
    """The window with the patches applied, and a description of each change.

    Raises:
        pydantic.ValidationError: When the patched document is not a valid window.
    """
    data: Data = window.model_dump()
    notes = tuple(patch.apply(data) for patch in patches)
    return Window.model_validate(data), notes


@st.composite
def improved(
    draw: st.DrawFn, window: Window, setting: Setting, moves: tuple[Move, ...] = MOVES
) -> tuple[Window, tuple[Patch, ...]]:
    """A window at least as good as ``window`` on every fact, and the patches that made it (one to three)."""
    data: Data = window.model_dump()
    patches: list[Patch] = []
    for _ in range(draw(st.integers(1, 3))):
        possible = [m for m in moves if m.can(data, setting)]
        if not possible:
            break
        patch = draw(st.sampled_from(possible)).draw(draw, data, setting)
        patch.apply(data)
        patches.append(patch)
    return Window.model_validate(data), tuple(patches)
