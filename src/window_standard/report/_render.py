"""Rendering with Jinja2 (imported here, when a report is first rendered): autoescaped package templates."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

__all__ = ["render"]


@cache
def _environment() -> jinja2.Environment:
    """The template environment: templates from the package, every value escaped, undefined names refused.

    Built once per process on first use (compiling the templates is the costly part); it holds only the
    package's own templates and is never changed after it is built.
    """
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("window_standard.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def _css() -> str:
    return files("window_standard.report").joinpath("templates", "print.css").read_text(encoding="utf-8")


def render(template: str, context: dict[str, Any]) -> str:
    """Render one of the package's templates with a context of plain values (the print CSS is added).

    Every value of the context is escaped; only the package's own style sheet is inserted as it is (inside
    ``<style>`` an escaped quote would not be read back as a quote).
    """
    from markupsafe import Markup

    style = Markup(_css())  # the package's own file, never input
    return _environment().get_template(template).render(css=style, **context)
