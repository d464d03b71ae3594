from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("pandas")

import window_standard as ws

EXAMPLES = sorted(Path("rules/cdpma-window-2013/examples/windows").glob("*.yaml"))


@pytest.fixture(scope="module")
def population() -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in EXAMPLES]


@pytest.mark.parametrize("engine", ["compiled", "columnar"])
def test_table_matches_single_evaluations(engine: str, population: list[dict[str, Any]]) -> None:
    std = ws.load_standard(engine=engine)
    table = std.evaluate_table(population)
    assert len(table) == len(population)
    wide = table.to_pandas()
    for i, window in enumerate(population):
        result = std.evaluate(window)
        assert wide.loc[i, "score"] == result.score
        assert wide.loc[i, "level"] == result.level
        for cid, criterion in result.criteria.items():
            assert wide.loc[i, f"{cid}.status"] == criterion.status
            assert wide.loc[i, f"{cid}.points"] == criterion.points
        for cat in result.categories.values():
            assert wide.loc[i, cat.id] == cat.score
        assert table.row(i).model_dump() == result.model_dump()
    assert [row.id for row in table] == [w["id"] for w in population]
    assert isinstance(wide.loc[0, "score"], Decimal)


def test_long_form_has_a_row_per_window_and_criterion(population: list[dict[str, Any]]) -> None:
    std = ws.load_standard(engine="columnar")
    table = std.evaluate_table(population)
    long = table.to_pandas("long", cents=True)
    assert len(long) == len(population) * len(std.criteria)
    assert set(long["status"].unique()) <= {"pass", "partial", "fail", "no_data", "not_applicable"}
    first = std.evaluate(population[0])
    row = long[(long["id"] == population[0]["id"]) & (long["criterion"] == "STF-3")].iloc[0]
    assert row["points"] == int(first.criteria["STF-3"].points * 100)
    with pytest.raises(ValueError, match="wide"):
        table.to_pandas("tall")


def test_collect_keeps_good_windows_and_names_the_bad(population: list[dict[str, Any]]) -> None:
    std = ws.load_standard()
    broken = {**population[0], "staff": {"headcount": -1}}
    out = std.evaluate_many([population[0], broken, population[1]], errors="collect")
    assert isinstance(out[0], ws.Result) and isinstance(out[2], ws.Result)
    assert "staff.headcount" in str(out[1]) and out[1].index == 1
    with pytest.raises(Exception, match="headcount"):
        std.evaluate_many([population[0], broken])
    table = std.evaluate_table([population[0], broken], errors="collect")
    assert len(table) == 1 and len(table.errors) == 1
    assert "1 invalid inputs" in repr(table) and "<table>" in table._repr_html_()


def test_batch_results_equal_single_ones(population: list[dict[str, Any]]) -> None:
    std = ws.load_standard(engine="columnar")
    batch = std.evaluate_many(population, progress=False)
    assert [r.model_dump() for r in batch] == [std.evaluate(w).model_dump() for w in population]
    with pytest.raises(ValueError, match="collect"):
        std.evaluate_many(population, errors="ignore")  # type: ignore[arg-type]


def test_results_and_standards_render_as_escaped_html(population: list[dict[str, Any]]) -> None:
    std = ws.load_standard()
    hostile = {**population[0], "id": "cd-510107-0001"}
    result = std.evaluate(hostile)
    html = result._repr_html_()
    assert "<table>" in html and result.window_id in html and "分" in html
    assert "<script" not in std._repr_html_() and std.id in std._repr_html_()


def test_unsure_decisions_are_marked_for_the_exact_path() -> None:
    import numpy as np

    from window_standard._engine.columnar import ops
    from window_standard._engine.columnar.values import Num

    def num(n: int, d: int, rounded: bool) -> Num:
        return Num(np.array([n]), np.array([d]), np.array([True]), np.array([rounded]))

    unsure = np.zeros(1, np.bool_)
    third = ops.arith("/", num(1, 1, False), num(3, 1, False), unsure)
    assert third.rounded[0] and not unsure[0], "1/3 does not terminate: decimals round it"
    back = ops.arith("*", third, num(3, 1, False), unsure)
    assert ops.compare_numbers(">=", back, num(1, 1, False), unsure).data[0]
    assert unsure[0], "an exact equality on a rounded value is undecided: the window goes the exact way"
    unsure[:] = False
    ops.cents(num(1, 200, False), unsure)
    assert not unsure[0], "a half-cent on an exact value is decided (half-up)"
    assert ops.cents(num(1, 200, False), unsure)[0] == 1
    ops.cents(num(1, 200, True), unsure)
    assert unsure[0]


def test_a_veto_without_data_blocks_in_the_table(population: list[dict[str, Any]]) -> None:
    # rule set 2.0.0: veto_without_data: blocks — an undecided veto gives the last level, as a fired one does
    window = {**population[0], "incidents": {}}
    vetoes = [row[0] for row in ws.load_standard()._plan.rows if row[1] == 4]
    assert vetoes, "the rule set marks its vetoes as blocking without data"
    for engine in ("compiled", "columnar"):
        std = ws.load_standard(engine=engine)
        table, result = std.evaluate_table([window]), std.evaluate(window)
        wide = table.to_pandas()
        assert result.level == std._plan.levels[-1][0] == wide.loc[0, "level"] == table.summary(0).level
        assert [wide.loc[0, f"{cid}.status"] for cid in vetoes] == [result.criteria[c].status for c in vetoes]
        assert "no_data" in {result.criteria[c].status for c in vetoes}
        assert bool(table.arrays.blocked[0])
