"""Golden HTML snapshots of the report for two example windows (normalised; see :func:`normalised`).

When the rule set or the templates change on purpose, rewrite them with
``WS_UPDATE_SNAPSHOTS=1 python -m pytest tests/report/test_snapshots.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

import window_standard as ws
from window_standard import report

EXAMPLES = Path(__file__).resolve().parents[2] / "rules" / "cdpma-window-2013" / "examples" / "windows"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
CASES = [("1-meets.yaml", "zh"), ("3-fails-score.yaml", "zh"), ("3-fails-score.yaml", "en")]


def normalised(page: str) -> str:
    """The page without its style sheet and digests, one tag-trimmed line per line, blank lines dropped."""
    page = re.sub(r"<style>.*?</style>", "<style>…</style>", page, flags=re.S)
    page = re.sub(r"\b[0-9a-f]{64}\b", "DIGEST", page)
    return "".join(line.strip() + "\n" for line in page.splitlines() if line.strip())


@pytest.mark.parametrize(("file", "lang"), CASES, ids=[f"{f}-{lang}" for f, lang in CASES])
def test_the_report_matches_its_snapshot(standard: ws.Standard, file: str, lang: str) -> None:
    window = ws.Window.model_validate(yaml.safe_load((EXAMPLES / file).read_text(encoding="utf-8")))
    page = normalised(report.html(standard.evaluate(window), window, lang=lang))  # type: ignore[arg-type]
    snapshot = SNAPSHOTS / f"report-{file.removesuffix('.yaml')}.{lang}.html"
    if os.environ.get("WS_UPDATE_SNAPSHOTS"):
        snapshot.write_text(page, encoding="utf-8")
    assert page == snapshot.read_text(encoding="utf-8"), f"{snapshot.name} is outdated (see the docstring)"


def test_rendering_is_deterministic(standard: ws.Standard) -> None:
    window = ws.Window.model_validate(yaml.safe_load((EXAMPLES / "2-rectify.yaml").read_text("utf-8")))
    first = report.html(standard.evaluate(window), window)
    assert report.html(standard.evaluate(window), window) == first
