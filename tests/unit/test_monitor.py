"""The streaming monitor: events on status, veto and level changes, bounded state, snapshots.

Runs on the durable engine where the extra is installed and on the compiled engine everywhere.
"""

from __future__ import annotations

import gc
import json
import tracemalloc
from typing import Any

import pytest
from pydantic import ValidationError

import window_standard as ws
from window_standard.monitor import (
    ActivityHeld,
    ComplaintReceived,
    ComplaintResolved,
    Event,
    IncidentConfirmed,
    Monitor,
    SurveyCompleted,
)

ENGINES = ws.engines()


@pytest.fixture(scope="module", params=ENGINES)
def monitor_engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def monitor(standard: ws.Standard, monitor_engine: str) -> Monitor:
    return Monitor(standard, engine=monitor_engine)


def test_the_monitor_is_durable_backed_where_installed(standard: ws.Standard) -> None:
    expected = "durable" if "durable" in ENGINES else "compiled"
    assert Monitor(standard).standard.engine == expected


def test_opening_reports_the_level(monitor: Monitor, example_window: dict[str, Any]) -> None:
    assert monitor.open("w-1", example_window) == [
        Event("level", "w-1", None, None, "meets", {"zh": "总分 100.00", "en": "score 100.00"})
    ]
    assert "w-1" in monitor and len(monitor) == 1


def test_opening_reports_a_veto_that_already_fires(monitor: Monitor, example_window: dict[str, Any]) -> None:
    example_window["incidents"]["falsified_materials"] = True
    events = monitor.open("w-1", example_window)
    first = events[0]
    assert (first.kind, first.criterion, first.before, first.after) == ("veto", "VETO-4", None, "fail")


def test_a_confirmed_complaint_fires_a_veto_and_changes_the_level(
    monitor: Monitor, standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    monitor.open("w-1", example_window)
    events = monitor.feed("w-1", ComplaintReceived(valid_confirmed=True))
    kinds = [(e.kind, e.criterion, e.before, e.after) for e in events]
    assert kinds == [
        ("veto", "VETO-3", "pass", "fail"),
        ("criterion", "QLT-2", "pass", "fail"),
        ("level", None, "meets", "fails"),
    ]
    # the same explanations as evaluate gives for the window the facts made
    example_window["quality"]["complaints"]["received"] += 1
    example_window["quality"]["complaints"]["valid_confirmed"] += 1
    expected = standard.evaluate(example_window)
    assert events[0].explanation == expected.criteria["VETO-3"].explanation
    assert events[1].explanation == expected.criteria["QLT-2"].explanation
    assert monitor.result("w-1").model_dump() == expected.model_dump()


def test_facts_that_change_nothing_give_no_event(monitor: Monitor, example_window: dict[str, Any]) -> None:
    monitor.open("w-1", example_window)
    assert monitor.feed("w-1", SurveyCompleted(satisfied=True)) == []
    activity = example_window["lei_feng"]["activities"][0]
    day = activity["date"]
    held = ActivityHeld(date=day, kind="convenience_service", participants=5, owner_participants=3)
    assert monitor.feed("w-1", held) == []
    # an activity whose owner participants are unknown makes the owners' total no data
    events = monitor.feed("w-1", ActivityHeld(date=activity["date"], kind="convenience_service"))
    assert [(e.criterion, e.before, e.after) for e in events] == [("BON-2", "pass", "no_data")]


def test_a_fact_in_json_form_is_accepted(monitor: Monitor, example_window: dict[str, Any]) -> None:
    monitor.open("w-1", example_window)
    events = monitor.feed("w-1", {"fact": "incident_confirmed", "kind": "major_safety_accident"})
    assert events[0].to_json()["criterion"] == "VETO-1"
    with pytest.raises(ValidationError):
        monitor.feed("w-1", {"fact": "incident_confirmed", "kind": "weather", "extra": 1})


def test_a_fact_that_breaks_the_window_is_refused_and_changes_nothing(
    monitor: Monitor, example_window: dict[str, Any]
) -> None:
    complaints = example_window["quality"]["complaints"]
    complaints["resolved"] = complaints["received"]
    monitor.open("w-1", example_window)
    before = monitor.snapshot()
    with pytest.raises(ValidationError, match="resolved"):
        monitor.feed("w-1", ComplaintResolved())
    assert monitor.snapshot() == before


def test_subjects_must_be_open(monitor: Monitor, example_window: dict[str, Any]) -> None:
    with pytest.raises(ws.WindowStandardError, match="subject 'x' is not open"):
        monitor.feed("x", SurveyCompleted(satisfied=True))
    monitor.open("x", example_window)
    with pytest.raises(ws.WindowStandardError, match="already open"):
        monitor.open("x", example_window)
    monitor.close("x")
    with pytest.raises(ws.WindowStandardError):
        monitor.close("x")


def test_a_snapshot_is_json_and_restores(
    monitor: Monitor, standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    monitor.open("w-1", example_window)
    monitor.open("w-2", example_window)
    monitor.feed("w-2", IncidentConfirmed(kind="falsified_materials"))
    data = json.loads(json.dumps(monitor.snapshot(), ensure_ascii=False))
    restored = Monitor.restore(standard, data, engine=monitor.standard.engine)
    assert list(restored) == ["w-1", "w-2"] and restored.snapshot() == monitor.snapshot()
    # the restored monitor remembers the decisions: the same fact gives the same events
    assert restored.feed("w-1", ComplaintReceived(valid_confirmed=True)) == monitor.feed(
        "w-1", ComplaintReceived(valid_confirmed=True)
    )
    assert restored.feed("w-2", IncidentConfirmed(kind="falsified_materials")) == []


def test_a_snapshot_of_another_rule_set_is_refused(monitor: Monitor, example_window: dict[str, Any]) -> None:
    monitor.open("w-1", example_window)
    other = ws.load_standard(path="examples/rules/wuhou-window-2013-strict")
    with pytest.raises(ws.WindowStandardError, match="restore it with the standard it was taken with"):
        Monitor.restore(other, monitor.snapshot())


def test_more_than_1024_live_subjects(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    monitor = Monitor(standard)
    for number in range(1030):  # durable's limit is 1024 live sessions per ruleset
        monitor.open(f"w-{number}", example_window)
    assert len(monitor) == 1030
    events = monitor.feed("w-1029", IncidentConfirmed(kind="falsified_materials"))
    assert events[0].criterion == "VETO-4"


def test_state_is_bounded_over_subjects_opened_and_closed(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    monitor = Monitor(standard)

    def cycle(count: int) -> None:
        for number in range(count):
            monitor.open(f"s-{number}", example_window)
            monitor.feed(f"s-{number}", SurveyCompleted(satisfied=number % 2 == 0))
            monitor.close(f"s-{number}")

    cycle(250)  # warm-up: caches (bounded ones fill over the first couple of hundred), the first sessions
    tracemalloc.start()
    try:
        cycle(50)
        gc.collect()  # measure what is kept, not cyclic garbage the collector has not reached yet
        start, _ = tracemalloc.get_traced_memory()
        cycle(300)
        gc.collect()
        end, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(monitor) == 0
    assert end - start < 256 * 1024, f"Python heap grew by {end - start} bytes over 300 subjects"
