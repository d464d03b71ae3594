"""Command-line options shared by several commands (one definition, one help text)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._render import Lang

__all__ = ["LangOption", "RulesOption", "StandardOption"]

StandardOption = Annotated[
    str | None,
    typer.Option("--standard", help="Edition id (default: the packaged edition in force today)."),
]
RulesOption = Annotated[
    Path | None,
    typer.Option("--rules", help="Use the rule set in this folder instead of a packaged one."),
]
LangOption = Annotated[Lang, typer.Option("--lang", help="Language of explanations (zh or en).")]
