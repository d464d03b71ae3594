"""HTML and short text for notebooks: results, standards, result tables (everything escaped)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .results import ResultTable

__all__ = ["html_table", "table_html"]


def html_table(head: list[str], rows: list[list[Any]], caption: str = "") -> str:
    """A small HTML table; every cell is escaped."""
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    header = "".join(f"<th>{escape(str(h))}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>{cap}<thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def table_html(table: ResultTable) -> str:
    """A result table: the level counts, then its first rows."""
    counts = table.level_counts()
    total = max(len(table), 1)
    levels = html_table(
        ["level", "windows", "share"],
        [[k, v, f"{v * 100 / total:.1f}%"] for k, v in counts.items()],
        f"{table.standard.id} {table.standard.version}: {len(table)} windows",
    )
    first = [list(table.summary(i)) for i in range(min(len(table), 10))]
    return levels + html_table(["id", "district", "kind", "organisation", "level", "score"], first)
