"""A headless Chromium driven from the command line, for the report's browser checks.

Each check is one browser run: the page is loaded with a probe script appended (the product's page has no
script of its own), the probe writes what it measured into the DOM, and ``--dump-dom`` hands it back.
Console messages come from the browser's log on stderr; PDF pages from ``--print-to-pdf``.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: The printable width of the report's A4 page (210 mm less 14 mm margins each side) in CSS pixels.
A4_PRINTABLE_PX = int(182 / 25.4 * 96)

#: Measures the page: characters no font has a glyph for (drawn like a surely missing character, U+0378,
#: in every font of the body's font list), and the widest content.
PROBE = """
<script>
(() => {
  const text = document.body.innerText;
  const chars = [...new Set([...text])].filter((c) => c.trim() && c.codePointAt(0) > 0x7e);
  const canvas = document.createElement("canvas");
  canvas.width = 48; canvas.height = 48;
  const g = canvas.getContext("2d");
  const family = getComputedStyle(document.body).fontFamily;
  const draw = (c) => { g.clearRect(0, 0, 48, 48); g.font = "32px " + family; g.fillText(c, 4, 38);
                        return canvas.toDataURL(); };
  const missing = draw("\\u0378");
  const result = {
    missing: chars.filter((c) => draw(c) === missing),
    checked: chars.length,
    width: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
  };
  const out = document.createElement("pre");
  out.id = "probe-result";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
})();
</script>
"""


@dataclass(frozen=True)
class Measured:
    """What the probe measured, the console errors, and the PDF's pages."""

    missing: list[str]
    checked: int
    width: int
    console_errors: list[str]
    pages: int
    page_size: tuple[float, float]


def _run(browser: str, args: list[str], page: Path, profile: Path) -> subprocess.CompletedProcess[str]:
    command = [
        browser,
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
        page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def console_errors(log: str) -> list[str]:
    """The console messages and uncaught errors the page logged (not the browser's own noise)."""
    return [line for line in log.splitlines() if "CONSOLE" in line or "Uncaught" in line]


def pdf_pages(pdf: bytes) -> tuple[int, tuple[float, float]]:
    """The number of pages of a PDF and the size of its first page in points."""
    pages = re.findall(rb"/Type\s*/Page(?![s\w])", pdf)
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    size = (float(box.group(1)), float(box.group(2))) if box else (0.0, 0.0)
    return len(pages), size


def measure(browser: str, html: str, folder: Path) -> Measured:
    """Load a page in the browser three ways: probed, logged, and printed to PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    page, probed, pdf = folder / "page.html", folder / "probed.html", folder / "page.pdf"
    page.write_text(html, encoding="utf-8")
    probed.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    size = f"--window-size={A4_PRINTABLE_PX},1200"
    dom = _run(browser, [size, "--dump-dom", "--virtual-time-budget=3000"], probed, folder / "p1").stdout
    found = re.search(r'<pre id="probe-result">(.*?)</pre>', dom, flags=re.S)
    assert found is not None, f"the probe did not run: {dom[-500:]}"
    result = json.loads(found.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
    logged = _run(browser, ["--enable-logging=stderr", "--v=0", "--dump-dom"], page, folder / "p2")
    printed = _run(browser, ["--no-pdf-header-footer", f"--print-to-pdf={pdf}"], page, folder / "p3")
    assert pdf.exists(), printed.stderr[-500:]
    pages, page_size = pdf_pages(pdf.read_bytes())
    return Measured(
        missing=result["missing"],
        checked=result["checked"],
        width=result["width"],
        console_errors=console_errors(logged.stderr),
        pages=pages,
        page_size=page_size,
    )


def screenshot(browser: str, html: str, png: Path, *, width: int = 900, height: int = 1300) -> None:
    """A PNG of the top of a page as a screen shows it."""
    page = png.with_suffix(".html")
    page.write_text(html, encoding="utf-8")
    try:
        args = [f"--window-size={width},{height}", f"--screenshot={png}"]
        done = _run(browser, args, page, png.parent / f".profile-{png.stem}")
        assert png.exists(), done.stderr[-500:]
    finally:
        page.unlink()
