"""``window-standard evaluate``: evaluate window documents (YAML or JSON) and print explainable results.

Exit codes: 0 when every window meets the standard, 1 when any does not, 2 on bad input (an unreadable
file, a syntax error, an invalid window) or an invalid rule set. Bad input never prints a traceback.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from .._errors import RuleDefinitionError, WindowStandardError
from ._options import LangOption, RulesOption, StandardOption
from ._render import Lang, footer, render_result

if TYPE_CHECKING:  # the library is imported when a command runs, not when the command line starts
    from .._model import Window
    from .._standard import Standard

__all__ = ["MAX_BYTES", "BadInput", "Format", "evaluate", "fail", "load", "read_document", "read_window"]

#: Largest window document accepted, in bytes (1 MB).
MAX_BYTES = 1024 * 1024
_MAX_LINES = 50
_SUFFIXES = (".yaml", ".yml", ".json")


class Format(StrEnum):
    """Output format of ``evaluate`` (``--format``)."""

    table = "table"
    json = "json"


class BadInput(Exception):
    """A window file that cannot be used: its name and the lines describing what is wrong."""

    def __init__(self, file: str, headline: str, details: list[str] | None = None) -> None:
        super().__init__(f"{file}: {headline}")
        self.file = file
        self.headline = headline
        self.details = details or []

    def render(self) -> str:
        """``error: FILE: HEADLINE`` followed by one indented line per detail (at most 50)."""
        shown = self.details[:_MAX_LINES]
        lines = [f"error: {self.file}: {self.headline}", *(f"  {d}" for d in shown)]
        if len(self.details) > len(shown):
            lines.append(f"  ... and {len(self.details) - len(shown)} more")
        return "\n".join(lines)


def fail(message: str) -> NoReturn:
    """Print a message on stderr and exit with status 2."""
    typer.echo(message, err=True)
    raise typer.Exit(2)


def read_document(path: Path) -> dict[str, Any]:
    """Read one window document (YAML or JSON by extension) as plain data.

    Raises:
        BadInput: When the file cannot be read, is too large, is not UTF-8, has a syntax error or does not
            hold one mapping.
    """
    name = str(path)
    if path.suffix.lower() not in _SUFFIXES:
        raise BadInput(name, f"unsupported file type '{path.suffix}'; use .yaml, .yml or .json")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise BadInput(name, f"file larger than {MAX_BYTES} bytes")
        raw = path.read_bytes()
    except OSError as exc:
        raise BadInput(name, f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise BadInput(name, f"file larger than {MAX_BYTES} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(name, f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    data = _parse(name, text, json_file=path.suffix.lower() == ".json")
    if not isinstance(data, dict):
        kind = "nothing" if data is None else f"a {type(data).__name__}"
        raise BadInput(name, f"a window file holds one window (a mapping of fields), not {kind}")
    return data


def _parse(name: str, text: str, *, json_file: bool) -> Any:
    from decimal import Decimal

    import yaml

    try:
        if json_file:
            return json.loads(text, parse_float=Decimal)
        return yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise BadInput(
            name, f"JSON syntax error at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise BadInput(name, f"YAML syntax error{where}: {problem}") from None
    except yaml.YAMLError as exc:
        raise BadInput(name, f"YAML error: {exc}") from None
    except RecursionError:
        raise BadInput(name, "document nested too deeply") from None


def read_window(path: Path) -> Window:
    """Read and validate one window file.

    Raises:
        BadInput: As :func:`read_document`, or with one line per validation error (``field.path: message``).
    """
    from pydantic import ValidationError

    from .._model import Window

    data = read_document(path)
    try:
        return Window.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        count = len(errors)
        headline = f"not a valid window ({count} error{'s' if count != 1 else ''})"
        raise BadInput(str(path), headline, [_error_line(e) for e in errors]) from None
    except RecursionError:
        raise BadInput(str(path), "document nested too deeply") from None


def _error_line(error: Any) -> str:
    path = ""
    for part in error["loc"]:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{path or '(window)'}: {message}"


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


def evaluate(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...",
            help="Window documents (.yaml, .yml or .json), one window per file.",
            show_default=False,
        ),
    ],
    standard: StandardOption = None,
    rules: RulesOption = None,
    lang: LangOption = Lang.zh,
    format: Annotated[Format, typer.Option("--format", help="table (readable) or json.")] = Format.table,
    explain: Annotated[
        bool, typer.Option("--explain/--no-explain", help="Explain every criterion with the values read.")
    ] = True,
) -> None:
    """Evaluate windows and print their level, score, criteria and rectification list.

    Exits 0 when every window meets the standard, 1 when any does not, 2 on bad input.
    """
    windows: list[tuple[Path, Window]] = []
    problems: list[str] = []
    for path in files:
        try:
            windows.append((path, read_window(path)))
        except BadInput as exc:
            problems.append(exc.render())
    if problems:
        fail("\n".join(problems))
    std = load(standard, rules)
    results = [(path, window, std.evaluate(window, explain=explain)) for path, window in windows]
    if format == Format.json:
        dumped = [result.model_dump(mode="json") for _, _, result in results]
        typer.echo(json.dumps(dumped, ensure_ascii=False, indent=2))
    else:
        lines: list[str] = []
        for path, window, result in results:
            lines += render_result(result, window, lang, standard=std, explain=explain, file=str(path))
            lines.append("")
        lines += footer(std, lang)
        typer.echo("\n".join(lines))
    raise typer.Exit(0 if all(result.passed for _, _, result in results) else 1)
