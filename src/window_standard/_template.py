"""Explanation templates: ``"期内开展志愿服务活动 {n} 次（满分需 {params.min_volunteer_activities} 次）"``.

Templates are parsed once at load time; every placeholder must name a fact of the criterion (a ``let``
binding, a window field path, ``params.NAME``, ``points``, ``max_points``). Rendering never calls
``str.format`` on user objects: values are formatted by :func:`format_value`, in the reader's language.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from ._numbers import display_decimal
from ._vocab import LIST_SEPARATOR, NO_DATA, YES_NO, Lang

__all__ = [
    "MAX_PLACEHOLDERS",
    "MAX_TEMPLATE_CHARS",
    "Template",
    "TemplateError",
    "format_value",
    "parse_template",
]

#: The longest explanation template, in characters.
MAX_TEMPLATE_CHARS = 2000
#: The most placeholders one template may have.
MAX_PLACEHOLDERS = 40


class TemplateError(ValueError):
    """A template that cannot be used; ``column`` is 1-based inside the template."""

    def __init__(self, message: str, column: int = 1) -> None:
        super().__init__(message)
        self.column = column


@dataclass(frozen=True)
class Template:
    """A parsed template: literal text and placeholder names, alternating.

    Attributes:
        parts: ``(literal, name)`` pairs; ``name`` is None for trailing text.
    """

    parts: tuple[tuple[str, str | None], ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The placeholder names in order of appearance."""
        return tuple(name for _, name in self.parts if name is not None)

    def render(self, values: Mapping[str, Any], lang: Lang) -> str:
        """Fill the placeholders with formatted values (missing names render as "no data").

        Args:
            values: Placeholder values by name.
            lang: The reader's language.
        """
        out: list[str] = []
        unit_follows = False  # the last value was no data: a unit right after it is dropped (「无数据 人」)
        for literal, name in self.parts:
            out.append(_UNIT.sub("", literal, count=1) if unit_follows else literal)
            unit_follows = False
            if name is not None:
                value = values.get(name)
                kind = type(value)
                out.append(str(value) if kind is int or kind is str else format_value(value, lang))
                unit_follows = value is None
        return "".join(out)


#: A unit word right after a placeholder (「{n} 人次」, "{h} h"): not shown after *no data*.
_UNIT = re.compile(r"^ ?(?:人次|人·小时|个百分点|小时|分钟|人|户|次|件|期|种|项|个|分|天|h\b|min\b)")


def parse_template(text: str) -> Template:
    """Parse a template, refusing format specs, conversions and indexing.

    Raises:
        TemplateError: For unbalanced braces, placeholders other than plain ASCII (dotted) names, a template
            longer than :data:`MAX_TEMPLATE_CHARS` or with more than :data:`MAX_PLACEHOLDERS` placeholders.
    """
    if len(text) > MAX_TEMPLATE_CHARS:
        raise TemplateError(f"template is {len(text)} characters long, more than {MAX_TEMPLATE_CHARS}")
    parts: list[tuple[str, str | None]] = []
    column = 1
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise TemplateError(f"bad braces in template: {exc}") from None
    for literal, name, spec, conversion in parsed:
        column += len(literal)
        if name is None:
            parts.append((literal, None))
            continue
        if spec or conversion:
            raise TemplateError(f"placeholder '{{{name}}}' may not have a format or conversion", column)
        if not name or not all(part.isidentifier() and part[0] != "_" for part in name.split(".")):
            raise TemplateError(f"placeholder '{{{name}}}' must be a name or a dotted field path", column)
        if not name.isascii() and unicodedata.normalize("NFKC", name) != name:
            folded = unicodedata.normalize("NFKC", name)
            raise TemplateError(
                f"placeholder '{{{name}}}' is a look-alike of '{{{folded}}}' (full-width letters)", column
            )
        parts.append((literal, name))
        if len(parts) > MAX_PLACEHOLDERS:
            raise TemplateError(f"template has more than {MAX_PLACEHOLDERS} placeholders", column)
        column += len(name) + 2
    return Template(tuple(parts))


def format_value(value: Any, lang: Lang) -> str:
    """Format one fact for a reader: enum labels, 是/否, up to four decimal places, ISO dates."""
    kind = type(value)
    if kind is int or kind is str:
        return str(value)
    if value is None:
        return NO_DATA[lang]
    if kind is bool:
        return YES_NO[lang][0 if value else 1]
    if isinstance(value, Enum):
        label = getattr(value, "label", None)
        return str(label(lang)) if callable(label) else str(value.value)
    if kind is Decimal:
        return display_decimal(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, frozenset, set)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return LIST_SEPARATOR[lang].join(format_value(v, lang) for v in items)
    return str(value)
