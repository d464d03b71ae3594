"""Loading golden case files: validate every case, build its window, check its ids against the standard.

Problems are collected over every case file and raised together as one :class:`CaseFileError`, each at
``file:line:col``: the shape of a case (unknown keys, an empty ``expect``), ids and levels the standard
does not know, override paths that do not exist in the base, and windows the model rejects.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .._errors import Location, Problem, RuleDefinitionError
from .._load import LoadedYaml, Path_, load_yaml_file
from .._model import Window
from .._spec import StandardSpec, validate_document
from .spec import CASE_HINT, CaseFileError, CaseSpec, ExpectSpec, GoldenCase

__all__ = ["CaseSet", "case_files", "collect_cases", "load_cases"]

_GATE_STATUSES = ("pass", "fail", "no_data")
_CASES_ADAPTER = TypeAdapter(list[CaseSpec])


def case_files(rules_dir: Path) -> list[Path]:
    """The case files of a rule set folder: ``cases/*.yaml`` except the ``base-*.yaml`` windows, sorted."""
    folder = rules_dir / "cases"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("base-"))


@dataclass(frozen=True)
class CaseSet:
    """The cases of a rule set folder that loaded, and every problem found on the way.

    A case with a problem of its own is left out of :attr:`cases`; a problem in a base window leaves out
    every case built on it.

    Attributes:
        cases: The valid cases, in file order.
        problems: Every problem of every case file and base window, in the order found.
    """

    cases: tuple[GoldenCase, ...]
    problems: tuple[Problem, ...]


def collect_cases(rules_dir: Path, standard: StandardSpec) -> CaseSet:
    """Load every case of a rule set folder, keeping the valid ones and every problem (never raises).

    Args:
        rules_dir: The edition folder (holding ``cases/``).
        standard: The standard's validated spec (for rule ids, kinds and level ids).

    Returns:
        The valid cases and the problems; a folder without case files has one problem (WS106).
    """
    files = case_files(rules_dir)
    if not files:
        where = Location(str(rules_dir / "cases"), 1, 1)
        hint = "add cases/*.yaml files"
        return CaseSet((), (Problem("WS106", f"no case files in {rules_dir / 'cases'}", hint, where),))
    loader = _CaseLoader(rules_dir / "cases", standard)
    for file in files:
        loader.load_file(file)
    return CaseSet(tuple(loader.cases), tuple(loader.problems))


def load_cases(rules_dir: Path, standard: StandardSpec) -> tuple[GoldenCase, ...]:
    """Load and check every case of a rule set folder against its standard.

    Args:
        rules_dir: The edition folder (holding ``cases/``).
        standard: The standard's validated spec (for rule ids, kinds and level ids).

    Raises:
        CaseFileError: With every problem of every case file, at ``file:line:col``.
    """
    found = collect_cases(rules_dir, standard)
    if found.problems:
        raise CaseFileError(found.problems)
    return found.cases


class _CaseLoader:
    """Collects cases and problems over the case files of one folder."""

    def __init__(self, folder: Path, standard: StandardSpec) -> None:
        self.folder = folder
        self.kinds = {c.id: c.kind for c in standard.criteria}
        self.levels = [level.id for level in standard.levels]
        self.bases: dict[str, dict[str, Any] | None] = {}
        self.names: dict[str, Location] = {}
        self.cases: list[GoldenCase] = []
        self.problems: list[Problem] = []

    def load_file(self, file: Path) -> None:
        try:
            loaded = load_yaml_file(file)
        except RuleDefinitionError as exc:
            self.problems.extend(exc.problems)
            return
        if not isinstance(loaded.data, list) or not loaded.data:
            self.problem(
                "WS203", "a case file must be a non-empty list of cases", loaded, (), "start with '- name:'"
            )
            return
        valid: list[tuple[int, CaseSpec]] = []
        for index, item in enumerate(loaded.data):
            try:
                valid.append((index, CaseSpec.model_validate(item)))
            except ValidationError:
                continue  # located below, with every other shape problem of the file
        if len(valid) < len(loaded.data):
            _, errors = validate_document(_CASES_ADAPTER, loaded, CaseSpec)
            self.problems.extend(replace(p, hint=CASE_HINT) if p.code == "WS203" else p for p in errors)
        for index, spec in valid:
            self.load_case(spec, loaded, index)

    def problem(
        self,
        code: str,
        message: str,
        loaded: LoadedYaml,
        path: Path_,
        hint: str = CASE_HINT,
        *,
        key: bool = False,
    ) -> None:
        self.problems.append(Problem(code, message, hint, loaded.locate(path, key=key)))

    def load_case(self, spec: CaseSpec, loaded: LoadedYaml, index: int) -> None:
        before = len(self.problems)
        if spec.name in self.names:
            first = self.names[spec.name]
            self.problem(
                "WS204",
                f"duplicate case name '{spec.name}' (first at {first})",
                loaded,
                (index, "name"),
                "give every case its own name",
            )
        self.names.setdefault(spec.name, loaded.locate((index, "name")))
        self.check_expect(spec.expect, loaded, (index, "expect"))
        window = self.window(spec, loaded, index)
        if window is not None and len(self.problems) == before:
            where = loaded.locate((index,))
            self.cases.append(GoldenCase(spec.name, spec.description, where, window, spec.as_of, spec.expect))

    def window(self, spec: CaseSpec, loaded: LoadedYaml, index: int) -> Window | None:
        base = self.base(spec.base, loaded, (index, "base"))
        data = None if base is None else self.apply(spec, base, loaded, index)
        if data is None:
            return None
        try:
            return Window.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                self.window_problem(spec, error, loaded, index)
            return None

    def base(self, name: str, loaded: LoadedYaml, path: Path_) -> dict[str, Any] | None:
        if name not in self.bases:
            self.bases[name] = self.read_base(name, loaded, path)
        return self.bases[name]

    def read_base(self, name: str, loaded: LoadedYaml, path: Path_) -> dict[str, Any] | None:
        file = self.folder / name
        if not file.is_file():
            present = sorted(p.name for p in self.folder.glob("base-*.yaml"))
            hint = f"base windows here: {', '.join(present) or 'none'}"
            self.problem("WS106", f"base window '{name}' not found in {self.folder}", loaded, path, hint)
            return None
        try:
            document = load_yaml_file(file)
        except RuleDefinitionError as exc:
            self.problems.extend(exc.problems)
            return None
        if not isinstance(document.data, dict):
            message = "a base window must be a mapping (a window document)"
            self.problems.append(Problem("WS203", message, CASE_HINT, Location(str(file), 1, 1)))
            return None
        try:
            Window.model_validate(document.data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                field = ".".join(str(p) for p in error["loc"])
                reason = re.sub(r"^Value error, ", "", error["msg"])
                message = f"base window is invalid at {field or 'document'}: {reason}"
                where = document.locate(tuple(error["loc"]), key=True)
                self.problems.append(Problem("WS203", message, "fix the base window", where))
            return None
        return document.data

    def apply(self, spec: CaseSpec, base: dict[str, Any], loaded: LoadedYaml, index: int) -> Any:
        data = copy.deepcopy(base)
        ok = True
        for dotted, value in spec.set_.items():
            ok = self.edit(data, dotted, loaded, (index, "set", dotted), value=value) and ok
        for position, dotted in enumerate(spec.remove):
            ok = self.edit(data, dotted, loaded, (index, "remove", position), remove=True) and ok
        return data if ok else None

    def edit(
        self,
        data: Any,
        dotted: str,
        loaded: LoadedYaml,
        path: Path_,
        *,
        value: Any = None,
        remove: bool = False,
    ) -> bool:
        verb = "remove" if remove else "set"
        parent, last, error = _walk(data, dotted.split("."))
        if error is None:
            assert parent is not None
            if remove:
                del parent[last]
            else:
                parent[last] = copy.deepcopy(value)
            return True
        self.problem("WS203", f"cannot {verb} '{dotted}': {error[0]}", loaded, path, error[1], key=not remove)
        return False

    def window_problem(self, spec: CaseSpec, error: Any, loaded: LoadedYaml, index: int) -> None:
        field = ".".join(str(p) for p in error["loc"])
        path: Path_ = (index,)
        for dotted in spec.set_:
            if field == dotted or field.startswith(dotted + ".") or dotted.startswith(field + "."):
                path = (index, "set", dotted)
                break
        reason = re.sub(r"^Value error, ", "", error["msg"])
        message = f"case '{spec.name}': the window is invalid at {field or 'document'}: {reason}"
        self.problem(
            "WS203", message, loaded, path, "change the overrides so the window is valid", key=len(path) > 1
        )

    def check_expect(self, expect: ExpectSpec, loaded: LoadedYaml, path: Path_) -> None:
        if expect.level is not None and expect.level not in self.levels:
            self.unknown("level", expect.level, self.levels, loaded, (*path, "level"))
        for rule_id in expect.criteria:
            where = (*path, "criteria", rule_id)
            if self.known(rule_id, loaded, where) and self.kinds[rule_id] not in ("scored", "bonus"):
                self.problem(
                    "WS203",
                    f"{rule_id} is a {self.kinds[rule_id]} and has no points",
                    loaded,
                    where,
                    f"expect its status instead: status: {{{rule_id}: ...}}",
                    key=True,
                )
        for rule_id, status in expect.status.items():
            where = (*path, "status", rule_id)
            kind = self.kinds.get(rule_id)
            gate = kind in ("prerequisite", "veto")
            if self.known(rule_id, loaded, where) and gate and status not in _GATE_STATUSES:
                message = f"{rule_id} is a {kind}: its status is pass, fail or no_data, not {status}"
                self.problem("WS203", message, loaded, where)
        self.check_list(expect.vetoes, "veto", loaded, (*path, "vetoes"))
        self.check_list(expect.prerequisites, "prerequisite", loaded, (*path, "prerequisites"))

    def check_list(self, ids: list[str] | None, kind: str, loaded: LoadedYaml, path: Path_) -> None:
        for position, rule_id in enumerate(ids or ()):
            where = (*path, position)
            if self.known(rule_id, loaded, where) and self.kinds[rule_id] != kind:
                self.problem(
                    "WS203",
                    f"{rule_id} is a {self.kinds[rule_id]}, not a {kind}",
                    loaded,
                    where,
                    f"list only {kind} ids here",
                )

    def known(self, rule_id: str, loaded: LoadedYaml, path: Path_) -> bool:
        if rule_id in self.kinds:
            return True
        self.unknown("criterion id", rule_id, list(self.kinds), loaded, path)
        return False

    def unknown(self, what: str, value: str, known: Iterable[str], loaded: LoadedYaml, path: Path_) -> None:
        names = list(known)
        close = difflib.get_close_matches(value, names, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(names)}"
        key = isinstance(path[-1], str) and path[-2] in ("criteria", "status")
        self.problem("WS203", f"unknown {what} '{value}'", loaded, path, hint, key=key)


def _walk(data: Any, segments: list[str]) -> tuple[Any, Any, tuple[str, str] | None]:
    """Find the container and key a dotted path ends at; or (why not, hint)."""
    current = data
    for depth, segment in enumerate(segments):
        here = ".".join(segments[:depth]) or "the window"
        is_last = depth == len(segments) - 1
        if isinstance(current, dict):
            if segment not in current:
                close = difflib.get_close_matches(segment, [str(k) for k in current], n=1)
                keys = ", ".join(map(str, current))
                hint = f"did you mean '{close[0]}'?" if close else f"keys here: {keys}"
                return None, None, (f"no key '{segment}' in {here} of the base window", hint)
            key: Any = segment
        elif isinstance(current, list):
            if not segment.isdigit() or int(segment) >= len(current):
                return (
                    None,
                    None,
                    (
                        f"{here} has {len(current)} items; '{segment}' is not an index of it",
                        f"use an index from 0 to {len(current) - 1}",
                    ),
                )
            key = int(segment)
        else:
            shown = json.dumps(current, ensure_ascii=False, default=str)
            return (
                None,
                None,
                (
                    f"{here} is {shown} in the base window, not a mapping or list",
                    f"set the whole '{here}' instead",
                ),
            )
        if is_last:
            return current, key, None
        current = current[key]
    raise AssertionError("unreachable: a dotted path has at least one segment")  # pragma: no cover
