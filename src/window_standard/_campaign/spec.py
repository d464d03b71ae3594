"""The format of ``campaign.yaml``: the campaign rules of notice 成物协〔2013〕9号 as pydantic spec models.

A campaign file sits beside an edition's ``standard.yaml``. It holds what the notice itself fixes about how
the campaign runs: the timetable (§4), the application checks APP-1 ... APP-7 (§2, §3(3), §4(2)), review
warnings, and the outcome rules (§5(3)). Checks and outcome rules are written in the same expression
language as the criteria; every one cites its clause and quotes the notice's words.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .._spec import ParamScalar, SpecModel, Text

__all__ = [
    "PHASES",
    "STAGES",
    "CampaignSpec",
    "CheckSpec",
    "NoticeSource",
    "OrganisationRuleSpec",
    "OutcomeRuleSpec",
    "PhaseId",
    "PhaseSpec",
    "Stage",
    "WindowFacts",
    "WindowRuleSpec",
]

_SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$"
_RULE_ID = r"^[A-Z][A-Z0-9]*-[A-Za-z0-9]+$"
_NAME = r"^[a-z][a-z0-9_]*$"
_CONSTANT = r"^[A-Z][A-Z0-9_]*$"

#: The phases of the timetable the library relies on (notice §4), in order.
PhaseId = Literal["activities", "applications", "evaluation", "publication"]
PHASES: tuple[PhaseId, ...] = ("activities", "applications", "evaluation", "publication")
#: The lifecycle stages at which a check must hold (see ``lifecycle.py``), in order.
Stage = Literal["recommended", "endorsed", "submitted"]
STAGES: tuple[Stage, ...] = ("recommended", "endorsed", "submitted")

Expression = Annotated[str, Field(min_length=1, description="An expression in the rule language.")]


class NoticeSource(SpecModel):
    """A clause of the notice and the Chinese words the rule rests on (both required)."""

    clause: str = Field(pattern=r"^notice §\d(\(\d\))?$", description="The clause cited, as 'notice §4(2)'.")
    quote: str = Field(min_length=1, description="The notice's words, verbatim (a substring of the notice).")


class PhaseSpec(SpecModel):
    """One phase of the timetable: its dates are parameters, so a variant can move them."""

    id: PhaseId
    title: Text
    from_: str = Field(alias="from", pattern=_NAME, description="The parameter holding the first day.")
    to: str = Field(pattern=_NAME, description="The parameter holding the last day (inclusive).")
    source: NoticeSource
    note: Text | None = Field(None, description="How the clause is read, where it needs reading.")


class CheckSpec(SpecModel):
    """An application check (accepted only if it holds) or a review warning (shown when it holds)."""

    id: str = Field(pattern=_RULE_ID, description="Stable id, e.g. APP-4.")
    title: Text
    source: NoticeSource
    provenance: Literal["notice"] = Field(description="Campaign rules are stated in the notice itself.")
    stage: Stage = Field(
        "submitted", description="The lifecycle step from which the check must not fail (checks only)."
    )
    let: dict[Annotated[str, Field(pattern=_NAME)], Expression] = Field(default_factory=dict)
    condition: Expression = Field(
        description="For a check: the application passes. For a warning: the warning applies."
    )
    explain: Text = Field(description="Explanation templates with {name} placeholders.")
    advice: Text | None = Field(None, description="What the applicant can do about it.")


class OutcomeRuleSpec(SpecModel):
    """A rule that gives an outcome when its condition holds (first one that holds wins)."""

    id: str = Field(pattern=_RULE_ID, description="Stable id, e.g. OUT-1.")
    outcome: Literal["honoured", "credit_points", "criticism"] = Field(description="What the rule gives.")
    title: Text
    source: NoticeSource
    provenance: Literal["notice"]
    let: dict[Annotated[str, Field(pattern=_NAME)], Expression] = Field(default_factory=dict)
    condition: Expression
    explain: Text


class WindowRuleSpec(OutcomeRuleSpec):
    """A window outcome rule: it can only honour (the default is "not honoured")."""

    outcome: Literal["honoured"] = Field(description="What the rule gives.")


class OrganisationRuleSpec(OutcomeRuleSpec):
    """An organisation outcome rule (the default is "none")."""

    outcome: Literal["credit_points", "criticism"] = Field(description="What the rule gives.")


class WindowOutcomes(SpecModel):
    """Outcome rules for windows; a window none of them gives an outcome to is not honoured."""

    rules: list[WindowRuleSpec] = Field(min_length=1)
    otherwise: Text = Field(description="The label of the default outcome (not honoured).")


class WindowFacts(SpecModel):
    """Criteria of the standard whose verdicts are read as facts of each entered window."""

    plan: str = Field(pattern=_RULE_ID, description="The organisation adopted a campaign plan (PRE-4).")
    strands: str = Field(pattern=_RULE_ID, description="Both activity strands were carried out (PRE-5).")
    reported: str = Field(pattern=_RULE_ID, description="Reports were sent to the association (LF-8).")
    scope: list[Annotated[str, Field(pattern=_RULE_ID)]] = Field(
        min_length=1,
        description="Prerequisites that together put a window in the campaign's scope (PRE-1 ...).",
    )


class OrganisationOutcomes(SpecModel):
    """Outcome rules for organisations, with a per-window rule whose result they read (``idle``).

    ``facts`` names the criteria of the standard whose verdicts fill ``plan``, ``strands`` and ``reported``
    of each entered window.
    """

    facts: WindowFacts

    window: CheckSpec = Field(
        description="Evaluated for each window an organisation entered; its condition becomes `idle`."
    )
    rules: list[OrganisationRuleSpec] = Field(min_length=1)
    otherwise: Text = Field(description="The label of the default outcome (none).")


class CampaignSpec(SpecModel):
    """A ``campaign.yaml``: the campaign rules that go with one edition of the standard."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Campaign id.")
    version: str = Field(pattern=_SEMVER, description="Semver of this encoding.")
    standard: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="The edition id it goes with.")
    title: Text
    document: str = Field(min_length=1, description="The document encoded, e.g. 成物协〔2013〕9号.")
    provenance: Literal["notice"]
    notice: str = Field(min_length=1, description="Path of the notice text (for quote checks), relative.")
    parameters: dict[Annotated[str, Field(pattern=_NAME)], ParamScalar] = Field(default_factory=dict)
    constants: dict[Annotated[str, Field(pattern=_CONSTANT)], ParamScalar | list[ParamScalar]] = Field(
        default_factory=dict
    )
    timetable: list[PhaseSpec] = Field(min_length=1)
    checks: list[CheckSpec] = Field(min_length=1)
    warnings: list[CheckSpec] = Field(default_factory=list)
    window_outcomes: WindowOutcomes
    organisation_outcomes: OrganisationOutcomes
