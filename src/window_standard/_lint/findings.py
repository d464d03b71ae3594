"""Lint findings: stable codes, severities, and their text and JSON renderings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .._errors import ERROR_CODES, Location, Problem

__all__ = ["LINT_CODES", "Finding", "Severity", "finding_from_problem", "make", "render_json", "render_text"]

Severity = Literal["error", "warning"]

#: Every lint code with its severity and a one-line title (``docs/consistency.md`` documents each one).
LINT_CODES: dict[str, tuple[Severity, str]] = {
    "WL102": ("warning", "criterion id does not start with its category"),
    "WL201": ("warning", "score can exceed the criterion's points before clamping"),
    "WL202": ("warning", "score can go below 0 before clamping"),
    "WL203": ("error", "score can never reach full points"),
    "WL204": ("error", "score can never be above 0"),
    "WL211": ("error", "comparison can never be true (threshold never reached)"),
    "WL212": ("warning", "comparison is always true"),
    "WL221": ("error", "condition is constant"),
    "WL222": ("warning", "applies_when is always true"),
    "WL231": ("error", "applies_when excludes every window kind"),
    "WL241": ("warning", "parameter declared but never used"),
    "WL242": ("warning", "constant declared but never used"),
    "WL251": ("error", "notice quote not found in the edition's sources"),
    "WL252": ("warning", "no sources to check notice quotes against"),
    "WL261": ("error", "level thresholds not in order"),
    "WL262": ("error", "level threshold above the total"),
}


@dataclass(frozen=True)
class Finding:
    """One lint finding.

    Attributes:
        code: ``WLxxx`` (a lint check) or ``WSxxx`` (a problem that stops the rule set from loading).
        severity: ``error`` or ``warning``.
        message: What is wrong, naming the values involved.
        hint: What to do about it.
        location: Where it is.
    """

    code: str
    severity: Severity
    message: str
    hint: str
    location: Location | None

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by file, line, column, then code."""
        loc = self.location
        return ("", 0, 0, self.code) if loc is None else (loc.file, loc.line, loc.column, self.code)

    def render(self) -> str:
        """``file:line:col: CODE severity: message`` and an indented hint line."""
        where = f"{self.location}: " if self.location else ""
        text = f"{where}{self.code} {self.severity}: {self.message}"
        return text + (f"\n    hint: {self.hint}" if self.hint else "")

    def as_json(self) -> dict[str, Any]:
        """The finding as a JSON object."""
        loc = self.location
        return {
            "code": self.code,
            "severity": self.severity,
            "title": LINT_CODES[self.code][1] if self.code in LINT_CODES else ERROR_CODES.get(self.code, ""),
            "message": self.message,
            "hint": self.hint,
            "file": loc.file if loc else None,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
        }


def make(code: str, message: str, hint: str, location: Location | None) -> Finding:
    """A finding with the severity its code has in :data:`LINT_CODES`."""
    return Finding(code, LINT_CODES[code][0], message, hint, location)


def finding_from_problem(problem: Problem) -> Finding:
    """A rule-set problem (WSxxx) as an error finding."""
    return Finding(problem.code, "error", problem.message, problem.hint, problem.location)


def render_text(findings: list[Finding]) -> str:
    """Every finding, then a summary line."""
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    summary = f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    return "\n".join([*(f.render() for f in findings), summary])


def render_json(findings: list[Finding]) -> list[dict[str, Any]]:
    """Every finding as a JSON object."""
    return [f.as_json() for f in findings]
