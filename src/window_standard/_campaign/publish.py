"""The results list for the September public notice (公示, notice §4(4)), with CSV and JSON export.

The list holds the windows to be honoured, sorted by district code, then by the committee's score (highest
first), then by window id, so that the same outcomes always give the same list.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from decimal import Decimal
from typing import get_args

from pydantic import Field

from .._base import FrozenModel
from .._result import LocalText
from .._vocab import Lang, word

__all__ = ["NOTICE_COLUMNS", "NoticeEntry", "notice_csv", "notice_json", "rank_entries"]

_COLUMNS = (
    "rank",
    "district_code",
    "district",
    "window_id",
    "window_name",
    "organisation",
    "committee_score",
    "outcome",
)
#: CSV column headers per language, in order.
NOTICE_COLUMNS: dict[str, tuple[str, ...]] = {
    lang: tuple(word(key, lang) for key in _COLUMNS) for lang in get_args(Lang)
}


class NoticeEntry(FrozenModel):
    """One line of the public notice."""

    rank: int = Field(ge=1, description="Position in the list (序号), 1-based.")
    district: str = Field(description="District code or functional zone.")
    district_name: LocalText | None = Field(description="The district's name, when known.")
    window_id: str
    window_name: str
    organisation: str | None
    score: Decimal | None = Field(description="The committee's score (None: not evaluated).")
    outcome: LocalText = Field(description="What the window is awarded.")


def rank_entries(entries: Iterable[NoticeEntry]) -> list[NoticeEntry]:
    """Sort by district, then score (highest first), then window id, and number them from 1."""
    ordered = sorted(entries, key=lambda e: (e.district, e.score is None, -(e.score or 0), e.window_id))
    return [e.model_copy(update={"rank": index}) for index, e in enumerate(ordered, start=1)]


def notice_csv(entries: Iterable[NoticeEntry], lang: Lang = "zh") -> str:
    """The list as CSV text: a header row in ``lang``, Unix line ends, no BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(NOTICE_COLUMNS[lang])
    for e in entries:
        name = e.district_name.get(lang) if e.district_name is not None else ""
        writer.writerow(
            [
                e.rank,
                e.district,
                name,
                e.window_id,
                e.window_name,
                e.organisation or "",
                "" if e.score is None else e.score,
                e.outcome.get(lang),
            ]
        )
    return buffer.getvalue()


def notice_json(entries: Iterable[NoticeEntry]) -> str:
    """The list as a JSON array (2-space indent, Chinese kept as is, trailing newline)."""
    data = [e.model_dump(mode="json") for e in entries]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
