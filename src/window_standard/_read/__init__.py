"""One hardened reader for every input document: windows, applications and batches.

YAML goes through the loader rule files use (duplicate keys refused, locations kept, limits enforced, the C
parser when present), JSON is strict (duplicate keys and NaN refused, decimals exact). Every failure is an
:class:`InputError` naming the source, the line and column where there is one, the field path, the received
value and, for an unknown field, the nearest known name, in Chinese or English.
"""

from __future__ import annotations

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
from .parse import MAX_BYTES, Parsed
from .sources import Item, Reader, iter_windows, reader_for
from .validate import field_path, validate

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
