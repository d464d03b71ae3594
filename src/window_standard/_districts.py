"""District names from the rule set's data: ``district_names`` in ``standard.yaml`` (code → zh/en).

A rule set names the districts its windows can be in once, in its own data: Chengdu's county-level divisions
by their GB/T 2260 codes (``510105``: 青羊区) and its functional zones by the codes windows use for them
(``gaoxin``: 成都高新区). The command line, the campaign's explanations and the public notice read the names
from here, so a rule set for another city brings its own table and no name is written in code.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ._spec import StandardSpec, Text
from ._vocab import Lang

__all__ = ["district_name", "district_names"]


def district_names(spec: StandardSpec) -> Mapping[str, Text]:
    """Every district the rule set names: code → name in Chinese and English (read-only; may be empty)."""
    return MappingProxyType(spec.district_names)


def district_name(spec: StandardSpec, code: str, lang: Lang) -> str | None:
    """The name of a district in one language (``青羊区``); None when the rule set does not name the code."""
    names = spec.district_names.get(code)
    if names is None:
        return None
    return names.zh if lang == "zh" else names.en
