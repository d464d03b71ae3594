"""``python -m window_standard._reference DOCS_DIR``: rewrite the generated reference pages."""

from __future__ import annotations

import sys
from pathlib import Path

from . import PAGES


def main(argv: list[str]) -> int:
    """Write every page of :data:`PAGES` into the folder given (default ``docs``)."""
    folder = Path(argv[0]) if argv else Path("docs")
    for name, render in PAGES.items():
        (folder / name).write_text(render(), encoding="utf-8")
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
