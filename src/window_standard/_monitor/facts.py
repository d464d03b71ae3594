"""The facts a portal feeds a monitor as they happen, and how each changes a window's document.

Each fact is a small frozen model (unknown fields refused) that knows how to apply itself to a window
document (the JSON form of a :class:`~window_standard.Window`); the monitor validates the new document, so
a fact that would break the window's own rules (more complaints resolved than received) is refused with
the window's validation error, and the subject keeps its state.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from .._model.enums import ActivityKind

__all__ = [
    "ActivityHeld",
    "ComplaintReceived",
    "ComplaintResolved",
    "Fact",
    "IncidentConfirmed",
    "SurveyCompleted",
]


class _Fact(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def apply(self, document: dict[str, Any]) -> None:  # pragma: no cover - every fact overrides it
        """Change a window document in place."""
        raise NotImplementedError


def _section(document: dict[str, Any], *path: str) -> dict[str, Any]:
    node = document
    for key in path:
        if node.get(key) is None:
            node[key] = {}
        node = node[key]
    return node


class ActivityHeld(_Fact):
    """A Lei Feng activity was held (appended to ``lei_feng.activities``).

    Attributes:
        date: When it was held.
        kind: What kind of activity.
        title: Its title, if known.
        participants: How many took part, if known.
        owner_participants: How many of them were owners, if known.
    """

    fact: Literal["activity_held"] = "activity_held"
    date: dt.date
    kind: ActivityKind
    title: str | None = None
    participants: int | None = None
    owner_participants: int | None = None

    def apply(self, document: dict[str, Any]) -> None:
        """Append the activity."""
        lei_feng = _section(document, "lei_feng")
        activity = self.model_dump(mode="json", exclude={"fact"})
        lei_feng["activities"] = [*(lei_feng.get("activities") or []), activity]


class SurveyCompleted(_Fact):
    """One owner answered the satisfaction survey (``quality.survey``).

    Attributes:
        satisfied: Whether the owner was satisfied.
    """

    fact: Literal["survey_completed"] = "survey_completed"
    satisfied: bool

    def apply(self, document: dict[str, Any]) -> None:
        """Count the answer."""
        survey = _section(document, "quality", "survey")
        survey["sampled"] = survey.get("sampled", 0) + 1
        survey["satisfied"] = survey.get("satisfied", 0) + (1 if self.satisfied else 0)


class ComplaintReceived(_Fact):
    """A complaint was received (``quality.complaints.received``).

    Attributes:
        valid_confirmed: Whether the authority confirmed it as a valid complaint.
    """

    fact: Literal["complaint_received"] = "complaint_received"
    valid_confirmed: bool = False

    def apply(self, document: dict[str, Any]) -> None:
        """Count the complaint."""
        complaints = _section(document, "quality", "complaints")
        for key in ("received", "resolved", "valid_confirmed"):
            complaints.setdefault(key, 0)
        complaints["received"] += 1
        complaints["valid_confirmed"] += 1 if self.valid_confirmed else 0


class ComplaintResolved(_Fact):
    """A complaint received earlier was resolved (``quality.complaints.resolved``)."""

    fact: Literal["complaint_resolved"] = "complaint_resolved"

    def apply(self, document: dict[str, Any]) -> None:
        """Count the resolution."""
        complaints = _section(document, "quality", "complaints")
        complaints["resolved"] = complaints.get("resolved", 0) + 1


class IncidentConfirmed(_Fact):
    """The authority confirmed an incident (``incidents.KIND`` becomes true).

    Attributes:
        kind: Which incident.
    """

    fact: Literal["incident_confirmed"] = "incident_confirmed"
    kind: Literal["major_safety_accident", "illegal_charging_confirmed", "falsified_materials"]

    def apply(self, document: dict[str, Any]) -> None:
        """Record the incident."""
        _section(document, "incidents")[self.kind] = True


#: Every kind of fact a monitor accepts.
Fact = ActivityHeld | SurveyCompleted | ComplaintReceived | ComplaintResolved | IncidentConfirmed
