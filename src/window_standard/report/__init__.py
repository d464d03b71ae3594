"""Printable documents for window managers: the self-assessment report, the Annex 2 form, the workbook.

* :func:`html` — the self-assessment report (自查自评报告) of a result, as one self-contained HTML page
  with A4 print styles;
* :func:`application_form` — the Annex 2 application form (申报表) of an application, with the review's
  failed checks on a second page when it is not accepted;
* :func:`write_pdf` — print either to PDF with a headless Chromium;
* :func:`write_workbook` / :func:`read_workbook` — the scoring workbook (评分表, ``excel`` extra): blank
  or filled, and read back as ``(source, Window | WorkbookError)`` per window column;
* :func:`outcomes_workbook` — the campaign's outcomes and public-notice list as ``.xlsx``.

Jinja2 and openpyxl are imported when first needed, never by ``import window_standard``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._vocab import Lang
from ._context import report_context, standard_for
from ._outcomes import outcomes_workbook
from ._pdf import write_pdf
from ._read import read_workbook
from ._render import render
from ._sheet import WorkbookError, write_workbook

if TYPE_CHECKING:
    from .._model import Window
    from .._result import Result
    from .._standard import Standard

__all__ = [
    "WorkbookError",
    "application_form",
    "html",
    "outcomes_workbook",
    "read_workbook",
    "write_pdf",
    "write_workbook",
]


def html(
    result: Result,
    window: Window | None = None,
    *,
    standard: Standard | None = None,
    lang: Lang = "zh",
) -> str:
    """The self-assessment report of one result, as a complete HTML document.

    Args:
        result: The result to report.
        window: The window evaluated (for its name, organisation and district); without it the header
            shows the window id.
        standard: The standard that produced the result (for its title, reconstruction notice and district
            names); by default the packaged edition whose digest is stamped on the result, if there is one.
        lang: ``zh`` (default) or ``en``.

    Returns:
        The HTML page (UTF-8 text): header, level, category bars, every criterion, prerequisites and
        vetoes, the rectification plans, and a signature line.
    """
    context = report_context(result, window, standard_for(result, standard), lang)
    return render("report.html.j2", context)


def application_form(application: Any, *, standard: Standard | None = None, lang: Lang = "zh") -> str:
    """The Annex 2 application form (申报表) of an application, as a complete HTML document.

    Args:
        application: An :class:`~window_standard.Application` or a mapping validated into one.
        standard: The standard to recompute the self-assessment with (the packaged edition by default).
        lang: ``zh`` (default) or ``en``.

    Returns:
        The HTML page: the form's bordered table, the two recommendation boxes with signatures and dates,
        the materials list and, when the review does not accept the application, a second page listing
        the failed checks.
    """
    from ._form import form_context

    return render("form.html.j2", form_context(application, standard, lang))
