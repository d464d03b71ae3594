"""Files shipped inside the package: the JSON Schemas a portal validates documents with.

In a wheel the committed ``schemas/`` folder is at ``window_standard/schemas/`` (pyproject force-include);
in a source checkout it is ``schemas/`` at the root. Either way :func:`schema_text` returns the committed
bytes (the tests keep them identical to what the models generate).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["SCHEMA_NAMES", "available_schemas", "schema_file", "schema_text", "shipped_schemas_dir"]

#: The names ``window-standard schema --print`` accepts (``campaign`` when its schema is shipped).
SCHEMA_NAMES = ("window", "application", "result", "rules", "campaign")


def shipped_schemas_dir() -> Path | None:
    """The folder of shipped schemas: inside the installed package, else ``schemas/`` of the checkout."""
    here = Path(__file__).resolve().parent
    if (here / "schemas").is_dir():
        return here / "schemas"
    root = here.parent.parent
    if (root / "pyproject.toml").is_file() and (root / "schemas").is_dir():
        return root / "schemas"
    return None


def schema_file(name: str) -> Path | None:
    """The shipped ``NAME.schema.json``, or ``None`` when it is not shipped."""
    folder = shipped_schemas_dir()
    path = None if folder is None else folder / f"{name}.schema.json"
    return path if path is not None and name in SCHEMA_NAMES and path.is_file() else None


def schema_text(name: str) -> str:
    """The text of a shipped schema (``window``, ``application``, ``result``, ``rules``, ``campaign``).

    Raises:
        LookupError: When ``name`` is not one of :data:`SCHEMA_NAMES` or its file is not shipped.
    """
    path = schema_file(name)
    if path is None:
        raise LookupError(f"no shipped schema '{name}'; available: {', '.join(available_schemas())}")
    return path.read_text(encoding="utf-8")


def available_schemas() -> list[str]:
    """The schema names whose files are shipped."""
    return [name for name in SCHEMA_NAMES if schema_file(name) is not None]
