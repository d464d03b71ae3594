"""The campaign's outcomes as an Excel workbook: the public-notice list, every window, every organisation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._vocab import Lang

if TYPE_CHECKING:
    from .._campaign.outcomes import CampaignOutcomes

__all__ = ["outcomes_workbook"]

_HEADS: dict[str, dict[Lang, list[str]]] = {
    "windows": {
        "zh": [
            "窗口编号",
            "窗口名称",
            "区(市)县代码",
            "物业服务机构",
            "已申报",
            "予以受理",
            "未通过审核项",
            "综合考评得分",
            "评选结果",
            "依据",
            "理由",
        ],
        "en": [
            "Window id",
            "Window name",
            "District code",
            "Organisation",
            "Applied",
            "Accepted",
            "Failed checks",
            "Committee score",
            "Result",
            "Clause",
            "Reasons",
        ],
    },
    "organisations": {
        "zh": ["机构标识", "物业服务机构", "申报窗口", "结果", "依据", "理由"],
        "en": ["Key", "Organisation", "Windows", "Result", "Clause", "Reasons"],
    },
}
_TITLES: dict[str, dict[Lang, str]] = {
    "notice": {"zh": "公示名单", "en": "Public notice"},
    "windows": {"zh": "窗口评选结果", "en": "Windows"},
    "organisations": {"zh": "机构结果", "en": "Organisations"},
}


def _sheet(book: Any, title: str, head: list[str], rows: list[list[Any]], widths: list[int]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for c, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def outcomes_workbook(outcomes: CampaignOutcomes, path: str | Path, lang: Lang = "zh") -> Path:
    """Write the outcomes to ``.xlsx``: the public notice (公示名单), then windows and organisations.

    Scores are numbers (two places shown), so a spreadsheet can sort and sum them.
    """
    from openpyxl import Workbook

    from .._campaign.publish import NOTICE_COLUMNS

    yes, no = ("是", "否") if lang == "zh" else ("yes", "no")
    sep = "、" if lang == "zh" else "; "
    book = Workbook()
    for blank in book.worksheets:  # the default empty sheet
        book.remove(blank)
    notice = [
        [
            e.rank,
            e.district,
            e.district_name.get(lang) if e.district_name else "",
            e.window_id,
            e.window_name,
            e.organisation or "",
            None if e.score is None else float(e.score),
            e.outcome.get(lang),
        ]
        for e in outcomes.notice
    ]
    _sheet(book, _TITLES["notice"][lang], list(NOTICE_COLUMNS[lang]), notice, [6, 10, 14, 16, 28, 28, 10, 16])
    windows = [
        [
            w.window_id,
            w.window_name,
            w.district,
            w.organisation or "",
            yes if w.applied else no,
            yes if w.accepted else no,
            sep.join(w.failed_checks),
            None if w.committee_score is None else float(w.committee_score),
            w.outcome_title.get(lang),
            w.clause,
            sep.join(r.get(lang) for r in w.reasons),
        ]
        for w in outcomes.windows
    ]
    _sheet(
        book,
        _TITLES["windows"][lang],
        _HEADS["windows"][lang],
        windows,
        [16, 28, 10, 28, 7, 7, 12, 10, 14, 14, 50],
    )
    organisations = [
        [
            o.key,
            o.name or "",
            sep.join(o.windows),
            o.outcome_title.get(lang),
            o.clause,
            sep.join(r.get(lang) for r in o.reasons),
        ]
        for o in outcomes.organisations
    ]
    _sheet(
        book,
        _TITLES["organisations"][lang],
        _HEADS["organisations"][lang],
        organisations,
        [20, 28, 30, 14, 14, 50],
    )
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, float):
                    cell.number_format = "0.00"
    target = Path(path)
    book.save(target)
    return target
