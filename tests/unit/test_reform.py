from __future__ import annotations

from decimal import Decimal

import pytest

pytest.importorskip("numpy")

import window_standard as ws
from window_standard import analysis

POPULATION = analysis.synthetic_population(300, seed=7, profile="dated")


def test_synthetic_populations_are_deterministic_and_labelled() -> None:
    again = analysis.synthetic_population(300, seed=7, profile="dated")
    assert again == POPULATION
    assert all(w.id.startswith("SYN-") and "合成样本" in w.name for w in POPULATION)
    assert analysis.synthetic_population(5, seed=8) != analysis.synthetic_population(5, seed=9)
    with pytest.raises(ValueError, match="profile"):
        analysis.synthetic_population(1, profile="rosy")


def test_a_threshold_sweep_equals_evaluating_each_value() -> None:
    std = ws.load_standard(engine="columnar")
    values = [Decimal(80), Decimal("87.5"), Decimal(90), Decimal(95)]
    swept = analysis.sweep(std, "pass_threshold", values, POPULATION)
    assert swept.recomputed_levels_only
    for value, counts in zip(values, swept.level_counts, strict=True):
        assert std.with_parameters(pass_threshold=value).evaluate_table(POPULATION).level_counts() == counts
    assert swept.to_pandas()["pass_rate"].tolist() == swept.pass_rates
    assert "pass_threshold" in swept._repr_html_()


def test_a_rule_parameter_sweep_re_evaluates() -> None:
    std = ws.load_standard()
    values = [Decimal("0.8"), Decimal("0.95")]
    swept = analysis.sweep(std, "satisfaction_full", values, POPULATION, statistic=len)
    assert not swept.recomputed_levels_only and swept.statistics == [300, 300]
    for value, rate in zip(values, swept.pass_rates, strict=True):
        table = std.with_parameters(satisfaction_full=value).evaluate_table(POPULATION)
        assert table.pass_rate() == rate


def test_compare_summarises_first_and_gives_rows_on_demand() -> None:
    old = ws.load_standard()
    strict = ws.load_standard(path="examples/rules/wuhou-window-2013-strict")
    comparison = analysis.compare(old, strict, POPULATION)
    assert sum(comparison.transitions.values()) == len(POPULATION)
    expected = sum(
        old.evaluate(w).level != strict.evaluate(w).level for w in POPULATION
    )
    assert comparison.changed == expected
    rows = comparison.rows()
    assert len(rows[rows["level_before"] != rows["level_after"]]) == expected
    assert "→" in repr(comparison) and "<table>" in comparison._repr_html_()
