"""Printing a report to PDF with a headless Chromium (Debian's ``chromium`` package, or Chrome)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .._errors import WindowStandardError

__all__ = ["BROWSERS", "find_browser", "write_pdf"]

#: Browser commands tried, in order.
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    """The path of a Chromium-family browser on ``PATH``, or None."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def write_pdf(html: str, path: str | Path, *, timeout: float = 120) -> Path:
    """Print an HTML document to a PDF file (A4, as its print styles say) with a headless Chromium.

    Args:
        html: The document (from :func:`window_standard.report.html` or ``application_form``).
        path: Where to write the PDF.
        timeout: Seconds to wait for the browser.

    Returns:
        The path written.

    Raises:
        WindowStandardError: When no browser is installed (install ``chromium``), or it fails.
    """
    browser = find_browser()
    if browser is None:
        raise WindowStandardError(
            "printing to PDF needs Chromium: install it (Debian: apt-get install chromium fonts-noto-cjk) "
            "or open the HTML file in a browser and print it"
        )
    target = Path(path).resolve()
    with tempfile.TemporaryDirectory(prefix="window-standard-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        command = [
            browser,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--print-to-pdf={target}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise WindowStandardError(f"the browser could not print the report: {exc}") from None
    if done.returncode != 0 or not target.exists():
        raise WindowStandardError(f"the browser could not print the report: {done.stderr.strip()[-500:]}")
    return target
