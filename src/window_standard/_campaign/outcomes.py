"""Campaign outcomes (notice §5(3)): honours for windows, credit points or criticism for organisations.

Windows: the window outcome rules of ``campaign.yaml`` run on each window (its application's review and the
committee's evaluation). Organisations: windows are grouped by organisation (windows sharing a name or any
identifier belong together); the per-window rule runs on each entered window, then the organisation rules on
the group. The first rule that holds decides; when none holds the outcome is the default one. Everything is
sorted, so the same inputs always give the same outcomes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from .._base import FrozenModel
from .._model import Application, Window
from .._result import LocalText, Result, StandardStamp
from .._spec import Text
from .._vocab import Lang
from .build import CampaignRules, CompiledRule
from .context import (
    EnteredWindow,
    OrganisationContext,
    WindowOutcomeContext,
    WindowRecord,
    assessment_of,
    status_flag,
)
from .publish import NoticeEntry, notice_csv, notice_json, rank_entries
from .review import ApplicationReview, CampaignStamp
from .run import RuleRun, run_rule
from .spec import OrganisationRuleSpec

__all__ = ["CampaignOutcomes", "Entry", "OrganisationOutcome", "WindowOutcome", "compute_outcomes"]

WindowOutcomeKind = Literal["honoured", "not_honoured"]
OrganisationOutcomeKind = Literal["credit_points", "criticism", "none"]


class WindowOutcome(FrozenModel):
    """What one window receives, with the reasons."""

    window_id: str
    window_name: str
    district: str
    organisation: str | None
    applied: bool
    accepted: bool = Field(description="The application passed every check.")
    failed_checks: list[str] = Field(description="Checks the application failed (empty when accepted).")
    evaluated: bool
    committee_score: Decimal | None
    committee_level: str | None
    outcome: WindowOutcomeKind
    outcome_title: LocalText
    rule: str | None = Field(description="The rule that gave the outcome (None: the default outcome).")
    clause: str
    reasons: list[LocalText]


class OrganisationOutcome(FrozenModel):
    """What one organisation receives, with the reasons."""

    key: str = Field(description="The identifier the organisation is grouped by (a code, else its name).")
    name: str | None
    windows: list[str] = Field(description="Ids of the windows it entered.")
    outcome: OrganisationOutcomeKind
    outcome_title: LocalText
    rule: str | None = Field(description="The rule that gave the outcome (None: the default outcome).")
    clause: str
    reasons: list[LocalText]


class CampaignOutcomes(FrozenModel):
    """All outcomes of a campaign, and the results list for the public notice."""

    campaign: CampaignStamp
    standard: StandardStamp
    windows: list[WindowOutcome] = Field(description="Sorted by window id.")
    organisations: list[OrganisationOutcome] = Field(description="Sorted by key.")
    notice: list[NoticeEntry] = Field(description="Honoured windows by district, then score (公示).")

    def notice_csv(self, lang: Lang = "zh") -> str:
        """The public-notice list as CSV."""
        return notice_csv(self.notice, lang)

    def notice_json(self) -> str:
        """The public-notice list as JSON."""
        return notice_json(self.notice)

    def explain(self, lang: Lang = "zh") -> str:
        """A multi-line summary: every window's and every organisation's outcome with its first reason."""
        lines = [f"{w.window_id} {w.window_name}: {w.outcome_title.get(lang)}" for w in self.windows]
        lines += [f"{o.name or o.key}: {o.outcome_title.get(lang)}" for o in self.organisations]
        return "\n".join(lines)


@dataclass(frozen=True)
class Entry:
    """One window as the outcomes see it: its application (reviewed) and the committee's evaluation.

    Attributes:
        window_id: The window's id.
        application: The application, if one was received.
        review: Its review.
        own_result: The standard's evaluation of the application's window.
        evaluation: The committee's window document, if evaluated.
        committee_result: The standard's evaluation of it.
    """

    window_id: str
    application: Application | None
    review: ApplicationReview | None
    own_result: Result | None
    evaluation: Window | None
    committee_result: Result | None

    @property
    def window(self) -> Window:
        """The facts the organisation is judged on: the committee's if evaluated, else the application's."""
        if self.evaluation is not None:
            return self.evaluation
        assert self.application is not None
        return self.application.window

    @property
    def result(self) -> Result:
        """The evaluation matching :attr:`window`."""
        found = self.committee_result or self.own_result
        assert found is not None
        return found


def compute_outcomes(
    rules: CampaignRules,
    stamp: CampaignStamp,
    standard: StandardStamp,
    entries: Sequence[Entry],
    params: dict[str, Any],
    names: Mapping[str, Text],
) -> CampaignOutcomes:
    """Outcomes of every window and organisation of the entries (``names``: the standard's district names)."""
    ordered = sorted(entries, key=lambda e: e.window_id)
    windows = [_window_outcome(rules, e, params) for e in ordered]
    organisations = [_organisation_outcome(rules, group, params) for group in _group_by_organisation(ordered)]
    organisations.sort(key=lambda o: o.key)
    notice = rank_entries(_notice_entry(names, w) for w in windows if w.outcome == "honoured")
    return CampaignOutcomes(
        campaign=stamp, standard=standard, windows=windows, organisations=organisations, notice=notice
    )


def _window_outcome(rules: CampaignRules, entry: Entry, params: dict[str, Any]) -> WindowOutcome:
    committee = entry.committee_result
    review = entry.review
    window = entry.window if entry.application is None else entry.application.window
    context = WindowOutcomeContext(
        window=window,
        applied=entry.application is not None,
        accepted=review is not None and review.accepted,
        evaluated=committee is not None,
        committee=None if committee is None else assessment_of(committee),
    )
    runs = [run_rule(rule, context, params) for rule in rules.window_rules]
    decided = next((run for run in runs if run.holds), None)
    spec = rules.spec.window_outcomes
    return WindowOutcome(
        window_id=entry.window_id,
        window_name=window.name,
        district=window.district,
        organisation=window.organisation.name,
        applied=context.applied,
        accepted=context.accepted,
        failed_checks=[] if review is None else [c.id for c in review.failed],
        evaluated=context.evaluated,
        committee_score=None if committee is None else committee.score,
        committee_level=None if committee is None else committee.level,
        outcome="honoured" if decided is not None else "not_honoured",
        outcome_title=_title(decided.rule) if decided is not None else _local(spec.otherwise),
        rule=None if decided is None else decided.rule.spec.id,
        clause=(decided or runs[0]).rule.spec.source.clause,
        reasons=_reasons(decided, runs),
    )


def _group_by_organisation(entries: Sequence[Entry]) -> list[list[Entry]]:
    """Windows that share an organisation name or any identifier, grouped (union-find), in id order."""
    parent = list(range(len(entries)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for index, entry in enumerate(entries):
        for identity in _identities(entry.window):
            if identity in owner:
                parent[find(index)] = find(owner[identity])
            else:
                owner[identity] = index
    groups: dict[int, list[Entry]] = {}
    for index, entry in enumerate(entries):
        groups.setdefault(find(index), []).append(entry)
    return list(groups.values())


def _identities(window: Window) -> list[str]:
    org = window.organisation
    codes = [org.credit_code, org.organisation_code, org.registration_number]
    found = [f"code:{code}" for code in codes if code]
    if org.name:
        found.append(f"name:{org.name.strip()}")
    return found or [f"window:{window.id}"]


def _organisation_key(group: list[Entry]) -> tuple[str, str | None]:
    orgs = [e.window.organisation for e in group]
    codes = sorted(c for o in orgs for c in (o.credit_code, o.organisation_code, o.registration_number) if c)
    names = sorted({o.name for o in orgs if o.name})
    name = names[0] if names else None
    if codes:
        return codes[0], name
    return (name, name) if name else (f"window:{group[0].window_id}", None)


def _organisation_outcome(
    rules: CampaignRules, group: list[Entry], params: dict[str, Any]
) -> OrganisationOutcome:
    facts = rules.spec.organisation_outcomes.facts
    entered: list[EnteredWindow] = []
    lines: list[LocalText] = []
    for entry in group:
        result = entry.result
        record = WindowRecord(
            window=entry.window,
            in_scope=_all_flags(result, facts.scope),
            plan=_flag(result, facts.plan),
            strands=_flag(result, facts.strands),
            reported=_flag(result, facts.reported),
            evaluated=entry.committee_result is not None,
            fired_vetoes=[v for v in result.vetoes if result.criteria[v].status == "fail"],
        )
        idle = run_rule(rules.organisation_window, record, params)
        lines.append(idle.explanation)
        entered.append(EnteredWindow(**dict(record), idle=status_flag(idle.verdict)))
    key, name = _organisation_key(group)
    context = OrganisationContext(name=name, windows=entered)
    runs = [run_rule(rule, context, params) for rule in rules.organisation_rules]
    decided = next((run for run in runs if run.holds), None)
    outcome: OrganisationOutcomeKind = "none"
    if decided is not None and isinstance(decided.rule.spec, OrganisationRuleSpec):
        outcome = decided.rule.spec.outcome
    spec = rules.spec.organisation_outcomes
    return OrganisationOutcome(
        key=key,
        name=name,
        windows=[e.window_id for e in group],
        outcome=outcome,
        outcome_title=_title(decided.rule) if decided is not None else _local(spec.otherwise),
        rule=None if decided is None else decided.rule.spec.id,
        clause=(decided or runs[0]).rule.spec.source.clause,
        reasons=_reasons(decided, runs) + lines,
    )


def _reasons(decided: RuleRun | None, runs: list[RuleRun]) -> list[LocalText]:
    return [decided.explanation] if decided is not None else [run.explanation for run in runs]


def _all_flags(result: Result, criteria: list[str]) -> bool | None:
    """Kleene "and" of several criteria's verdicts: false if one fails, no data if one has none, else true."""
    flags = [_flag(result, c) for c in criteria]
    if False in flags:
        return False
    return None if None in flags else True


def _flag(result: Result, criterion: str) -> bool | None:
    found = result.criteria.get(criterion)
    return None if found is None else status_flag(found.status)


def _notice_entry(names: Mapping[str, Text], outcome: WindowOutcome) -> NoticeEntry:
    name = names.get(outcome.district)
    return NoticeEntry(
        rank=1,
        district=outcome.district,
        district_name=None if name is None else _local(name),
        window_id=outcome.window_id,
        window_name=outcome.window_name,
        organisation=outcome.organisation,
        score=outcome.committee_score,
        outcome=outcome.outcome_title,
    )


def _title(rule: CompiledRule) -> LocalText:
    return _local(rule.spec.title)


def _local(text: Any) -> LocalText:
    return LocalText(zh=text.zh, en=text.en)
