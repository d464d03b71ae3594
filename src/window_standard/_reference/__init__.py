"""Reference pages generated from the code: the command-line reference and the window's field dictionary.

``python -m window_standard._reference DOCS_DIR`` rewrites ``DOCS_DIR/cli.md`` and ``DOCS_DIR/fields.md``;
a test fails when the committed pages differ from what the code generates.
"""

from __future__ import annotations

from .cli import cli_reference
from .fields import field_dictionary

__all__ = ["PAGES", "cli_reference", "field_dictionary"]

#: Each generated page, by file name.
PAGES = {"cli.md": cli_reference, "fields.md": field_dictionary}
