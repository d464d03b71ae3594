"""Review of one application (Annex 2 form) against the campaign checks APP-1 ... APP-7.

The library first evaluates the application's window against the standard itself (the self-assessment is
recomputed, never taken on trust), then runs every check and every warning of ``campaign.yaml`` on the
result. An application is accepted only if every check holds; a rejection lists every failed check.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from .._base import FrozenModel
from .._model import Application
from .._result import FactValue, LocalText, Result, StandardStamp
from .._spec import Text
from .._vocab import COLON, Lang, aside, check_word, word
from .build import CampaignRules, CompiledRule
from .context import Assessment, DistrictNames, ReviewContext, assessment_of
from .run import RuleRun, run_rule
from .spec import CheckSpec

__all__ = [
    "ApplicationReview",
    "CampaignStamp",
    "CheckResult",
    "ReviewWarning",
    "SelfAssessmentCheck",
    "mentioned_districts",
    "review",
    "run_checks",
]


class CampaignStamp(FrozenModel):
    """Which campaign rules produced a decision."""

    id: str
    version: str
    digest: str = Field(description="sha256 of the canonical campaign file.")


class CheckResult(FrozenModel):
    """The verdict of one application check (APP-1 ...).

    ``status`` is ``pass`` when the check holds, ``fail`` when it does not and ``no_data`` when the form lacks
    what the check needs (which also rejects the application).
    """

    id: str
    title: LocalText
    clause: str = Field(description="The clause cited, as 'notice §4(2)'.")
    quote: str = Field(description="The notice's words the check rests on.")
    status: Literal["pass", "fail", "no_data"]
    explanation: LocalText
    facts: dict[str, FactValue] = Field(default_factory=dict)
    advice: LocalText | None = None

    @property
    def passed(self) -> bool:
        """True when the check holds."""
        return self.status == "pass"

    def explain(self, lang: Lang = "zh") -> str:
        """One line: id, title, clause, verdict and the explanation with the observed values."""
        verdict = check_word(self.status, lang)
        if self.status == "no_data":  # which does not hold: say so
            verdict += aside(check_word("fail", lang), lang)
        return f"{self.id} {self.title.get(lang)} [{self.clause}] {verdict}: {self.explanation.get(lang)}"


class ReviewWarning(FrozenModel):
    """A warning shown with the review; it never rejects an application."""

    id: str
    title: LocalText
    clause: str
    quote: str
    explanation: LocalText
    facts: dict[str, FactValue] = Field(default_factory=dict)

    def explain(self, lang: Lang = "zh") -> str:
        """One line: id, title, clause and the explanation."""
        return f"{self.id} {self.title.get(lang)} [{self.clause}]: {self.explanation.get(lang)}"


class SelfAssessmentCheck(FrozenModel):
    """The self-assessment as reported on the form beside the library's recomputation."""

    reported_score: Decimal | None
    reported_level: str | None
    reported_level_title: LocalText | None
    recomputed_score: Decimal
    recomputed_level: str
    recomputed_level_title: LocalText
    matches: bool = Field(description="The reported score and level equal the recomputed ones.")

    def describe(self, lang: Lang = "zh") -> str:
        """``reported / recomputed`` with level titles, e.g. ``95.00（达标） / 86.50（限期整改）``."""
        reported = "—"
        if self.reported_score is not None and self.reported_level_title is not None:
            reported = f"{self.reported_score}{aside(self.reported_level_title.get(lang), lang)}"
        return f"{reported} / {self.recomputed_score}{aside(self.recomputed_level_title.get(lang), lang)}"


class ApplicationReview(FrozenModel):
    """The review of one application: accepted or not, with every check's verdict and explanation."""

    campaign: CampaignStamp
    standard: StandardStamp
    window_id: str
    window_name: str
    accepted: bool = Field(description="Every check holds.")
    checks: list[CheckResult] = Field(description="Every check, in campaign-file order.")
    warnings: list[ReviewWarning] = Field(description="The warnings that apply.")
    self_assessment: SelfAssessmentCheck

    @property
    def failed(self) -> list[CheckResult]:
        """The checks that do not hold (failed or without data), in order."""
        return [c for c in self.checks if not c.passed]

    def explain(self, lang: Lang = "zh") -> str:
        """A multi-line summary: the decision, the scores, then each failed check and each warning."""
        colon = COLON[lang]
        decision = word("accepted" if self.accepted else "rejected", lang)
        lines = [
            f"{word('application_for', lang)} {self.window_id} {self.window_name}{colon}{decision}",
            f"  {word('self_assessment', lang)}{colon}{self.self_assessment.describe(lang)}",
        ]
        lines += [f"  {c.explain(lang)}" for c in self.failed]
        lines += [f"  {w.explain(lang)}" for w in self.warnings]
        return "\n".join(lines)


