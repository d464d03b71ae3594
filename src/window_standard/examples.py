"""Example documents shipped with the package, for documentation, tutorials and a portal's own tests.

``window("example")`` is the complete window document of the data contract (every field, scored 100.00,
``meets``); ``window("1-meets")`` ... ``window("5-out-of-scope")`` are the example windows of the packaged
edition (what ``window-standard demo`` evaluates); ``application("example")`` and ``application("1-meets")``
... are applications (Annex 2 form). Each is returned as plain data, as a portal would send it; the
``*_path`` functions give the file, to read it yourself or to pass to the command line::

    import window_standard as ws

    data = ws.examples.window("example")
    ws.load_standard().evaluate(data).level  # 'meets'

The files are read with the library's own reader (duplicate keys refused, dates and decimals exact).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["application", "application_path", "applications", "window", "window_path", "windows"]

_CONTRACT = "example"
_FILES = {"window": "window-example.yaml", "application": "application-example.yaml"}


def _contract_file(kind: str) -> Path:
    package = Path(__file__).resolve().parent
    for folder in (package / "_examples", package.parent.parent / "tests" / "data"):
        if (folder / _FILES[kind]).is_file():
            return folder / _FILES[kind]
    raise LookupError(f"the {kind} example is not shipped next to {package}; reinstall window-standard")


def _edition_folder(kind: str) -> Path:
    """``examples/windows`` (or ``applications``) of the packaged edition in force today, else the newest."""
    from datetime import date

    from ._library import list_editions

    today = date.today()
    editions = sorted(list_editions(), key=lambda e: (e.in_force(today), e.effective_from), reverse=True)
    for edition in editions:
        folder = edition.folder / "examples" / f"{kind}s"
        if folder.is_dir():
            return folder
    raise LookupError(f"no packaged edition ships example {kind}s; reinstall window-standard")


def _names(kind: str) -> list[str]:
    return [_CONTRACT, *sorted(p.stem for p in _edition_folder(kind).glob("*.yaml"))]


def _path(kind: str, name: str) -> Path:
    if name == _CONTRACT:
        return _contract_file(kind)
    path = _edition_folder(kind) / f"{name}.yaml"
    if "/" in name or "\\" in name or not path.is_file():
        raise LookupError(f"no example {kind} '{name}'; the examples are: {', '.join(_names(kind))}")
    return path


def _read(path: Path) -> Any:
    from ._read import read_document

    return read_document(path).data


def windows() -> list[str]:
    """The names of the example windows: ``example`` then the packaged edition's (``1-meets`` ...)."""
    return _names("window")


def applications() -> list[str]:
    """The names of the example applications: ``example`` then the packaged edition's."""
    return _names("application")


def window_path(name: str = _CONTRACT) -> Path:
    """The file of an example window.

    Raises:
        LookupError: When there is no example of that name (the message lists them).
    """
    return _path("window", name)


def application_path(name: str = _CONTRACT) -> Path:
    """The file of an example application.

    Raises:
        LookupError: When there is no example of that name (the message lists them).
    """
    return _path("application", name)


def window(name: str = _CONTRACT) -> dict[str, Any]:
    """An example window as plain data (a fresh copy each call: change it freely).

    Raises:
        LookupError: When there is no example of that name.
    """
    data: dict[str, Any] = _read(window_path(name))
    return data


def application(name: str = _CONTRACT) -> dict[str, Any]:
    """An example application as plain data (a fresh copy each call).

    Raises:
        LookupError: When there is no example of that name.
    """
    data: dict[str, Any] = _read(application_path(name))
    return data
