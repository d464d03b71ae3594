"""Reading windows back from a filled scoring workbook, every bad cell named by its reference and field."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._cells import BadCell, parse_cell
from ._layout import ACTIVITY_PATH, Row, activity_columns, input_rows
from ._sheet import ACTIVITIES, INPUT, WorkbookError, code_of

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from .._model import Window

__all__ = ["read_workbook"]

Problem = tuple[str, str, str]


def _set(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for name in path[:-1]:
        target = target.setdefault(name, {})
    target[path[-1]] = value


def _rows_by_line(sheet: Worksheet, problems: list[Problem]) -> dict[int, Row]:
    """The input rows by sheet line, found by their field code in column B (rows may be moved)."""
    codes = {code_of(row): row for row in input_rows()}
    found: dict[int, Row] = {}
    for r in range(2, sheet.max_row + 1):
        code = sheet.cell(row=r, column=2).value
        if code is None:
            continue
        row = codes.get(str(code).strip())
        if row is None:
            problems.append((f"{INPUT}!B{r}", str(code), "未知的字段代码（请勿修改 B 列）"))
        else:
            found[r] = row
    return found


def _activities(sheet: Worksheet | None) -> dict[str, list[tuple[int, dict[str, Any], list[Problem]]]]:
    """Each window id's activities: ``(line, fields, problems)`` per row of the activities sheet."""
    found: dict[str, list[tuple[int, dict[str, Any], list[Problem]]]] = {}
    if sheet is None:
        return found
    columns = activity_columns()
    for r in range(2, sheet.max_row + 1):
        owner = sheet.cell(row=r, column=1).value
        if owner is None:
            continue
        fields: dict[str, Any] = {}
        problems: list[Problem] = []
        for c, col in enumerate(columns, 2):
            value = sheet.cell(row=r, column=c).value
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            try:
                fields[col.path[0]] = parse_cell(col, value)
            except BadCell as exc:
                problems.append(
                    (f"{ACTIVITIES}!{sheet.cell(row=r, column=c).coordinate}", col.field, str(exc))
                )
        found.setdefault(str(owner).strip(), []).append((r, fields, problems))
    return found


class _Column:
    """One window's column of the input sheet, being read."""

    def __init__(self, sheet: Worksheet, column: int, rows: dict[int, Row]) -> None:
        self.sheet, self.column, self.rows = sheet, column, rows
        self.data: dict[str, Any] = {}
        self.problems: list[Problem] = []
        self.cells: dict[str, str] = {}  # field code -> cell reference
        self.members: dict[tuple[str, ...], list[Any]] = {}
        self.count: tuple[str, int] | None = None

    def ref(self, r: int) -> str:
        return f"{INPUT}!{self.sheet.cell(row=r, column=self.column).coordinate}"

    def read(self) -> None:
        for r, row in self.rows.items():
            self.cells.setdefault(row.field, self.ref(r))
            value = self.sheet.cell(row=r, column=self.column).value
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            try:
                parsed = parse_cell(row, value)
            except BadCell as exc:
                self.problems.append((self.ref(r), row.field, str(exc)))
                continue
            if row.kind == "member":
                chosen = self.members.setdefault(row.path, [])
                if parsed:
                    chosen.append(row.member)
            elif row.kind == "activities":
                self.count = (self.ref(r), parsed)
            else:
                _set(self.data, row.path, parsed)
        for path, members in self.members.items():
            _set(self.data, path, members)


def _located(error: Mapping[str, Any], column: _Column, lines: list[int]) -> Problem:
    """A validation error of the model, at the cell of its field (or of the activity row)."""
    loc = tuple(str(part) for part in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    field = ".".join(loc)
    if loc[:2] == ACTIVITY_PATH and len(loc) > 2 and loc[2].isdigit() and int(loc[2]) < len(lines):
        names = [c.path[0] for c in activity_columns()]
        c = names.index(loc[3]) + 2 if len(loc) > 3 and loc[3] in names else 1
        from openpyxl.utils import get_column_letter

        return (f"{ACTIVITIES}!{get_column_letter(c)}{lines[int(loc[2])]}", field, message)
    for end in range(len(loc), 0, -1):
        cell = column.cells.get(".".join(loc[:end]))
        if cell is not None:
            return (cell, field, message)
    return (column.ref(1), field or "(window)", message)


def _window(
    column: _Column, activities: list[tuple[int, dict[str, Any], list[Problem]]], source: str
) -> Window:
    from pydantic import ValidationError

    from .._model import Window

    column.read()
    problems = list(column.problems)
    lines = [line for line, _, _ in activities]
    if activities or column.count is not None:
        if column.count is not None and column.count[1] != len(activities):
            found = f"填写了 {column.count[1]} 条，“活动”表中有 {len(activities)} 条"
            problems.append((column.count[0], ".".join(ACTIVITY_PATH), found))
        _set(column.data, ACTIVITY_PATH, [fields for _, fields, _ in activities])
        problems += [p for _, _, found in activities for p in found]
    if not problems:
        try:
            return Window.model_validate(column.data)
        except ValidationError as exc:
            problems = [_located(e, column, lines) for e in exc.errors(include_url=False)]
    raise WorkbookError(source, problems)


def read_workbook(path: str | Path) -> Iterator[tuple[str, Window | WorkbookError]]:
    """The windows of a filled scoring workbook, one per filled column of the input sheet.

    Args:
        path: The ``.xlsx`` file.

    Yields:
        ``(source, window or error)`` per filled column: the source is ``FILE:输入!C``; the error lists
        every bad cell as ``(输入!C44, staff.in_uniform, message)``.

    Raises:
        WorkbookError: When the file is not a scoring workbook (no ``输入`` sheet, or an unreadable file).
    """
    from openpyxl import load_workbook

    name = Path(path).name
    try:
        book = load_workbook(path, data_only=True, read_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise WorkbookError(name, [("", "", f"不是可读取的 Excel 工作簿：{exc}")]) from None
    if INPUT not in book.sheetnames:
        hint = f"缺少“{INPUT}”工作表：请使用 window-standard sheet --blank 生成的评分表"
        raise WorkbookError(name, [("", "", hint)])
    sheet = book[INPUT]
    problems: list[Problem] = []
    rows = _rows_by_line(sheet, problems)
    if problems:
        raise WorkbookError(name, problems)
    activities = _activities(book[ACTIVITIES] if ACTIVITIES in book.sheetnames else None)
    for c in range(3, sheet.max_column + 1):
        if all(sheet.cell(row=r, column=c).value in (None, "") for r in rows):
            continue
        column = _Column(sheet, c, rows)
        id_line = next((r for r, row in rows.items() if row.field == "id"), None)
        owner = sheet.cell(row=id_line, column=c).value if id_line else None
        source = f"{name}:{column.ref(1)[:-1]}"
        try:
            yield source, _window(column, activities.get(str(owner).strip(), []) if owner else [], source)
        except WorkbookError as exc:
            yield source, exc
