"""``window-standard eval EXPR WINDOW``: check and evaluate one expression on a window (like ``opa eval``).

Exit codes: 0 when the expression was evaluated, 2 when it has an error (the same codes and messages as in a
rule file) or the window cannot be read.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from .._errors import RuleDefinitionError
from .._read.errors import InputError
from ._evaluate import fail, load
from ._options import LangOption, RulesOption, StandardOption
from ._render import Lang, code

__all__ = ["eval_expression", "shown"]

_NO_DATA = {Lang.zh: "无数据", Lang.en: "no data"}


def shown(value: Any, lang: Lang) -> str:
    """A value as a rule author reads it: decimals as written, booleans lower case, no data in words."""
    if value is None:
        return _NO_DATA[lang]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (list, tuple, frozenset, set)):
        return f"[{len(value)} items]" if lang == Lang.en else f"[{len(value)} 项]"
    return str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (list, tuple, frozenset, set)):
        return len(value)
    return value if value is None or isinstance(value, (bool, int, str)) else str(value)


def eval_expression(
    expression: Annotated[str, typer.Argument(metavar="EXPR", help="One expression of the rule language.")],
    window: Annotated[Path, typer.Argument(metavar="WINDOW", help="A window document (.yaml, .yml, .json).")],
    standard: StandardOption = None,
    rules: RulesOption = None,
    lang: LangOption = Lang.zh,
    explain: Annotated[
        bool, typer.Option("--explain", help="Print the typed tree of the expression.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print {type, value} as JSON.")] = False,
) -> None:
    """Type-check one expression as a rule file would and evaluate it against a window.

    Parameters (params.NAME) and constants come from the rule set, in force on the window's assessment
    date. Exits 0 when evaluated, 2 on an error in the expression or the window.
    """
    from .._playground import evaluate_one, tree_lines
    from .._read import read_window

    std = load(standard, rules)
    try:
        doc = read_window(window, code(lang))
    except InputError as exc:
        fail(exc.render())
    try:
        done = evaluate_one(std, expression, doc)
    except RuleDefinitionError as exc:
        fail("\n".join(p.render() for p in exc.problems))
    if as_json:
        payload = {"type": done.tree.type.describe(), "value": _json_value(done.value)}
        typer.echo(json.dumps(payload, ensure_ascii=False))
        return
    if explain:
        typer.echo("\n".join(tree_lines(done.tree)))
    typer.echo(f"{shown(done.value, lang)}  ({done.tree.type.describe()})")
