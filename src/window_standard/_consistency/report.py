"""Rendering consistency outcomes: counter-example windows as YAML documents ready to paste."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

import yaml

from .._model import Window
from .._numbers import decimal_text

if TYPE_CHECKING:
    from .runner import Outcome

__all__ = ["render_outcomes", "window_yaml"]


class _Dumper(yaml.SafeDumper):
    """A safe dumper writing decimals as numbers, enum members as their values, and no aliases.

    The rule-file loader refuses aliases, so a pasted counter-example must not have any.
    """

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    if value == value.to_integral_value():
        return dumper.represent_int(int(value))
    return dumper.represent_scalar("tag:yaml.org,2002:float", decimal_text(value))


def _enum(dumper: yaml.SafeDumper, value: Enum) -> yaml.ScalarNode:
    return dumper.represent_str(str(value.value))


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_multi_representer(Enum, _enum)


def _minimal(window: Window) -> dict[str, Any]:
    """The window's data without the fields left at their defaults (None facts, empty sections)."""
    data: dict[str, Any] = window.model_dump(exclude_defaults=True)
    return data


def window_yaml(window: Window) -> str:
    """A window as a YAML document (fields at their defaults left out), e.g. a golden case's base window."""
    text: str = yaml.dump(
        _minimal(window),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=None,
        width=110,
    )
    return text


def render_outcomes(title: str, outcomes: list[Outcome]) -> str:
    """The report of ``window-standard check``: one line per check, counter-examples as YAML."""
    lines = [title]
    for outcome in outcomes:
        if outcome.ok:
            lines.append(f"ok    {outcome.name}")
            continue
        lines.append(f"FAIL  {outcome.name}: {outcome.message}")
        lines += [f"      {detail}" for detail in outcome.details]
        sample = outcome.sample
        if sample is None:
            continue
        if outcome.name == "monotonicity":
            lines.append("      changes that made it worse:")
            lines += [f"        {change}" for change in sample.changes]
            lines += ["# counter-example: the window before the changes", window_yaml(sample.window).rstrip()]
            lines += ["# ... and after them", window_yaml(sample.improved).rstrip()]
        else:
            lines += ["# counter-example window", window_yaml(sample.window).rstrip()]
    failed = [o.name for o in outcomes if not o.ok]
    summary = f"{len(outcomes) - len(failed)} of {len(outcomes)} checks hold"
    lines.append(summary + (f"; failed: {', '.join(failed)}" if failed else ""))
    return "\n".join(lines)
