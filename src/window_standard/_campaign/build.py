"""Load, validate and check a ``campaign.yaml`` with the same machinery as the criteria.

Each rule is type-checked into a :class:`~window_standard._check.CheckedRule` against its own context model
and prepared by the compiled engine.

Problems of every kind (YAML, spec shape, parameters, timetable, quotes, expressions) are collected and
raised together as one :class:`~window_standard._errors.RuleDefinitionError`, located at ``file:line:col``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from .._check import CheckedRule, RuleText, check_rule
from .._engine import Prepared
from .._engine.compiled import ENGINE
from .._errors import Location, Problem, RuleDefinitionError
from .._expr.types import Type, type_of_value
from .._files import read_text_file
from .._load import LoadedYaml, Path_, load_yaml_file
from .._spec import validate_document
from .context import OrganisationContext, ReviewContext, WindowOutcomeContext, WindowRecord
from .spec import PHASES, CampaignSpec, CheckSpec, OutcomeRuleSpec

__all__ = ["CAMPAIGN_FILE", "CampaignRules", "CompiledRule", "build_campaign"]

#: The name of the campaign file inside an edition folder.
CAMPAIGN_FILE = "campaign.yaml"

_ADAPTER = TypeAdapter(CampaignSpec)


@dataclass(frozen=True)
class CompiledRule:
    """A campaign rule ready to run.

    Attributes:
        spec: The rule as written (a check, a warning or an outcome rule).
        checked: Its typed trees, facts and explanation templates.
        prepared: The rule prepared by the compiled engine.
    """

    spec: CheckSpec | OutcomeRuleSpec
    checked: CheckedRule
    prepared: Prepared


@dataclass(frozen=True)
class CampaignRules:
    """A validated, compiled campaign file.

    Attributes:
        spec: The campaign as validated models.
        checks: APP-1 ... in file order.
        warnings: Review warnings in file order.
        window_rules: Window outcome rules in order (the first that holds decides).
        organisation_window: The per-window rule organisation outcomes read (``idle``).
        organisation_rules: Organisation outcome rules in order.
        file: Where the campaign was read from.
    """

    spec: CampaignSpec
    checks: tuple[CompiledRule, ...]
    warnings: tuple[CompiledRule, ...]
    window_rules: tuple[CompiledRule, ...]
    organisation_window: CompiledRule
    organisation_rules: tuple[CompiledRule, ...]
    file: str


def build_campaign(path: Path) -> CampaignRules:
    """Load, validate and compile one campaign file.

    Args:
        path: The ``campaign.yaml`` file.

    Raises:
        RuleDefinitionError: With every problem found, sorted by location.
    """
    loaded = load_yaml_file(path)
    checked = validate_document(_ADAPTER, loaded, CampaignSpec)
    spec, problems = checked
    if spec is None:
        raise RuleDefinitionError(problems)
    types = _param_types(spec, loaded, problems)
    _check_timetable(spec, loaded, types, problems)
    _check_ids(spec, loaded, problems)
    _check_quotes(spec, loaded, path, problems)
    constants = {name: (_constant_type(value), value) for name, value in spec.constants.items()}
    compiler = _Compiler(loaded, types, constants, problems)
    org = spec.organisation_outcomes
    checks = compiler.all(spec.checks, ("checks",), ReviewContext)
    warnings = compiler.all(spec.warnings, ("warnings",), ReviewContext)
    window_rules = compiler.all(
        spec.window_outcomes.rules, ("window_outcomes", "rules"), WindowOutcomeContext
    )
    per_window = compiler.compile(org.window, ("organisation_outcomes", "window"), WindowRecord)
    org_rules = compiler.all(org.rules, ("organisation_outcomes", "rules"), OrganisationContext)
    if problems or per_window is None:
        raise RuleDefinitionError(problems)
    return CampaignRules(spec, checks, warnings, window_rules, per_window, org_rules, str(path))


class _Compiler:
    """Checks campaign rules with :func:`check_rule`, each against its own context model."""

    def __init__(
        self,
        loaded: LoadedYaml,
        types: dict[str, Type],
        constants: dict[str, tuple[Type, Any]],
        problems: list[Problem],
    ) -> None:
        self.loaded = loaded
        self.types = types
        self.constants = constants
        self.problems = problems

    def all(
        self, specs: Sequence[CheckSpec | OutcomeRuleSpec], at: Path_, root: type[BaseModel]
    ) -> tuple[CompiledRule, ...]:
        found = (self.compile(spec, (*at, index), root) for index, spec in enumerate(specs))
        return tuple(rule for rule in found if rule is not None)

    def compile(
        self, spec: CheckSpec | OutcomeRuleSpec, at: Path_, root: type[BaseModel]
    ) -> CompiledRule | None:
        text = RuleText(spec.id, spec.let, None, None, spec.condition, spec.explain)
        checked = check_rule(
            text,
            self.loaded,
            at,
            root=root,
            params=self.types,
            constants=self.constants,
            problems=self.problems,
        )
        return None if checked is None else CompiledRule(spec, checked, ENGINE.prepare([checked]))


def _constant_type(value: Any) -> Type:
    typ = type_of_value(value)
    return typ if typ is not None else Type("str")


def _param_types(spec: CampaignSpec, loaded: LoadedYaml, problems: list[Problem]) -> dict[str, Type]:
    types: dict[str, Type] = {}
    for name, value in spec.parameters.items():
        typ = type_of_value(value)
        if typ is None:  # pragma: no cover - ParamScalar admits only supported scalars
            where = _at(loaded, "parameters", name)
            problems.append(Problem("WS207", f"parameter '{name}' has an unsupported value", "", where))
            continue
        types[name] = typ
    return types


def _check_timetable(
    spec: CampaignSpec, loaded: LoadedYaml, types: dict[str, Type], problems: list[Problem]
) -> None:
    seen: list[str] = []
    for index, phase in enumerate(spec.timetable):
        if phase.id in seen:
            problems.append(
                Problem(
                    "WS204",
                    f"duplicate timetable phase '{phase.id}'",
                    "list each phase once",
                    _at(loaded, "timetable", index, "id"),
                )
            )
        seen.append(phase.id)
        for key, name in (("from", phase.from_), ("to", phase.to)):
            if name not in types or types[name].kind != "date":
                problems.append(
                    Problem(
                        "WS207",
                        f"timetable phase '{phase.id}' refers to '{name}', which is not a date parameter",
                        "declare it under parameters as YYYY-MM-DD",
                        _at(loaded, "timetable", index, key),
                    )
                )
        start, end = spec.parameters.get(phase.from_), spec.parameters.get(phase.to)
        if isinstance(start, date) and isinstance(end, date) and start > end:
            problems.append(
                Problem(
                    "WS207",
                    f"timetable phase '{phase.id}' ends ({end}) before it starts ({start})",
                    "swap or fix the dates",
                    _at(loaded, "timetable", index, "to"),
                )
            )
    missing = [p for p in PHASES if p not in seen]
    if missing:
        problems.append(
            Problem(
                "WS202",
                f"timetable is missing phase{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
                f"the timetable needs the phases {', '.join(PHASES)}",
                _at(loaded, "timetable"),
            )
        )


def _all_rules(spec: CampaignSpec) -> list[tuple[Path_, CheckSpec | OutcomeRuleSpec]]:
    """Every rule of the campaign with its path in the file."""
    org = spec.organisation_outcomes
    found: list[tuple[Path_, CheckSpec | OutcomeRuleSpec]] = []
    found += [(("checks", i), rule) for i, rule in enumerate(spec.checks)]
    found += [(("warnings", i), rule) for i, rule in enumerate(spec.warnings)]
    found += [(("window_outcomes", "rules", i), rule) for i, rule in enumerate(spec.window_outcomes.rules)]
    found.append((("organisation_outcomes", "window"), org.window))
    found += [(("organisation_outcomes", "rules", i), rule) for i, rule in enumerate(org.rules)]
    return found


def _check_ids(spec: CampaignSpec, loaded: LoadedYaml, problems: list[Problem]) -> None:
    seen: set[str] = set()
    for at, rule in _all_rules(spec):
        if rule.id in seen:
            problems.append(
                Problem(
                    "WS204",
                    f"duplicate rule id '{rule.id}'",
                    "give each rule its own id",
                    loaded.locate((*at, "id")),
                )
            )
        seen.add(rule.id)


def _check_quotes(spec: CampaignSpec, loaded: LoadedYaml, path: Path, problems: list[Problem]) -> None:
    notice = path.parent / spec.notice
    try:
        text = read_text_file(notice, path.parent)
    except RuleDefinitionError as exc:
        problems += [
            Problem(
                p.code,
                f"cannot read the notice text {spec.notice}: {p.message.removeprefix('cannot read file: ')}",
                "give the notice's path relative to campaign.yaml (a text file inside the rule folder)",
                _at(loaded, "notice"),
            )
            for p in exc.problems
        ]
        return
    quoted: list[tuple[Path_, str]] = [
        (("timetable", i), p.source.quote) for i, p in enumerate(spec.timetable)
    ]
    quoted += [(at, rule.source.quote) for at, rule in _all_rules(spec)]
    for at, quote in quoted:
        if quote not in text:
            problems.append(
                Problem(
                    "WS203",
                    f"quote '{quote}' is not in the notice",
                    f"copy the words exactly from {spec.notice}",
                    loaded.locate((*at, "source", "quote")),
                )
            )


def _at(loaded: LoadedYaml, *path: str | int) -> Location:
    return loaded.locate(tuple(path))
