"""The golden-case runner: case files, overrides, located errors, outcomes, ``test`` command, table.

The pytest plugin that collects the same cases is tested in ``test_golden_plugin.py``.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import window_standard as ws
from window_standard._golden import (
    BEGIN,
    END,
    CaseFileError,
    Mismatch,
    coverage_table,
    load_suite,
    readme_table,
    run_folder,
    write_readme_table,
)
from window_standard.cli import app

ROOT = Path(__file__).resolve().parents[2]
PACKAGED = ROOT / "rules" / "cdpma-window-2013"

PASSING = """\
- name: base-passes
  description: the base window as it is
  base: base-window.yaml
  expect: {level: meets, score: "100.00", vetoes: [], prerequisites: []}
"""

FAILING = """\
- name: wrong-everywhere
  description: every expectation is wrong
  base: base-window.yaml
  set: {environment.accessible_entrance: false}
  expect:
    level: rectify
    score: "98.00"
    bonus: "1.00"
    criteria: {ENV-9: "1.00", ENV-1: "2.00"}
    status: {ENV-9: pass, PRE-1: pass}
    vetoes: [VETO-1]
    prerequisites: [PRE-4]
"""


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A copy of the packaged rule set with its base windows but no case files."""
    folder = tmp_path / "rules"
    shutil.copytree(PACKAGED, folder, ignore=shutil.ignore_patterns("cases", "examples"))
    (folder / "cases").mkdir()
    for base in (PACKAGED / "cases").glob("base-*.yaml"):
        shutil.copy(base, folder / "cases" / base.name)
    return folder


def write(rules: Path, name: str, text: str) -> Path:
    path = rules / "cases" / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(rules: Path) -> str:
    """The rendered CaseFileError of loading the cases, with paths relative to the cases folder."""
    with pytest.raises(CaseFileError) as caught:
        run_folder(rules)
    return str(caught.value).replace(str(rules / "cases") + os.sep, "")


# --- running -----------------------------------------------------------------------------------


def test_run_folder_reports_every_mismatch(rules: Path) -> None:
    write(rules, "a.yaml", PASSING + FAILING)
    report = run_folder(rules)
    assert report.summary == "1 passed, 1 failed"
    assert (report.passed, report.failed) == (1, 1)
    good, bad = report.outcomes
    assert good.passed and good.lines() == ["PASS base-passes"]
    assert str(good.location) == f"{rules / 'cases' / 'a.yaml'}:1:3"
    assert bad.mismatches == (
        Mismatch("level", "rectify", "meets"),
        Mismatch("score", "98.00", "99.00"),
        Mismatch("bonus", "1.00", "0.00"),
        Mismatch("criteria.ENV-9", "1.00", "0.00", "step-free accessible entrance: no"),
        Mismatch("status.ENV-9", "pass", "fail", "step-free accessible entrance: no"),
        Mismatch("vetoes", "[VETO-1]", "[]"),
        Mismatch("prerequisites", "[PRE-4]", "[]"),
    )
    assert bad.lines() == [
        f"FAIL wrong-everywhere ({rules / 'cases' / 'a.yaml'}:5:3)",
        "     level: expected rectify, got meets",
        "     score: expected 98.00, got 99.00",
        "     bonus: expected 1.00, got 0.00",
        "     criteria.ENV-9: expected 1.00, got 0.00 — step-free accessible entrance: no",
        "     status.ENV-9: expected pass, got fail — step-free accessible entrance: no",
        "     vetoes: expected [VETO-1], got []",
        "     prerequisites: expected [PRE-4], got []",
    ]
    standard = ws.load_standard(path=rules)
    assert report.standard == {"id": standard.id, "version": standard.version, "digest": standard.digest}


def test_keyword_selects_cases_by_substring(rules: Path) -> None:
    write(rules, "a.yaml", PASSING + FAILING)
    assert [o.name for o in run_folder(rules, keyword="base").outcomes] == ["base-passes"]
    assert run_folder(rules, keyword="nothing-matches").outcomes == ()


