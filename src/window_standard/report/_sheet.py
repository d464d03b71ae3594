"""The scoring workbook (评分表): written from the rule set and the window model, read back into windows.

Sheets: ``输入`` (one row per fact, one column per window from C; column B holds each row's field code,
which the reader goes by), ``活动`` (one row per activity, by window id), ``评分标准`` (every criterion:
points, how it is scored, clause) and a hidden ``选项`` (the lists the input cells are validated against).
openpyxl (the ``excel`` extra) is imported when a workbook is written or read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import WindowStandardError
from .._model import Window
from ._cells import NO, YES, write_cell
from ._layout import ACTIVITY_PATH, Row, activity_columns, input_rows

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from .._standard import Standard

__all__ = ["ACTIVITIES", "CRITERIA", "INPUT", "OPTIONS", "WorkbookError", "code_of", "write_workbook"]

INPUT, ACTIVITIES, CRITERIA, OPTIONS = "输入", "活动", "评分标准", "选项"
#: Window columns a blank workbook offers (C to L), and the columns validation covers (to Z).
BLANK_WINDOWS, VALIDATED_TO = 10, 26
#: Activity rows validation covers in a blank workbook.
ACTIVITY_ROWS = 500
_DATE_FORMAT = "yyyy-mm-dd"


class WorkbookError(WindowStandardError):
    """A window of a workbook that cannot be read: every bad cell, with its reference and field.

    Attributes:
        problems: ``(cell, field, message)`` per problem, e.g. ``("输入!C44", "staff.in_uniform", ...)``.
    """

    def __init__(self, source: str, problems: Sequence[tuple[str, str, str]]) -> None:
        self.source = source
        self.problems = list(problems)
        lines = [f"{source}：{len(self.problems)} 处错误"]
        lines += [f"  {cell} {field}：{message}" for cell, field, message in self.problems]
        super().__init__("\n".join(lines))


def code_of(row: Row) -> str:
    """The field code of a row in column B (``environment.displays=business_licence`` for a member)."""
    return f"{row.field}={row.member.value}" if row.member is not None else row.field


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))


def _options(book: Workbook) -> dict[str, str]:
    """Write the hidden sheet of choices; return each list's range by name."""
    sheet = book.create_sheet(OPTIONS)
    sheet.sheet_state = "hidden"
    lists: dict[str, list[str]] = {"bool": [YES, NO]}
    for row in (*input_rows(), *activity_columns()):
        if row.kind == "enum" and row.enum is not None:
            lists[row.enum.__name__] = [m.label("zh") for m in row.enum]
    ranges = {}
    for column, (name, values) in enumerate(lists.items(), 1):
        for r, value in enumerate(values, 1):
            sheet.cell(row=r, column=column, value=value)
        letter = _letter(column)
        ranges[name] = f"{OPTIONS}!${letter}$1:${letter}${len(values)}"
    return ranges


def _validate(sheet: Worksheet, row: Row, cells: str, ranges: dict[str, str]) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    name = "bool" if row.kind in ("bool", "member") else row.enum.__name__ if row.enum else None
    if name is None:
        return
    check = DataValidation(type="list", formula1=f"={ranges[name]}", allow_blank=True)
    check.error, check.errorTitle = "请从下拉列表中选择", "无效的值"
    sheet.add_data_validation(check)
    check.add(cells)


def _format(sheet: Worksheet, row: Row, r: int, columns: range) -> None:
    fmt = _DATE_FORMAT if row.kind == "date" else "@" if row.kind in ("text", "dates") else None
    if fmt is not None:
        for c in columns:
            sheet.cell(row=r, column=c).number_format = fmt


