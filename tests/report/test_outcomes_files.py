"""The public-notice list and the outcomes as files people open in Excel on Chinese Windows."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from window_standard.cli import app

APPLICATIONS = (
    Path(__file__).resolve().parents[2] / "rules" / "cdpma-window-2013" / "examples" / "applications"
)


def outcomes(*args: str) -> tuple[int, str, bytes]:
    run = CliRunner().invoke(app, ["outcomes", str(APPLICATIONS), *args])
    return run.exit_code, run.output, run.stdout_bytes


def test_a_csv_file_has_a_bom_so_excel_reads_it_as_utf8(tmp_path: Path) -> None:
    target = tmp_path / "公示.csv"
    code, output, _ = outcomes("--format", "csv", "-o", str(target))
    assert code == 0 and output == f"wrote {target}\n"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + "序号,区(市)县代码".encode())
    assert "蜀都花园客户服务中心" in data.decode("utf-8-sig")


def test_the_terminal_gets_plain_utf8_or_the_encoding_asked_for(tmp_path: Path) -> None:
    _, _, plain = outcomes("--format", "csv")
    assert plain.startswith("序号".encode())
    code, _, gb = outcomes("--format", "csv", "--encoding", "gb18030")
    assert code == 0 and gb.decode("gb18030") == plain.decode("utf-8")
    code, output, _ = outcomes("--format", "csv", "--encoding", "latin-1")
    assert code == 2 and "choose one of: utf-8-sig, utf-8, gb18030" in output


def test_outcomes_as_an_excel_workbook(tmp_path: Path) -> None:
    target = tmp_path / "outcomes.xlsx"
    code, output, _ = outcomes("--format", "xlsx", "-o", str(target))
    assert code == 0, output
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["公示名单", "窗口评选结果", "机构结果"]
    notice = book["公示名单"]
    assert [c.value for c in notice[1]][:3] == ["序号", "区(市)县代码", "区(市)县"]
    assert notice["G2"].value == 94 and notice["G2"].number_format == "0.00"
    code, output, _ = outcomes("--format", "xlsx")
    assert code == 2 and "give -o" in output
