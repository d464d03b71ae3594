"""The models campaign rules are type-checked against and run on.

The library computes a few facts in Python before the rules run — chiefly its own evaluation of a window
against the standard (level, score, which prerequisites held) — and puts them beside the application in a
*context*. The rules in ``campaign.yaml`` then decide, reading the context by dotted paths
(``application.district_opinion.authority_district``, ``assessment.level``).
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from .._base import FrozenModel
from .._model import Application, Window
from .._result import Result

__all__ = [
    "Assessment",
    "DistrictNames",
    "EnteredWindow",
    "OrganisationContext",
    "ReviewContext",
    "WindowOutcomeContext",
    "WindowRecord",
    "assessment_of",
    "status_flag",
]


class Assessment(FrozenModel):
    """The library's evaluation of a window against the standard (recomputed, never taken on trust)."""

    level: str = Field(description="Level id: meets, rectify or fails.")
    level_zh: str = Field(description="The level's Chinese title (达标).")
    level_en: str = Field(description="The level's English title.")
    score: Decimal = Field(description="Total score, two places.")
    passed_prerequisites: list[str] = Field(description="Prerequisites that hold (PRE-1 ...).")
    failed_prerequisites: list[str] = Field(description="Prerequisites that failed or had no data.")
    vetoes: list[str] = Field(description="Vetoes that fired.")


class DistrictNames(FrozenModel):
    """Names of the districts an application mentions, from the standard's data (None: not named there)."""

    window_zh: str | None = None
    window_en: str | None = None
    authority_zh: str | None = None
    authority_en: str | None = None


class ReviewContext(FrozenModel):
    """What application checks and review warnings read."""

    application: Application
    assessment: Assessment = Field(description="The standard's evaluation of application.window.")
    names: DistrictNames = Field(default_factory=DistrictNames)


class WindowOutcomeContext(FrozenModel):
    """What window outcome rules read (notice §5(3): 授予荣誉称号并表彰、授牌)."""

    window: Window = Field(description="The window as applied for (or as evaluated, without application).")
    applied: bool = Field(description="An application for the window was received.")
    accepted: bool = Field(description="The application passed every check APP-1 ... APP-7.")
    evaluated: bool = Field(description="The committee evaluated the window.")
    committee: Assessment | None = Field(None, description="The committee evaluation, when there is one.")


class WindowRecord(FrozenModel):
    """One window an organisation entered, with the standard's verdicts the organisation rules read.

    ``plan``, ``strands`` and ``reported`` are PRE-4, PRE-5 and LF-8 of the window's evaluation (the
    committee's when there is one, else the self-assessment): true when the criterion holds, false when it
    does not, and no data when the standard had no data. ``in_scope`` is PRE-1 ... PRE-3 together (notice §2).
    """

    window: Window
    in_scope: bool | None = Field(description="PRE-1 ... PRE-3: the window is within the campaign's scope.")
    plan: bool | None = Field(description="PRE-4: the organisation adopted a campaign plan.")
    strands: bool | None = Field(description="PRE-5: both activity strands in the period.")
    reported: bool | None = Field(description="LF-8: reports sent to the association in the period.")
    evaluated: bool = Field(False, description="The committee evaluated the window (else: self-assessment).")
    fired_vetoes: list[str] = Field(
        default_factory=list, description="Vetoes that fired (a finding; not those without data)."
    )


class EnteredWindow(WindowRecord):
    """A window record plus the verdict of the per-window organisation rule."""

    idle: bool | None = Field(description="The window ran no activity at all in the period.")


class OrganisationContext(FrozenModel):
    """What organisation outcome rules read: the organisation and every window it entered."""

    name: str | None = Field(description="The organisation's name as the windows give it.")
    windows: list[EnteredWindow] = Field(description="Every window the organisation entered.")


def status_flag(status: str) -> bool | None:
    """A criterion status as a fact: ``pass`` true, ``no_data`` no data, anything else false."""
    if status == "no_data":
        return None
    return status == "pass"


def assessment_of(result: Result) -> Assessment:
    """The context facts of one evaluation result."""
    gates = [c for c in result.criteria.values() if c.kind == "prerequisite"]
    return Assessment(
        level=result.level,
        level_zh=result.level_title.zh,
        level_en=result.level_title.en,
        score=result.score,
        passed_prerequisites=[c.id for c in gates if c.status == "pass"],
        failed_prerequisites=list(result.prerequisites),
        vetoes=list(result.vetoes),
    )