def test_report_to_dict_is_json_native(rules: Path) -> None:
    write(rules, "a.yaml", FAILING)
    data = run_folder(rules).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["passed"] == 0 and data["failed"] == 1
    assert data["cases"][0]["mismatches"][0] == {
        "field": "level",
        "expected": "rectify",
        "actual": "meets",
        "note": "",
    }


def test_points_and_ids_compare_exactly_and_lists_ignore_order(rules: Path) -> None:
    write(
        rules,
        "a.yaml",
        """\
- name: order-free
  description: vetoes listed in another order; not-applicable points are null
  base: base-window.yaml
  set:
    kind: business_acceptance_centre
    incidents: {major_safety_accident: true, illegal_charging_confirmed: true, falsified_materials: false}
  expect:
    score: "100"
    vetoes: [VETO-2, VETO-1]
    criteria: {PRC-5: null, ENV-1: "2"}
""",
    )
    assert run_folder(rules).summary == "1 passed, 0 failed"


# --- overrides -----------------------------------------------------------------------------------


def test_set_and_remove_build_the_window(rules: Path) -> None:
    write(
        rules,
        "a.yaml",
        """\
- name: overrides
  description: replace, index into a list, set null, remove
  base: base-window.yaml
  set:
    staff: {headcount: 2, in_uniform: 2}
    lei_feng.activities.4.date: 2013-02-28
    process.logs: null
  remove: [quality.survey, incidents]
  as_of: 2017-01-01
  expect: {level: meets}
""",
    )
    _, (case,) = load_suite(rules)
    window = case.window
    assert window.staff.headcount == 2 and window.staff.with_badge is None
    assert window.lei_feng.activities is not None
    assert window.lei_feng.activities[4].date == date(2013, 2, 28)
    assert window.lei_feng.activities[3].date == date(2013, 4, 27)
    assert window.process.logs is None
    assert window.quality.survey is None and window.quality.repairs is not None
    assert window.incidents.major_safety_accident is None
    assert case.as_of == date(2017, 1, 1)
    assert case.targets == ()


def test_cases_do_not_share_or_change_the_base(rules: Path) -> None:
    write(
        rules,
        "a.yaml",
        """\
- name: first
  description: changes a nested value
  base: base-window.yaml
  set: {lei_feng.volunteer_team.members: 1}
  expect: {level: meets}
- name: second
  description: sees the base unchanged
  base: base-window.yaml
  expect: {level: meets}
""",
    )
    _, (first, second) = load_suite(rules)
    assert first.window.lei_feng.volunteer_team is not None
    assert first.window.lei_feng.volunteer_team.members == 1
    assert second.window.lei_feng.volunteer_team is not None
    assert second.window.lei_feng.volunteer_team.members == 12


# --- located problems ---------------------------------------------------------------------------


def test_shape_problems_are_located(rules: Path) -> None:
    write(
        rules,
        "a.yaml",
        """\
- name: empty-expect
  description: asserts nothing
  base: base-window.yaml
  expect: {}
- name: unknown-key
  description: a key the format does not know
  base: base-window.yaml
  colour: red
  expect: {level: meets}
- name: three-places
  description: points with three decimal places
  base: base-window.yaml
  expect: {score: 1.234, bonus: true}
- name: null-expect
  description: expect left empty
  base: base-window.yaml
  expect:
- name: Bad Name
  description: not a slug
  base: ../base-window.yaml
  expect: {level: meets}
""",
    )
    hint = "hint: see the golden case format in the rule set's README.md"
    assert problems(rules) == "\n".join(
        [
            "7 problems in golden case files:",
            "a.yaml:4:11: WS203 invalid value at [0].expect: a case must expect something: give at least "
            "one of level, score, bonus, criteria, status, vetoes, prerequisites",
            f"    {hint}",
            "a.yaml:8:3: WS201 unknown key 'colour' at [1].colour",
            "    hint: allowed keys here: as_of, base, description, expect, name, remove, set",
            "a.yaml:13:19: WS203 invalid value at [2].expect.score: 1.234 is not a decimal with at most two "
            "places",
            f"    {hint}",
            "a.yaml:13:33: WS203 invalid value at [2].expect.bonus: points are written as a decimal string "
            'such as "89.99", not True',
            f"    {hint}",
            "a.yaml:17:10: WS203 invalid value at [3].expect: a case must expect something: give at least "
            "one of level, score, bonus, criteria, status, vetoes, prerequisites",
            f"    {hint}",
            "a.yaml:18:9: WS203 invalid value at [4].name: String should match pattern "
            "'^[a-z0-9][a-z0-9._-]*$'",
            f"    {hint}",
            "a.yaml:20:9: WS203 invalid value at [4].base: String should match pattern "
            "'^base-[A-Za-z0-9_.-]+\\.yaml$'",
            f"    {hint}",
        ]
    )


