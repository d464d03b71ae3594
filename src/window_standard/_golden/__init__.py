"""Golden cases: YAML test cases of a rule set, their runner and their pytest plugin.

Run them with ``window-standard test RULES_DIR`` (:mod:`.run`) or with ``pytest RULES_DIR`` (:mod:`.plugin`,
registered by the ``pytest11`` entry point ``window_standard``).

A rule set folder may hold ``cases/``: *base windows* (``base-*.yaml``, full window documents) and *case
files* (every other ``*.yaml``). A case file is a YAML list of cases::

    - name: lf2-partial-four-activities          # unique over the folder; the pytest id
      description: 4 volunteer activities in the period → 4 of 6 points
      base: base-window.yaml                     # a base-*.yaml window in the cases folder
      set:                                       # dotted-path overrides on a deep copy of the base
        lei_feng.activities.4.date: 2013-02-28   # a number indexes a list; `null` sets null
        staff: {headcount: 10, in_uniform: 10}   # a whole mapping or list may be replaced
      remove: [quality.survey]                   # optional: delete keys (the model's default: no data)
      as_of: 2013-06-20                          # optional: resolve dated parameters on this date
      expect:                                    # at least one expectation; each is checked exactly
        level: rectify
        score: "89.89"                           # decimal strings (at most two places)
        bonus: "0.00"
        criteria: {LF-2: "4.00"}                 # points per criterion (null: not applicable)
        status: {LF-2: partial}                  # pass | partial | fail | not_applicable | no_data
        vetoes: [VETO-3]                         # exactly the vetoes that fire (order does not matter)
        prerequisites: [PRE-1]                   # exactly the prerequisites that fail

``set`` is applied before ``remove``; a path to a key the base does not have is an error (the base must be
a full document). Case files are read with the safe loader, validated by pydantic models that forbid
unknown keys, and checked against the standard: an empty ``expect``, an unknown level or rule id, points
expected of a gate or veto are errors at ``file:line:col`` (:class:`CaseFileError`).

Modules: :mod:`.spec` (the models of a case file), :mod:`.load` (loading and checking case files),
:mod:`.run` (running cases, reports), :mod:`.table` (the README's rule → cases table), :mod:`.plugin`
(pytest collection). The names below are imported on first use, so that importing the plugin stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .load import CaseSet, case_files, collect_cases, load_cases
    from .run import CaseOutcome, GoldenReport, Mismatch, compare, load_suite, run_case, run_folder
    from .spec import CaseFileError, CaseSpec, ExpectSpec, GoldenCase
    from .table import BEGIN, END, REGENERATE, coverage_table, readme_table, write_readme_table

__all__ = [
    "BEGIN",
    "END",
    "REGENERATE",
    "CaseFileError",
    "CaseOutcome",
    "CaseSet",
    "CaseSpec",
    "ExpectSpec",
    "GoldenCase",
    "GoldenReport",
    "Mismatch",
    "case_files",
    "collect_cases",
    "compare",
    "coverage_table",
    "load_cases",
    "load_suite",
    "readme_table",
    "run_case",
    "run_folder",
    "write_readme_table",
]

_MODULE_OF = {
    **dict.fromkeys(("CaseSet", "case_files", "collect_cases", "load_cases"), "load"),
    **dict.fromkeys(
        ("CaseOutcome", "GoldenReport", "Mismatch", "compare", "load_suite", "run_case", "run_folder"), "run"
    ),
    **dict.fromkeys(("CaseFileError", "CaseSpec", "ExpectSpec", "GoldenCase"), "spec"),
    **dict.fromkeys(
        ("BEGIN", "END", "REGENERATE", "coverage_table", "readme_table", "write_readme_table"), "table"
    ),
}


def __getattr__(name: str) -> Any:
    """Import an exported name from its module on first use (PEP 562)."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, the lazily imported ones included."""
    return sorted({*globals(), *__all__})
