"""The compiled :class:`Campaign` (campaign rules bound to a standard) and the public entry points."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from .._districts import district_names
from .._errors import Problem, RuleDefinitionError, WindowStandardError
from .._expr.types import type_of_value
from .._library import load_standard, packaged_rules_dir
from .._load import load_yaml_file
from .._model import Application, Assessor, Window
from .._numbers import json_native
from .._result import LocalText, StandardStamp
from .._spec import Text
from .._standard import Standard
from .build import CAMPAIGN_FILE, CampaignRules, build_campaign
from .outcomes import CampaignOutcomes, Entry, compute_outcomes
from .review import ApplicationReview, CampaignStamp, review
from .spec import PhaseId

__all__ = ["Campaign", "Phase", "campaign_outcomes", "load_campaign", "review_application"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class Phase:
    """One phase of the campaign timetable (notice §4), with its dates in force.

    Attributes:
        id: ``activities``, ``applications``, ``evaluation`` or ``publication``.
        title: What happens in the phase.
        starts: First day.
        ends: Last day (inclusive).
        clause: The clause that sets it.
        quote: The notice's words.
        note: How the clause is read, where it needs reading.
    """

    id: PhaseId
    title: LocalText
    starts: date
    ends: date
    clause: str
    quote: str
    note: LocalText | None

    def contains(self, day: date) -> bool:
        """Whether a day lies in the phase."""
        return self.starts <= day <= self.ends


class Campaign:
    """Compiled campaign rules bound to the :class:`~window_standard.Standard` they go with.

    Immutable and shareable between threads. Obtain one with :func:`load_campaign`.
    """

    __slots__ = ("_digest", "_names", "_params", "_rules", "_standard")
    _digest: str
    _names: Mapping[str, Text]
    _params: dict[str, Any]
    _rules: CampaignRules
    _standard: Standard

    def __init__(self, rules: CampaignRules, standard: Standard) -> None:
        """Bind compiled campaign rules to a standard (use :func:`load_campaign` rather than this).

        Raises:
            WindowStandardError: When the standard lacks a criterion the organisation outcomes read.
        """
        facts = rules.spec.organisation_outcomes.facts
        wanted = (facts.plan, facts.strands, facts.reported, *facts.scope)
        missing = [c for c in wanted if c not in standard.criteria]
        if missing:
            raise WindowStandardError(
                f"campaign {rules.spec.id} reads criteria {', '.join(missing)}, which standard "
                f"{standard.id} does not have"
            )
        data = json_native(rules.spec.model_dump(mode="python", by_alias=True))
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        object.__setattr__(self, "_rules", rules)
        object.__setattr__(self, "_standard", standard)
        object.__setattr__(self, "_names", district_names(standard.spec))
        object.__setattr__(self, "_params", dict(rules.spec.parameters))
        object.__setattr__(self, "_digest", hashlib.sha256(text.encode("utf-8")).hexdigest())

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Campaign is immutable; use with_parameters() for a variant")

    def __repr__(self) -> str:
        return f"<Campaign {self.id} {self.version} digest={self.digest[:12]} standard={self._standard.id}>"

    @property
    def id(self) -> str:
        """The campaign id, e.g. ``cdpma-window-2013-campaign``."""
        return self._rules.spec.id

    @property
    def version(self) -> str:
        """Semver of this encoding."""
        return self._rules.spec.version

    @property
    def digest(self) -> str:
        """sha256 over the canonical campaign file (parameters included)."""
        return self._digest

    @property
    def stamp(self) -> CampaignStamp:
        """Id, version and digest, as stamped on every review and outcome."""
        return CampaignStamp(id=self.id, version=self.version, digest=self.digest)

    @property
    def standard(self) -> Standard:
        """The standard windows are evaluated against."""
        return self._standard

    @property
    def district_names(self) -> Mapping[str, Text]:
        """The standard's names of district codes, which explanations and the public notice show."""
        return self._names

    @property
    def rules(self) -> CampaignRules:
        """The compiled campaign file."""
        return self._rules

    @property
    def parameters(self) -> Mapping[str, Any]:
        """The campaign parameters (dates of the timetable); read-only."""
        return MappingProxyType(self._params)

    @property
    def checks(self) -> tuple[str, ...]:
        """Ids of the application checks, in order."""
        return tuple(rule.spec.id for rule in self._rules.checks)

    @property
    def timetable(self) -> tuple[Phase, ...]:
        """The phases of the timetable, in file order."""
        return tuple(self.phase(p.id) for p in self._rules.spec.timetable)

    def phase(self, id: PhaseId) -> Phase:
        """One phase of the timetable with its dates in force."""
        spec = next(p for p in self._rules.spec.timetable if p.id == id)
        note = None if spec.note is None else LocalText(zh=spec.note.zh, en=spec.note.en)
        return Phase(
            id=spec.id,
            title=LocalText(zh=spec.title.zh, en=spec.title.en),
            starts=self._params[spec.from_],
            ends=self._params[spec.to],
            clause=spec.source.clause,
            quote=spec.source.quote,
            note=note,
        )

    def review(self, application: Application | Mapping[str, Any]) -> ApplicationReview:
        """Review one application against every check (see :func:`review_application`).

        Raises:
            pydantic.ValidationError: When a mapping is not a valid application.
        """
        app = _application(application)
        result = self._standard.evaluate(app.window, explain=False)
        return review(self._rules, self.stamp, app, result, self._params, self._names)

    def outcomes(
        self,
        applications: Iterable[Application | Mapping[str, Any]],
        evaluations: Iterable[Window | Mapping[str, Any]] = (),
    ) -> CampaignOutcomes:
        """Outcomes for windows and organisations (see :func:`campaign_outcomes`)."""
        apps = _unique([_application(a) for a in applications], lambda a: a.window.id, "applications")
        evals = _unique([_evaluation(w) for w in evaluations], lambda w: w.id, "evaluations")
        entries: list[Entry] = []
        for window_id in sorted(set(apps) | set(evals)):
            app, evaluation = apps.get(window_id), evals.get(window_id)
            own = None if app is None else self._standard.evaluate(app.window, explain=False)
            checked = (
                None
                if app is None or own is None
                else review(self._rules, self.stamp, app, own, self._params, self._names)
            )
            committee = None if evaluation is None else self._standard.evaluate(evaluation, explain=False)
            entries.append(Entry(window_id, app, checked, own, evaluation, committee))
        standard = StandardStamp(
            id=self._standard.id, version=self._standard.version, digest=self._standard.digest
        )
        return compute_outcomes(self._rules, self.stamp, standard, entries, self._params, self._names)

    def with_parameters(self, **overrides: Any) -> Campaign:
        """A variant with some parameters changed (e.g. another deadline); it has its own digest.

        Raises:
            RuleDefinitionError: WS207 for an unknown parameter, a value of another type, or a phase that
                would end before it starts.
        """
        current = self._rules.spec.parameters
        problems: list[Problem] = []
        for name, value in overrides.items():
            if name not in current:
                problems.append(
                    Problem("WS207", f"unknown parameter '{name}'", f"known: {', '.join(current)}")
                )
                continue
            old, new = type_of_value(current[name]), type_of_value(value)
            if new is None or old is None or new.kind != old.kind:
                kind = "unsupported value" if new is None else new.kind
                problems.append(
                    Problem(
                        "WS207", f"parameter '{name}' must stay a {old.kind if old else '?'}, got {kind}", ""
                    )
                )
        merged = {**current, **overrides}
        for phase in self._rules.spec.timetable:
            start, end = merged[phase.from_], merged[phase.to]
            if isinstance(start, date) and isinstance(end, date) and start > end:
                problems.append(
                    Problem(
                        "WS207",
                        f"timetable phase '{phase.id}' would end ({end}) before it starts ({start})",
                        "",
                    )
                )
        if problems:
            raise RuleDefinitionError(problems)
        spec = self._rules.spec.model_copy(update={"parameters": merged})
        return Campaign(replace(self._rules, spec=spec), self._standard)


