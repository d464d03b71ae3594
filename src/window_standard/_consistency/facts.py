"""What the window model says about its facts, beyond their types: bounds and which direction is better.

Two tools read these tables: the strategies of :mod:`window_standard.testing` (to generate valid windows
and improvements of them) and the linter (to bound ratios and differences of counts). The tables mirror
the cross-field validators of :mod:`window_standard._model.window`; ``tests/unit/test_consistency.py``
checks that every bound listed here is enforced by the model.
"""

from __future__ import annotations

__all__ = [
    "BOUNDED_BY",
    "GOOD_WHEN_FALSE",
    "GOOD_WHEN_TRUE",
    "HIGHER_IS_BETTER",
    "LOWER_IS_BETTER",
    "UNIQUE_LISTS",
]

#: A count and the count of the same section it may never exceed (model validators ``_not_above``).
BOUNDED_BY: dict[str, str] = {
    "staff.in_uniform": "staff.headcount",
    "staff.with_badge": "staff.headcount",
    "staff.certified": "staff.headcount",
    "quality.survey.satisfied": "quality.survey.sampled",
    "quality.complaints.resolved": "quality.complaints.received",
    "quality.complaints.valid_confirmed": "quality.complaints.received",
    "quality.repairs.on_time": "quality.repairs.requested",
    "quality.repairs.reworked": "quality.repairs.requested",
    "quality.repairs.called_back": "quality.repairs.requested",
}

#: Lists of enum members in which a member may appear at most once (model validators ``_no_duplicates``).
UNIQUE_LISTS: frozenset[str] = frozenset(
    {"environment.displays", "environment.facilities", "process.logs", "lei_feng.publicity_platforms"}
)

#: Facts for which ``true`` is the good value.
GOOD_WHEN_TRUE: tuple[str, ...] = (
    "organisation.engaged_for_area",
    "environment.signage",
    "environment.clean_and_tidy",
    "environment.no_smoking",
    "environment.accessible_entrance",
    "staff.courteous_language",
    "process.first_inquiry_responsibility",
    "process.one_time_notification",
    "process.time_limits_published",
    "process.weekend_duty",
    "process.repair_intake_24h",
    "lei_feng.moral_lecture_hall",
)

#: Facts for which ``false`` is the good value (incidents).
GOOD_WHEN_FALSE: tuple[str, ...] = (
    "incidents.major_safety_accident",
    "incidents.illegal_charging_confirmed",
    "incidents.falsified_materials",
)

#: Numbers for which more is better (within their bound, when :data:`BOUNDED_BY` gives one).
HIGHER_IS_BETTER: tuple[str, ...] = (
    "staff.in_uniform",
    "staff.with_badge",
    "staff.certified",
    "staff.etiquette_training_hours",
    "process.weekly_opening_hours",
    "quality.survey.satisfied",
    "quality.complaints.resolved",
    "quality.repairs.on_time",
    "quality.repairs.called_back",
    "lei_feng.volunteer_team.members",
)

#: Numbers for which less is better.
LOWER_IS_BETTER: tuple[str, ...] = (
    "staff.conduct_violations",
    "process.emergency_response_minutes",
    "process.complaint_reply_hours",
    "quality.complaints.valid_confirmed",
    "quality.repairs.reworked",
)
