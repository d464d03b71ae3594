"""The ``window-standard`` command line (typer): each command lives in its own module, registered here.

Exit codes of every command: 0 meets / accepted / no difference, 1 does not meet / rejected / different,
2 bad input or usage, 3 an internal error (a one-line message; ``--debug`` shows the traceback).
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from . import (
    _campaign,
    _check,
    _demo,
    _diff,
    _eval,
    _evaluate,
    _lint,
    _report,
    _schema,
    _sheet,
    _standards,
    _test,
)
from ._safe_output import safe_streams

__all__ = ["EXIT_BAD_INPUT", "EXIT_INTERNAL", "app", "main", "run"]

#: Exit status for unreadable input, invalid rule sets and usage errors.
EXIT_BAD_INPUT = 2
#: Exit status for an error of window-standard itself.
EXIT_INTERNAL = 3

app = typer.Typer(
    name="window-standard",
    help=(
        "Evaluate service windows against the Chengdu quality service window standard (成物协〔2013〕9号). "
        "The packaged rule set is a reconstruction: Annex 1 of the notice was never published. "
        "Exit codes: 0 meets, 1 does not, 2 bad input or usage, 3 internal error."
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts are plain: "[testing]" in an install hint is not a style tag
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from ._about import version_lines

        typer.echo("\n".join(version_lines()))
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_version,
            is_eager=True,
            help="Library and rule-set versions, digests.",
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Evaluate service windows against the Chengdu quality service window standard."""


app.command("evaluate")(_evaluate.evaluate)
app.command("eval")(_eval.eval_expression)
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


def run(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status, never raising (status 3 for an internal error).

    Args:
        argv: The arguments after the program name (default: ``sys.argv[1:]``).
    """
    args = sys.argv[1:] if argv is None else argv
    try:
        with safe_streams():
            app(args, prog_name="window-standard", standalone_mode=True)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: one line, not a traceback
        if "--debug" in args:
            import traceback

            traceback.print_exc()
        message = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        print(
            f"internal error: {message}\n"
            "this is a bug in window-standard; run again with --debug (before the command) for the traceback",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    return 0


def main() -> None:
    """Console-script entry point: exit with the status of :func:`run`."""
    sys.exit(run())
