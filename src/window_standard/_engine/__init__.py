"""Engines: what turns checked rules into outcomes, behind one small protocol.

An :class:`Engine` prepares a rule set's :class:`~window_standard._check.CheckedRule` values once; the
:class:`Prepared` result runs them on a window and returns a :class:`RawOutcome` — per rule, whether it
applies, its value (points or a test's truth, None for no data) and, when asked, the facts it read.
Statuses, points, totals and levels are computed from raw outcomes by :mod:`.scoring`, the same for every
engine, and results are assembled by :mod:`.assemble`.

The engine table below is a plain literal: an engine's module is imported only when the engine is asked
for, and an engine whose optional dependencies are missing names the extra to install.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from .._check import CheckedRule
from .._errors import WindowStandardError
from .outcome import RawOutcome

__all__ = [
    "DEFAULT_ENGINE",
    "BatchPrepared",
    "Engine",
    "EngineInfo",
    "Prepared",
    "RawOutcome",
    "engines",
    "get_engine",
    "prepare_isolated",
]


@runtime_checkable
class Prepared(Protocol):
    """A rule set prepared by one engine: immutable, safe to share between threads."""

    def run(self, window: Any, params: Mapping[str, Any], facts: bool) -> RawOutcome:
        """Run every rule on one validated window with the parameters in force.

        Args:
            window: The validated root object (a ``Window``).
            params: Parameter values in force on the evaluation date.
            facts: Whether to record the facts each rule read (for explanations).
        """
        ...


@runtime_checkable
class BatchPrepared(Prepared, Protocol):
    """A prepared rule set that also runs many windows at once (a columnar engine)."""

    def run_many(
        self, windows: Sequence[Any], params: Sequence[Mapping[str, Any]], facts: bool
    ) -> list[RawOutcome]:
        """Run every rule on many windows; ``params[i]`` is in force for ``windows[i]``."""
        ...


class Engine(Protocol):
    """Prepares checked rules for running."""

    name: str

    def prepare(self, rules: Sequence[CheckedRule]) -> Prepared:
        """Prepare rules (in rule-set order) once; the result runs them on many windows.

        Raises:
            RuleDefinitionError: When a rule cannot be translated for this engine.
        """
        ...


@dataclass(frozen=True)
class EngineInfo:
    """One row of the engine table.

    Attributes:
        module: The module that defines the engine (its ``ENGINE`` attribute).
        extra: The optional-dependency extra that installs what it needs (None: core).
        requires: Top-level modules it needs.
        summary: What it is for.
    """

    module: str
    extra: str | None
    requires: tuple[str, ...]
    summary: str


#: The engines this package has, by name.
ENGINES: Mapping[str, EngineInfo] = {
    "compiled": EngineInfo(
        "window_standard._engine.compiled",
        None,
        (),
        "Python code generated from the typed trees: the default, for one window at a time.",
    ),
    "columnar": EngineInfo(
        "window_standard._engine.columnar",
        "analysis",
        ("numpy",),
        "numpy array programs over a flat table of many windows: for populations.",
    ),
    "durable": EngineInfo(
        "window_standard._engine.durable",
        "durable",
        ("durable_rules_engine",),
        "A durable-rules (Rete) ruleset: an independent implementation to cross-check, and the monitor's.",
    ),
}

DEFAULT_ENGINE = "compiled"


def engines() -> list[str]:
    """Names of the engines whose dependencies are installed here, default first."""
    return [name for name, info in ENGINES.items() if _installed(info)]


def _installed(info: EngineInfo) -> bool:
    return all(importlib.util.find_spec(module) is not None for module in info.requires)


def get_engine(name: str) -> Engine:
    """The engine called ``name``.

    Raises:
        WindowStandardError: For an unknown engine, or one whose extra is not installed (the message says
            which extra to install).
    """
    info = ENGINES.get(name)
    if info is None:
        known = ", ".join(ENGINES)
        raise WindowStandardError(f"unknown engine '{name}'; the engines are: {known}")
    if not _installed(info):
        missing = [m for m in info.requires if importlib.util.find_spec(m) is None]
        raise WindowStandardError(
            f"the '{name}' engine needs {', '.join(missing)}, which is not installed: "
            f'pip install "window-standard[{info.extra}]"'
        )
    engine: Engine = importlib.import_module(info.module).ENGINE
    return engine


def prepare_isolated(name: str, rules: Sequence[CheckedRule]) -> Prepared:
    """Rules prepared by engine ``name`` to run in a worker process.

    Raises:
        WindowStandardError: For an engine that does not run in a worker process (or is not installed).
    """
    engine = get_engine(name)
    prepare = getattr(engine, "prepare_isolated", None)
    if prepare is None:
        raise WindowStandardError(
            f"the '{name}' engine runs only in this process; isolation='process' is for the durable engine"
        )
    prepared: Prepared = prepare(rules)
    return prepared