def test_expectations_are_checked_against_the_standard(rules: Path) -> None:
    write(
        rules,
        "a.yaml",
        """\
- name: bad-ids
  description: ids and levels the standard does not know, or of the wrong kind
  base: base-window.yaml
  expect:
    level: meet
    criteria: {PRE-1: "1.00", ENV-10: "2"}
    status: {VETO-1: partial, PRE-2: not_applicable, ENV-1: partial}
    vetoes: [PRE-1]
    prerequisites: [VETO-9]
""",
    )
    assert problems(rules) == "\n".join(
        [
            "7 problems in golden case files:",
            "a.yaml:5:12: WS203 unknown level 'meet'",
            "    hint: did you mean 'meets'?",
            "a.yaml:6:16: WS203 PRE-1 is a prerequisite and has no points",
            "    hint: expect its status instead: status: {PRE-1: ...}",
            "a.yaml:6:31: WS203 unknown criterion id 'ENV-10'",
            "    hint: did you mean 'ENV-1'?",
            "a.yaml:7:22: WS203 VETO-1 is a veto: its status is pass, fail or no_data, not partial",
            "    hint: see the golden case format in the rule set's README.md",
            "a.yaml:7:38: WS203 PRE-2 is a prerequisite: its status is pass, fail or no_data, not "
            "not_applicable",
            "    hint: see the golden case format in the rule set's README.md",
            "a.yaml:8:14: WS203 PRE-1 is a prerequisite, not a veto",
            "    hint: list only veto ids here",
            "a.yaml:9:21: WS203 unknown criterion id 'VETO-9'",
            "    hint: did you mean 'VETO-4'?",
        ]
    )


def test_override_and_window_problems_are_located(rules: Path) -> None:
    write(
        rules,
        "a.yaml",
        """\
- name: bad-paths
  description: paths that do not exist in the base
  base: base-window.yaml
  set:
    lei_feng.foo: 1
    lei_feng.volunteer_team.members.x: 1
    lei_feng.activities.11.date: 2013-05-01
  remove: [incidents.major_safety_accident.y]
  expect: {level: meets}
- name: invalid-window
  description: more staff in uniform than staff
  base: base-window.yaml
  set: {staff.in_uniform: 9}
  expect: {level: meets}
- name: invalid-window
  description: a duplicate name, and a base that does not exist
  base: base-missing.yaml
  expect: {level: meets}
""",
    )
    assert problems(rules) == "\n".join(
        [
            "7 problems in golden case files:",
            "a.yaml:5:5: WS203 cannot set 'lei_feng.foo': no key 'foo' in lei_feng of the base window",
            "    hint: keys here: volunteer_team, activities, publicity_platforms, reports_to_association, "
            "moral_lecture_hall",
            "a.yaml:6:5: WS203 cannot set 'lei_feng.volunteer_team.members.x': "
            "lei_feng.volunteer_team.members is 12 in the base window, not a mapping or list",
            "    hint: set the whole 'lei_feng.volunteer_team.members' instead",
            "a.yaml:7:5: WS203 cannot set 'lei_feng.activities.11.date': lei_feng.activities has 11 items; "
            "'11' is not an index of it",
            "    hint: use an index from 0 to 10",
            "a.yaml:8:12: WS203 cannot remove 'incidents.major_safety_accident.y': "
            "incidents.major_safety_accident is false in the base window, not a mapping or list",
            "    hint: set the whole 'incidents.major_safety_accident' instead",
            "a.yaml:13:9: WS203 case 'invalid-window': the window is invalid at staff.in_uniform: "
            "in_uniform (9) cannot exceed headcount (6)",
            "    hint: change the overrides so the window is valid",
            "a.yaml:15:9: WS204 duplicate case name 'invalid-window' (first at a.yaml:10:9)",
            "    hint: give every case its own name",
            "a.yaml:17:9: WS106 base window 'base-missing.yaml' not found in " + str(rules / "cases"),
            "    hint: base windows here: base-empty.yaml, base-window.yaml",
        ]
    )


