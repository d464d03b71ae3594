"""Colour on a terminal, plain text otherwise: rich tables when the output is a TTY (``NO_COLOR`` honoured).

Rich is imported only when a table is drawn on a terminal, so piped output and ``--help`` never load it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import IO

__all__ = ["LEVEL_STYLES", "print_table", "use_colour"]

#: The style of each level id (levels a rule set adds are shown unstyled).
LEVEL_STYLES = {"meets": "bold green", "rectify": "bold yellow", "fails": "bold red"}


def use_colour(stream: IO[str]) -> bool:
    """Whether to draw with colour: on a terminal, unless ``NO_COLOR`` is set (``FORCE_COLOR`` forces it)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def print_table(
    stream: IO[str], headers: Sequence[str], rows: Sequence[Sequence[str]], styles: Sequence[str | None]
) -> None:
    """Draw a table with rich on ``stream``: one style per row (``None`` for the default)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold")
    for header in headers:
        table.add_column(header, overflow="fold")
    for row, style in zip(rows, styles, strict=True):
        table.add_row(*row, style=style)
    Console(file=stream, force_terminal=True, highlight=False, soft_wrap=False).print(table)
