"""The streaming monitor (behind :mod:`window_standard.monitor`)."""

from __future__ import annotations

from .facts import (
    ActivityHeld,
    ComplaintReceived,
    ComplaintResolved,
    Fact,
    IncidentConfirmed,
    SurveyCompleted,
)
from .monitor import Event, Monitor

__all__ = [
    "ActivityHeld",
    "ComplaintReceived",
    "ComplaintResolved",
    "Event",
    "Fact",
    "IncidentConfirmed",
    "Monitor",
    "SurveyCompleted",
]
