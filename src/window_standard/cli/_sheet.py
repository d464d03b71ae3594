"""``window-standard sheet``: the scoring workbook (评分表), blank or holding windows (``excel`` extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .._errors import WindowStandardError
from ._evaluate import BadInput, fail, load
from ._options import RulesOption, StandardOption

__all__ = ["sheet"]


def sheet(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[FILE...]", help="Window documents to fill in, one column each.", show_default=False
        ),
    ] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="The .xlsx file to write.")] = Path(
        "评分表.xlsx"
    ),
    blank: Annotated[bool, typer.Option("--blank", help="Write a blank workbook to fill in.")] = False,
    standard: StandardOption = None,
    rules: RulesOption = None,
) -> None:
    """Write the scoring workbook: --blank to fill in by hand, or with the windows given.

    Read a filled workbook back with ``window_standard.report.read_workbook`` (one window per column).
    """
    if blank == bool(files):
        fail("error: give --blank or window files, not both (and not neither)")
    from .._read import read_window

    windows = []
    problems = []
    for path in files or []:
        try:
            windows.append(read_window(path, "zh"))
        except BadInput as exc:
            problems.append(exc.render())
    if problems:
        fail("\n".join(problems))
    std = load(standard, rules)
    try:
        from ..report import write_workbook

        typer.echo(f"wrote {write_workbook(output, windows, standard=std)}")
    except ModuleNotFoundError:
        fail('error: the workbook needs openpyxl: pip install "window-standard[excel]"')
    except (OSError, WindowStandardError) as exc:
        fail(f"error: {exc}")
