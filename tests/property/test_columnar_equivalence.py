"""The columnar engine decides every window of generated populations as the compiled engine does."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("numpy")

import window_standard as ws
from window_standard._engine.scoring import score, status_of
from window_standard.testing import windows

COMPILED = ws.load_standard()
COLUMNAR = COMPILED.with_engine("columnar")
VARIANT = ws.load_standard(path="examples/rules/wuhou-window-2013-strict")


def decisions(std: ws.Standard, population: list[ws.Window], engine: str) -> list[Any]:
    """Per window: every criterion's status and points, the total and the level, from run_many."""
    prepared = std.with_engine(engine)._prepared
    params = [std.parameters_on(w.assessed_on) for w in population]
    plan = std._plan
    raws = prepared.run_many(population, params, False) if engine == "columnar" else [
        prepared.run(w, p, False) for w, p in zip(population, params, strict=True)
    ]
    out = []
    for raw, p in zip(raws, params, strict=True):
        scored = score(plan, raw, p)
        statuses = [status_of(row, a, v) for row, a, v in zip(plan.rows, raw.applies, raw.values, strict=True)]
        out.append((statuses, scored.total, scored.level, scored.gates, scored.vetoes, scored.category_cents))
    return out


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


@SETTINGS
@given(population=st.lists(windows(), min_size=1, max_size=12))
def test_populations_decide_alike(population: list[ws.Window]) -> None:
    assert decisions(COMPILED, population, "columnar") == decisions(COMPILED, population, "compiled")


@SETTINGS
@given(population=st.lists(windows(), min_size=1, max_size=8))
def test_the_strict_variant_decides_alike(population: list[ws.Window]) -> None:
    assert decisions(VARIANT, population, "columnar") == decisions(VARIANT, population, "compiled")


def _blank(window: ws.Window) -> ws.Window:
    """The same window with no data in any section (every optional fact missing, every list absent)."""
    data = window.model_dump(mode="python")
    for section in ("project", "organisation", "environment", "staff", "process", "quality", "lei_feng",
                    "incidents"):
        data[section] = {}
    return ws.Window.model_validate(data)


@SETTINGS
@given(population=st.lists(windows(), min_size=1, max_size=6))
def test_no_data_everywhere_decides_alike(population: list[ws.Window]) -> None:
    blank = [_blank(w) for w in population]
    assert decisions(COMPILED, blank, "columnar") == decisions(COMPILED, blank, "compiled")


@SETTINGS
@given(
    population=st.lists(windows(), min_size=2, max_size=8),
    days=st.lists(st.dates(dt.date(2013, 1, 1), dt.date(2021, 12, 31)), min_size=2, max_size=8),
)
def test_dated_parameters_across_assessment_dates(population: list[ws.Window], days: list[dt.date]) -> None:
    moved = [w.model_copy(update={"assessed_on": d}) for w, d in zip(population, days * 4, strict=False)]
    assert decisions(COMPILED, moved, "columnar") == decisions(COMPILED, moved, "compiled")


@SETTINGS
@given(
    population=st.lists(windows(), min_size=1, max_size=6),
    full=st.decimals(Decimal("0.5"), Decimal("1"), places=3),
    threshold=st.integers(0, 100),
)
def test_parameter_variants_decide_alike(population: list[ws.Window], full: Decimal, threshold: int) -> None:
    variant = COMPILED.with_parameters(satisfaction_full=full, pass_threshold=threshold)
    assert decisions(variant, population, "columnar") == decisions(variant, population, "compiled")


def test_untranslatable_expressions_fail_at_prepare_time() -> None:
    from window_standard._engine.columnar.program import Translator, Untranslatable
    from window_standard._expr import nodes as n
    from window_standard._expr.types import NUMBER

    with pytest.raises(Untranslatable):
        Translator().node(n.Call(NUMBER, "no_such_function", ()))


ARRAYS = ("status", "points", "category", "category_max", "raw", "raw_max", "bonus", "total", "blocked", "level")


@SETTINGS
@given(population=st.lists(windows(), min_size=1, max_size=10))
def test_result_tables_agree(population: list[ws.Window]) -> None:
    fast, slow = COLUMNAR.evaluate_table(population), COMPILED.evaluate_table(population)
    for name in ARRAYS:
        assert (getattr(fast.arrays, name) == getattr(slow.arrays, name)).all(), name
    for i, window in enumerate(population):
        result = COMPILED.evaluate(window, explain=False)
        assert fast.summary(i).score == result.score and fast.summary(i).level == result.level
        statuses = [result.criteria[c].status for c in COMPILED.criteria]
        assert list(fast.to_pandas().loc[i, [f"{c}.status" for c in COMPILED.criteria]]) == statuses


def test_windows_the_fast_path_cannot_decide_go_the_exact_way() -> None:
    from window_standard.analysis import synthetic_population

    population = synthetic_population(60, seed=11, profile="edge")
    # 999999.999999 is a valid parameter (six places, within 10^12), but its fraction's numerator is beyond
    # the fast path's 2^31: every window that reads it goes the exact way
    variant = COMPILED.with_parameters(certified_full_ratio=Decimal("999999.999999"))
    prepared = variant.with_engine("columnar")._prepared
    params = [variant.parameters_on(w.assessed_on) for w in population]
    assert len(prepared.outcomes(population, params).exact) == len(population)
    assert decisions(variant, population, "columnar") == decisions(variant, population, "compiled")


@pytest.mark.parametrize("profile", ["typical", "dated", "edge"])
def test_synthetic_populations_decide_alike(profile: str) -> None:
    from window_standard.analysis import synthetic_population

    population = synthetic_population(400, seed=3, profile=profile)
    assert decisions(COMPILED, population, "columnar") == decisions(COMPILED, population, "compiled")
    variant_population = population[:150]
    assert decisions(VARIANT, variant_population, "columnar") == decisions(VARIANT, variant_population, "compiled")
