"""``window-standard diff A B``: rule changes between two standards and, given windows, their effect.

Exit codes: 0 (or, with ``--exit-code``, 0 when nothing differs and 1 when something does, like
``git diff --exit-code``), 2 when a standard or a window cannot be read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from .._errors import WindowStandardError
from ._evaluate import fail

if TYPE_CHECKING:  # the library is imported when the command runs, not at start-up
    from .._model import Window
    from .._standard import Standard

__all__ = ["diff"]


def _standard(ref: str) -> Standard:
    """A folder path, or ``id`` / ``id@version`` of a packaged edition."""
    from .._library import load_standard

    if Path(ref).is_dir():
        return load_standard(path=ref)
    edition, _, version = ref.partition("@")
    return load_standard(edition, version=version or None)


def _windows(path: Path) -> list[Window]:
    """Every window of a file or folder; exit 2 naming each document that cannot be read."""
    from .._read import InputError, iter_windows

    windows: list[Window] = []
    problems: list[str] = []
    for _, item in iter_windows([path], "en"):
        if isinstance(item, InputError):
            problems.append(item.render())
        else:
            windows.append(item)
    if problems:
        fail("\n".join(problems))
    return windows


def diff(
    a: Annotated[
        str, typer.Argument(help="The standard before: a folder, or id[@version] of a packaged edition.")
    ],
    b: Annotated[str, typer.Argument(help="The standard after: a folder, or id[@version].")],
    windows: Annotated[
        Path | None,
        typer.Option("--windows", help="A window file or a folder of them: show whose result changes."),
    ] = None,
    output: Annotated[Literal["table", "json", "markdown"], typer.Option("--format")] = "table",
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when the standards (or the windows' results) differ.")
    ] = False,
) -> None:
    """Show criteria, parameters, categories and levels that differ between two standards."""
    from .._diff import diff as diff_standards

    try:
        before, after = _standard(a), _standard(b)
    except WindowStandardError as exc:
        fail(f"error: {exc}")
    population = _windows(windows) if windows is not None else None
    result = diff_standards(before, after, population)
    if output == "json":
        typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
    elif output == "markdown":
        typer.echo(result.to_markdown(), nl=False)
    else:
        typer.echo(result.to_text())
    different = bool(result.changes or result.windows)
    raise typer.Exit(1 if exit_code and different else 0)
