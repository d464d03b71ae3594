"""Plots of results, tables and sweeps: matplotlib Figures with Chinese labels that render.

Every function returns a :class:`matplotlib.figure.Figure` built without pyplot (no global state) and
labelled in Chinese with a CJK-capable font (:func:`cjk_font`: Noto Sans/Serif CJK, Source Han, WenQuanYi
or SimHei, whichever is installed — on Debian/Ubuntu ``apt-get install fonts-noto-cjk``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .._result import Result
    from .reform import Sweep
    from .results import ResultTable

__all__ = ["category_profile", "cjk_font", "failure_rates_by_district", "sweep_curve", "totals_distribution"]

_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Serif SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
)


def cjk_font() -> str:
    """The name of an installed font family that has the Chinese glyphs.

    Raises:
        RuntimeError: When none is installed (the message says what to install).
    """
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in _FAMILIES:
        if family in installed:
            return family
    raise RuntimeError(
        "no font with Chinese glyphs is installed: install fonts-noto-cjk (apt-get install fonts-noto-cjk) "
        "or another CJK font"
    )


def _figure(width: float = 7.0, height: float = 4.0) -> tuple[Figure, Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure, cjk_font()


def category_profile(result: Result) -> Figure:
    """One window's points per category against the category's maximum."""
    figure, font = _figure()
    axes = figure.add_subplot()
    categories = list(result.categories.values())
    names = [c.title.zh for c in categories]
    axes.barh(names, [float(c.max_score) for c in categories], color="#dddddd", label="满分")
    axes.barh(names, [float(c.score) for c in categories], color="#3b7dd8", label="得分")
    axes.set_yticks(range(len(names)), names, fontfamily=font)
    axes.set_xlabel("分值", fontfamily=font)
    axes.set_title(f"窗口 {result.window_id}：各类得分（总分 {result.score}）", fontfamily=font)
    axes.legend(prop={"family": font})
    return figure


def _thresholds(table: ResultTable) -> list[tuple[str, float]]:
    if not len(table):
        return []
    params = table.standard.parameters_on(table.evaluated_on[0])
    found = []
    for level, threshold in table.standard._plan.levels[:-1]:
        bound = params.get(threshold) if isinstance(threshold, str) else threshold
        if bound is not None:
            found.append((level, float(bound)))
    return found


def totals_distribution(table: ResultTable, bins: int = 40) -> Figure:
    """The distribution of totals, with the level thresholds (80 and 90 in the 2013 rule set)."""
    figure, font = _figure()
    axes = figure.add_subplot()
    axes.hist(table.arrays.total / 100, bins=bins, color="#3b7dd8")
    titles = {level: title.zh for level, title in table.standard._assembler.levels}
    for level, bound in _thresholds(table):
        axes.axvline(bound, color="#c0392b", linestyle="--")
        axes.text(bound, axes.get_ylim()[1] * 0.95, f" {titles[level]} ≥ {bound:g}", fontfamily=font)
    axes.set_xlabel("总分", fontfamily=font)
    axes.set_ylabel("窗口数", fontfamily=font)
    axes.set_title(f"总分分布（{len(table)} 个窗口）", fontfamily=font)
    return figure


def failure_rates_by_district(table: ResultTable, criteria: list[str] | None = None) -> Figure:
    """The share of windows in each district where each criterion loses points or fails."""
    import numpy as np

    from .._engine.columnar.score import STATUSES

    std = table.standard
    chosen = criteria or [c for c in std.criteria if not c.startswith("BON")]
    index = [std.criteria.index(c) for c in chosen]
    districts = sorted({w.district for w in table.windows})
    codes = np.asarray([w.district for w in table.windows], dtype=object)
    bad = np.isin(table.arrays.status[:, index], [STATUSES.index(s) for s in ("fail", "partial", "no_data")])
    rates = np.vstack([bad[codes == d].mean(axis=0) for d in districts]) if districts else np.zeros((0, 0))
    figure, font = _figure(max(7.0, len(chosen) * 0.3), max(4.0, len(districts) * 0.3))
    axes = figure.add_subplot()
    image = axes.imshow(rates * 100, aspect="auto", cmap="Reds", vmin=0, vmax=100)
    names = std.spec.district_names
    axes.set_yticks(
        range(len(districts)), [names[d].zh if d in names else d for d in districts], fontfamily=font
    )
    axes.set_xticks(range(len(chosen)), chosen, rotation=90)
    axes.set_title("各区（市）县各项失分率（%）", fontfamily=font)
    figure.colorbar(image, ax=axes, label="%")
    return figure


def sweep_curve(sweep: Sweep) -> Figure:
    """The pass rate under each value of a swept parameter."""
    figure, font = _figure()
    axes = figure.add_subplot()
    axes.plot([float(v) for v in sweep.values], [float(r) for r in sweep.pass_rates], marker="o")
    axes.set_xlabel(sweep.param)
    axes.set_ylabel("达标率（%）", fontfamily=font)
    axes.set_title(f"达标率随参数 {sweep.param} 的变化", fontfamily=font)
    return figure
