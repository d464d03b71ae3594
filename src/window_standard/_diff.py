"""What changes between two standards: rule by rule, parameter by parameter and, given windows, by window."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field

from ._base import FrozenModel
from ._model import Window
from ._numbers import json_native
from ._result import Result, StandardStamp
from ._standard import Standard

__all__ = ["Change", "CriterionChange", "FieldChange", "StandardDiff", "WindowChange", "diff"]

Subject = Literal["edition", "parameter", "constant", "district", "category", "level", "criterion"]


class FieldChange(FrozenModel):
    """One field that differs, with its JSON values before and after (None: absent)."""

    field: str
    before: Any = None
    after: Any = None


class Change(FrozenModel):
    """Something added, removed or changed in the rule set."""

    subject: Subject
    id: str
    change: Literal["added", "removed", "changed"]
    fields: list[FieldChange] = Field(default_factory=list)

    def describe(self) -> str:
        """One line: ``changed parameter pass_threshold: 90 → 92``."""
        details = "; ".join(f"{f.field}: {_short(f.before)} → {_short(f.after)}" for f in self.fields)
        return f"{self.change} {self.subject} {self.id}" + (f": {details}" if details else "")


class CriterionChange(FrozenModel):
    """How one criterion's outcome differs for one window."""

    id: str
    status_before: str | None
    status_after: str | None
    points_before: Decimal | None
    points_after: Decimal | None


class WindowChange(FrozenModel):
    """A window whose level or total differs between the two standards, with the criteria responsible."""

    window_id: str
    level_before: str
    level_after: str
    score_before: Decimal
    score_after: Decimal
    criteria: list[CriterionChange]


class StandardDiff(FrozenModel):
    """The differences between standard ``a`` (before) and ``b`` (after)."""

    a: StandardStamp
    b: StandardStamp
    changes: list[Change]
    windows: list[WindowChange] | None = None
    windows_compared: int = 0

    def to_text(self) -> str:
        """A plain-text report, one change per line."""
        lines = [f"{self.a.id} {self.a.version} → {self.b.id} {self.b.version}"]
        lines += [f"  {c.describe()}" for c in self.changes] or ["  no rule changes"]
        if self.windows is not None:
            lines.append(f"windows whose result changes: {len(self.windows)} of {self.windows_compared}")
            for w in self.windows:
                lines.append(
                    f"  {w.window_id}: {w.level_before} {w.score_before} → {w.level_after} {w.score_after} "
                    f"({', '.join(c.id for c in w.criteria)})"
                )
        return "\n".join(lines)

    def to_markdown(self) -> str:
        """A Markdown section suitable for a CHANGELOG entry."""
        lines = [f"### Rule changes: `{self.a.id}` {self.a.version} → `{self.b.id}` {self.b.version}", ""]
        for c in self.changes:
            details = "; ".join(f"`{f.field}`: {_md(f.before)} → {_md(f.after)}" for f in c.fields)
            lines.append(
                f"- **{c.change.capitalize()}** {c.subject} `{c.id}`" + (f": {details}" if details else "")
            )
        if not self.changes:
            lines.append("- No rule changes.")
        if self.windows is not None:
            lines += [
                "",
                f"#### Windows whose result changes ({len(self.windows)} of {self.windows_compared})",
                "",
            ]
            lines += ["| window | level | score | criteria |", "|---|---|---|---|"]
            for w in self.windows:
                lines.append(
                    f"| {w.window_id} | {w.level_before} → {w.level_after} | {w.score_before} → "
                    f"{w.score_after} | {', '.join(c.id for c in w.criteria)} |"
                )
        return "\n".join(lines) + "\n"


