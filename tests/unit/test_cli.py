"""The command line: evaluate, demo, schema, standards (the ``test`` command is tested elsewhere)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import window_standard as ws
from window_standard._library import packaged_rules_dir
from window_standard._schemas import SCHEMA_FILES, generate_schemas, render_schema
from window_standard.cli import app, main
from window_standard.cli._demo import examples_folder
from window_standard.cli._render import display_width, table, wrap

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "rules" / "cdpma-window-2013" / "examples" / "windows"
WINDOW = DATA / "window-example.yaml"

# file -> (level, total, vetoes fired, prerequisites failed)
EXPECTED = {
    "1-meets.yaml": ("meets", "94.00", [], []),
    "2-rectify.yaml": ("rectify", "85.00", [], []),
    "3-fails-score.yaml": ("fails", "71.95", [], []),
    "4-vetoed.yaml": ("fails", "98.00", ["VETO-3"], []),
    "5-out-of-scope.yaml": ("fails", "94.00", [], ["PRE-1"]),
}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def std() -> ws.Standard:
    return ws.load_standard()


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def lines(text: str) -> list[str]:
    return text.splitlines()


# --- the example windows -------------------------------------------------------------------------------


def test_the_bundled_examples_are_exactly_the_five_expected() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.yaml")) == sorted(EXPECTED)
    assert packaged_rules_dir() / "cdpma-window-2013" / "examples" / "windows" == EXAMPLES


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_level_and_score_through_the_cli(runner: CliRunner, name: str) -> None:
    level, total, vetoes, gates = EXPECTED[name]
    code, out, err = run(runner, "evaluate", str(EXAMPLES / name), "--format", "json")
    assert err == ""
    assert code == (0 if level == "meets" else 1)
    ((_, result),) = (r.values() for r in json.loads(out))
    assert (result["level"], result["score"], result["vetoes"], result["prerequisites"]) == (
        level,
        total,
        vetoes,
        gates,
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_header_comment_states_the_observed_level_and_total(name: str, std: ws.Standard) -> None:
    level, total, _, _ = EXPECTED[name]
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    head = text.splitlines()[0]
    assert head.startswith(f"# Expected (cdpma-window-2013 2.0.0): level {level} ")
    assert f", total {total} (" in head
    result = std.evaluate(yaml.safe_load(text))
    assert (result.level, str(result.score)) == (level, total)


def test_examples_have_every_section_of_the_window_example() -> None:
    reference = yaml.safe_load(WINDOW.read_text(encoding="utf-8"))
    for path in EXAMPLES.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert list(data) == list(reference), path.name
        for section in ("project", "organisation", "environment", "staff", "process", "quality", "lei_feng"):
            assert list(data[section]) == list(reference[section]), (path.name, section)


def test_examples_readme_points_at_the_packaged_copy() -> None:
    text = (ROOT / "examples" / "windows" / "README.md").read_text(encoding="utf-8")
    assert "rules/cdpma-window-2013/examples/windows/*.yaml" in text
    assert not list((ROOT / "examples" / "windows").glob("*.yaml"))


def test_examples_folder_of_the_default_standard(std: ws.Standard) -> None:
    assert examples_folder(std) == EXAMPLES


# --- evaluate: table -----------------------------------------------------------------------------------


def rectification_lines(result: ws.Result, lang: str) -> list[str]:
    return [f"  {n}. {item.describe(lang)}" for n, item in enumerate(result.rectifications(), 1)]  # type: ignore[arg-type]


def evaluated(std: ws.Standard, path: Path) -> ws.Result:
    return std.evaluate(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_evaluate_table_in_chinese(runner: CliRunner, std: ws.Standard) -> None:
    code, out, err = run(runner, "evaluate", str(EXAMPLES / "1-meets.yaml"))
    assert (code, err) == (0, "")
    got = lines(out)
    assert got[:6] == [
        "== 窗口 cd-510105-0032 蜀都花园客户服务中心 ==",
        f"文件：{EXAMPLES / '1-meets.yaml'}",
        "区(市)县：青羊区 510105",
        "等级：达标 / Meets the standard (meets)",
        "得分：94.00 / 100.00 (适用条目得分 93.00 / 100.00，加分 1.00)",
        "",
    ]
    assert got[6:14] == [
        "类别             得分/满分",
        "-------------  -----------",
        "ENV 服务环境   18.50/20.00",
        "STF 服务人员   13.50/15.00",
        "PRC 服务流程   20.00/20.00",
        "QLT 服务质量   21.00/25.00",
        "LF 学雷锋活动  20.00/20.00",
        "",
    ]
    result = evaluated(std, EXAMPLES / "1-meets.yaml")
    say = {cid: c.explain("zh") for cid, c in result.criteria.items()}
    assert got[14:16] == ["条目    状态      得分/满分  说明", "------  --------  ---------  " + "-" * 64]
    assert got[16] == f"PRE-1   符合                 {say['PRE-1']}"
    assert f"ENV-7   部分符合  1.50/2.00  {say['ENV-7']}" in got
    assert f"ENV-9   不符合    0.00/1.00  {say['ENV-9']}" in got
    assert f"VETO-3  未触发               {say['VETO-3']}" in got
    assert f"BON-1   未获加分  0.00/2.00  {say['BON-1']}" in got
    assert f"BON-2   获得加分  1.00/1.00  {say['BON-2']}" in got
    assert [item.id for item in result.rectifications()] == ["ENV-7", "QLT-1", "STF-3", "ENV-9"]
    start = got.index("一票否决：无")
    assert got[start : start + 8] == [
        "一票否决：无",
        "未满足的前提条件：无",
        "整改清单：",
        *rectification_lines(result, "zh"),
        "",
    ]
    assert got[start + 3].startswith("  1. ENV-7 ") and got[start + 3].count(" (+0.50) — ") == 1
    assert got[start + 8 : start + 10] == [
        f"规则集：cdpma-window-2013 2.0.0 (摘要 {std.digest[:12]})",
        "注意：本规则集为重构版本，并非官方标准。",
    ]
    disclaimer = std.disclaimer
    assert disclaimer is not None
    assert "".join(got[start + 10 :]).replace(" ", "") == disclaimer.zh.replace(" ", "")


def test_evaluate_table_in_english_with_a_veto(runner: CliRunner, std: ws.Standard) -> None:
    code, out, err = run(runner, "evaluate", str(EXAMPLES / "4-vetoed.yaml"), "--lang", "en")
    assert (code, err) == (1, "")
    got = lines(out)
    assert got[2:5] == [
        "District: Chengdu Hi-tech Zone",
        "Level: 未达标 / Does not meet the standard (fails)",
        "Score: 98.00 / 100.00 (applicable criteria 98.00 / 100.00, bonus 0.00)",
    ]
    result = evaluated(std, EXAMPLES / "4-vetoed.yaml")
    say = {cid: c.explain("en") for cid, c in result.criteria.items()}
    assert "Criterion  Status             Points  Explanation" in got
    assert f"VETO-1     does not apply             {say['VETO-1']}" in got
    assert f"VETO-3     veto applies               {say['VETO-3']}" in got
    assert f"PRC-6      partly met      1.50/3.00  {say['PRC-6']}" in got
    assert f"STF-6      partly met      1.50/2.00  {say['STF-6']}" in got
    assert [item.id for item in result.rectifications()] == ["VETO-3", "STF-6", "PRC-6"]
    start = got.index("Vetoes fired: VETO-3")
    assert got[start : start + 6] == [
        "Vetoes fired: VETO-3",
        "Prerequisites failed: none",
        "Rectification list:",
        *rectification_lines(result, "en"),
    ]
    assert f"Rule set: cdpma-window-2013 2.0.0 (digest {std.digest[:12]})" in got
    note = got.index("Note: this rule set is a reconstruction, not the official standard.")
    assert all(display_width(line) <= 100 for line in got[note:])
    disclaimer = std.disclaimer
    assert disclaimer is not None
    assert " ".join(got[note + 1 :]) == " ".join(disclaimer.en.split())


def test_evaluate_not_applicable_and_failed_gate_rows(runner: CliRunner, std: ws.Standard) -> None:
    fails, outside = EXAMPLES / "3-fails-score.yaml", EXAMPLES / "5-out-of-scope.yaml"
    _, out, _ = run(runner, "evaluate", str(fails), str(outside))
    got = lines(out)
    say = {cid: c.explain("zh") for cid, c in evaluated(std, fails).criteria.items()}
    assert f"PRC-5   不适用       —/3.00  {say['PRC-5']}" in got
    assert f"QLT-1   不符合    0.00/8.00  {say['QLT-1']}" in got
    assert "得分：71.95 / 100.00 (适用条目得分 59.00 / 82.00，加分 0.00)" in got
    out_of_scope = evaluated(std, outside)
    assert f"PRE-1   不符合               {out_of_scope.criteria['PRE-1'].explain('zh')}" in got
    assert "未满足的前提条件：PRE-1" in got
    assert rectification_lines(out_of_scope, "zh")[0] in got
    assert rectification_lines(out_of_scope, "zh")[0].startswith("  1. PRE-1 ")
    assert sum(line.startswith("== 窗口 ") for line in got) == 2
    assert sum(line.startswith("规则集：") for line in got) == 1


def test_evaluate_no_explain_shows_titles(runner: CliRunner, std: ws.Standard) -> None:
    code, out, _ = run(runner, "evaluate", str(WINDOW), "--no-explain")
    assert code == 0
    got = lines(out)
    title = evaluated(std, WINDOW).criteria["ENV-1"].title.zh
    assert "条目    状态      得分/满分  名称" in got
    assert f"ENV-1   符合      2.00/2.00  {title}" in got
    assert "整改清单：无" in got


# --- evaluate: json and exit codes ---------------------------------------------------------------------


def test_evaluate_json_is_an_array_of_results(runner: CliRunner, std: ws.Standard, tmp_path: Path) -> None:
    as_json = tmp_path / "window.json"
    data = yaml.safe_load(WINDOW.read_text(encoding="utf-8"))
    as_json.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(runner, "evaluate", str(WINDOW), str(as_json), "--format", "json")
    assert code == 0
    parsed = json.loads(out)
    expected = std.evaluate(data).model_dump(mode="json")
    assert parsed == [
        {"source": str(WINDOW), "result": expected},
        {"source": str(as_json), "result": expected},
    ]
    assert ws.Result.model_validate(parsed[0]["result"]).score == Decimal("100.00")


def test_evaluate_json_without_explanations(runner: CliRunner) -> None:
    code, out, _ = run(runner, "evaluate", str(WINDOW), "--format", "json", "--no-explain")
    assert code == 0
    ((_, result),) = (r.values() for r in json.loads(out))
    assert {c["explanation"] for c in result["criteria"].values()} == {None}


def test_exit_code_is_one_when_any_window_does_not_meet(runner: CliRunner) -> None:
    code, out, _ = run(runner, "evaluate", str(WINDOW), str(EXAMPLES / "2-rectify.yaml"), "--format", "json")
    assert code == 1
    assert [r["result"]["level"] for r in json.loads(out)] == ["meets", "rectify"]


def test_evaluate_with_a_rules_folder(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "variant"
    shutil.copytree(ROOT / "rules" / "cdpma-window-2013", folder, ignore=shutil.ignore_patterns("examples"))
    head = folder / "standard.yaml"
    head.write_text(
        head.read_text(encoding="utf-8").replace("pass_threshold: 90", "pass_threshold: 95"), "utf-8"
    )
    code, out, _ = run(
        runner, "evaluate", str(EXAMPLES / "1-meets.yaml"), "--rules", str(folder), "--format", "json"
    )
    assert code == 1
    ((_, result),) = (r.values() for r in json.loads(out))
    assert (result["level"], result["score"]) == ("rectify", "94.00")
    assert result["standard"]["digest"] == ws.load_standard(path=folder).digest


# --- evaluate: bad input -------------------------------------------------------------------------------


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_validation_errors_name_the_file_and_field_paths(runner: CliRunner, tmp_path: Path) -> None:
    data = yaml.safe_load(WINDOW.read_text(encoding="utf-8"))
    data["staff"]["in_uniform"] = 7
    data["lei_feng"]["activities"][2]["kind"] = "party"
    data["colour"] = "red"
    bad = write(tmp_path, "bad.yaml", yaml.safe_dump(data, allow_unicode=True))
    code, out, err = run(runner, "evaluate", str(bad), "--lang", "en")
    assert code == 2 and str(bad) not in out
    head, *details = lines(err)
    assert head == f"error: {bad}: not a valid window (3 errors)"
    assert [d.split(": ", 1)[1] for d in details] == [
        "staff.in_uniform: in_uniform (7) cannot exceed headcount (6)",
        "lei_feng.activities[2].kind: Input should be 'convenience_service', 'environment_cleanup', "
        "'order_keeping', 'elderly_disabled_help', 'other_volunteer', 'neighbourly_care', 'mutual_help', "
        "'civility_persuasion', 'etiquette_training', 'etiquette_contest', 'moral_lecture', "
        "'thrift_promotion' or 'policy_publicity' (received 'party')",
        "colour: Extra inputs are not permitted",
    ]


def test_every_bad_file_is_reported_and_the_good_ones_evaluated(runner: CliRunner, tmp_path: Path) -> None:
    files = [
        write(tmp_path, "syntax.yaml", "id: [1\n"),
        write(tmp_path, "syntax.json", '{"id": 1,}'),
        write(tmp_path, "list.yaml", "- 1\n"),
        write(tmp_path, "empty.yml", ""),
        write(tmp_path, "notes.txt", "x"),
        write(tmp_path, "big.yaml", "#" * (1024 * 1024 + 1)),
        write(tmp_path, "latin1.yaml", b"name: \xe9\n"),
        tmp_path / "missing.yaml",
        WINDOW,
    ]
    code, out, err = run(runner, "evaluate", *map(str, files), "--lang", "en", "--format", "summary")
    assert code == 2
    assert [line.split()[0] for line in lines(out)[2:3]] == [str(WINDOW)]
    heads = [line for line in lines(err) if line.startswith("error: ")]
    assert heads[0].startswith(f"error: {files[0]}: YAML syntax error: ")  # the C and Python parsers differ
    assert heads[1:] == [
        f"error: {files[1]}: JSON syntax error: Expecting property name enclosed in double quotes",
        f"error: {files[2]}: a window document holds one window (a mapping of fields), not a list",
        f"error: {files[3]}: a window document holds one window (a mapping of fields), not nothing",
        f"error: {files[4]}: unsupported file type '.txt'; use .yaml, .yml or .json",
        f"error: {files[5]}: file is 1048577 bytes, more than the limit of 1000000",
        f"error: {files[6]}: not UTF-8 text (invalid byte at offset 6); it looks like Latin-1",
        f"error: {files[7]}: cannot read the file: No such file or directory",
    ]
    assert "(hint: fix the YAML syntax at this place)" in err
    assert "  1:10: Expecting property name enclosed in double quotes" in err
    code, out, err = run(runner, "evaluate", *map(str, files), "--fail-fast")
    assert (code, len(lines(err))) == (2, 2)


def test_deeply_nested_document_is_bad_input(runner: CliRunner, tmp_path: Path) -> None:
    deep = write(tmp_path, "deep.json", '{"id": ' + "[" * 100_000 + "]" * 100_000 + "}")
    code, _, err = run(runner, "evaluate", str(deep), "--lang", "en")
    assert code == 2
    assert err == f"error: {deep}: document nested too deeply\n"


def test_invalid_rule_set_prints_the_rendered_problems(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    shutil.copytree(ROOT / "rules" / "cdpma-window-2013", folder, ignore=shutil.ignore_patterns("examples"))
    env = folder / "criteria" / "1-environment.yaml"
    env.write_text(
        env.read_text(encoding="utf-8").replace(
            "condition: environment.signage", "condition: environment.signag"
        ),
        "utf-8",
    )
    code, out, err = run(runner, "evaluate", str(WINDOW), "--rules", str(folder))
    assert (code, out) == (2, "")
    got = lines(err)
    assert got[:2] == ["error: invalid rule set", "1 problem in rule set:"]
    assert got[2].startswith(f"{env}:") and " WS303 " in got[2]


def test_rules_folder_without_standard(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "evaluate", str(WINDOW), "--rules", str(tmp_path))
    assert code == 2
    assert lines(err) == [
        "error: invalid rule set",
        "1 problem in rule set:",
        f"{tmp_path / 'standard.yaml'}:1:1: WS106 no standard.yaml in {tmp_path}",
        "    hint: point at an edition folder",
    ]


def test_standard_and_rules_together_are_refused(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(
        runner, "evaluate", str(WINDOW), "--standard", "cdpma-window-2013", "--rules", str(tmp_path)
    )
    assert (code, err) == (2, "error: give --standard or --rules, not both\n")


def test_unknown_standard_id(runner: CliRunner) -> None:
    code, _, err = run(runner, "evaluate", str(WINDOW), "--standard", "no-such-edition")
    assert code == 2
    assert err.startswith("error: ") and "'no-such-edition'" in err
    assert err.count("\n") == 1


# --- demo, standards, schema, main ---------------------------------------------------------------------


def top_rectification(std: ws.Standard, name: str, lang: str) -> str:
    item = evaluated(std, EXAMPLES / name).rectifications()[0]
    gain = f" (+{item.points})" if item.points is not None else ""
    return f"{item.id} {item.title.get(lang)}{gain}"  # type: ignore[arg-type]


def test_demo_summary_in_chinese(runner: CliRunner, std: ws.Standard) -> None:
    code, out, err = run(runner, "demo")
    assert (code, err) == (0, "")
    got = lines(out)
    assert got[0] == f"示例窗口评价（{EXAMPLES}）"
    # every column but the last (the top rectification, whose title comes from the rule files) is exact
    prefixes = {
        "1-meets.yaml": "1-meets.yaml         蜀都花园客户服务中心    "
        "青羊区 510105  达标 (meets)                    "
        "94.00  —          ",
        "2-rectify.yaml": "2-rectify.yaml       府河名城维修服务站      "
        "金牛区 510106  基本达标（限期整改） (rectify)  "
        "85.00  —          ",
        "3-fails-score.yaml": "3-fails-score.yaml   华瑞锦城苑业务受理中心  "
        "成华区 510108  未达标 (fails)                  "
        "71.95  —          ",
        "4-vetoed.yaml": "4-vetoed.yaml        盈创大厦客户服务中心    "
        "成都高新区     未达标 (fails)                  "
        "98.00  VETO-3     ",
        "5-out-of-scope.yaml": "5-out-of-scope.yaml  雄州新城客户服务中心    "
        "简阳市 512081  未达标 (fails)                  "
        "94.00  PRE-1      ",
    }
    assert {display_width(prefix) for prefix in prefixes.values()} == {110}
    expected = [prefix + top_rectification(std, name, "zh") for name, prefix in prefixes.items()]
    last = min(64, max(display_width(line) - 110 for line in expected))
    assert got[2:9] == [
        "文件                 窗口                    区(市)县       "
        "等级                             得分  否决/门槛  首要整改",
        "-------------------  ----------------------  -------------  ------------------------------  -----  ---------  "
        + "-" * last,
        *expected,
    ]
    assert [line.split("  ")[-1].split()[0] for line in got[4:9]] == [
        "ENV-7",
        "QLT-5",
        "ENV-2",
        "VETO-3",
        "PRE-1",
    ]
    assert got[10:12] == [
        f"规则集：cdpma-window-2013 2.0.0 (摘要 {std.digest[:12]})",
        "注意：本规则集为重构版本，并非官方标准。",
    ]


def test_demo_summary_in_english(runner: CliRunner, std: ws.Standard) -> None:
    code, out, _ = run(runner, "demo", "--lang", "en")
    assert code == 0
    got = lines(out)
    assert got[4] == (
        "1-meets.yaml         蜀都花园客户服务中心    "
        "Qingyang District 510105  Meets the standard (meets)             "
        f"94.00  —             {top_rectification(std, '1-meets.yaml', 'en')}"
    )
    assert "Note: this rule set is a reconstruction, not the official standard." in got


def test_standards_lists_the_packaged_edition(runner: CliRunner, std: ws.Standard) -> None:
    code, out, err = run(runner, "standards")
    assert (code, err) == (0, "")
    assert lines(out) == [
        "id                 version  from        to  provenance     digest",
        "-----------------  -------  ----------  --  -------------  " + "-" * 64,
        f"cdpma-window-2013  1.0.0    2013-03-12  —   reconstructed  {ws.load_standard(version='1.0.0').digest}",
        f"cdpma-window-2013  2.0.0    2013-03-12  —   reconstructed  {std.digest}",
    ]


def test_schema_status_write_and_check(runner: CliRunner, tmp_path: Path) -> None:
    code, out, _ = run(runner, "schema", "--dir", str(tmp_path))
    assert (code, lines(out)) == (0, [f"{tmp_path / name}: missing" for name in SCHEMA_FILES])
    code, _, err = run(runner, "schema", "--check", "--dir", str(tmp_path))
    assert (code, err) == (1, "schemas are out of date: run `window-standard schema --write`\n")
    code, out, _ = run(runner, "schema", "--write", "--dir", str(tmp_path))
    assert (code, lines(out)) == (0, [f"wrote {tmp_path / name}" for name in SCHEMA_FILES])
    generated = generate_schemas()
    for name in SCHEMA_FILES:
        assert (tmp_path / name).read_bytes() == render_schema(generated[name]).encode("utf-8")
    code, out, _ = run(runner, "schema", "--check", "--dir", str(tmp_path))
    assert (code, lines(out)) == (0, [f"{tmp_path / name}: current" for name in SCHEMA_FILES])
    (tmp_path / "result.schema.json").write_text("{}\n", encoding="utf-8")
    code, out, _ = run(runner, "schema", "--check", "--dir", str(tmp_path))
    assert code == 1
    assert lines(out)[1] == f"{tmp_path / 'result.schema.json'}: outdated"


def test_schema_write_and_check_together_are_refused(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "schema", "--write", "--check", "--dir", str(tmp_path))
    assert (code, err) == (2, "error: give --write or --check, not both\n")


def test_schema_check_of_the_committed_files(runner: CliRunner) -> None:
    code, out, _ = run(runner, "schema", "--check")
    assert (code, lines(out)) == (0, [f"{ROOT / 'schemas' / name}: current" for name in SCHEMA_FILES])


def test_main_entry_point(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["window-standard", "evaluate", str(WINDOW), "--format", "json"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 0
    (record,) = json.loads(capsys.readouterr().out)
    result = record["result"]
    assert (result["window_id"], result["level"], result["score"]) == ("cd-510107-0001", "meets", "100.00")


# --- rendering helpers ---------------------------------------------------------------------------------


def test_display_width_counts_chinese_as_two_columns() -> None:
    assert [display_width(s) for s in ("ab", "达标", "（1）", "e\u0301")] == [2, 4, 5, 1]


def test_table_aligns_mixed_text() -> None:
    assert table(["名称", "n"], [["达标", "1"], ["meets", "22"]], right=(1,)) == [
        "名称    n",
        "-----  --",
        "达标    1",
        "meets  22",
    ]


def test_wrap_keeps_latin_words_and_breaks_chinese() -> None:
    assert wrap("alpha beta gamma", 11) == ["alpha beta", "gamma"]
    assert wrap("成都市物业管理协会", 8) == ["成都市物", "业管理协", "会"]
    assert wrap("notice 成物协 ok.", 12) == ["notice 成物", "协 ok."]


@pytest.mark.slow
def test_demo_finds_the_examples_in_an_installed_layout(tmp_path: Path) -> None:
    """The wheel puts rules/ at window_standard/_rules/ (pyproject force-include); no source tree around."""
    site = tmp_path / "site"
    shutil.copytree(ROOT / "src" / "window_standard", site / "window_standard")
    shutil.copytree(ROOT / "rules", site / "window_standard" / "_rules")
    work = tmp_path / "elsewhere"
    work.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", "from window_standard.cli import main; main()", "demo", "--lang", "en"],
        cwd=work,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    folder = site / "window_standard" / "_rules" / "cdpma-window-2013" / "examples" / "windows"
    out = done.stdout.splitlines()
    assert out[0] == f"Example windows ({folder})"
    assert [line.split()[0] for line in out[4:9]] == sorted(EXPECTED)
