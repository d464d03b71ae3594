"""``window-standard lint``: static checks of a rule set, each with a stable code (WL1xx-WL2xx).

A rule set that does not load reports the problems of its :class:`~window_standard.RuleDefinitionError`
(with their WS codes) as error findings. One that loads is checked as a whole (ids, unused parameters and
constants, notice quotes, level thresholds) and criterion by criterion, by abstract interpretation of the
typed expression trees (score ranges, thresholds out of reach, constant conditions, applicability).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from .._build import RuleSet, build_rule_set
from .._errors import Location, Problem, RuleDefinitionError, WindowStandardError
from .._library import Library
from .._model import Window
from .criteria import lint_criterion
from .findings import LINT_CODES, Finding, finding_from_problem, render_json, render_text
from .ruleset import lint_rule_set_wide, param_abstracts
from .source import Locator

__all__ = ["LINT_CODES", "Finding", "lint_rule_set", "render_json", "render_text"]


def lint_rule_set(folder: Path, root: type[BaseModel] = Window) -> list[Finding]:
    """Lint the edition in ``folder``.

    Args:
        folder: The edition folder (holding ``standard.yaml``).
        root: The window model class the expressions read.

    Returns:
        Every finding, sorted by file, line, column and code.
    """
    find_base = Library([folder.resolve().parent]).find_base  # as load_standard(path=folder) does
    try:
        rules = build_rule_set(folder, root, find_base)
    except RuleDefinitionError as exc:
        return sorted((finding_from_problem(p) for p in exc.problems), key=Finding.sort_key)
    locator = Locator(folder)
    findings = lint_rule_set_wide(rules, locator, folder)
    params = param_abstracts(rules)
    for rule in rules.criteria:
        where = {key: locator.criterion(rule, tuple(key.split(".", 1))) for key in rule.trees}
        findings += lint_criterion(rule, root, params, where)
    findings += _campaign_findings(folder, rules) if root is Window else []
    return sorted(findings, key=Finding.sort_key)


def _campaign_findings(folder: Path, rules: RuleSet) -> list[Finding]:
    """The problems of the edition's ``campaign.yaml`` (schema, expressions, criteria it reads), if any."""
    file = folder / "campaign.yaml"
    if not file.is_file():
        return []
    from .._campaign.campaign import load_campaign
    from .._standard import Standard

    try:
        load_campaign(Standard(rules), path=file)
    except RuleDefinitionError as exc:
        return [finding_from_problem(p) for p in exc.problems]
    except WindowStandardError as exc:
        where = Location(str(file), 1, 1)
        return [finding_from_problem(Problem("WS208", str(exc), "fix campaign.yaml", where))]
    return []
