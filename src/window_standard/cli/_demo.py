"""``window-standard demo``: evaluate the bundled example windows and print a summary table.

The examples ship inside the wheel with the rule set they illustrate, under
``<edition folder>/examples/windows/*.yaml`` (``window_standard/_rules/`` once installed).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .._errors import RuleDefinitionError, WindowStandardError
from .._read.errors import InputError
from ._evaluate import fail
from ._render import Lang, code, district_label, footer, table

if TYPE_CHECKING:  # the library is imported when the command runs, not at start-up
    from .._result import Result
    from .._standard import Standard

__all__ = ["demo", "examples_folder"]

_HEADERS = {
    Lang.zh: ["文件", "窗口", "区(市)县", "等级", "得分", "否决/门槛", "首要整改"],
    Lang.en: ["file", "window", "district", "level", "score", "vetoes/gates", "top rectification"],
}
_HEADING = {Lang.zh: "示例窗口评价（{folder}）", Lang.en: "Example windows ({folder})"}


def examples_folder(standard: Standard) -> Path:
    """The example windows bundled with a packaged edition.

    Raises:
        WindowStandardError: When the edition is not packaged or has no examples.
    """
    from .._library import list_editions

    for edition in list_editions():
        if edition.id == standard.id and edition.version == standard.version:
            folder = edition.folder / "examples" / "windows"
            if folder.is_dir():
                return folder
    raise WindowStandardError(f"no bundled example windows for {standard.id} {standard.version}")


def _top(result: Result, lang: Lang) -> str:
    items = result.rectifications()
    if not items:
        return "—"
    first = items[0]
    gain = f" (+{first.points})" if first.points is not None else ""
    return f"{first.id} {first.title.get(code(lang))}{gain}"


def demo(lang: Annotated[Lang, typer.Option("--lang", help="Language of the table.")] = Lang.zh) -> None:
    """Evaluate the bundled example windows on the default rule set and print a summary."""
    from .._library import load_standard
    from .._read import read_window

    try:
        std = load_standard()
        folder = examples_folder(std)
    except RuleDefinitionError as exc:
        fail(f"error: invalid rule set\n{exc}")
    except WindowStandardError as exc:
        fail(f"error: {exc}")
    rows: list[list[str]] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            window = read_window(path, code(lang))
        except InputError as exc:
            fail(exc.render())
        result = std.evaluate(window)
        blockers = ", ".join(result.vetoes + result.prerequisites) or "—"
        level = f"{result.level_title.get(code(lang))} ({result.level})"
        rows.append(
            [
                path.name,
                window.name,
                district_label(std, window.district, lang),
                level,
                str(result.score),
                blockers,
                _top(result, lang),
            ]
        )
    lines = [_HEADING[lang].format(folder=folder), ""]
    lines += table(_HEADERS[lang], rows, right=(4,))
    lines += ["", *footer(std, lang)]
    typer.echo("\n".join(lines))
