from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("pandas")

import window_standard as ws
from window_standard import analysis
from window_standard._analysis.flat import FlatLayoutError, from_document, to_document
from window_standard.testing import windows

SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".jsonl"])
@SETTINGS
@given(population=st.lists(windows(), min_size=1, max_size=4, unique_by=lambda w: w.id))
def test_every_value_survives_write_then_read(tmp_path_factory: pytest.TempPathFactory, suffix: str,
                                              population: list[ws.Window]) -> None:
    path = tmp_path_factory.mktemp("pop") / f"windows{suffix}"
    analysis.write_windows(population, path)
    back = list(ws.read_windows(path))
    assert [w for _, w in back] == population


@SETTINGS
@given(window=windows())
def test_flat_rows_round_trip(window: ws.Window) -> None:
    row, activities = from_document(window)
    assert ws.Window.model_validate(to_document(row, activities)) == window
    text = {k: ("" if v is None else str(v)) for k, v in row.items()}  # a CSV row: every cell is text
    acts = [{k: ("" if v is None else str(v)) for k, v in a.items()} for a in activities]
    assert ws.Window.model_validate(to_document(text, acts)) == window


def test_a_folder_of_documents(tmp_path: Path) -> None:
    good = yaml.safe_load(Path("rules/cdpma-window-2013/examples/windows/1-meets.yaml").read_text("utf-8"))
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(good, allow_unicode=True), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({**good, "staff": {"headcount": "six"}}, default=str),
                                     encoding="utf-8")
    (tmp_path / "c.yaml").write_text("id: [unclosed", encoding="utf-8")
    found = list(ws.read_windows(tmp_path))
    assert [Path(s).name for s, _ in found] == ["a.yaml", "b.json", "c.yaml"]
    assert isinstance(found[0][1], ws.Window)
    assert "b.json" in str(found[1][1]) and "staff.headcount" in str(found[1][1])
    assert isinstance(found[2][1], analysis.WindowReadError) and "c.yaml" in str(found[2][1])
    results = ws.load_standard().evaluate_many(found, errors="collect")
    assert isinstance(results[0], ws.Result) and isinstance(results[1], analysis.WindowError)


def test_csv_errors_name_the_file_row_and_column(tmp_path: Path) -> None:
    population = analysis.synthetic_population(3, seed=4)
    path = analysis.write_windows(population, tmp_path / "pop.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split(",")
    cells = lines[2].split(",")
    cells[head.index("staff.headcount")] = "lots"
    lines[2] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = list(ws.read_windows(path))
    assert [isinstance(w, ws.Window) for _, w in found] == [True, False, True]
    source, error = found[1]
    assert source == f"{path}:3" and "staff.headcount" in str(error) and "lots" in str(error)


def test_unknown_columns_are_refused() -> None:
    with pytest.raises(FlatLayoutError, match="staff.headcont"):
        to_document({"id": "x", "staff.headcont": 3})


def test_template_frame_lists_every_column() -> None:
    frame = analysis.template_frame()
    assert "staff.headcount" in frame.columns and "quality.survey.sampled" in frame.columns
    assert frame.loc[0, "id"].startswith("SYN-")
    assert list(analysis.template_frame("activities").columns)[0] == "window_id"