def mentioned_districts(names: Mapping[str, Text], app: Application) -> DistrictNames:
    """Names of the window's district and of the endorsing authority's district, when the standard has them.

    Args:
        names: The standard's district names (:func:`window_standard._districts.district_names`).
        app: The application.
    """
    window = names.get(app.window.district)
    opinion = app.district_opinion
    authority = names.get(opinion.authority_district) if opinion is not None else None
    return DistrictNames(
        window_zh=window.zh if window else None,
        window_en=window.en if window else None,
        authority_zh=authority.zh if authority else None,
        authority_en=authority.en if authority else None,
    )


def run_checks(
    rules: CampaignRules,
    app: Application,
    assessment: Assessment,
    params: dict[str, Any],
    names: Mapping[str, Text],
) -> tuple[list[RuleRun], list[RuleRun]]:
    """Run every check and every warning on one application; returns (checks, warnings that apply).

    ``names`` are the standard's district names, which explanations read as ``names``.
    """
    context = ReviewContext(application=app, assessment=assessment, names=mentioned_districts(names, app))
    checks = [run_rule(rule, context, params) for rule in rules.checks]
    warnings = [run for run in (run_rule(rule, context, params) for rule in rules.warnings) if run.holds]
    return checks, warnings


def review(
    rules: CampaignRules,
    stamp: CampaignStamp,
    app: Application,
    result: Result,
    params: dict[str, Any],
    names: Mapping[str, Text],
) -> ApplicationReview:
    """Review one application, given the standard's evaluation of its window.

    Args:
        rules: The compiled campaign.
        stamp: The campaign's identity.
        app: The validated application.
        result: The standard's evaluation of ``app.window``.
        params: The campaign parameters.
        names: The standard's district names.
    """
    assessment = assessment_of(result)
    checks, warnings = run_checks(rules, app, assessment, params, names)
    own = app.self_assessment
    reported_level = None if own is None else str(own.level)
    reported_title = None if own is None else LocalText(zh=own.level.label("zh"), en=own.level.label("en"))
    return ApplicationReview(
        campaign=stamp,
        standard=result.standard,
        window_id=app.window.id,
        window_name=app.window.name,
        accepted=all(run.holds for run in checks),
        checks=[check_result(run) for run in checks],
        warnings=[_warning(run) for run in warnings],
        self_assessment=SelfAssessmentCheck(
            reported_score=None if own is None else own.score,
            reported_level=reported_level,
            reported_level_title=reported_title,
            recomputed_score=result.score,
            recomputed_level=result.level,
            recomputed_level_title=result.level_title,
            matches=own is not None and own.score == result.score and reported_level == result.level,
        ),
    )


def check_result(run: RuleRun) -> CheckResult:
    """A check's run as a :class:`CheckResult`."""
    spec = run.rule.spec
    return CheckResult(
        id=spec.id,
        title=_text(run.rule),
        clause=spec.source.clause,
        quote=spec.source.quote,
        status=run.verdict,
        explanation=run.explanation,
        facts=run.facts,
        advice=_advice(run.rule),
    )


def _warning(run: RuleRun) -> ReviewWarning:
    spec = run.rule.spec
    return ReviewWarning(
        id=spec.id,
        title=_text(run.rule),
        clause=spec.source.clause,
        quote=spec.source.quote,
        explanation=run.explanation,
        facts=run.facts,
    )


def _text(rule: CompiledRule) -> LocalText:
    return LocalText(zh=rule.spec.title.zh, en=rule.spec.title.en)


def _advice(rule: CompiledRule) -> LocalText | None:
    spec = rule.spec
    if not isinstance(spec, CheckSpec) or spec.advice is None:
        return None
    return LocalText(zh=spec.advice.zh, en=spec.advice.en)
