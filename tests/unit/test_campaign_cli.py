"""``window-standard review`` and ``window-standard outcomes``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import typer
import yaml
from typer.testing import CliRunner

from window_standard.cli._campaign import outcomes, review

ROOT = Path(__file__).resolve().parents[2]
APPLICATIONS = ROOT / "rules" / "cdpma-window-2013" / "examples" / "applications"
EXAMPLE = ROOT / "tests" / "data" / "application-example.yaml"

app = typer.Typer()
app.command("review")(review)
app.command("outcomes")(outcomes)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_review_accepted_exits_0(runner: CliRunner) -> None:
    code, out, err = run(runner, "review", str(EXAMPLE))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == [
        "== 申报窗口 cd-510107-0001 锦江花园客户服务中心 ==",
        "审核结果：予以受理",
        "自评得分（申报 / 复核）：100.00（达标） / 100.00（达标）",
    ]
    assert [line.split()[:2] for line in lines[6:13]] == [[f"APP-{n}", "通过"] for n in range(1, 8)]
    assert "活动规则：cdpma-window-2013-campaign 2.0.0 (摘要 " in out
    assert "注意：本规则集为重构版本，并非官方标准。" in out


def test_review_rejected_exits_1_and_lists_every_failure(runner: CliRunner) -> None:
    code, out, _ = run(runner, "review", str(APPLICATIONS / "3-fails-score.yaml"), "--lang", "en")
    assert code == 1
    lines = out.splitlines()
    assert lines[:3] == [
        "== Application for cd-510108-0015 华瑞锦城苑业务受理中心 ==",
        "Decision: rejected",
        "Self-assessment (reported / recomputed): 71.95 (Does not meet the standard) / 71.95 (Does not meet "
        "the standard)",
    ]
    verdicts = {line.split()[0]: line.split()[1] for line in lines[6:13]}
    assert verdicts == {
        "APP-1": "passed",
        "APP-2": "failed",
        "APP-3": "passed",
        "APP-4": "passed",
        "APP-5": "failed",
        "APP-6": "failed",
        "APP-7": "failed",
    }


def test_review_json(runner: CliRunner) -> None:
    code, out, _ = run(runner, "review", str(APPLICATIONS / "2-rectify.yaml"), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert (data["accepted"], [c["id"] for c in data["checks"] if c["status"] != "pass"]) == (
        False,
        ["APP-2"],
    )
    assert data["self_assessment"]["reported_score"] == "92.00"
    assert data["self_assessment"]["recomputed_score"] == "85.00"
    assert [w["id"] for w in data["warnings"]] == ["WARN-2", "WARN-3"]


def test_review_invalid_application_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["district_opinion"]["authority_district"] = "武侯"
    del data["contact"]["phone"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, err = run(runner, "review", str(bad), "--lang", "en")
    assert (code, out) == (2, "")
    head, phone, district = err.splitlines()
    assert head == f"error: {bad}: not a valid application (2 errors)"
    assert phone.endswith(": contact.phone: Field required")
    assert district.endswith(
        ": district_opinion.authority_district: authority_district '武侯' must be a 6-digit GB/T 2260 code "
        "(e.g. '510107') or a functional zone: dongbu, gaoxin, tianfu"
    )
    code, _, err = run(runner, "review", str(bad))
    assert err.splitlines()[:2] == [
        f"错误：{bad}：不是有效的申报材料（2 处错误）",
        "  2:3: contact.phone：缺少必填字段",
    ]


def test_review_missing_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "review", str(tmp_path / "none.yaml"), "--lang", "en")
    assert code == 2
    assert err.startswith(f"error: {tmp_path / 'none.yaml'}: cannot read the file")


def test_outcomes_text(runner: CliRunner) -> None:
    code, out, err = run(runner, "outcomes", str(APPLICATIONS))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "== 服务窗口 =="
    assert lines[1] == (
        "cd-510105-0032 蜀都花园客户服务中心 (青羊区 510105, 94.00): 授予“优质服务窗口”荣誉称号并表彰、授牌"
    )
    notice = lines.index("== 公示名单 ==")
    assert lines[notice + 3].split() == [
        "1",
        "青羊区",
        "510105",
        "cd-510105-0032",
        "蜀都花园客户服务中心",
        "成都蜀都物业管理有限公司",
        "94.00",
    ]
    assert "成都华瑞物业服务有限公司 (cd-510108-0015): 无" in lines


def test_outcomes_csv(runner: CliRunner) -> None:
    code, out, _ = run(runner, "outcomes", str(APPLICATIONS), "--format", "csv", "--lang", "en")
    assert code == 0
    assert out == (
        "No.,District code,District,Window id,Window name,Organisation,Score,Result\n"
        "1,510105,Qingyang District,cd-510105-0032,蜀都花园客户服务中心,成都蜀都物业管理有限公司,94.00,"
        '"Honorary title, commendation and plaque"\n'
    )


def test_outcomes_json(runner: CliRunner) -> None:
    code, out, _ = run(runner, "outcomes", str(APPLICATIONS), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(w["window_id"], w["outcome"]) for w in data["windows"]] == [
        ("cd-510105-0032", "honoured"),
        ("cd-510106-0107", "not_honoured"),
        ("cd-510108-0015", "not_honoured"),
        ("cd-510185-0003", "not_honoured"),
        ("cd-gaoxin-0008", "not_honoured"),
    ]
    assert [(o["name"], o["outcome"]) for o in data["organisations"]] == [
        ("成都蜀都物业管理有限公司", "credit_points"),
        ("成都金府物业服务有限公司", "credit_points"),
        ("成都华瑞物业服务有限公司", "none"),
        ("成都盈创物业服务有限公司", "credit_points"),
        ("简阳市雄州物业服务有限公司", "none"),
    ]


def test_outcomes_skips_self_assessed_windows_with_a_note(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copy(APPLICATIONS / "1-meets.yaml", tmp_path)
    window = ROOT / "rules" / "cdpma-window-2013" / "examples" / "windows" / "2-rectify.yaml"
    shutil.copy(window, tmp_path / "w.yaml")
    code, out, err = run(runner, "outcomes", str(tmp_path), "--format", "csv")
    assert code == 0
    assert err == f"note: skipped {tmp_path / 'w.yaml'}: a self-assessed window without an application\n"
    assert out == "序号,区(市)县代码,区(市)县,窗口编号,窗口名称,物业服务机构,综合考评得分,评选结果\n"


def test_outcomes_bad_input(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "outcomes", str(tmp_path / "missing"))
    assert (code, err) == (2, f"error: {tmp_path / 'missing'} is not a folder\n")
    shutil.copy(APPLICATIONS / "1-meets.yaml", tmp_path / "a.yaml")
    shutil.copy(APPLICATIONS / "1-meets.yaml", tmp_path / "b.yaml")
    code, _, err = run(runner, "outcomes", str(tmp_path))
    assert (code, err) == (2, "error: two applications for window cd-510105-0032\n")
