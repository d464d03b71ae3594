"""The HTML self-assessment report and the Annex 2 form: content, escaping, languages, the command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import window_standard as ws
from window_standard import report
from window_standard.cli import app

EDITION = Path(__file__).resolve().parents[2] / "rules" / "cdpma-window-2013" / "examples"


def window(file: str, **changes: object) -> ws.Window:
    data = yaml.safe_load((EDITION / "windows" / file).read_text(encoding="utf-8"))
    return ws.Window.model_validate({**data, **changes})


def text_of(page: str) -> str:
    """The visible text of a page, tags removed and whitespace folded."""
    body = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def test_the_report_shows_the_header_every_criterion_and_the_plan(standard: ws.Standard) -> None:
    w = window("3-fails-score.yaml")
    result = standard.evaluate(w)
    page = report.html(result, w)
    text = text_of(page)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    for shown in (w.name, w.organisation.name, "成华区（510108）", "2013-06-27", result.standard.digest):
        assert shown in text
    assert "cdpma-window-2013 版本 2.0.0" in text and "原文未随通知公布" in text  # the reconstruction notice
    assert '<span class="badge bad">未达标</span>' in page and "总分 71.95 / 100.00" in text
    for cid in result.criteria:
        assert f'<td class="id">{cid}</td>' in page
    assert "达到“达标”（总分不低于 90.00）" in text and "达到“基本达标（限期整改）”（总分不低于 80.00）" in text
    plan = result.plan("meets")
    assert f"完成后总分 {plan.score_after}，难度合计 {plan.effort}" in text
    assert "通知 §3(1)" in text and "notice §" not in text  # clauses read as Chinese
    assert '<div class="bar"><span style="width: 85%"></span></div>' in page  # ENV 17 of 20


def test_a_window_name_is_text_not_markup(standard: ws.Standard) -> None:
    w = window("1-meets.yaml", name="<script>alert(1)</script>")
    page = report.html(standard.evaluate(w), w)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_english_and_a_report_without_the_window(standard: ws.Standard) -> None:
    w = window("4-vetoed.yaml")
    result = standard.evaluate(w)
    text = text_of(report.html(result, lang="en"))
    assert "Service window self-assessment report" in text and w.id in text
    assert "Cannot be reached: veto VETO-3" in text and "Does not meet the standard" in text


def test_a_result_of_an_unknown_rule_set_shows_its_stamp(standard: ws.Standard) -> None:
    variant = standard.with_parameters(pass_threshold=95)
    result = variant.evaluate(window("1-meets.yaml"))
    text = text_of(report.html(result))
    assert variant.digest in text and "原文未随通知公布" not in text  # no standard to quote from


def application(name: str) -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load((EDITION / "applications" / name).read_text(encoding="utf-8"))
    return data


def test_the_application_form_of_an_accepted_application_is_one_page() -> None:
    page = report.application_form(application("1-meets.yaml"))
    text = text_of(page)
    for label in (
        "窗口名称",
        "物业服务机构",
        "统一社会信用代码/组织机构代码",
        "所在区(市)县",
        "自评得分与等级",
        "物业服务机构推荐意见",
        "区(市)县物业管理主管部门推荐意见",
        "申报材料清单",
    ):
        assert f"<th>{label}</th>" in page
    assert "page-break" not in page.split("</style>")[1] and "不予受理" not in text
    assert "负责人（签字）：" in text and "日期：" in text


def test_a_rejected_application_lists_its_failed_checks_on_a_second_page() -> None:
    page = report.application_form(application("2-rectify.yaml"))
    second = page.split('<div class="page-break"></div>')[1]
    assert "不予受理，未通过的审核项如下：" in second and "<td>APP-2</td>" in second


def test_the_report_command_writes_the_report_or_the_form(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    run = CliRunner().invoke(app, ["report", str(EDITION / "windows" / "2-rectify.yaml"), "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert "整改方案" in out.read_text(encoding="utf-8")
    form = tmp_path / "f.html"
    run = CliRunner().invoke(
        app, ["report", str(EDITION / "applications" / "2-rectify.yaml"), "-o", str(form), "--lang", "en"]
    )
    assert run.exit_code == 0, run.output
    assert "Review of the application" in form.read_text(encoding="utf-8")


def test_a_bad_window_names_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "w.yaml"
    bad.write_text("id: x\nname: y\n", encoding="utf-8")
    run = CliRunner().invoke(app, ["report", str(bad), "-o", str(tmp_path / "r.html")])
    assert run.exit_code == 2 and "不是有效的窗口文档" in run.output and "kind：缺少必填字段" in run.output


def test_pdf_needs_a_browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ws.WindowStandardError, match="install it"):
        report.write_pdf("<html></html>", tmp_path / "x.pdf")
