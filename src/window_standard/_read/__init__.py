"""One hardened reader for every input document: windows, applications and batches.

YAML goes through the loader rule files use (duplicate keys refused, locations kept, limits enforced, the C
parser when present), JSON is strict (duplicate keys and NaN refused, decimals exact). Every failure is an
:class:`InputError` naming the source, the line and column where there is one, the field path, the received
value and, for an unknown field, the nearest known name, in Chinese or English.

Names are imported on first use (PEP 562) so that the command line can name :class:`InputError` without
importing PyYAML or pydantic at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = [
    "DOCUMENT_SUFFIXES",
    "MAX_BYTES",
    "InputError",
    "InputProblem",
    "Item",
    "Lang",
    "Parsed",
    "Reader",
    "field_path",
    "guess_encoding",
    "iter_windows",
    "read_application",
    "read_bytes",
    "read_document",
    "read_window",
    "reader_for",
    "validate",
    "window_from_text",
]

if TYPE_CHECKING:
    from .decode import guess_encoding
    from .documents import (
        DOCUMENT_SUFFIXES,
        read_application,
        read_bytes,
        read_document,
        read_window,
        window_from_text,
    )
    from .errors import InputError, InputProblem, Lang
    from .models import field_path, validate
    from .parse import MAX_BYTES, Parsed
    from .sources import Item, Reader, iter_windows, reader_for
else:
    _LAZY = {
        "guess_encoding": ".decode",
        "DOCUMENT_SUFFIXES": ".documents",
        "read_application": ".documents",
        "read_bytes": ".documents",
        "read_document": ".documents",
        "read_window": ".documents",
        "window_from_text": ".documents",
        "InputError": ".errors",
        "InputProblem": ".errors",
        "Lang": ".errors",
        "MAX_BYTES": ".parse",
        "Parsed": ".parse",
        "Item": ".sources",
        "Reader": ".sources",
        "iter_windows": ".sources",
        "reader_for": ".sources",
        "field_path": ".models",
        "validate": ".models",
    }

    def __getattr__(name: str) -> object:
        """Import a name of the reader on first use."""
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value
