"""Error types shared by every stage of the pipeline.

Rule-file problems are collected as :class:`Problem` values (a stable code, a location, a message and a
hint) and raised together in one :class:`RuleDefinitionError`, sorted by location, so that a rule author
sees every mistake of a rule set at once.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ERROR_CODES",
    "Location",
    "Problem",
    "RuleDefinitionError",
    "WindowStandardError",
]

#: Every stable error code with a one-line title. ``docs/errors.md`` documents each one (a test checks).
ERROR_CODES: dict[str, str] = {
    "WS101": "YAML syntax error",
    "WS102": "duplicate key in a mapping",
    "WS103": "YAML anchors, aliases and tags are not allowed",
    "WS104": "rule file too large",
    "WS105": "YAML nesting too deep",
    "WS106": "rule file or folder cannot be read",
    "WS201": "unknown key",
    "WS202": "missing required key",
    "WS203": "invalid value",
    "WS204": "duplicate id",
    "WS205": "unknown category",
    "WS206": "points do not add up",
    "WS207": "invalid parameter",
    "WS208": "invalid variant",
    "WS301": "expression syntax error",
    "WS302": "construct not allowed in expressions",
    "WS303": "unknown name",
    "WS304": "unknown function",
    "WS305": "wrong number of arguments",
    "WS306": "type mismatch",
    "WS307": "expression too long or too deeply nested",
    "WS308": "invalid explanation template",
}


@dataclass(frozen=True, order=True)
class Location:
    """A place in a rule file: 1-based line and column.

    Attributes:
        file: The file's path as given to the loader.
        line: 1-based line number.
        column: 1-based column number.
    """

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One problem found in a rule set.

    Attributes:
        code: A stable code from :data:`ERROR_CODES` (``WS301``).
        message: What is wrong, naming the offending value.
        hint: What to do about it.
        location: Where it is, when known.
    """

    code: str
    message: str
    hint: str = ""
    location: Location | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order problems by file, line, column, then code."""
        loc = self.location
        if loc is None:
            return ("", 0, 0, self.code)
        return (loc.file, loc.line, loc.column, self.code)

    def render(self) -> str:
        """Render as ``file:line:col: CODE message`` followed by an indented hint line."""
        where = f"{self.location}: " if self.location else ""
        text = f"{where}{self.code} {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class WindowStandardError(Exception):
    """Base class of every error raised by window-standard itself."""


class RuleDefinitionError(WindowStandardError):
    """A rule set is invalid; carries every problem found, sorted by location.

    Attributes:
        problems: The problems, sorted by file, line and column.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        ordered = tuple(sorted(problems, key=Problem.sort_key))
        self.problems: tuple[Problem, ...] = ordered
        count = len(ordered)
        head = f"{count} problem{'s' if count != 1 else ''} in rule set"
        super().__init__(head + ":\n" + "\n".join(p.render() for p in ordered))

    @property
    def codes(self) -> list[str]:
        """The codes of all problems, in order."""
        return [p.code for p in self.problems]
