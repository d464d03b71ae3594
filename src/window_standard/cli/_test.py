"""``window-standard test RULES_DIR``: run a rule set's golden cases (``RULES_DIR/cases/*.yaml``)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .._errors import RuleDefinitionError

if TYPE_CHECKING:  # the golden-case runner is imported when the command runs, not at start-up
    from .._golden import GoldenReport

__all__ = ["OutputFormat", "test"]


class OutputFormat(StrEnum):
    """Output formats of ``window-standard test``."""

    TABLE = "table"
    JSON = "json"


def test(
    rules_dir: Annotated[
        Path,
        typer.Argument(metavar="RULES_DIR", help="The rule set folder (standard.yaml, criteria/, cases/)."),
    ],
    output: Annotated[
        OutputFormat, typer.Option("--format", help="table: one line per case; json: the whole report.")
    ] = OutputFormat.TABLE,
    keyword: Annotated[
        str | None, typer.Option("-k", metavar="SUBSTRING", help="Run only cases whose name contains this.")
    ] = None,
) -> None:
    """Run the golden cases of a rule set: exit 0 when all pass, 1 when one fails, 2 for invalid files."""
    from .._golden import run_folder

    if not rules_dir.is_dir():
        typer.echo(f"error: {rules_dir} is not a folder", err=True)
        raise typer.Exit(2)
    try:
        report = run_folder(rules_dir, keyword=keyword)
    except RuleDefinitionError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    if output is OutputFormat.JSON:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(_table(report, keyword))
    raise typer.Exit(0 if report.outcomes and report.failed == 0 else 1)


def _table(report: GoldenReport, keyword: str | None) -> str:
    stamp = report.standard
    head = f"{stamp['id']} {stamp['version']} (digest {stamp['digest'][:12]})"
    lines = [f"{head}: {len(report.outcomes)} cases"]
    for outcome in report.outcomes:
        lines += outcome.lines()
    if not report.outcomes and keyword is not None:
        lines.append(f"no case name contains '{keyword}'")
    lines.append(report.summary)
    return "\n".join(lines)
