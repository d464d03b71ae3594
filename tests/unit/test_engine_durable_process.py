"""``isolation="process"``: the durable engine in a worker process; a crash of its C core is an error."""

from __future__ import annotations

from typing import Any

import pytest

import window_standard as ws

pytest.importorskip(
    "durable_rules_engine", reason="the durable extra is not installed (pip install '.[durable]')"
)

from window_standard._engine.durable.isolated import EngineCrashed, ProcessPrepared

pytestmark = pytest.mark.slow  # starts worker processes


@pytest.fixture(scope="module")
def isolated(standard: ws.Standard) -> ws.Standard:
    return standard.with_engine("durable", isolation="process")


def test_the_worker_decides_and_explains_as_the_compiled_engine(
    isolated: ws.Standard, standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    assert isolated.engine == "durable" and isolated.digest == standard.digest
    example_window["quality"]["complaints"] = None
    assert isolated.evaluate(example_window).model_dump() == standard.evaluate(example_window).model_dump()


def test_a_crash_in_the_worker_is_an_error_and_the_next_window_is_evaluated(
    isolated: ws.Standard, standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    prepared = isolated._prepared
    assert isinstance(prepared, ProcessPrepared)
    # a known crash path (docs/durable.md): a fact with more than 254 properties segfaults durable's core;
    # the in-process guard refuses such facts, so it is handed to the worker's durable directly
    too_wide = [{"__rec": 1, "id": "x", "sid": "s", **{f"k{i}": i for i in range(300)}}]
    with pytest.raises(EngineCrashed, match=r"exit code -11"):
        prepared._call("raw_assert", too_wide)
    assert isinstance(EngineCrashed("x"), ws.WindowStandardError)
    result = isolated.evaluate(example_window, explain=False)
    assert result.level == standard.evaluate(example_window).level and prepared.restarts == 1


def test_only_the_durable_engine_runs_in_a_worker(standard: ws.Standard) -> None:
    with pytest.raises(ws.WindowStandardError, match="the 'compiled' engine runs only in this process"):
        standard.with_engine("compiled", isolation="process")
