"""Where a YAML scalar stands in its file, and how a position inside its value maps back to the file."""

from __future__ import annotations

from dataclasses import dataclass

from ._errors import Location

__all__ = ["ScalarSpan"]


@dataclass(frozen=True)
class ScalarSpan:
    """Where a scalar value starts and how it was written.

    Attributes:
        location: Start of the scalar (for quoted scalars, the opening quote; for block scalars, the
            ``|`` or ``>`` indicator).
        style: PyYAML's scalar style: ``None`` plain, ``'"'``/``"'"`` quoted, ``"|"``/``">"`` block.
        text: The scalar's value as PyYAML read it.
        source: The scalar's source text in the file, from ``location`` to its end ("" when unknown).
    """

    location: Location
    style: str | None
    text: str
    source: str = ""

    def locate(self, line: int, column: int) -> Location:
        """Map a 1-based (line, column) inside the scalar's value to a location in the file.

        The value's characters are matched, in order, against the source text: folding, indentation and
        line breaks only add or remove whitespace, so every other character of the value is found in the
        source. This is exact for plain, quoted, literal (``|``) and folded (``>``) scalars, multi-line
        ones included (escape sequences in double-quoted scalars may shift the column).
        """
        if not self.source:
            loc = self.location
            return Location(loc.file, loc.line + line - 1, loc.column + column - 1 if line == 1 else column)
        lines = self.text.split("\n")
        index = min(line, len(lines)) - 1
        offset = sum(len(text) + 1 for text in lines[:index]) + max(column, 1) - 1
        position = _align(self.text, self.source, _content_start(self.source, self.style), offset)
        before = self.source[:position]
        breaks = before.count("\n")
        if breaks == 0:
            return Location(self.location.file, self.location.line, self.location.column + position)
        return Location(self.location.file, self.location.line + breaks, position - before.rfind("\n"))


def _content_start(source: str, style: str | None) -> int:
    """Offset in a scalar's source where its value starts (after the indicator line or opening quote)."""
    if style in ("|", ">"):
        newline = source.find("\n")
        return len(source) if newline < 0 else newline + 1
    return 1 if style in ('"', "'") else 0


def _align(value: str, source: str, start: int, offset: int) -> int:
    """Offset in ``source`` of the character at ``offset`` in ``value`` (whitespace in value is skipped)."""
    pointer = start
    for index, char in enumerate(value[: offset + 1]):
        if char.isspace():
            continue
        found = source.find(char, pointer)
        if found < 0:
            continue  # an escape sequence: keep the position reached so far
        if index == offset:
            return found
        pointer = found + 1
    return min(pointer, len(source))
