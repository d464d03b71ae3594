"""Fixtures shared by the whole test suite.

- ``example_window``: a fresh deep copy of ``tests/data/window-example.yaml`` (a dict, free to modify);
- ``standard``: the packaged edition, loaded once per session (a ``Standard`` is immutable);
- ``mini_rules``: a fresh copy of the minimal valid rule set ``tests/errors/minimal/`` in a temporary folder,
  with helpers to edit its files and load it.

The golden cases (``tests/golden/*.golden.yaml``) are collected by the package's own pytest plugin,
``window_standard._golden.plugin``, which the ``pytest11`` entry point registers; :func:`pytest_configure`
registers it here too when the installed metadata predates the entry point (an old editable install).
"""

from __future__ import annotations

import copy
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

import window_standard as ws

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
MINIMAL_RULES = TESTS / "errors" / "minimal"


def pytest_configure(config: pytest.Config) -> None:
    from window_standard._golden import plugin

    manager = config.pluginmanager
    if not manager.is_registered(plugin) and not manager.is_blocked("window_standard"):
        manager.register(plugin, "window_standard")


@pytest.fixture(scope="session")
def example_document() -> dict[str, Any]:
    """The example window as loaded from YAML (shared: never modify it; use ``example_window``)."""
    data = yaml.safe_load((DATA / "window-example.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data["assessed_on"], date)
    return data


@pytest.fixture
def example_window(example_document: dict[str, Any]) -> dict[str, Any]:
    """A fresh deep copy of the example window document, free to modify."""
    return copy.deepcopy(example_document)


@pytest.fixture(scope="session")
def standard() -> ws.Standard:
    """The packaged edition (cdpma-window-2013), loaded once."""
    return ws.load_standard()


class MiniRules:
    """A writable copy of the minimal rule set.

    Attributes:
        folder: The copy's folder (``standard.yaml`` and ``criteria/``).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def text(self, rel: str) -> str:
        return (self.folder / rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> MiniRules:
        path = self.folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return self

    def replace(self, rel: str, old: str, new: str) -> MiniRules:
        """Replace one occurrence of ``old`` (which must occur exactly once) in a file."""
        text = self.text(rel)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
        return self.write(rel, text.replace(old, new))

    def load(self) -> ws.Standard:
        return ws.load_standard(path=self.folder)

    def error(self) -> str:
        """The rendered RuleDefinitionError of loading the copy, with paths relative to its folder."""
        with pytest.raises(ws.RuleDefinitionError) as caught:
            self.load()
        message = str(caught.value).replace(str(self.folder) + os.sep, "")
        return message.replace(os.sep, "/")


@pytest.fixture
def mini_rules(tmp_path: Path) -> MiniRules:
    """A fresh, writable copy of ``tests/errors/minimal/``."""
    folder = tmp_path / "mini"
    shutil.copytree(MINIMAL_RULES, folder)
    return MiniRules(folder)
