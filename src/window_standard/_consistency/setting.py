"""The calendar and geography generated windows are drawn around: the campaign period and the districts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._standard import Standard

__all__ = ["DEFAULT_SETTING", "Setting", "setting_for"]

_DISTRICT = re.compile(r"^([0-9]{6}|gaoxin|tianfu|dongbu)$")

#: County-level divisions of Chengdu over the years (old and new codes) and its functional zones.
CHENGDU: tuple[str, ...] = (
    "510104",
    "510105",
    "510106",
    "510107",
    "510108",
    "510112",
    "510113",
    "510114",
    "510115",
    "510116",
    "510117",
    "510118",
    "510121",
    "510122",
    "510124",
    "510129",
    "510131",
    "510132",
    "510181",
    "510182",
    "510183",
    "510184",
    "510185",
    "gaoxin",
    "tianfu",
    "dongbu",
)
#: Districts outside Chengdu: Jianyang under Ziyang (512081), Beijing, Chongqing, Mianyang, Deyang.
OUTSIDE: tuple[str, ...] = ("512081", "110105", "500103", "510703", "510603")


@dataclass(frozen=True)
class Setting:
    """Where and when generated windows live.

    Attributes:
        period_start: First day of the campaign period.
        period_end: Last day of the campaign period.
        inside: District values a rule set may count as inside its area (current and former).
        outside: District codes outside it.
    """

    period_start: date
    period_end: date
    inside: tuple[str, ...]
    outside: tuple[str, ...]

    @property
    def edges(self) -> tuple[date, ...]:
        """The period's boundary days and their neighbours outside it (first the period's first day)."""
        day = timedelta(days=1)
        return (self.period_start, self.period_start - day, self.period_end, self.period_end + day)


DEFAULT_SETTING = Setting(date(2013, 3, 1), date(2013, 9, 30), CHENGDU, OUTSIDE)


def _districts(value: Any) -> set[str]:
    if isinstance(value, dict):
        return {d for v in value.values() for d in _districts(v)}
    if isinstance(value, (list, tuple, frozenset, set)):
        return {v for v in value if isinstance(v, str) and _DISTRICT.match(v)}
    return set()


def setting_for(standard: Standard | None) -> Setting:
    """The setting of a standard: its ``period_start``/``period_end`` parameters and district lists."""
    if standard is None:
        return DEFAULT_SETTING
    params = standard.parameters_on(standard.effective[0])
    start, end = params.get("period_start"), params.get("period_end")
    if not (isinstance(start, date) and isinstance(end, date) and start <= end):
        start, end = DEFAULT_SETTING.period_start, DEFAULT_SETTING.period_end
    named = set().union(*(_districts(v) for v in standard.parameters.values()))
    inside = tuple(sorted(set(CHENGDU) | named))
    outside = tuple(d for d in OUTSIDE if d not in named)
    return Setting(start, end, inside, outside)
