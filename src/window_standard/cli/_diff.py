"""``window-standard diff A B``: rule changes between two standards and, given windows, their effect."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from .._errors import WindowStandardError

if TYPE_CHECKING:  # the library is imported when the command runs, not at start-up
    from .._standard import Standard

__all__ = ["diff"]


def _standard(ref: str) -> Standard:
    """A folder path, or ``id`` / ``id@version`` of a packaged edition."""
    from .._library import load_standard

    if Path(ref).is_dir():
        return load_standard(path=ref)
    edition, _, version = ref.partition("@")
    return load_standard(edition, version=version or None)


def _windows(path: Path) -> list[object]:
    import yaml

    files = (
        sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml", ".json"))
        if path.is_dir()
        else [path]
    )
    return [yaml.safe_load(file.read_text(encoding="utf-8")) for file in files]


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
) -> None:
    """Show criteria, parameters, categories and levels that differ between two standards."""
    import yaml

    from .._diff import diff as diff_standards

    try:
        before, after = _standard(a), _standard(b)
        population = _windows(windows) if windows is not None else None
        result = diff_standards(before, after, population)  # type: ignore[arg-type]
    except (WindowStandardError, OSError, yaml.YAMLError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if output == "json":
        typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
    elif output == "markdown":
        typer.echo(result.to_markdown(), nl=False)
    else:
        typer.echo(result.to_text())
