"""District names from the rule set's data: ``district_names`` in ``standard.yaml`` (code → zh/en).

A rule set names the districts its windows can be in once, in its own data: Chengdu's county-level divisions
by their GB/T 2260 codes (``510105``: 青羊区) and its functional zones by the codes windows use for them
(``gaoxin``: 成都高新区). The command line, the campaign's explanations and the public notice read the names
from here, so a rule set for another city brings its own table and no name is written in code.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from ._result import DataWarning, LocalText
from ._spec import StandardSpec, Text
from ._vocab import Lang

__all__ = ["district_name", "district_names", "district_warnings"]

#: The machine-readable code of the warning about a superseded district code.
SUPERSEDED = "district-code-superseded"


def district_names(spec: StandardSpec) -> Mapping[str, Text]:
    """Every district the rule set names: code → name in Chinese and English (read-only; may be empty)."""
    return MappingProxyType(spec.district_names)


def district_name(spec: StandardSpec, code: str, lang: Lang) -> str | None:
    """The name of a district in one language (``青羊区``); None when the rule set does not name the code."""
    names = spec.district_names.get(code)
    if names is None:
        return None
    return names.zh if lang == "zh" else names.en


def district_warnings(spec: StandardSpec, code: str, on: date) -> list[DataWarning]:
    """The data-quality warnings about a window's district code on a date (empty for a code in force).

    A code superseded before ``on`` (``district_changes``) still names its territory; the warning names the
    code in force: 「区划代码已变更：双流县 510122 已于 2015-12-03 撤县设区为双流区 510116」.
    """
    change = spec.district_changes.get(code)
    if change is None or on < change.since:
        return []
    old_zh, old_en = district_name(spec, code, "zh") or code, district_name(spec, code, "en") or code
    new_zh, new_en = district_name(spec, change.to, "zh") or "", district_name(spec, change.to, "en") or ""
    message = LocalText(
        zh=f"区划代码已变更：{old_zh} {code} 已于 {change.since} {change.how.zh}为{new_zh} {change.to}",
        en=f"district code changed: {old_en} {code} {change.how.en} on {change.since}: "
        f"now {new_en} {change.to}",
    )
    return [DataWarning(code=SUPERSEDED, field="district", message=message)]
