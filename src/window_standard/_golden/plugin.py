"""The pytest plugin: every golden case is a test item named after the case.

Registered by the ``pytest11`` entry point ``window_standard``, so with the package installed
``pytest rules/`` (or ``pytest path/to/my_rules/``) collects two kinds of files:

- **case files** — ``EDITION/cases/*.yaml`` except the ``base-*.yaml`` windows, in a folder ``EDITION``
  that holds a ``standard.yaml``: exactly the files ``window-standard test EDITION`` runs. Their cases run
  against the edition folder they live in. Node ids read ``rules/cdpma-window-2013/cases/3-staff.yaml::<case
  name>``.
- **pointer files** — ``*.golden.yaml`` anywhere, holding one key, ``rules: <edition folder>`` (relative to
  the file): every case of that folder, as one file of tests (``tests/golden/x.golden.yaml::<case name>``).

Each case is one item, so ``-k``, ``-x``, ``--junitxml`` and the other options of pytest apply. A failing
case is reported without a traceback: its description, ``FAIL <name> (<file>:<line>:<col>)`` and one line
per unmet expectation (expected and actual values, and the criterion's explanation). An invalid case file
or rule set is a collection error listing every problem at ``file:line:col``.

At start-up this module imports only pytest (and, as Python imports a package before its modules, the
``window_standard`` package itself); the case models, the loader, the runner and the rule set are imported
or loaded when the first matching file is collected, once per edition folder and session. Projects without
such files collect nothing more. Disable the plugin with ``-p no:window_standard``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .. import Standard
    from .._errors import Problem
    from .run import CaseOutcome
    from .spec import GoldenCase

__all__ = [
    "CaseFile",
    "GoldenItem",
    "GoldenMismatch",
    "GoldenPointer",
    "is_case_file",
    "pytest_collect_file",
]

#: The suffix of a pointer file.
POINTER_SUFFIX = ".golden.yaml"


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect case files of edition folders and ``*.golden.yaml`` pointer files; ignore everything else."""
    if file_path.suffix != ".yaml":
        return None
    if is_case_file(file_path):
        return CaseFile.from_parent(parent, path=file_path)
    if file_path.name.endswith(POINTER_SUFFIX):
        return GoldenPointer.from_parent(parent, path=file_path)
    return None


def is_case_file(path: Path) -> bool:
    """True for ``EDITION/cases/*.yaml`` (not ``base-*.yaml``) where ``EDITION/standard.yaml`` exists."""
    folder = path.parent
    return (
        folder.name == "cases"
        and path.suffix == ".yaml"
        and not path.name.startswith("base-")
        and (folder.parent / "standard.yaml").is_file()
    )


@dataclass(frozen=True)
class _Suite:
    """A loaded edition folder.

    Attributes:
        standard: Its standard; None when the rule files do not load.
        cases: Its valid cases.
        problems: Every problem of its case files and base windows.
        case_files: Its case files (resolved paths).
        failure: Why the rule files do not load (the rendered error), when they do not.
    """

    standard: Standard | None
    cases: tuple[GoldenCase, ...]
    problems: tuple[Problem, ...]
    case_files: frozenset[Path]
    failure: str = ""


_SUITES = pytest.StashKey[dict[Path, _Suite]]()


def _suite(config: pytest.Config, rules_dir: Path) -> _Suite:
    """The standard and cases of an edition folder, loaded once per session (the library is imported here)."""
    suites = config.stash.setdefault(_SUITES, {})
    rules_dir = rules_dir.resolve()
    if rules_dir not in suites:
        from .. import RuleDefinitionError, load_standard
        from .load import case_files, collect_cases

        files = frozenset(p.resolve() for p in case_files(rules_dir))
        try:
            standard = load_standard(path=rules_dir)
        except RuleDefinitionError as exc:
            suites[rules_dir] = _Suite(None, (), (), files, failure=str(exc))
        else:
            found = collect_cases(rules_dir, standard.spec)
            suites[rules_dir] = _Suite(standard, found.cases, found.problems, files)
    return suites[rules_dir]


def _file_of(problem: Problem) -> Path | None:
    return None if problem.location is None else Path(problem.location.file).resolve()


