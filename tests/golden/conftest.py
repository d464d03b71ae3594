"""Collect golden cases as pytest items: ``tests/golden/<edition>.golden.yaml::<case name>``.

Each ``*.golden.yaml`` file here names a rule set folder (``rules: ../../rules/cdpma-window-2013``, relative
to the file); every case in that folder's ``cases/*.yaml`` becomes one test named after the case, so
``pytest tests/golden -v`` prints ``cdpma-window-2013.golden.yaml::lf2-partial-four-activities PASSED``.
Invalid case files are collection errors that show every problem at ``file:line:col``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from window_standard._golden import GoldenCase, load_suite, run_case
from window_standard._load import load_yaml_file
from window_standard._standard import Standard


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.name.endswith(".golden.yaml"):
        return GoldenFile.from_parent(parent, path=file_path)
    return None


class GoldenFile(pytest.File):
    """A pointer to a rule set folder; collects one item per golden case."""

    def collect(self) -> Iterator[pytest.Item]:
        data = load_yaml_file(self.path).data
        if not isinstance(data, dict) or set(data) != {"rules"} or not isinstance(data["rules"], str):
            raise pytest.UsageError(f"{self.path}: expected exactly one key, 'rules: <rule set folder>'")
        rules_dir = (self.path.parent / data["rules"]).resolve()
        standard, cases = load_suite(rules_dir)
        for case in cases:
            yield GoldenItem.from_parent(self, name=case.name, case=case, standard=standard)


class GoldenMismatch(Exception):
    """The evaluation of a case did not give what the case expects."""


class GoldenItem(pytest.Item):
    """One golden case."""

    def __init__(self, *, case: GoldenCase, standard: Standard, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.standard = standard

    def runtest(self) -> None:
        outcome = run_case(self.standard, self.case)
        if not outcome.passed:
            raise GoldenMismatch("\n".join(outcome.lines()))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, GoldenMismatch):
            return f"{self.case.description}\n{excinfo.value}"
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int, str]:
        location = self.case.location
        return Path(location.file), location.line - 1, f"golden case {self.name}"
