from __future__ import annotations

import warnings
from decimal import Decimal

import pytest

pytest.importorskip("matplotlib")

import window_standard as ws
from window_standard import analysis


@pytest.fixture(scope="module")
def table() -> analysis.ResultTable:
    std = ws.load_standard(engine="columnar")
    return std.evaluate_table(analysis.synthetic_population(120, seed=5))


def _drawn_without_missing_glyphs(figure: object) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.canvas.draw()  # type: ignore[attr-defined]
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert not missing, missing


def test_a_missing_glyph_is_detected() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure()
    FigureCanvasAgg(figure)
    figure.add_subplot().set_title("达标率", fontfamily="DejaVu Sans")
    with pytest.raises(AssertionError, match="missing"):
        _drawn_without_missing_glyphs(figure)


def test_every_plot_renders_its_chinese_labels(table: analysis.ResultTable) -> None:
    std = table.standard
    sweep = analysis.sweep(std, "pass_threshold", [Decimal(85), Decimal(90)], table)
    figures = [
        analysis.category_profile(table.row(0)),
        analysis.totals_distribution(table),
        analysis.failure_rates_by_district(table),
        analysis.sweep_curve(sweep),
    ]
    for figure in figures:
        _drawn_without_missing_glyphs(figure)
    lines = [line.get_xdata()[0] for line in figures[1].axes[0].lines]
    assert sorted(lines) == [80, 90], "the 80 and 90 thresholds are drawn"
