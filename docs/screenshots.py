"""Generate the documentation's screenshots of the report and the form: ``python docs/screenshots.py``.

Renders the example windows and applications of the packaged rule set with :mod:`window_standard.report`,
opens each page in a headless Chromium and writes PNGs into ``docs/images/``: the top of the report, its
rectification plan, and the two pages of a rejected application's form. Needs ``chromium`` and
``fonts-noto-cjk`` (Debian) and Pillow (for cropping; it comes with the ``analysis`` extra).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from PIL import Image, ImageChops

import window_standard as ws
from window_standard import report
from window_standard.report._pdf import find_browser

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "rules" / "cdpma-window-2013" / "examples"
IMAGES = ROOT / "docs" / "images"
WIDTH = 900


def shoot(browser: str, html: str, height: int) -> Image.Image:
    """A screenshot of a page, ``WIDTH`` wide and ``height`` tall, trimmed of white at the bottom."""
    with tempfile.TemporaryDirectory() as tmp:
        page, png = Path(tmp) / "page.html", Path(tmp) / "page.png"
        page.write_text(html, encoding="utf-8")
        command = [
            browser,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--window-size={WIDTH},{height}",
            f"--screenshot={png}",
            page.as_uri(),
        ]
        subprocess.run(command, capture_output=True, check=True, timeout=120)
        image = Image.open(png).convert("RGB")
        image.load()
    box = ImageChops.difference(image, Image.new("RGB", image.size, "white")).getbbox()
    return image.crop((0, 0, image.width, min(image.height, (box[3] if box else image.height) + 40)))


def main() -> int:
    """Write every screenshot; return the exit status."""
    browser = find_browser()
    if browser is None:
        print("no Chromium on PATH: apt-get install -y chromium fonts-noto-cjk", file=sys.stderr)
        return 1
    standard = ws.load_standard()
    data = yaml.safe_load((EXAMPLES / "windows" / "3-fails-score.yaml").read_text(encoding="utf-8"))
    window = ws.Window.model_validate(data)
    page = report.html(standard.evaluate(window), window)
    full = shoot(browser, page, 9000)
    full.crop((0, 0, WIDTH, 1250)).save(IMAGES / "report-zh.png", optimize=True)
    # the plan is the last section: the bottom of the page
    full.crop((0, max(0, full.height - 1150), WIDTH, full.height)).save(IMAGES / "report-plan-zh.png")
    english = report.html(standard.evaluate(window), window, lang="en")
    shoot(browser, english, 1250).save(IMAGES / "report-en.png", optimize=True)
    application = yaml.safe_load((EXAMPLES / "applications" / "2-rectify.yaml").read_text(encoding="utf-8"))
    form = shoot(browser, report.application_form(application), 2600)
    form.save(IMAGES / "form-zh.png", optimize=True)
    for png in sorted(IMAGES.glob("*.png")):
        print(png.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