def test_problems_of_several_files_are_reported_together(rules: Path) -> None:
    write(rules, "a.yaml", "- name: x\n  description: y\n  base: base-window.yaml\n  expect: {level: nope}\n")
    write(rules, "b.yaml", "cases: []\n")
    write(rules, "c.yaml", "- name: [unclosed\n")
    message = problems(rules)
    assert message.splitlines()[0] == "3 problems in golden case files:"
    assert "a.yaml:4:19: WS203 unknown level 'nope'" in message
    assert "b.yaml:1:1: WS203 a case file must be a non-empty list of cases" in message
    assert "c.yaml:2:1: WS101 YAML syntax error" in message


def test_an_invalid_base_window_is_located_in_the_base(rules: Path) -> None:
    write(rules, "base-broken.yaml", "id: x\nname: y\nkind: shop\ndistrict: '510107'\n")
    case = "- name: x\n  description: y\n  base: base-broken.yaml\n  expect: {level: meets}\n"
    write(rules, "a.yaml", case)
    message = problems(rules)
    assert message.splitlines()[0] == "3 problems in golden case files:"
    assert "base-broken.yaml:3:1: WS203 base window is invalid at kind: Input should be " in message
    assert "base-broken.yaml:1:1: WS203 base window is invalid at assessed_on: Field required" in message


def test_a_folder_without_case_files_is_an_error(rules: Path) -> None:
    with pytest.raises(CaseFileError) as caught:
        run_folder(rules)
    where = rules / "cases"
    assert str(caught.value) == (
        f"1 problem in golden case files:\n{where}:1:1: WS106 no case files in {where}\n"
        "    hint: add cases/*.yaml files"
    )
    assert isinstance(caught.value, ws.RuleDefinitionError)


# --- the command ---------------------------------------------------------------------------------


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["test", *args])
    return result.exit_code, result.stdout, result.stderr


def test_command_passes_with_exit_0(rules: Path) -> None:
    write(rules, "a.yaml", PASSING)
    code, out, _ = invoke(str(rules))
    standard = ws.load_standard(path=rules)
    assert code == 0
    assert out.splitlines() == [
        f"cdpma-window-2013 {standard.version} (digest {standard.digest[:12]}): 1 cases",
        "PASS base-passes",
        "1 passed, 0 failed",
    ]


def test_command_fails_with_exit_1_and_details(rules: Path) -> None:
    write(rules, "a.yaml", PASSING + FAILING)
    code, out, _ = invoke(str(rules))
    lines = out.splitlines()
    assert code == 1
    assert lines[1:4] == [
        "PASS base-passes",
        f"FAIL wrong-everywhere ({rules / 'cases' / 'a.yaml'}:5:3)",
        "     level: expected rectify, got meets",
    ]
    assert lines[-1] == "1 passed, 1 failed"


