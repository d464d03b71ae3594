"""``window-standard standards``: list the packaged editions with their identity and digest."""

from __future__ import annotations

import typer

from .._errors import WindowStandardError
from ._render import table

__all__ = ["standards"]

_HEADERS = ["id", "version", "from", "to", "provenance", "digest"]


def standards() -> None:
    """List the packaged editions: id, version, effective dates, provenance and digest.

    Exits 2 when an edition fails to load (its errors are printed).
    """
    from .._library import list_editions, load_standard

    rows: list[list[str]] = []
    errors: list[str] = []
    for edition in list_editions():
        try:
            digest = load_standard(path=edition.folder).digest
        except WindowStandardError as exc:
            digest = "(invalid)"
            errors.append(f"error: {edition.id} {edition.version} ({edition.folder}):\n{exc}")
        to = str(edition.effective_to) if edition.effective_to else "—"
        rows.append(
            [edition.id, edition.version, str(edition.effective_from), to, edition.provenance, digest]
        )
    typer.echo("\n".join(table(_HEADERS, rows)))
    if errors:
        typer.echo("\n".join(errors), err=True)
        raise typer.Exit(2)
