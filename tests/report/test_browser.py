"""The report and the form in a real browser (headless Chromium): glyphs, console, A4 width, PDF pages.

``.ci/run`` installs Debian's ``chromium`` and ``fonts-noto-cjk``; without a browser the tests are skipped,
and the reason is printed in the summary (``-ra``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from browser import A4_PRINTABLE_PX, measure

import window_standard as ws
from window_standard import report
from window_standard.report._pdf import find_browser

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[2] / "rules" / "cdpma-window-2013" / "examples"
BROWSER = find_browser()
A4 = (595.28, 841.89)  # 210 x 297 mm in points


@pytest.fixture(scope="module")
def browser() -> str:
    if BROWSER is None:
        pytest.skip("no Chromium on PATH (install it: apt-get install -y chromium fonts-noto-cjk)")
    return BROWSER


def window_report(name: str, lang: str = "zh") -> str:
    window = ws.Window.model_validate(yaml.safe_load((EXAMPLES / "windows" / name).read_text("utf-8")))
    return report.html(ws.load_standard().evaluate(window), window, lang=lang)  # type: ignore[arg-type]


def form(name: str) -> str:
    return report.application_form(yaml.safe_load((EXAMPLES / "applications" / name).read_text("utf-8")))


PAGES = [
    ("report-meets-zh", lambda: window_report("1-meets.yaml"), 5),
    ("report-fails-zh", lambda: window_report("3-fails-score.yaml"), 6),  # 2.0.0: the no-data sentences are longer
    ("report-vetoed-en", lambda: window_report("4-vetoed.yaml", "en"), 6),
    ("form-accepted-zh", lambda: form("1-meets.yaml"), 1),
    ("form-rejected-zh", lambda: form("2-rectify.yaml"), 2),
]


@pytest.mark.parametrize(("name", "page", "pages"), PAGES, ids=[p[0] for p in PAGES])
def test_the_page_prints_cleanly(
    browser: str, tmp_path: Path, name: str, page: Callable[[], str], pages: int
) -> None:
    measured = measure(browser, page(), tmp_path)
    assert measured.checked > (20 if name.endswith("-en") else 100)  # the probe saw the page's characters
    assert measured.missing == [], "characters without a glyph in any installed font"
    assert measured.console_errors == []
    assert measured.width <= A4_PRINTABLE_PX, "the page is wider than A4's printable width"
    assert all(abs(got - a4) < 1 for got, a4 in zip(measured.page_size, A4, strict=True)), measured.page_size
    assert measured.pages == pages


def test_the_checks_can_fail(browser: str, tmp_path: Path) -> None:
    # a page with an unassigned character, a console error and a table wider than A4
    bad = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>中文\u0378"
        "<table style='width:1200px'><tr><td>x</td></tr></table>"
        "<script>console.error('broken')</script></body></html>"
    )
    measured = measure(browser, bad, tmp_path)
    assert measured.missing == ["\u0378"]
    assert any("broken" in line for line in measured.console_errors)
    assert measured.width > A4_PRINTABLE_PX
    assert measured.pages == 1
