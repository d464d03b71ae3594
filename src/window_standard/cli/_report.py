"""``window-standard report FILE -o OUT.html``: the printable self-assessment report or Annex 2 form.

A window document gives the self-assessment report (自查自评报告); an application document (one with a
``window`` section) gives the Annex 2 application form (申报表). ``--pdf`` prints it with Chromium too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .._errors import WindowStandardError
from ._evaluate import BadInput, fail, load
from ._options import LangOption, RulesOption, StandardOption
from ._render import Lang, code

__all__ = ["report"]


def _render(path: Path, standard: str | None, rules: Path | None, lang: Lang) -> str:
    from .._model import Application, Window
    from .._read import read_document, validate
    from ..report import application_form, html

    parsed = read_document(path, code(lang))
    std = load(standard, rules)
    if isinstance(parsed.data, dict) and "window" in parsed.data:
        application = validate(Application, parsed, str(path), code(lang), "application")
        return application_form(application, standard=std, lang=code(lang))
    window = validate(Window, parsed, str(path), code(lang), "window")
    return html(std.evaluate(window), window, standard=std, lang=code(lang))


def report(
    file: Annotated[Path, typer.Argument(help="A window or an application document (.yaml or .json).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")],
    standard: StandardOption = None,
    rules: RulesOption = None,
    lang: LangOption = Lang.zh,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also print it to PDF beside the HTML file.")] = False,
) -> None:
    """Write the self-assessment report of a window, or the Annex 2 form of an application, as HTML."""
    try:
        page = _render(file, standard, rules, lang)
    except BadInput as exc:
        fail(exc.render())
    try:
        output.write_text(page, encoding="utf-8")
        typer.echo(f"wrote {output}")
        if pdf:
            from ..report import write_pdf

            typer.echo(f"wrote {write_pdf(page, output.with_suffix('.pdf'))}")
    except (OSError, WindowStandardError) as exc:
        fail(f"error: {exc}")
