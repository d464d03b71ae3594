"""The conformance suite every engine passes: the same answers as the default engine on every window.

Parametrised over :func:`window_standard.engines` (every engine installed here). The golden cases and the
hand-written-scorer parity run over every engine too (see ``tests/golden`` and ``test_parity.py``).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import window_standard as ws
from window_standard.testing import windows

ENGINES = ws.engines()


@pytest.fixture(scope="module", params=ENGINES)
def engine_standard(request: pytest.FixtureRequest) -> ws.Standard:
    return ws.load_standard(engine=request.param)


@pytest.fixture(scope="module")
def reference() -> ws.Standard:
    return ws.load_standard(engine="compiled")


def decision(result: ws.Result) -> dict[str, Any]:
    """Everything a result decides, as JSON-native data (explanations included)."""
    return result.model_dump(mode="json")


def test_every_engine_is_listed_once() -> None:
    assert ENGINES[0] == "compiled" and len(set(ENGINES)) == len(ENGINES)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(window=windows())
def test_an_engine_decides_as_the_default_engine(
    engine_standard: ws.Standard, reference: ws.Standard, window: ws.Window
) -> None:
    assert engine_standard.digest == reference.digest
    assert decision(engine_standard.evaluate(window)) == decision(reference.evaluate(window))
    quick = engine_standard.evaluate(window, explain=False)
    assert quick.model_dump(exclude={"criteria"}) == reference.evaluate(window, explain=False).model_dump(
        exclude={"criteria"}
    )


def test_the_example_variant_decides_alike(example_window: dict[str, Any]) -> None:
    variant = ws.load_standard(path="examples/rules/wuhou-window-2013-strict")
    for name in ENGINES:
        assert decision(variant.with_engine(name).evaluate(example_window)) == decision(
            variant.evaluate(example_window)
        )


@pytest.mark.parametrize("name", ENGINES)
def test_every_golden_case_passes_on_every_engine(name: str) -> None:
    from pathlib import Path

    from window_standard._golden.run import load_suite, run_case

    rules = Path(__file__).resolve().parents[2] / "rules" / "cdpma-window-2013"
    standard, cases = load_suite(rules)
    engine = standard.with_engine(name)
    outcomes = [run_case(engine, case) for case in cases]
    assert cases and [line for o in outcomes if not o.passed for line in o.lines()] == []
