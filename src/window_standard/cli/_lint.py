"""``window-standard lint RULES_DIR``: static checks of a rule set (codes WL1xx-WL2xx, and WSxxx)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["LintFormat", "lint"]


class LintFormat(StrEnum):
    """Output formats of ``window-standard lint``."""

    TEXT = "text"
    JSON = "json"


def lint(
    rules_dir: Annotated[
        Path, typer.Argument(metavar="RULES_DIR", help="The rule set folder (standard.yaml, criteria/).")
    ],
    output: Annotated[
        LintFormat,
        typer.Option(
            "--format", help="text: file:line:col, code, message and hint; json: a list of findings."
        ),
    ] = LintFormat.TEXT,
) -> None:
    """Check a rule set without running it: exit 1 when a finding is an error, 0 otherwise (2: no folder).

    A rule set that does not load is reported with the codes of its problems (WSxxx); one that loads is
    checked for score ranges, thresholds out of reach, constant conditions, criteria that never apply,
    unused parameters and constants, notice quotes missing from sources/*.txt and level thresholds.
    """
    from .._lint import lint_rule_set, render_json, render_text

    if not (rules_dir / "standard.yaml").is_file():
        typer.echo(f"error: {rules_dir} is not a rule set folder (no standard.yaml)", err=True)
        raise typer.Exit(2)
    findings = lint_rule_set(rules_dir)
    if output is LintFormat.JSON:
        typer.echo(json.dumps(render_json(findings), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_text(findings))
    raise typer.Exit(1 if any(f.severity == "error" for f in findings) else 0)
