"""``window-standard --version``: the library's version and every packaged rule set with its digest."""

from __future__ import annotations

__all__ = ["version_lines"]


def version_lines() -> list[str]:
    """``window-standard X.Y.Z`` then one line per packaged edition: id, version and digest."""
    from .. import __version__
    from .._errors import WindowStandardError
    from .._library import list_editions, load_standard

    lines = [f"window-standard {__version__}"]
    for edition in list_editions():
        try:
            digest = load_standard(edition.id, version=edition.version).digest
        except WindowStandardError as exc:
            digest = f"(invalid: {str(exc).splitlines()[0]})"
        lines.append(f"  {edition.id} {edition.version} digest {digest}")
    return lines
