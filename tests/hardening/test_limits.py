"""Proven limits (SECURITY.md): each exceeded limit gives a clear error quickly.

Every test prints its time and peak traced memory (``pytest -s`` shows them); timings are not asserted
beyond generous "it finishes" bounds: performance claims live in ``benchmarks/``.
"""

from __future__ import annotations

import copy
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import window_standard as ws
from window_standard._load import MAX_DEPTH, load_yaml_file, load_yaml_text

FINISHES = 30.0  # seconds: "it finishes", on a loaded CI machine


@contextmanager
def measured(label: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - started
        print(f"\n{label}: {elapsed:.3f} s, process peak RSS {_peak_mb():.0f} MB")
        assert elapsed < FINISHES


def _peak_mb() -> float:
    """The process's peak resident memory so far (tracemalloc would slow these tests tenfold)."""
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


def refused(kind: type[BaseException], run: Callable[[], Any]) -> str:
    with pytest.raises(kind) as caught:
        run()
    return str(caught.value)


def test_a_50_mb_rule_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "criteria.yaml"
    with open(big, "wb") as handle:
        handle.write(b"- id: A-1\n" + b"#" * 50_000_000)
    with measured("50 MB rule file"):
        message = refused(ws.RuleDefinitionError, lambda: load_yaml_file(big))
    assert "WS104" in message and "more than the limit of 1000000" in message


def test_a_50_mb_rule_text_is_refused() -> None:
    with measured("50 MB rule text"):
        message = refused(ws.RuleDefinitionError, lambda: load_yaml_text("a: b\n" * 10_000_000))
    assert "WS104" in message


@pytest.mark.parametrize("flow", [True, False])
def test_10000_deep_nesting_is_refused(flow: bool) -> None:
    text = "[" * 10_000 + "]" * 10_000 if flow else "".join(" " * i + "-\n" for i in range(0, 1_400, 2))
    with measured(f"10 000-deep {'flow' if flow else 'block'} nesting"):
        message = refused(ws.RuleDefinitionError, lambda: load_yaml_text(text))
    assert "WS105" in message and f"nesting deeper than {MAX_DEPTH}" in message


def test_10000_deep_json_window_is_a_validation_error() -> None:
    text = '{"id": "x", "lei_feng": ' + "[" * 10_000 + "]" * 10_000 + "}"
    with measured("10 000-deep JSON window"):
        refused(ValidationError, lambda: ws.Window.model_validate_json(text))


def test_billion_laughs_is_refused() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    with measured("billion laughs"):
        message = refused(ws.RuleDefinitionError, lambda: load_yaml_text("\n".join(lines)))
    assert "WS103" in message and "anchor" in message


def test_a_1_000_000_item_activity_list_is_refused_quickly(example_window: dict[str, Any]) -> None:
    activity = example_window["lei_feng"]["activities"][0]
    example_window["lei_feng"]["activities"] = [activity] * 1_000_000
    with measured("1 000 000 activities (Python data)"):
        message = refused(ValidationError, lambda: ws.Window.model_validate(example_window))
    assert "at most 10000 items" in message


def test_a_1_000_000_item_activity_list_as_json_is_refused(example_window: dict[str, Any]) -> None:
    activity = example_window["lei_feng"]["activities"][0]
    example_window["lei_feng"]["activities"] = [activity] * 1_000_000
    text = json.dumps(example_window, default=str)
    print(f"\nJSON document: {len(text) / 1e6:.0f} MB")
    with measured("1 000 000 activities (JSON)"):
        message = refused(ValidationError, lambda: ws.Window.model_validate_json(text))
    assert "at most 10000 items" in message


def test_the_largest_activity_list_evaluates(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    activity = example_window["lei_feng"]["activities"][0]
    example_window["lei_feng"]["activities"] = [activity] * 10_000
    with measured("10 000 activities, evaluated"):
        result = standard.evaluate(example_window)
    assert result.criteria["LF-2"].status == "pass"


def test_long_texts_in_a_window_are_refused(example_window: dict[str, Any]) -> None:
    example_window["name"] = "窗" * 1001
    assert "at most 1000 characters" in refused(
        ValidationError, lambda: ws.Window.model_validate(example_window)
    )


def test_expression_length_and_nesting_limits(mini_rules: Any) -> None:
    old = "  score: min(points, n * points / params.min_activities)"
    text = mini_rules.text("criteria/lei-feng.yaml")
    deep = "(" * 900 + "n" + ")" * 900
    mini_rules.write("criteria/lei-feng.yaml", text.replace(old, f"  score: {deep}"))
    with measured("900-deep parentheses"):
        message = mini_rules.error()
    assert "WS30" in message
    long = " + ".join(["n"] * 700)
    mini_rules.write("criteria/lei-feng.yaml", text.replace(old, f"  score: {long}"))
    assert "WS307" in mini_rules.error()


def test_concurrent_load_standard_agree(mini_rules: Any, example_window: dict[str, Any]) -> None:
    old = "  score: min(points, n * points / params.min_activities)"
    nested = "min(points, " * 35 + "n" + ")" * 35  # deep trees: CPython 3.11's ast.parse under recursion
    mini_rules.replace("criteria/lei-feng.yaml", old, f"  score: {nested}")
    serial = mini_rules.load()
    expected = (serial.digest, str(serial.evaluate(example_window).score))
    seen: list[tuple[str, str]] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        try:
            barrier.wait()
            for _ in range(3):
                std = mini_rules.load()
                seen.append((std.digest, str(std.evaluate(example_window).score)))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert len(seen) == 24 and set(seen) == {expected}


def test_the_parameter_cache_stays_bounded(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    window = ws.Window.model_validate(example_window)
    first = standard.evaluate(window, as_of=date(2013, 6, 20)).score
    with measured("2 000 assessment dates"):
        for day in range(2000):
            standard.evaluate(window, explain=False, as_of=date(2013, 3, 1) + timedelta(days=day))
    assert len(standard._params_cache) <= 256
    assert standard.evaluate(window, as_of=date(2013, 6, 20)).score == first


def test_many_windows_do_not_grow_memory(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    windows = []
    for i in range(200):
        w = copy.deepcopy(example_window)
        w["id"] = f"w-{i}"
        windows.append(ws.Window.model_validate(w))
    with measured("200 windows evaluated"):
        results = standard.evaluate_many(windows)
    assert {r.level for r in results} == {"meets"}
