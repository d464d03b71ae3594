"""What is wrong with an input document: one :class:`InputError` carrying located :class:`InputProblem` s."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .._errors import Location, WindowStandardError

__all__ = ["MAX_SHOWN", "InputError", "InputProblem", "Lang"]

Lang = Literal["zh", "en"]
#: At most this many problems are rendered; the rest are counted.
MAX_SHOWN = 50
_COLON = {"zh": "：", "en": ": "}
_MORE = {"zh": "……另有 {n} 处", "en": "... and {n} more"}
_HINT = {"zh": "建议：", "en": "hint: "}
_ASIDE = {"zh": "（{}）", "en": " ({})"}
_PREFIX = {"zh": "错误：", "en": "error: "}


@dataclass(frozen=True)
class InputProblem:
    """One problem of an input document.

    Attributes:
        message: What is wrong, in the language asked for.
        field: The field path (``staff.headcount``, ``lei_feng.activities[2].kind``), "" for the document.
        location: Line and column in the file, when known.
        hint: What to do about it ("" when nothing useful can be said).
    """

    message: str
    field: str = ""
    location: Location | None = None
    hint: str = ""

    def render(self, lang: Lang = "en") -> str:
        """``line:col: field: message (hint)`` on one line."""
        where = f"{self.location.line}:{self.location.column}: " if self.location else ""
        head = f"{self.field}{_COLON[lang]}" if self.field else ""
        hint = _ASIDE[lang].format(_HINT[lang] + self.hint) if self.hint else ""
        return f"{where}{head}{self.message}{hint}"


@dataclass
class InputError(WindowStandardError):
    """An input document (window, application, batch line) that cannot be used.

    Attributes:
        source: Where the document came from (a path, ``<stdin>``, ``batch.jsonl:3``).
        headline: What is wrong, in one line.
        problems: The details, in document order.
        lang: The language of the messages.
    """

    source: str
    headline: str
    problems: list[InputProblem] = field(default_factory=list)
    lang: Lang = "en"

    def __post_init__(self) -> None:
        super().__init__(self.render())

    def __str__(self) -> str:
        return self.render()

    def render(self) -> str:
        """``error: SOURCE: HEADLINE`` and one indented line per problem (at most :data:`MAX_SHOWN`)."""
        shown = self.problems[:MAX_SHOWN]
        lines = [
            f"{_PREFIX[self.lang]}{self.source}{_COLON[self.lang]}{self.headline}",
            *(f"  {p.render(self.lang)}" for p in shown),
        ]
        if len(self.problems) > len(shown):
            lines.append("  " + _MORE[self.lang].format(n=len(self.problems) - len(shown)))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form: ``source``, ``error`` and one entry per problem (field, line, column, message)."""
        return {
            "source": self.source,
            "error": self.headline,
            "problems": [
                {
                    "field": p.field,
                    "line": p.location.line if p.location else None,
                    "column": p.location.column if p.location else None,
                    "message": p.message,
                    "hint": p.hint,
                }
                for p in self.problems
            ],
        }
