"""The command-line reference (``docs/cli.md``), generated from the typer commands themselves."""

from __future__ import annotations

import inspect
from typing import Any

import typer

__all__ = ["cli_reference"]

_HEAD = """# Command-line reference

Generated from the commands (`python -m window_standard._reference docs`); a test keeps it current. Every
command also answers `-h`/`--help`; `window-standard --version` prints the library's version and each
packaged rule set with its digest; `python -m window_standard` is the same program.

Exit codes of every command: **0** meets / accepted / no difference, **1** does not meet / rejected /
different, **2** bad input or usage (a document that cannot be read, an invalid rule set, an unknown
option), **3** an internal error (one line; run again with `window-standard --debug COMMAND ...` for the
traceback).
"""


def cli_reference() -> str:
    """The Markdown reference of every command: usage, description, arguments and options."""
    from typer.main import get_command

    from ..cli import app

    group: Any = get_command(app)  # typer's group (typer vendors its own click)
    ctx = typer.Context(group, info_name="window-standard")
    parts = [_HEAD, "## Commands", ""]
    commands = [(name, group.commands[name]) for name in group.list_commands(ctx)]
    order = list(group.commands)  # registration order, not alphabetical
    commands.sort(key=lambda item: order.index(item[0]))
    parts += [f"- [`{name}`](#{name}): {_first_line(command)}" for name, command in commands]
    parts += ["", *_section("window-standard", group, ctx, top=True)]
    for name, command in commands:
        parts += _section(name, command, typer.Context(command, info_name=name, parent=ctx))
    return "\n".join(parts).rstrip() + "\n"


def _first_line(command: Any) -> str:
    return inspect.cleandoc(command.help or "").split("\n\n")[0].replace("\n", " ")


def _section(name: str, command: Any, ctx: typer.Context, *, top: bool = False) -> list[str]:
    usage = " ".join(command.collect_usage_pieces(ctx))
    prefix = "window-standard" if top else f"window-standard {name}"
    lines = ["## Global options" if top else f"## {name}", "", "```text", f"{prefix} {usage}".rstrip(), "```"]
    if not top:
        lines += ["", inspect.cleandoc(command.help or "")]
    rows = [_row(param, ctx) for param in command.params if not getattr(param, "hidden", False)]
    if rows:
        lines += ["", "| argument / option | value | default | meaning |", "|---|---|---|---|", *rows]
    return [*lines, ""]


def _row(param: Any, ctx: typer.Context) -> str:
    names = ", ".join(f"`{n}`" for n in [*param.opts, *param.secondary_opts])
    if param.param_type_name == "argument":
        names = f"`{param.metavar or param.name.upper()}`"
    kind = _kind(param, ctx)
    default = "" if param.required or param.default in (None, False, ()) else f"`{_default(param.default)}`"
    meaning = " ".join((getattr(param, "help", None) or "").split()).replace("|", "\\|")
    if param.required:
        meaning = f"(required) {meaning}".strip()
    return f"| {names} | {kind} | {default} | {meaning} |"


def _kind(param: Any, ctx: typer.Context) -> str:
    shown = str(param.display_type(ctx)).strip("<>")
    if shown == "bool":
        return "flag"
    return " \\| ".join(f"`{part}`" for part in shown.split("|")) if "|" in shown else shown


def _default(value: object) -> str:
    text = getattr(value, "value", value)
    return str(text)
