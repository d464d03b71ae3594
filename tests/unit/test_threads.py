"""A ``Standard`` is shared safely between threads: concurrent results equal serial ones."""

from __future__ import annotations

import copy
import decimal
import threading
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import window_standard as ws

THREADS = 8
KINDS = ["customer_service_centre", "business_acceptance_centre", "repair_emergency_centre", "other"]
DISTRICTS = ["510107", "510122", "gaoxin", "110101", "510116"]


def varied_windows(example: dict[str, Any], count: int = 50) -> list[dict[str, Any]]:
    """Deterministic variations of the example: every level, gates, vetoes, no data, n/a criteria."""
    found = []
    for i in range(count):
        window = copy.deepcopy(example)
        window["id"] = f"w-{i:03d}"
        window["kind"] = KINDS[i % len(KINDS)]
        window["kind_other"] = "停车服务中心" if window["kind"] == "other" else None
        window["district"] = DISTRICTS[i % len(DISTRICTS)]
        window["assessed_on"] = date(2013, 3, 1) + timedelta(days=37 * i)
        window["staff"]["in_uniform"] = i % 7
        window["staff"]["certified"] = (3 * i) % 7
        window["quality"]["survey"] = None if i % 9 == 0 else {"sampled": 120, "satisfied": 60 + i}
        window["lei_feng"]["activities"] = window["lei_feng"]["activities"][: i % 12]
        window["environment"]["signage"] = [True, False, None][i % 3]
        window["incidents"]["falsified_materials"] = i % 11 == 5
        found.append(window)
    return found


def run_in_threads(work: Callable[[int], list[str]]) -> list[list[str]]:
    """Run ``work(k)`` in THREADS threads started together; return their outputs by k."""
    outputs: list[list[str]] = [[] for _ in range(THREADS)]
    errors: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def target(k: int) -> None:
        try:
            start.wait()
            outputs[k] = work(k)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=target, args=(k,)) for k in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return outputs


def test_one_standard_shared_by_eight_threads_gives_the_serial_results(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    windows = varied_windows(example_window)
    serial = [standard.evaluate(w).model_dump_json() for w in windows]
    assert len({r.level for r in (standard.evaluate(w) for w in windows)}) == 3  # the windows vary

    def work(k: int) -> list[str]:
        decimal.getcontext().prec = k + 1  # each thread's own decimal context must not matter
        order = windows[k:] + windows[:k]  # every thread in another order
        results = [standard.evaluate(w).model_dump_json() for w in order]
        return results[len(windows) - k :] + results[: len(windows) - k]

    for output in run_in_threads(work):
        assert output == serial


def test_two_standards_in_threads_give_independent_results(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["quality"]["survey"]["satisfied"] = 100  # QLT-1 earns half of 8 points
    example_window["staff"]["certified"] = 2  # STF-3 earns none of 3: 93.00, plus the 1.00 bonus
    strict = standard.with_parameters(pass_threshold=95)
    expected = {
        standard.digest: ("94.00", "meets"),
        strict.digest: ("94.00", "rectify"),
    }

    def work(k: int) -> list[str]:
        mine = strict if k % 2 else standard
        found = []
        for _ in range(50):
            result = mine.evaluate(example_window)
            found.append(f"{result.standard.digest} {result.score} {result.level}")
        return found

    for k, output in enumerate(run_in_threads(work)):
        digest = (strict if k % 2 else standard).digest
        assert output == [f"{digest} {expected[digest][0]} {expected[digest][1]}"] * 50
    assert standard.evaluate(example_window).level == "meets"
    assert standard.parameters["pass_threshold"] == 90
