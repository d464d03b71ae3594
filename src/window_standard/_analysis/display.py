"""HTML and short text for notebooks: results, standards, result tables (everything escaped)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .._result import Result
    from .results import ResultTable

__all__ = ["html_table", "result_html", "table_html"]


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


def result_html(result: Result) -> str:
    """One window's result: level and score, the categories, then every criterion (zh)."""
    head = (
        f"<p><b>{escape(result.window_id)}</b>：{escape(result.level_title.zh)}，"
        f"{escape(str(result.score))} / {escape(str(result.max_score))} 分"
        f"（{escape(result.standard.id)} {escape(result.standard.version)}）</p>"
    )
    categories = html_table(
        ["类别", "得分", "满分"],
        [[c.title.zh, c.score, c.max_score] for c in result.categories.values()],
    )
    criteria = html_table(
        ["条目", "名称", "状态", "得分"],
        [
            [c.id, c.title.zh, c.status, "" if c.points is None else c.points]
            for c in result.criteria.values()
        ],
    )
    return head + categories + criteria
