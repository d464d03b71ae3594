"""Output of a batch of evaluated windows: text, JSON, JSON Lines, CSV or a one-line-per-window summary.

Every record says its source (the file, ``<stdin>`` or ``batch.jsonl:LINE``): in JSON and JSON Lines a
record is ``{"source": ..., "result": RESULT}`` (``RESULT`` as ``result.schema.json`` describes it) or, for a
document that could not be read, ``{"source": ..., "error": ..., "problems": [...]}``; such a
document is also reported on stderr in every format.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import IO, TYPE_CHECKING, Any

from ._colour import LEVEL_STYLES, print_table, use_colour
from ._render import Lang, code, footer, render_result, table

if TYPE_CHECKING:
    from .._model import Window
    from .._read import InputError
    from .._result import Result
    from .._standard import Standard

__all__ = ["CSV_COLUMNS", "Batch", "Format", "Progress", "csv_row", "summary_row"]

#: Columns of ``--format csv`` (one row per document).
CSV_COLUMNS = (
    "source",
    "window_id",
    "level",
    "score",
    "max_score",
    "passed",
    "vetoes",
    "prerequisites",
    "error",
)
_SUMMARY = {
    Lang.zh: ["来源", "窗口", "等级", "得分", "否决/门槛"],
    Lang.en: ["source", "window", "level", "score", "vetoes/gates"],
}
_PROGRESS_FROM = 20


class Format(StrEnum):
    """Output format of ``evaluate`` (``--format``); ``table`` is the former name of ``text``."""

    text = "text"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    summary = "summary"


def summary_row(source: str, result: Result, lang: Lang) -> list[str]:
    """One line of ``--format summary``: source, window, level, score and what blocked it."""
    level = f"{result.level_title.get(code(lang))} ({result.level})"
    blockers = ", ".join([*result.vetoes, *result.prerequisites]) or "—"
    return [source, result.window_id, level, f"{result.score}/{result.max_score}", blockers]


def csv_row(source: str, item: Result | InputError) -> list[str]:
    """One row of ``--format csv`` for a result or a document that could not be read."""
    from .._read import InputError

    if isinstance(item, InputError):
        return [source, "", "", "", "", "", "", "", item.headline]
    return [
        source,
        item.window_id,
        item.level,
        str(item.score),
        str(item.max_score),
        "true" if item.passed else "false",
        " ".join(item.vetoes),
        " ".join(item.prerequisites),
        "",
    ]


@dataclass
class Batch:
    """Collects and writes the records of one ``evaluate`` run.

    Attributes:
        format: The output format.
        lang: The language of text output.
        out: Where records go.
        standard: The rule set, for the text footer.
        explain: Whether results carry explanations.
    """

    format: Format
    lang: Lang
    out: IO[str]
    standard: Standard
    explain: bool = True
    records: list[dict[str, Any]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    written: int = 0

    def start(self) -> None:
        """Write what comes before the first record (the CSV header)."""
        if self.format is Format.csv:
            self._csv(list(CSV_COLUMNS))

    def add(self, source: str, window: Window | None, item: Result | InputError) -> None:
        """Record one evaluated window or one unreadable document."""
        from .._read import InputError

        self.written += 1
        if self.format in (Format.json, Format.jsonl):
            record = item.to_dict() if isinstance(item, InputError) else _result_record(source, item)
            if self.format is Format.jsonl:
                self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                self.records.append(record)
        elif self.format is Format.csv:
            self._csv(csv_row(source, item))
        elif isinstance(item, InputError):
            return
        elif self.format is Format.summary:
            self.rows.append(summary_row(source, item, self.lang))
            self.levels.append(item.level)
        elif window is not None:
            lines = render_result(
                item, window, self.lang, standard=self.standard, explain=self.explain, file=source
            )
            self.out.write("\n".join([*lines, ""]) + "\n")

    def finish(self) -> None:
        """Write what comes after the last record (the JSON array, the summary table, the footer)."""
        if self.format is Format.json:
            self.out.write(json.dumps(self.records, ensure_ascii=False, indent=2) + "\n")
        elif self.format is Format.summary:
            self._summary()
        elif self.format in (Format.text, Format.table):
            self.out.write("\n".join(footer(self.standard, self.lang)) + "\n")

    def _summary(self) -> None:
        """The one-line-per-window table: rich with the level in colour on a terminal, else plain text."""
        if self.rows and use_colour(self.out):
            styles = [LEVEL_STYLES.get(level) for level in self.levels]
            print_table(self.out, _SUMMARY[self.lang], self.rows, styles)
            lines = [""]
        else:
            lines = [*(table(_SUMMARY[self.lang], self.rows, right=(3,)) if self.rows else []), ""]
        self.out.write("\n".join([*lines, *footer(self.standard, self.lang)]) + "\n")

    def _csv(self, row: list[str]) -> None:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(row)
        self.out.write(buffer.getvalue())


def _result_record(source: str, result: Result) -> dict[str, Any]:
    return {"source": source, "result": result.model_dump(mode="json")}


@dataclass
class Progress:
    """A one-line counter on stderr for long runs, shown only when stderr is a terminal.

    Attributes:
        enabled: Whether to draw at all.
    """

    enabled: bool = field(default_factory=lambda: sys.stderr.isatty())
    count: int = 0

    def tick(self, source: str) -> None:
        """Count one more document; redraw every so often."""
        self.count += 1
        if self.enabled and self.count >= _PROGRESS_FROM and self.count % 10 == 0:
            sys.stderr.write(f"\r{self.count} … {source[-60:]}\033[K")
            sys.stderr.flush()

    def done(self) -> None:
        """Clear the counter line."""
        if self.enabled and self.count >= _PROGRESS_FROM:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()

    def wrap(self, items: Iterator[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
        """Pass items through, counting each."""
        for source, item in items:
            self.tick(source)
            yield source, item
        self.done()
