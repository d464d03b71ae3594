"""The ``window-standard`` command line (typer): each command lives in its own module, registered here."""

from __future__ import annotations

import typer

from . import _campaign, _check, _demo, _diff, _evaluate, _lint, _report, _schema, _sheet, _standards, _test

__all__ = ["app", "main"]

app = typer.Typer(
    name="window-standard",
    help=(
        "Evaluate service windows against the Chengdu quality service window standard (成物协〔2013〕9号). "
        "The packaged rule set is a reconstruction: Annex 1 of the notice was never published."
    ),
    no_args_is_help=True,
    add_completion=False,
)
app.command("evaluate")(_evaluate.evaluate)
app.command("demo")(_demo.demo)
app.command("schema")(_schema.schema)
app.command("standards")(_standards.standards)
app.command("test")(_test.test)
app.command("diff")(_diff.diff)
app.command("review")(_campaign.review)
app.command("outcomes")(_campaign.outcomes)
app.command("lint")(_lint.lint)
app.command("check")(_check.check)
app.command("report")(_report.report)
app.command("sheet")(_sheet.sheet)


def main() -> None:
    """Console-script entry point."""
    app()