def test_command_keyword_and_json(rules: Path) -> None:
    write(rules, "a.yaml", PASSING + FAILING)
    code, out, _ = invoke(str(rules), "-k", "base", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert [c["name"] for c in data["cases"]] == ["base-passes"]
    assert (data["passed"], data["failed"]) == (1, 0)
    code, out, _ = invoke(str(rules), "-k", "zzz")
    assert code == 1
    assert out.splitlines()[-2:] == ["no case name contains 'zzz'", "0 passed, 0 failed"]


def test_command_exit_2_for_invalid_case_files(rules: Path) -> None:
    write(rules, "a.yaml", "- name: x\n  description: y\n  base: base-window.yaml\n  expect: {}\n")
    code, out, err = invoke(str(rules))
    assert code == 2
    assert out == ""
    assert err.splitlines()[:2] == [
        "1 problem in golden case files:",
        f"{rules / 'cases' / 'a.yaml'}:4:11: WS203 invalid value at [0].expect: a case must expect "
        "something: give at least one of level, score, bonus, criteria, status, vetoes, prerequisites",
    ]


def test_command_exit_2_for_a_missing_folder(tmp_path: Path) -> None:
    code, _, err = invoke(str(tmp_path / "nope"))
    assert code == 2
    assert err == f"error: {tmp_path / 'nope'} is not a folder\n"


# --- the table -----------------------------------------------------------------------------------


def test_coverage_table_lists_cases_per_rule(rules: Path) -> None:
    write(rules, "a.yaml", PASSING + FAILING)
    table = coverage_table(rules).splitlines()
    assert table[:2] == [
        "| id | kind / category | points | title (zh) | provenance | clause | cases |",
        "|---|---|---|---|---|---|---|",
    ]
    rows = {line.split(" | ")[0][2:]: line for line in table[2:]}
    assert rows["PRE-1"] == (
        "| PRE-1 | prerequisite | — | 窗口位于成都市行政区域内 | notice | notice §2 | wrong-everywhere |"
    )
    assert rows["PRE-4"].endswith("| notice | notice §5(1) | wrong-everywhere |")
    assert rows["VETO-1"] == (
        "| VETO-1 | veto | — | 发生重大安全责任事故 | reconstructed | — | wrong-everywhere |"
    )
    assert rows["ENV-9"] == "| ENV-9 | ENV | 1 | 设置无障碍通道 | reconstructed | — | wrong-everywhere |"
    assert rows["LF-2"] == (
        "| LF-2 | LF | 6 | 开展志愿服务活动 | notice (threshold reconstructed) | notice §3(1) | **none** |"
    )
    assert rows["BON-1"] == (
        "| BON-1 | bonus | +2 | 开设道德讲堂 | notice (threshold reconstructed) | notice §3(2) | **none** |"
    )
    assert len(rows) == len(ws.load_standard(path=rules).criteria)


def test_write_readme_table_rewrites_between_the_markers(rules: Path) -> None:
    write(rules, "a.yaml", PASSING + FAILING)
    readme = rules / "README.md"
    readme.write_text(f"# title\n\ntext\n\n{BEGIN}\nstale\n{END}\n\nafter\n", encoding="utf-8")
    assert write_readme_table(rules) is True
    text = readme.read_text(encoding="utf-8")
    assert text.startswith(f"# title\n\ntext\n\n{BEGIN}\n| id |")
    assert text.endswith(f" |\n{END}\n\nafter\n")
    assert readme_table(text) == coverage_table(rules)
    assert write_readme_table(rules) is False


def test_readme_without_markers(rules: Path) -> None:
    write(rules, "a.yaml", PASSING)
    (rules / "README.md").write_text("# no markers\n", encoding="utf-8")
    assert readme_table("# no markers\n") is None
    with pytest.raises(ValueError, match="has no '<!-- BEGIN GENERATED TABLE -->' … "):
        write_readme_table(rules)


# --- decimals ------------------------------------------------------------------------------------


def test_points_survive_as_decimals(rules: Path) -> None:
    write(rules, "a.yaml", PASSING)
    _, (case,) = load_suite(rules)
    assert case.expect.score == Decimal("100.00")
    assert isinstance(case.expect.score, Decimal)
