"""The scoring workbook round trip on generated windows: write, read, write, read loses nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from _windows import windows as window_documents
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import window_standard as ws
from window_standard import report

LISTS = [
    ("environment", "displays"),
    ("environment", "facilities"),
    ("process", "logs"),
    ("lei_feng", "publicity_platforms"),
]


def sorted_lists(window: ws.Window) -> dict[str, Any]:
    """A window's data with its lists of enum members sorted (the workbook keeps which, not in what order)."""
    data = window.model_dump(mode="json")
    for section, name in LISTS:
        if data[section].get(name) is not None:
            data[section][name] = sorted(data[section][name])
    return data


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents=st.lists(window_documents(), min_size=1, max_size=3))
def test_write_read_write_read_is_lossless(standard: ws.Standard, documents: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        round_trip(standard, documents, Path(tmp))


def round_trip(standard: ws.Standard, documents: list[dict[str, Any]], tmp_path: Path) -> None:
    originals = [ws.Window.model_validate(d) for d in documents]
    # the activities sheet tells windows apart by id
    originals = [w.model_copy(update={"id": f"{w.id}-{i}"}) for i, w in enumerate(originals)]
    first = [w for _, w in report.read_workbook(report.write_workbook(tmp_path / "a.xlsx", originals))]
    assert all(isinstance(w, ws.Window) for w in first), first
    again = report.write_workbook(tmp_path / "b.xlsx", first)  # type: ignore[arg-type]
    second = [w for _, w in report.read_workbook(again)]
    assert second == first
    for window, original in zip(first, originals, strict=True):
        assert isinstance(window, ws.Window)
        assert sorted_lists(window) == sorted_lists(original)
        got, expected = standard.evaluate(window), standard.evaluate(original)
        assert (got.level, got.score) == (expected.level, expected.score)
        assert {c.id: (c.status, c.points) for c in got.criteria.values()} == {
            c.id: (c.status, c.points) for c in expected.criteria.values()
        }
