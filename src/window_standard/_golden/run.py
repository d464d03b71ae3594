"""Running golden cases: compare an evaluation with a case's expectations, and run a whole folder.

:func:`run_case` evaluates one :class:`~window_standard._golden.spec.GoldenCase` with the public
``Standard.evaluate`` and lists every expectation it does not meet (:class:`Mismatch`); :func:`run_folder`
loads a rule set folder and its cases and runs them all (``window-standard test RULES_DIR``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import Result, Standard, load_standard
from .._errors import Location
from .._numbers import CENT
from .load import load_cases
from .spec import ExpectSpec, GoldenCase

__all__ = [
    "CaseOutcome",
    "GoldenReport",
    "Mismatch",
    "compare",
    "load_suite",
    "run_case",
    "run_folder",
]


@dataclass(frozen=True)
class Mismatch:
    """One expectation the evaluation did not meet.

    Attributes:
        field: What was compared: ``level``, ``score``, ``criteria.LF-2``, ``status.LF-2``, ``vetoes`` ...
        expected: The expected value, as text.
        actual: The value the evaluation gave, as text.
        note: For a criterion: its explanation (English), to show why.
    """

    field: str
    expected: str
    actual: str
    note: str = ""

    def describe(self) -> str:
        """``score: expected 89.99, got 90.00`` (with the note after a dash)."""
        text = f"{self.field}: expected {self.expected}, got {self.actual}"
        return f"{text} — {self.note}" if self.note else text


@dataclass(frozen=True)
class CaseOutcome:
    """The outcome of one case.

    Attributes:
        name: The case name.
        location: Where the case is written.
        mismatches: Every expectation not met (empty when the case passes).
    """

    name: str
    location: Location
    mismatches: tuple[Mismatch, ...]

    @property
    def passed(self) -> bool:
        """True when every expectation was met."""
        return not self.mismatches

    def lines(self) -> list[str]:
        """``PASS name`` or ``FAIL name (file:line:col)`` followed by one indented line per mismatch."""
        if self.passed:
            return [f"PASS {self.name}"]
        return [f"FAIL {self.name} ({self.location})", *(f"     {m.describe()}" for m in self.mismatches)]

    def to_dict(self) -> dict[str, Any]:
        """JSON-native form."""
        return {
            "name": self.name,
            "location": str(self.location),
            "passed": self.passed,
            "mismatches": [
                {"field": m.field, "expected": m.expected, "actual": m.actual, "note": m.note}
                for m in self.mismatches
            ],
        }


@dataclass(frozen=True)
class GoldenReport:
    """The outcomes of every case of a rule set folder.

    Attributes:
        rules_dir: The folder that was tested.
        standard: ``{"id", "version", "digest"}`` of the standard the cases ran against.
        outcomes: One outcome per case, in file order.
    """

    rules_dir: Path
    standard: dict[str, str]
    outcomes: tuple[CaseOutcome, ...]

    @property
    def passed(self) -> int:
        """Number of cases that passed."""
        return sum(1 for o in self.outcomes if o.passed)

    @property
    def failed(self) -> int:
        """Number of cases that failed."""
        return len(self.outcomes) - self.passed

    @property
    def summary(self) -> str:
        """``N passed, M failed``."""
        return f"{self.passed} passed, {self.failed} failed"

    def to_dict(self) -> dict[str, Any]:
        """JSON-native form."""
        return {
            "rules_dir": str(self.rules_dir),
            "standard": self.standard,
            "cases": [o.to_dict() for o in self.outcomes],
            "passed": self.passed,
            "failed": self.failed,
        }


def load_suite(rules_dir: Path) -> tuple[Standard, tuple[GoldenCase, ...]]:
    """Load the standard of a rule set folder and its golden cases.

    Raises:
        RuleDefinitionError: When the rule files are invalid.
        CaseFileError: When case files are invalid.
    """
    standard = load_standard(path=rules_dir)
    return standard, load_cases(rules_dir, standard.spec)


def run_folder(rules_dir: Path, *, keyword: str | None = None) -> GoldenReport:
    """Run every golden case of a rule set folder (``rules_dir/cases/*.yaml``).

    Args:
        rules_dir: The edition folder.
        keyword: Run only the cases whose name contains this substring.

    Raises:
        RuleDefinitionError: When the rule files are invalid.
        CaseFileError: When case files are invalid (every problem, located).
    """
    standard, cases = load_suite(rules_dir)
    chosen = [c for c in cases if keyword is None or keyword in c.name]
    stamp = {"id": standard.id, "version": standard.version, "digest": standard.digest}
    return GoldenReport(rules_dir, stamp, tuple(run_case(standard, case) for case in chosen))


def run_case(standard: Standard, case: GoldenCase) -> CaseOutcome:
    """Evaluate one case and compare the result with every expectation."""
    result = standard.evaluate(case.window, as_of=case.as_of)
    return CaseOutcome(case.name, case.location, tuple(compare(case.expect, result)))


def compare(expect: ExpectSpec, result: Result) -> list[Mismatch]:
    """Every expectation the result does not meet, in the order of :class:`ExpectSpec`'s fields."""
    found: list[Mismatch] = []
    if expect.level is not None and expect.level != result.level:
        found.append(Mismatch("level", expect.level, result.level))
    for name in ("score", "bonus"):
        wanted: Decimal | None = getattr(expect, name)
        got: Decimal = getattr(result, name)
        if wanted is not None and wanted != got:
            found.append(Mismatch(name, _points(wanted), _points(got)))
    for rule_id, points in expect.criteria.items():
        criterion = result.criteria[rule_id]
        if points != criterion.points:
            found.append(
                Mismatch(
                    f"criteria.{rule_id}", _points(points), _points(criterion.points), criterion.explain("en")
                )
            )
    for rule_id, status in expect.status.items():
        criterion = result.criteria[rule_id]
        if status != criterion.status:
            found.append(Mismatch(f"status.{rule_id}", status, criterion.status, criterion.explain("en")))
    for name in ("vetoes", "prerequisites"):
        listed: list[str] | None = getattr(expect, name)
        actual: list[str] = getattr(result, name)
        if listed is not None and sorted(listed) != sorted(actual):
            found.append(Mismatch(name, _ids(listed), _ids(actual)))
    return found


def _points(value: Decimal | None) -> str:
    return "null" if value is None else str(value.quantize(CENT))


def _ids(ids: list[str]) -> str:
    return "[" + ", ".join(sorted(ids)) + "]"
