"""The compact JSON form of a result: smaller, and read back by its standard into an equal result."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import window_standard as ws
from window_standard.testing import windows

STD = ws.load_standard("cdpma-window-2013")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(window=windows())
def test_a_compact_result_reads_back_equal(window: ws.Window) -> None:
    for explain in (True, False):
        result = STD.evaluate(window, explain=explain)
        back = STD.read_result(STD.compact_json(result))
        assert back == result
        assert back.model_dump_json() == result.model_dump_json()  # explanations rendered again alike


def test_the_compact_form_keeps_what_the_window_changed(example_window: dict[str, Any]) -> None:
    result = STD.evaluate(example_window)
    compact = json.loads(STD.compact_json(result))
    assert compact["form"] == "window-standard/compact-result@1" and compact["explained"] is True
    assert compact["standard"] == result.standard.model_dump()
    assert compact["criteria"]["STF-1"] == {
        "status": "pass",
        "points": "3.00",
        "facts": {"without": 0, "requires": True, "staff.headcount": 6, "staff.in_uniform": 6},
    }
    assert "title" not in compact["criteria"]["STF-1"] and "explanation" not in compact["criteria"]["STF-1"]
    assert len(STD.compact_json(result)) < len(result.model_dump_json()) / 3


def test_the_full_form_is_read_too(example_window: dict[str, Any]) -> None:
    result = STD.evaluate(example_window)
    assert STD.read_result(result.model_dump_json()) == result


def test_another_standard_s_result_is_refused(example_window: dict[str, Any]) -> None:
    variant = STD.with_parameters(pass_threshold=95)
    result = variant.evaluate(example_window)
    with pytest.raises(ws.WindowStandardError) as caught:
        STD.compact_json(result)
    assert str(caught.value) == (
        f"the result was made by {variant.id} {variant.version} ({variant.digest[:12]}), not by "
        f"{STD.id} {STD.version} ({STD.digest[:12]}): use the standard its stamp names"
    )
    with pytest.raises(ws.WindowStandardError):
        STD.read_result(variant.compact_json(result))
