"""The scoring workbook (评分表): the blank sheet, reading back, errors with cell references, round trips."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

import window_standard as ws
from window_standard import report
from window_standard.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "rules" / "cdpma-window-2013" / "examples" / "windows"
EXAMPLE_WINDOWS = [
    ws.Window.model_validate(yaml.safe_load(p.read_text(encoding="utf-8")))
    for p in sorted(EXAMPLES.glob("*.yaml"))
]


def line_of(sheet: Any, code: str) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=2).value == code)


LISTS = [
    ("environment", "displays"),
    ("environment", "facilities"),
    ("process", "logs"),
    ("lei_feng", "publicity_platforms"),
]


def sorted_lists(window: ws.Window) -> dict[str, Any]:
    """A window's data with its lists of enum members in enum order (the workbook keeps sets, not order)."""
    data = window.model_dump(mode="json")
    for section, name in LISTS:
        values = data[section].get(name)
        if values is not None:
            data[section][name] = sorted(values)
    return data


def test_the_blank_workbook_has_chinese_headers_choices_and_date_formats(tmp_path: Path) -> None:
    path = tmp_path / "评分表.xlsx"
    run = CliRunner().invoke(app, ["sheet", "--blank", "-o", str(path)])
    assert run.exit_code == 0, run.output
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["输入", "活动", "评分标准", "选项"] and book["选项"].sheet_state == "hidden"
    sheet = book["输入"]
    assert [c.value for c in sheet[1][:4]] == ["字段", "字段代码", "窗口1", "窗口2"]
    kind = line_of(sheet, "kind")
    assert sheet.cell(row=kind, column=1).value == "窗口类型 *"
    ranges = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert ranges[f"C{kind}:Z{kind}"].startswith("=选项!$")
    member = line_of(sheet, "environment.displays=business_licence")
    assert sheet.cell(row=member, column=1).value == "服务环境 · 公示内容 · 营业执照"
    assert f"C{member}:Z{member}" in ranges
    assert sheet.cell(row=line_of(sheet, "assessed_on"), column=3).number_format == "yyyy-mm-dd"
    assert sheet.cell(row=line_of(sheet, "district"), column=3).number_format == "@"  # 510107 stays text
    criteria = book["评分标准"]
    ids = [criteria.cell(row=r, column=1).value for r in range(2, criteria.max_row + 1)]
    assert ids == list(ws.load_standard().criteria)
    assert [c.value for c in book["活动"][1]] == [
        "窗口编号",
        "活动日期",
        "活动类型",
        "活动名称",
        "参与人数",
        "业主参与人数",
    ]


def test_example_windows_come_back_from_the_workbook(tmp_path: Path) -> None:
    path = report.write_workbook(tmp_path / "filled.xlsx", EXAMPLE_WINDOWS)
    read = list(report.read_workbook(path))
    assert [source for source, _ in read] == [f"filled.xlsx:输入!{c}" for c in "CDEFG"]
    for (_, window), original in zip(read, EXAMPLE_WINDOWS, strict=True):
        assert isinstance(window, ws.Window)
        assert sorted_lists(window) == sorted_lists(original)


def test_a_bad_cell_names_its_reference_and_field(tmp_path: Path) -> None:
    path = report.write_workbook(tmp_path / "filled.xlsx", EXAMPLE_WINDOWS[:2])
    book = openpyxl.load_workbook(path)
    sheet = book["输入"]
    uniform, kind = line_of(sheet, "staff.in_uniform"), line_of(sheet, "kind")
    sheet.cell(row=uniform, column=3, value="六")
    sheet.cell(row=kind, column=4, value="不知道")
    sheet.cell(row=line_of(sheet, "staff.headcount"), column=4, value=1)  # fewer staff than in uniform
    book["活动"]["B2"] = "2013-13-01"
    book.save(path)
    (_, first), (_, second) = report.read_workbook(path)
    assert isinstance(first, report.WorkbookError) and isinstance(second, report.WorkbookError)
    assert first.problems == [
        (f"输入!C{uniform}", "staff.in_uniform", "应填写非负整数，而不是“六”"),
        ("活动!B2", "date", "应填写日期（如 2013-06-20），而不是“2013-13-01”"),
    ]
    assert second.problems[0] == (
        f"输入!D{kind}",
        "kind",
        "“不知道”不是可选项，可选：客户服务中心、业务受理中心、维修应急中心、维修服务站、其他",
    )
    assert str(first).splitlines()[0] == "filled.xlsx:输入!C：2 处错误"


def test_a_model_error_is_placed_at_its_cell(tmp_path: Path) -> None:
    path = report.write_workbook(tmp_path / "filled.xlsx", EXAMPLE_WINDOWS[:1])
    book = openpyxl.load_workbook(path)
    sheet = book["输入"]
    headcount = line_of(sheet, "staff.headcount")
    sheet.cell(row=headcount, column=3, value=2)
    count = line_of(sheet, "lei_feng.activities")
    sheet.cell(row=count, column=3, value=99)
    book.save(path)
    [(_, error)] = report.read_workbook(path)
    assert isinstance(error, report.WorkbookError)
    assert [cell for cell, _, _ in error.problems] == [f"输入!C{count}"]
    sheet.cell(row=count, column=3).value = None
    book.save(path)
    [(_, error)] = report.read_workbook(path)
    assert isinstance(error, report.WorkbookError)
    assert error.problems[0][:2] == (f"输入!C{line_of(sheet, 'staff.in_uniform')}", "staff.in_uniform")


def test_a_file_that_is_not_a_scoring_workbook(tmp_path: Path) -> None:
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    with pytest.raises(report.WorkbookError, match="缺少“输入”工作表"):
        list(report.read_workbook(other))


def test_dates_share_a_cell() -> None:
    from window_standard.report._cells import parse_cell
    from window_standard.report._layout import input_rows

    row = next(r for r in input_rows() if r.field == "lei_feng.reports_to_association")
    assert parse_cell(row, "2013-04-10、2013-05-10") == [date(2013, 4, 10), date(2013, 5, 10)]
    assert parse_cell(row, "无") == []


def test_the_command_line_reads_a_workbook_for_batch_inputs(tmp_path: Path) -> None:
    from window_standard._read import InputError, iter_windows  # what `window-standard evaluate` reads with

    path = report.write_workbook(tmp_path / "filled.xlsx", EXAMPLE_WINDOWS[:2])
    assert [(s, w.id) for s, w in iter_windows([path], "zh")] == [
        ("filled.xlsx:输入!C", EXAMPLE_WINDOWS[0].id),
        ("filled.xlsx:输入!D", EXAMPLE_WINDOWS[1].id),
    ]
    book = openpyxl.load_workbook(path)
    book["输入"].cell(row=line_of(book["输入"], "kind"), column=4, value="?")
    book.save(path)
    items = dict(iter_windows([path], "zh"))
    bad = items["filled.xlsx:输入!D"]
    assert isinstance(bad, InputError)
    assert bad.render().splitlines()[1].startswith("  kind：输入!D4：“?”不是可选项")
