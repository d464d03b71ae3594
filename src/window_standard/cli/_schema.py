"""``window-standard schema``: generate the JSON Schemas, check them, or write them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._evaluate import fail

__all__ = ["schema"]


def schema(
    write: Annotated[bool, typer.Option("--write", help="Write the generated schemas.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when a committed schema differs.")] = False,
    folder: Annotated[
        Path | None,
        typer.Option(
            "--dir", help="Schema folder (default: schemas/ of the source tree, else the shipped copies)."
        ),
    ] = None,
    show: Annotated[
        str | None,
        typer.Option(
            "--print",
            metavar="NAME",
            help="Print a shipped schema: window, application, result, rules or campaign.",
        ),
    ] = None,
) -> None:
    """Show whether the committed JSON Schemas are current; --write rewrites, --check exits 1 on drift.

    --print NAME prints the schema shipped inside the package (what a portal validates documents with).
    """
    if show is not None:
        from .._shipped import schema_text

        try:
            typer.echo(schema_text(show), nl=False)
        except LookupError as exc:
            fail(f"error: {exc}")
        return
    from .._schemas import generate_schemas, render_schema, schema_states, schemas_dir

    if write and check:
        fail("error: give --write or --check, not both")
    target = folder or schemas_dir()
    if write:
        target.mkdir(parents=True, exist_ok=True)
        for name, generated in generate_schemas().items():
            path = target / name
            path.write_bytes(render_schema(generated).encode("utf-8"))
            typer.echo(f"wrote {path}")
        return
    states = schema_states(target)
    for name, state in states.items():
        typer.echo(f"{target / name}: {state}")
    if check and any(state != "current" for state in states.values()):
        typer.echo("schemas are out of date: run `window-standard schema --write`", err=True)
        raise typer.Exit(1)
