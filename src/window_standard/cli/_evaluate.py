"""``window-standard evaluate``: evaluate windows from files, folders, ``-`` (stdin) or JSON Lines.

Exit codes: 0 when every window meets the standard, 1 when any does not, 2 when a document could not be read
(it is reported with its source and skipped; the others are still evaluated) or on an invalid rule set.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, NoReturn

import typer

from .._errors import RuleDefinitionError, WindowStandardError
from .._read.errors import InputError
from ._batch import Batch, Format, Progress
from ._options import LangOption, RulesOption, StandardOption
from ._render import Lang, code

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .._standard import Standard

__all__ = ["BadInput", "Format", "evaluate", "fail", "load", "output"]

#: The reader's error; the former name of :class:`~window_standard._read.InputError`.
BadInput = InputError


def fail(message: str) -> NoReturn:
    """Print a message on stderr and exit with status 2."""
    typer.echo(message, err=True)
    raise typer.Exit(2)


def load(standard: str | None, rules: Path | None) -> Standard:
    """Load the rule set chosen by ``--standard`` / ``--rules``; exit 2 with the rendered error if invalid."""
    from .._library import load_standard

    if standard is not None and rules is not None:
        fail("error: give --standard or --rules, not both")
    try:
        return load_standard(path=rules) if rules is not None else load_standard(standard)
    except RuleDefinitionError as exc:
        fail(f"error: invalid rule set\n{exc}")
    except WindowStandardError as exc:
        fail(f"error: {exc}")


@contextmanager
def output(path: Path | None) -> Iterator[IO[str]]:
    """The stream results go to: ``-o FILE`` (UTF-8) or standard output."""
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        fail(f"error: cannot write {path}: {exc.strerror or exc}")
    with handle:
        yield handle


def evaluate(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT...",
            help="Window files (.yaml, .yml, .json), folders of them, JSON Lines (.jsonl) or - for stdin.",
            show_default=False,
        ),
    ],
    standard: StandardOption = None,
    rules: RulesOption = None,
    lang: LangOption = Lang.zh,
    format: Annotated[
        Format, typer.Option("--format", help="text, json, jsonl, csv or summary (one line per window).")
    ] = Format.text,
    out: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the results to this file.")
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain/--no-explain", help="Explain every criterion with the values read.")
    ] = True,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first document that cannot be read.")
    ] = False,
) -> None:
    """Evaluate windows and print their level, score, criteria and rectification list.

    Exits 0 when every window meets the standard, 1 when any does not, 2 when a document could not be read
    (reported on stderr with its source and skipped) or the rule set is invalid.
    """
    from .._read import iter_windows

    std = load(standard, rules)
    bad = failed = seen = 0
    with output(out) as stream:
        batch = Batch(format, lang, stream, std, explain)
        batch.start()
        for source, item in Progress().wrap(iter_windows(inputs, code(lang))):
            if isinstance(item, InputError):
                bad += 1
                typer.echo(item.render(), err=True)
                batch.add(source, None, item)
                if fail_fast:
                    break
                continue
            seen += 1
            result = std.evaluate(item, explain=explain)
            failed += 0 if result.passed else 1
            batch.add(source, item, result)
        batch.finish()
    raise typer.Exit(2 if bad or not seen else 1 if failed else 0)