class _GoldenFile(pytest.File):
    """A file that yields golden cases of one edition folder."""

    def _items(self, suite: _Suite, problems: list[Problem], cases: list[GoldenCase]) -> Iterator[GoldenItem]:
        if suite.standard is None:
            raise self.CollectError(suite.failure)
        if problems:
            from .spec import CaseFileError

            raise self.CollectError(str(CaseFileError(problems)))
        for case in cases:
            yield GoldenItem.from_parent(self, name=case.name, case=case, standard=suite.standard)


class CaseFile(_GoldenFile):
    """A case file of an edition folder (``EDITION/cases/*.yaml``): one item per case written in it.

    Its collection fails with the problems located in this file, and with the problems of the folder that
    are in no case file (the rule files, a base window), so that no case goes missing silently.
    """

    def collect(self) -> Iterator[GoldenItem]:
        """One item per valid case of this file, in file order."""
        suite = _suite(self.config, self.path.parent.parent)
        me = self.path.resolve()
        problems = [p for p in suite.problems if _file_of(p) == me or _file_of(p) not in suite.case_files]
        cases = [c for c in suite.cases if Path(c.location.file).resolve() == me]
        yield from self._items(suite, problems, cases)


class GoldenPointer(_GoldenFile):
    """A ``*.golden.yaml`` file naming an edition folder (``rules: <folder>``): one item per case in it."""

    def collect(self) -> Iterator[GoldenItem]:
        """One item per case of the folder the file names; any problem of the folder fails the collection."""
        from .. import RuleDefinitionError
        from .._load import load_yaml_file

        try:
            data = load_yaml_file(self.path).data
        except RuleDefinitionError as exc:
            raise self.CollectError(str(exc)) from None
        if not isinstance(data, dict) or set(data) != {"rules"} or not isinstance(data["rules"], str):
            raise self.CollectError(f"{self.path}: expected exactly one key, 'rules: <rule set folder>'")
        rules_dir = (self.path.parent / data["rules"]).resolve()
        if not (rules_dir / "standard.yaml").is_file():
            raise self.CollectError(f"{self.path}: {rules_dir} is not a rule set folder (no standard.yaml)")
        suite = _suite(self.config, rules_dir)
        yield from self._items(suite, list(suite.problems), list(suite.cases))


class GoldenMismatch(Exception):
    """The evaluation of a case did not give what the case expects.

    Attributes:
        outcome: The case's outcome, with every mismatch.
    """

    def __init__(self, outcome: CaseOutcome) -> None:
        super().__init__(f"{outcome.name}: {len(outcome.mismatches)} expectation(s) not met")
        self.outcome = outcome


class GoldenItem(pytest.Item):
    """One golden case: evaluating its window must give what it expects.

    Attributes:
        case: The case.
        standard: The standard it runs against.
    """

    def __init__(self, *, case: GoldenCase, standard: Standard, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.standard = standard

    def runtest(self) -> None:
        """Evaluate the case; raise :class:`GoldenMismatch` when an expectation is not met."""
        from .run import run_case

        outcome = run_case(self.standard, self.case)
        if not outcome.passed:
            raise GoldenMismatch(outcome)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """For a mismatch: the description, the case's place and each unmet expectation; no traceback."""
        if not isinstance(excinfo.value, GoldenMismatch):
            return str(super().repr_failure(excinfo, style=style))
        outcome = excinfo.value.outcome
        location = self.case.location
        where = f"{_shown(Path(location.file), self.config)}:{location.line}:{location.column}"
        lines = [self.case.description, f"FAIL {outcome.name} ({where})"]
        lines += [f"     {mismatch.describe()}" for mismatch in outcome.mismatches]
        return "\n".join(lines)

    def reportinfo(self) -> tuple[Path, int, str]:
        """The case's file and (0-based) line, for pytest's locations and JUnit XML."""
        location = self.case.location
        return Path(location.file), location.line - 1, f"golden case {self.name}"


def _shown(path: Path, config: pytest.Config) -> str:
    """A path relative to the directory pytest was started in, when it lies below it."""
    try:
        return str(path.resolve().relative_to(config.invocation_params.dir.resolve()))
    except ValueError:
        return str(path)