def diff(
    a: Standard, b: Standard, windows: Iterable[Window | Mapping[str, Any]] | None = None
) -> StandardDiff:
    """Compare two standards, and optionally their results on a population of windows.

    Args:
        a: The standard before.
        b: The standard after.
        windows: Windows to evaluate with both; those whose level or total changes are listed.
    """
    changes = [
        *_edition(a, b),
        *_keyed("parameter", json_native(a.spec.parameters), json_native(b.spec.parameters)),
    ]
    changes += _keyed("constant", json_native(a.spec.constants), json_native(b.spec.constants))
    changes += _keyed("district", _names(a), _names(b))
    changes += _keyed("category", _by_id(a.spec.categories), _by_id(b.spec.categories))
    changes += _keyed("level", _by_id(a.spec.levels), _by_id(b.spec.levels))
    changes += _keyed("criterion", _by_id(a.spec.criteria), _by_id(b.spec.criteria))
    stamp_a = StandardStamp(id=a.id, version=a.version, digest=a.digest)
    stamp_b = StandardStamp(id=b.id, version=b.version, digest=b.digest)
    if windows is None:
        return StandardDiff(a=stamp_a, b=stamp_b, changes=changes)
    population = [w if isinstance(w, Window) else Window.model_validate(w) for w in windows]
    moved = [
        c
        for w in population
        if (c := _window_change(a.evaluate(w, explain=False), b.evaluate(w, explain=False)))
    ]
    return StandardDiff(
        a=stamp_a, b=stamp_b, changes=changes, windows=moved, windows_compared=len(population)
    )


def _edition(a: Standard, b: Standard) -> list[Change]:
    keys = (
        "id",
        "version",
        "title",
        "document",
        "provenance",
        "disclaimer",
        "effective",
        "total",
        "veto_without_data",
        "district_changes",
    )
    before = json_native(a.spec.model_dump(by_alias=True, include=set(keys)))
    after = json_native(b.spec.model_dump(by_alias=True, include=set(keys)))
    fields = _fields(before, after)
    return [Change(subject="edition", id=b.id, change="changed", fields=fields)] if fields else []


def _keyed(subject: Subject, before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    changes: list[Change] = []
    for key in [*before, *(k for k in after if k not in before)]:
        if key not in after:
            changes.append(Change(subject=subject, id=key, change="removed"))
        elif key not in before:
            changes.append(Change(subject=subject, id=key, change="added"))
        elif before[key] != after[key]:
            changes.append(
                Change(subject=subject, id=key, change="changed", fields=_fields(before[key], after[key]))
            )
    return changes


def _fields(before: Any, after: Any, prefix: str = "") -> list[FieldChange]:
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return [FieldChange(field=prefix or "value", before=before, after=after)]
    found: list[FieldChange] = []
    for key in [*before, *(k for k in after if k not in before)]:
        if before.get(key) != after.get(key):
            found += _fields(before.get(key), after.get(key), f"{prefix}.{key}" if prefix else str(key))
    return found


def _names(standard: Standard) -> dict[str, Any]:
    """The standard's district names, code -> {zh, en}."""
    return {code: name.model_dump() for code, name in standard.spec.district_names.items()}


def _by_id(items: Iterable[BaseModel]) -> dict[str, Any]:
    """Items keyed by their ``id`` field, as canonical JSON."""
    found: dict[str, Any] = {}
    for item in items:
        data = json_native(item.model_dump(by_alias=True, exclude_none=True))
        found[str(data["id"])] = data
    return found


def _window_change(before: Result, after: Result) -> WindowChange | None:
    if (before.level, before.score) == (after.level, after.score):
        return None
    ids = [*before.criteria, *(k for k in after.criteria if k not in before.criteria)]
    moved = []
    for cid in ids:
        old, new = before.criteria.get(cid), after.criteria.get(cid)
        pair = (
            (old.status, old.points) if old else (None, None),
            (new.status, new.points) if new else (None, None),
        )
        if pair[0] != pair[1]:
            moved.append(
                CriterionChange(
                    id=cid,
                    status_before=pair[0][0],
                    status_after=pair[1][0],
                    points_before=pair[0][1],
                    points_after=pair[1][1],
                )
            )
    return WindowChange(
        window_id=before.window_id,
        level_before=before.level,
        level_after=after.level,
        score_before=before.score,
        score_after=after.score,
        criteria=moved,
    )


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if value is not None else "—"
    return text if len(text) <= 80 else text[:77] + "..."


def _md(value: Any) -> str:
    return "—" if value is None else f"`{_short(value)}`"
