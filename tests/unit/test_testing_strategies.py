"""The public hypothesis strategies of ``window_standard.testing``: valid by construction, with coverage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, Verbosity, given, settings
from hypothesis import strategies as st

import window_standard as ws
from window_standard import testing
from window_standard._consistency.facts import (
    BOUNDED_BY,
    GOOD_WHEN_FALSE,
    GOOD_WHEN_TRUE,
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
)
from window_standard._consistency.improve import MOVES, Patch, apply_patches, improved
from window_standard._consistency.paths import get_path
from window_standard._consistency.setting import CHENGDU, DEFAULT_SETTING, OUTSIDE
from window_standard._model import Application, Window, WindowKind
from window_standard._model.identifiers import validate_credit_code
from window_standard.testing import applications, improvements, windows

QUICK = settings(
    max_examples=40, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
STANDARD = ws.load_standard()
SEARCH = settings(
    max_examples=400,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.generate],
    verbosity=Verbosity.quiet,
    suppress_health_check=list(HealthCheck),
)


class _Found(Exception):
    """Stops a search at the first example that satisfies its condition."""


def found(strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool]) -> Any:
    """The first generated example satisfying ``condition`` (without shrinking); fails after 400 tries."""
    box: list[Any] = []

    @SEARCH
    @given(strategy)
    def search(value: Any) -> None:
        if condition(value):
            box.append(value)
            raise _Found

    try:
        search()
    except _Found:
        return box[0]
    pytest.fail(f"no example in {SEARCH.max_examples} satisfies the condition")


def test_public_names() -> None:
    assert testing.__all__ == ["applications", "improvements", "windows"]


# -- windows: valid by construction ---------------------------------------------------------------------


@QUICK
@given(windows())
def test_windows_are_valid_as_they_are(window: Window) -> None:
    assert Window.model_validate(window.model_dump()) == window
    assert Window.model_validate_json(window.model_dump_json()) == window


@QUICK
@given(windows())
def test_counts_respect_their_bounds(window: Window) -> None:
    for path, bound in BOUNDED_BY.items():
        value, limit = get_path(window.model_dump(), path), get_path(window.model_dump(), bound)
        assert value is None or limit is None or value <= limit
    assert (window.kind_other is not None) == (window.kind is WindowKind.OTHER)
    if window.assessed_on < date(2015, 10, 1):
        assert window.organisation.credit_code is None


@pytest.mark.parametrize("kind", list(WindowKind))
def test_every_window_kind(kind: WindowKind) -> None:
    assert found(windows(), lambda w: w.kind is kind).kind is kind


@pytest.mark.parametrize(
    ("where", "condition"),
    [
        ("a county-level code of Chengdu", lambda w: w.district.isdigit() and w.district in CHENGDU),
        ("a code outside Chengdu", lambda w: w.district in OUTSIDE),
        ("gaoxin", lambda w: w.district == "gaoxin"),
        ("tianfu", lambda w: w.district == "tianfu"),
        ("dongbu", lambda w: w.district == "dongbu"),
    ],
)
def test_districts_inside_and_outside_chengdu(where: str, condition: Callable[[Window], bool]) -> None:
    assert condition(found(windows(), condition)), where


@pytest.mark.parametrize("day", [date(2013, 2, 28), date(2013, 3, 1), date(2013, 9, 30), date(2013, 10, 1)])
def test_activity_dates_cluster_on_the_period_boundaries(day: date) -> None:
    window = found(windows(), lambda w: any(a.date == day for a in w.lei_feng.activities or []))
    assert day in {a.date for a in window.lei_feng.activities or []}


def test_later_assessments_with_a_valid_credit_code() -> None:
    window = found(windows(), lambda w: w.organisation.credit_code is not None)
    assert window.assessed_on >= date(2015, 10, 1)
    assert validate_credit_code(window.organisation.credit_code) == window.organisation.credit_code


@pytest.mark.parametrize(
    ("what", "condition"),
    [
        ("zero headcount", lambda w: w.staff.headcount == 0),
        ("no repair requests", lambda w: w.quality.repairs is not None and w.quality.repairs.requested == 0),
        ("no repair section", lambda w: w.quality.repairs is None),
        ("a section left out", lambda w: "staff" not in w.model_fields_set),
        (
            "a list with no data",
            lambda w: "environment" in w.model_fields_set and w.environment.displays is None,
        ),
        ("an empty list", lambda w: w.environment.facilities == []),
        (
            "an optional fact with no data",
            lambda w: "process" in w.model_fields_set and w.process.weekend_duty is None,
        ),
        ("a later assessment", lambda w: w.assessed_on.year > 2015),
        ("full marks", lambda w: STANDARD.evaluate(w, explain=False).score == Decimal("100.00")),
        ("a veto", lambda w: bool(STANDARD.evaluate(w, explain=False).vetoes)),
    ],
)
def test_corner_cases_occur(what: str, condition: Callable[[Window], bool]) -> None:
    assert condition(found(windows(), condition)), what


# -- windows: fixed values ------------------------------------------------------------------------------


@QUICK
@given(windows(**{"staff.headcount": 0, "quality.repairs": None}))
def test_fixed_values_are_used_and_bounds_follow(window: Window) -> None:
    assert window.staff.headcount == 0
    assert window.staff.in_uniform in (0, None)
    assert window.staff.certified in (0, None)
    assert window.quality.repairs is None


@QUICK
@given(windows(**{"staff.in_uniform": 5, "quality.survey.satisfied": 40}))
def test_a_bounding_count_is_drawn_large_enough(window: Window) -> None:
    assert window.staff.in_uniform == 5
    assert window.staff.headcount is None or window.staff.headcount >= 5
    assert window.quality.survey is not None and window.quality.survey.sampled >= 40


@QUICK
@given(windows(kind="other", district=st.sampled_from(["gaoxin", "tianfu"])))
def test_fixed_values_may_be_strategies(window: Window) -> None:
    assert window.kind is WindowKind.OTHER and window.kind_other is not None
    assert window.district in ("gaoxin", "tianfu")


def test_an_unknown_path_is_refused_at_once() -> None:
    with pytest.raises(ValueError) as caught:
        windows(**{"staff.headcont": 0})
    assert str(caught.value) == (
        "unknown field 'staff.headcont': Staff has no 'headcont' (known: headcount, in_uniform, with_badge, "
        "certified, etiquette_training_hours, courteous_language, conduct_violations)"
    )


def test_a_path_inside_a_plain_field_is_refused() -> None:
    with pytest.raises(ValueError) as caught:
        windows(**{"staff.headcount.value": 0})
    assert (
        str(caught.value) == "'staff.headcount' is not a section, so 'staff.headcount.value' names no field"
    )


def test_a_path_inside_another_given_path_is_refused() -> None:
    with pytest.raises(ValueError) as caught:
        windows(**{"staff": {}, "staff.headcount": 1})
    assert str(caught.value) == "'staff' is given as a whole, so 'staff.headcount' cannot be given as well"


def test_the_standard_gives_the_period() -> None:
    later = STANDARD.with_parameters(period_start=date(2014, 3, 1), period_end=date(2014, 9, 30))
    day = date(2014, 2, 28)
    window = found(windows(later), lambda w: any(a.date == day for a in w.lei_feng.activities or []))
    assert day in {a.date for a in window.lei_feng.activities or []}


# -- improvements ---------------------------------------------------------------------------------------


def _leaves(data: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        found_: dict[str, Any] = {}
        for key, value in data.items():
            path = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict):
                found_.update(_leaves(value, path))
            found_[path] = value
        return found_
    return {prefix: data}


LISTS = ("environment.displays", "environment.facilities", "process.logs", "lei_feng.publicity_platforms")
APPENDED = (*LISTS, "lei_feng.activities", "lei_feng.reports_to_association")


def _check_better(path: str, before: Any, after: Any, window: Window) -> None:
    if path in GOOD_WHEN_TRUE:
        assert after is True
    elif path in GOOD_WHEN_FALSE:
        assert (before, after) == (True, False)
    elif path in HIGHER_IS_BETTER:
        assert before is None or after > before
    elif path in LOWER_IS_BETTER:
        assert after == 0 if before is None else after < before
    elif path in APPENDED:
        assert after[: len(before or [])] == (before or []) and len(after) > len(before or [])
    elif path == "lei_feng.volunteer_team":
        assert before is None and after["established_on"] <= DEFAULT_SETTING.period_end
    elif path == "organisation.campaign_plan_adopted_on":
        assert (before is None or before > window.assessed_on) and after <= window.assessed_on
    else:
        pytest.fail(f"{path} changed from {before!r} to {after!r}")


@QUICK
@given(st.data())
def test_improvements_change_only_documented_facts_for_the_better(data: st.DataObject) -> None:
    window = data.draw(windows())
    better = data.draw(improvements(window))
    old, new = _leaves(window.model_dump()), _leaves(better.model_dump())
    changed = {p for p in old.keys() | new.keys() if old.get(p) != new.get(p)}
    team = "lei_feng.volunteer_team"
    if old.get(team) is None and new.get(team) is not None:  # a team set up: one change, not three
        changed = {p for p in changed if not p.startswith(team + ".")}
    # a changed fact also changes the sections holding it
    changed -= {p for p in changed if any(q.startswith(p + ".") for q in changed)}
    assert changed
    for path in changed:
        _check_better(path, old.get(path), new.get(path), window)


def test_the_docstring_names_every_improvement() -> None:
    doc = " ".join((improvements.__doc__ or "").split())
    for move in MOVES:
        assert move.path.rsplit(".", 1)[-1] in doc, move.path


WORST: dict[str, Any] = {
    "id": "w-1",
    "name": "窗口",
    "kind": "customer_service_centre",
    "district": "510107",
    "assessed_on": date(2013, 6, 20),
    "assessor": "self",
    "organisation": {"engaged_for_area": False, "campaign_plan_adopted_on": date(2013, 7, 1)},
    "environment": {
        "signage": False,
        "clean_and_tidy": False,
        "no_smoking": False,
        "accessible_entrance": False,
    },
    "staff": {
        "headcount": 4,
        "in_uniform": 1,
        "with_badge": 1,
        "certified": 1,
        "etiquette_training_hours": 2,
        "courteous_language": False,
        "conduct_violations": 3,
    },
    "process": {
        "first_inquiry_responsibility": False,
        "one_time_notification": False,
        "time_limits_published": False,
        "weekly_opening_hours": 20,
        "weekend_duty": False,
        "repair_intake_24h": False,
        "emergency_response_minutes": 90,
        "complaint_reply_hours": 48,
    },
    "quality": {
        "survey": {"sampled": 60, "satisfied": 30},
        "complaints": {"received": 5, "resolved": 2, "valid_confirmed": 1},
        "repairs": {"requested": 10, "on_time": 5, "reworked": 3, "called_back": 4},
    },
    "lei_feng": {
        "volunteer_team": {"established_on": date(2013, 10, 15), "members": 2},
        "moral_lecture_hall": False,
    },
    "incidents": {
        "major_safety_accident": True,
        "illegal_charging_confirmed": True,
        "falsified_materials": True,
    },
}


@pytest.mark.parametrize("move", MOVES, ids=lambda m: m.name)
@settings(max_examples=5, deadline=None, database=None, derandomize=True)
@given(data=st.data())
def test_every_move_applies_to_a_poor_window_and_scores_no_lower(move: Any, data: st.DataObject) -> None:
    poor = {**WORST, "lei_feng": {}} if move.path == "lei_feng.volunteer_team" else WORST
    window = Window.model_validate(poor)
    document = window.model_dump()
    assert move.can(document, DEFAULT_SETTING)
    better, notes = apply_patches(window, [move.draw(data.draw, document, DEFAULT_SETTING)])
    before, after = STANDARD.evaluate(window), STANDARD.evaluate(better)
    assert notes[0].startswith(move.path + ":")
    assert after.score >= before.score
    for cid, criterion in before.criteria.items():
        assert (after.criteria[cid].points or 0) >= (criterion.points or 0), cid


def test_patches_describe_what_they_change() -> None:
    window = Window.model_validate(WORST)
    _, notes = apply_patches(
        window,
        [
            Patch("staff.in_uniform", 4),
            Patch("environment.facilities", "seating", append=True),
            Patch("incidents.major_safety_accident", False),
        ],
    )
    assert notes == (
        "staff.in_uniform: 1 -> 4",
        "environment.facilities: + seating",
        "incidents.major_safety_accident: true -> false",
    )


@QUICK
@given(st.data())
def test_improved_returns_the_patches_that_make_the_window(data: st.DataObject) -> None:
    window = data.draw(windows())
    better, patches = data.draw(improved(window, DEFAULT_SETTING))
    assert 1 <= len(patches) <= 3
    assert apply_patches(window, patches)[0] == better


# -- applications ---------------------------------------------------------------------------------------


@QUICK
@given(applications())
def test_applications_are_valid_as_they_are(application: Application) -> None:
    assert Application.model_validate(application.model_dump()) == application


@QUICK
@given(applications(STANDARD, **{"received_on": None, "window.kind": "repair_service_station"}))
def test_application_paths_reach_the_window(application: Application) -> None:
    assert application.received_on is None
    assert application.window.kind is WindowKind.REPAIR_SERVICE_STATION


def test_self_assessments_report_the_standard_s_result() -> None:
    application = found(
        applications(STANDARD),
        lambda a: (
            a.self_assessment is not None
            and a.self_assessment.score == STANDARD.evaluate(a.window, explain=False).score
            and a.self_assessment.score > 0
        ),
    )
    assert application.self_assessment is not None
    assert application.self_assessment.assessed_on == application.window.assessed_on


def test_application_dates_cluster_on_the_deadline() -> None:
    application = found(applications(), lambda a: a.received_on == date(2013, 6, 30))
    assert application.received_on == date(2013, 6, 30)
    out_of_order = found(
        applications(),
        lambda a: (
            a.organisation_recommendation is not None
            and a.district_opinion is not None
            and a.organisation_recommendation.signed_on > a.district_opinion.signed_on
        ),
    )
    assert out_of_order.district_opinion is not None


def test_application_paths_are_checked() -> None:
    with pytest.raises(ValueError) as caught:
        applications(**{"window.staf": 1})
    assert str(caught.value).startswith(
        "unknown field 'window.staf': Window has no 'staf' (known: id, name, "
    )
    with pytest.raises(ValueError) as caught:
        applications(**{"received": None})
    assert str(caught.value).startswith("unknown field 'received': Application has no 'received' (known: ")
    with pytest.raises(ValueError) as caught:
        applications(**{"window": {}, "window.kind": "other"})
    assert str(caught.value) == "'window' is given as a whole, so 'window.*' paths cannot be given as well"
