"""The analysis notebook runs from top to bottom (so it never goes stale)."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_policy_analysis_notebook_runs() -> None:
    notebook = nbformat.read(ROOT / "docs/notebooks/policy-analysis.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "ResultTable" in "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "<table>" in html, "tables, comparisons and sweeps render as HTML"
    assert any("image/png" in o.get("data", {}) for o in outputs), "the plots render"