def load_campaign(standard: Standard | None = None, *, path: str | Path | None = None) -> Campaign:
    """Load and compile the campaign rules that go with a standard.

    Args:
        standard: The standard to bind to (default: :func:`~window_standard.load_standard` ()).
        path: A ``campaign.yaml`` (or a folder holding one); default: the one beside the standard's own
            rule files, else the packaged one of the standard's edition.

    Raises:
        RuleDefinitionError: When the campaign file is invalid.
        WindowStandardError: When no campaign file is found.
    """
    std = standard if standard is not None else load_standard()
    file = _campaign_file(std, path)
    return Campaign(build_campaign(file), std)


def review_application(
    application: Application | Mapping[str, Any],
    *,
    standard: Standard | None = None,
    campaign: Campaign | None = None,
) -> ApplicationReview:
    """Review one application (Annex 2 form) against the campaign checks APP-1 ... APP-7.

    The application's window is evaluated against the standard (the self-assessment is recomputed, and a
    difference from the reported score is a warning); then every check runs. The application is accepted
    only if every check holds; the review lists every failed check with its clause and explanation.

    Args:
        application: An :class:`~window_standard.Application` or a mapping validated into one.
        standard: The standard (default: the packaged edition in force today).
        campaign: Compiled campaign rules to use (default: those of ``standard``); give one to review many.

    Returns:
        The :class:`ApplicationReview`.

    Raises:
        pydantic.ValidationError: When a mapping is not a valid application.
    """
    return (campaign or load_campaign(standard)).review(application)