def _value(window: Window, path: tuple[str, ...]) -> Any:
    value: Any = window
    for name in path:
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def _input(book: Workbook, windows: Sequence[Window], ranges: dict[str, str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet = book.active
    assert sheet is not None
    sheet.title = INPUT
    count = max(len(windows), 1 if windows else BLANK_WINDOWS)
    head = ["字段", "字段代码", *(f"窗口{i}" for i in range(1, count + 1))]
    for c, text in enumerate(head, 1):
        cell = sheet.cell(row=1, column=c, value=text)
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDE3EA")
    columns = range(3, max(3 + count, VALIDATED_TO + 1))
    for r, row in enumerate(input_rows(), 2):
        sheet.cell(row=r, column=1, value=row.label + (" *" if row.required else ""))
        sheet.cell(row=r, column=2, value=code_of(row)).font = Font(color="888888", size=8)
        _validate(sheet, row, f"C{r}:{_letter(columns[-1])}{r}", ranges)
        _format(sheet, row, r, columns)
        for c, window in enumerate(windows, 3):
            value = _value(window, row.path)
            if row.kind == "member":
                value = None if value is None else row.member in value
            sheet.cell(row=r, column=c, value=write_cell(row, value))
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 48, 22
    for c in columns:
        sheet.column_dimensions[_letter(c)].width = 20
    sheet.freeze_panes = "C2"
    for r in range(2, sheet.max_row + 1):
        sheet.cell(row=r, column=1).alignment = Alignment(wrap_text=True)


def _activities(book: Workbook, windows: Sequence[Window], ranges: dict[str, str]) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet(ACTIVITIES)
    columns = activity_columns()
    for c, text in enumerate(["窗口编号", *(col.label for col in columns)], 1):
        sheet.cell(row=1, column=c, value=text).font = Font(bold=True)
        sheet.column_dimensions[_letter(c)].width = 18
    r = 2
    for window in windows:
        for activity in _value(window, ACTIVITY_PATH) or []:
            sheet.cell(row=r, column=1, value=window.id)
            for c, col in enumerate(columns, 2):
                sheet.cell(row=r, column=c, value=write_cell(col, getattr(activity, col.path[0])))
            r += 1
    last = max(r, ACTIVITY_ROWS)
    for c, col in enumerate(columns, 2):
        _validate(sheet, col, f"{_letter(c)}2:{_letter(c)}{last}", ranges)
        if col.kind == "date":
            for row in range(2, last + 1):
                sheet.cell(row=row, column=c).number_format = _DATE_FORMAT
    sheet.freeze_panes = "B2"


def _criteria(book: Workbook, standard: Standard) -> None:
    from openpyxl.styles import Alignment, Font

    from ._context import clause_text

    sheet = book.create_sheet(CRITERIA)
    head = ["编号", "类型", "类别", "条目", "满分", "评分方式", "整改建议", "依据", "来源"]
    for c, text in enumerate(head, 1):
        sheet.cell(row=1, column=c, value=text).font = Font(bold=True)
    kinds = {"scored": "评分项", "prerequisite": "前提条件", "veto": "一票否决", "bonus": "加分项"}
    for r, spec in enumerate(standard.spec.criteria, 2):
        how = (
            "符合要求得满分，否则不得分"
            if spec.condition is not None and spec.kind in ("scored", "bonus")
            else "按达成程度计分（0 至满分）"
            if spec.kind in ("scored", "bonus")
            else "须满足，否则不予评定"
            if spec.kind == "prerequisite"
            else "触发即评为未达标"
        )
        values = [
            spec.id,
            kinds[spec.kind],
            spec.category or "",
            spec.title.zh,
            float(spec.points) if spec.points is not None else None,
            how,
            spec.advice.zh if spec.advice else "",
            clause_text(spec.source.clause, "zh"),
            "通知原文" if spec.provenance == "notice" else "重构",
        ]
        for c, value in enumerate(values, 1):
            sheet.cell(row=r, column=c, value=value).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFGHI", (9, 10, 7, 30, 7, 26, 40, 14, 9), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"


def write_workbook(
    path: str | Path, windows: Sequence[Window] = (), *, standard: Standard | None = None
) -> Path:
    """Write the scoring workbook: blank (ten window columns to fill) or holding some windows.

    Args:
        path: The ``.xlsx`` file to write.
        windows: Windows to fill in, one column each (none: a blank workbook).
        standard: The rule set whose criteria the ``评分标准`` sheet lists (the packaged edition by default).

    Returns:
        The path written.
    """
    from openpyxl import Workbook

    from .._library import load_standard

    book = Workbook()
    ranges = _options(book)
    _input(book, windows, ranges)
    _activities(book, windows, ranges)
    _criteria(book, standard or load_standard())
    book.move_sheet(OPTIONS, offset=len(book.sheetnames))
    target = Path(path)
    book.save(target)
    return target