def campaign_outcomes(
    applications: Iterable[Application | Mapping[str, Any]],
    evaluations: Iterable[Window | Mapping[str, Any]] = (),
    *,
    standard: Standard | None = None,
    campaign: Campaign | None = None,
) -> CampaignOutcomes:
    """Outcomes of a campaign (notice §5(3)) for every window and organisation, and the public-notice list.

    Args:
        applications: The applications received (reviewed here).
        evaluations: The committee's evaluations (window documents with ``assessor: committee``), matched to
            applications by window id.
        standard: The standard (default: the packaged edition in force today).
        campaign: Compiled campaign rules to use (default: those of ``standard``).

    Raises:
        pydantic.ValidationError: When an input is not a valid application or window.
        ValueError: When two applications or two evaluations are for the same window id, or an evaluation
            is not the committee's.
    """
    return (campaign or load_campaign(standard)).outcomes(applications, evaluations)


def _campaign_file(standard: Standard, path: str | Path | None) -> Path:
    """The campaign file to use: the one given, else beside the edition, else that of its base edition."""
    if path is not None:
        chosen = Path(path)
        return chosen / CAMPAIGN_FILE if chosen.is_dir() else chosen
    folder, edition, seen = Path(standard._rules.folder), standard.id, set()
    while edition not in seen:
        seen.add(edition)
        for candidate in (folder / CAMPAIGN_FILE, packaged_rules_dir() / edition / CAMPAIGN_FILE):
            if candidate.is_file():
                return candidate
        base = _extends(folder / "standard.yaml")
        if base is None:
            break
        folder, edition = packaged_rules_dir() / base, base
    raise WindowStandardError(
        f"no {CAMPAIGN_FILE} found for standard {standard.id}; pass load_campaign(path=...)"
    )


def _extends(head: Path) -> str | None:
    """The base edition id a variant's ``standard.yaml`` names in ``extends`` (without ``@version``)."""
    if not head.is_file():
        return None
    data = load_yaml_file(head).data
    base = data.get("extends") if isinstance(data, dict) else None
    return base.partition("@")[0] if isinstance(base, str) else None


def _application(value: Application | Mapping[str, Any]) -> Application:
    return value if isinstance(value, Application) else Application.model_validate(value)


def _evaluation(value: Window | Mapping[str, Any]) -> Window:
    window = value if isinstance(value, Window) else Window.model_validate(value)
    if window.assessor is not Assessor.COMMITTEE:
        raise ValueError(f"evaluation of window {window.id} has assessor {window.assessor!s}, not committee")
    return window


def _unique(items: list[_T], key: Callable[[_T], str], what: str) -> dict[str, _T]:
    found: dict[str, _T] = {}
    for item in items:
        k = key(item)
        if k in found:
            raise ValueError(f"two {what} for window {k}")
        found[k] = item
    return found
