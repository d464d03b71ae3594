"""``window-standard lint``: one broken rule set per code, each asserting the whole output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from window_standard._lint import LINT_CODES, lint_rule_set, render_text
from window_standard.cli import app

HERE = Path(__file__).resolve().parent
PACKAGED = HERE.parent.parent / "rules" / "cdpma-window-2013"
CRITERIA = "{dir}/criteria/1-criteria.yaml"

EXPECTED: dict[str, str] = {
    "base": "0 errors, 0 warnings",
    "check-monotonicity-bug": "0 errors, 0 warnings",
    "wl102-id-prefix": (
        f"{CRITERIA}:38:7: WL102 warning: criterion id 'ENV-9' does not start with its category 'STF'\n"
        "    hint: name it STF-<n>, so that ids say where criteria count\n"
        "0 errors, 1 warning"
    ),
    "wl201-score-exceeds-points": (
        f"{CRITERIA}:33:10: WL201 warning: ENV-2: the score can exceed its 30 points before clamping "
        "(up to 60)\n"
        "    hint: clamping makes this safe; write min(points, ...) to say so\n"
        "0 errors, 1 warning"
    ),
    "wl202-score-below-zero": (
        f"{CRITERIA}:45:10: WL202 warning: STF-1: the score can go below 0 before clamping "
        "(it has no lower bound)\n"
        "    hint: clamping makes this safe (扣完为止); write max(0, ...) to say so\n"
        "0 errors, 1 warning"
    ),
    "wl203-never-full-points": (
        f"{CRITERIA}:23:10: WL203 error: ENV-1: the score can never reach full points: it is at most 15, "
        "below 20\n"
        "    hint: make full marks reachable, or lower the criterion's points\n"
        "1 error, 0 warnings"
    ),
    "wl204-never-above-zero": (
        f"{CRITERIA}:23:10: WL204 error: ENV-1: the score can never be above 0 (it is at most 0)\n"
        "    hint: the criterion can never earn points: check the signs and the deductions\n"
        "1 error, 0 warnings"
    ),
    "wl211-threshold-unreachable": (
        f"{CRITERIA}:53:14: WL211 error: QLT-1.condition: "
        "`ratio(quality.survey.satisfied, quality.survey.sampled) >= params.satisfaction_full` can never be "
        "true (ratio(quality.survey.satisfied, quality.survey.sampled) is from 0 to 1; "
        "params.satisfaction_full is 1.2)\n"
        "    hint: the threshold is out of reach: check the number and the operator\n"
        "1 error, 0 warnings"
    ),
    "wl212-comparison-always-true": (
        f"{CRITERIA}:55:14: WL212 warning: QLT-1.condition: `rate >= 0` is always true when there is data "
        "(rate is from 0 to 1)\n"
        "    hint: the test decides nothing: check the number and the operator\n"
        "0 errors, 1 warning"
    ),
    "wl221-constant-condition": (
        f"{CRITERIA}:6:14: WL221 error: PRE-1.condition is always true for every window kind: "
        "it decides nothing\n"
        "    hint: the test does not depend on the window: check it\n"
        "1 error, 0 warnings"
    ),
    "wl222-applies-always": (
        f"{CRITERIA}:44:17: WL222 warning: STF-1.applies_when is always true\n"
        "    hint: remove applies_when: the criterion always applies\n"
        "0 errors, 1 warning"
    ),
    "wl231-applies-to-no-kind": (
        f"{CRITERIA}:44:17: WL231 error: STF-1.applies_when excludes every window kind: "
        "the criterion never applies\n"
        "    hint: check the kinds it names (and/or)\n"
        "1 error, 0 warnings"
    ),
    "wl241-unused-parameter": (
        "{dir}/standard.yaml:16:3: WL241 warning: parameter 'max_complaint_reply_hours' is declared but "
        "never used\n"
        "    hint: remove it, or use it as params.max_complaint_reply_hours\n"
        "0 errors, 1 warning"
    ),
    "wl242-unused-constant": (
        "{dir}/standard.yaml:18:3: WL242 warning: constant 'REQUIRED_LOGS' is declared but never used\n"
        "    hint: remove it, or use it in an expression\n"
        "0 errors, 1 warning"
    ),
    "wl251-quote-not-in-sources": (
        f"{CRITERIA}:4:40: WL251 error: PRE-1: the quote “在受聘提供优质物业服务的区域内设立的窗口” is not "
        "in the notice text (notice.txt)\n"
        "    hint: quote the notice verbatim (punctuation and spacing may differ) or mark it reconstructed\n"
        "1 error, 0 warnings"
    ),
    "wl252-no-sources": (
        "{dir}/standard.yaml:6:13: WL252 warning: 1 criterion quotes the notice, but there is no "
        "sources/*.txt to check the quotes against\n"
        "    hint: put the notice's text in sources/<name>.txt\n"
        "0 errors, 1 warning"
    ),
    "wl261-levels-out-of-order": (
        "{dir}/standard.yaml:34:16: WL261 error: level 'rectify' needs 90 points, more than the better "
        "level 'meets' (80) on 2013-03-12\n"
        "    hint: list levels best first, with thresholds from high to low\n"
        "1 error, 0 warnings"
    ),
    "wl262-threshold-above-total": (
        "{dir}/standard.yaml:31:16: WL262 error: level 'meets' needs 120 points, more than the total 100\n"
        "    hint: no window can reach it: lower the threshold\n"
        "1 error, 0 warnings"
    ),
    "ws204-duplicate-id": (
        f"{CRITERIA}:25:7: WS204 error: duplicate criterion id 'ENV-1'\n"
        "    hint: give each criterion its own id\n"
        "1 error, 0 warnings"
    ),
    "ws206-points-do-not-add-up": (
        "{dir}/standard.yaml:19:3: WS206 error: categories add up to 105 points, not the total 100\n"
        "    hint: fix the categories' points or the total\n"
        "{dir}/standard.yaml:27:13: WS206 error: criteria of category QLT add up to 20.00 points, not 25\n"
        "    hint: make the criteria's points match the category\n"
        "2 errors, 0 warnings"
    ),
    "ws303-explain-unknown-name": (
        f"{CRITERIA}:36:11: WS303 error: in ENV-2.explain.en: unknown name 'facility_kinds'\n"
        "    hint: known names: HOTLINES, address, assessed_on, assessor, district, environment, id, "
        "incidents, kind, kind_other, kinds, lei_feng ...\n"
        "1 error, 0 warnings"
    ),
    "ws303-undeclared-parameter": (
        f"{CRITERIA}:45:53: WS303 error: in STF-1.score: unknown parameter 'params.violation_deduction'\n"
        "    hint: known parameters: min_facility_kinds, pass_threshold, rectify_threshold, "
        "satisfaction_full\n"
        "1 error, 0 warnings"
    ),
}


def _fixtures() -> list[str]:
    return sorted(p.name for p in HERE.iterdir() if (p / "standard.yaml").is_file())


def test_every_fixture_has_an_expectation() -> None:
    assert _fixtures() == sorted(EXPECTED)


def test_every_lint_code_has_its_broken_rule_set() -> None:
    prefixes = {name.split("-", 1)[0].upper() for name in _fixtures() if name.startswith("wl")}
    assert prefixes == set(LINT_CODES)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_lint_output(name: str) -> None:
    folder = HERE / name
    assert render_text(lint_rule_set(folder)) == EXPECTED[name].replace("{dir}", str(folder))


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.startswith("wl")))
def test_each_broken_copy_yields_exactly_its_own_code(name: str) -> None:
    findings = lint_rule_set(HERE / name)
    code = name.split("-", 1)[0].upper()
    assert [f.code for f in findings] == [code]
    assert findings[0].severity == LINT_CODES[code][0]


def test_packaged_rule_set_has_only_the_deduction_warnings() -> None:
    findings = lint_rule_set(PACKAGED)
    staff = f"{PACKAGED}/criteria/2-staff.yaml"
    quality = f"{PACKAGED}/criteria/4-quality.yaml"
    hint = "\n    hint: clamping makes this safe (扣完为止); write max(0, ...) to say so"
    assert render_text(findings) == (
        f"{staff}:12:10: WL202 warning: STF-1: the score can go below 0 before clamping "
        f"(it has no lower bound){hint}\n"
        f"{staff}:32:10: WL202 warning: STF-2: the score can go below 0 before clamping "
        f"(it has no lower bound){hint}\n"
        f"{staff}:113:10: WL202 warning: STF-6: the score can go below 0 before clamping "
        f"(it has no lower bound){hint}\n"
        f"{quality}:34:10: WL202 warning: QLT-2: the score can go below 0 before clamping "
        f"(down to -95){hint}\n"
        "0 errors, 4 warnings"
    )


runner = CliRunner()


def test_cli_exits_1_on_an_error_finding() -> None:
    folder = HERE / "wl203-never-full-points"
    result = runner.invoke(app, ["lint", str(folder)])
    assert result.exit_code == 1
    assert result.stdout == EXPECTED["wl203-never-full-points"].replace("{dir}", str(folder)) + "\n"


def test_cli_exits_0_on_warnings_only() -> None:
    result = runner.invoke(app, ["lint", str(HERE / "wl241-unused-parameter")])
    assert result.exit_code == 0
    assert result.stdout.endswith("0 errors, 1 warning\n")


def test_cli_exits_1_on_a_rule_set_that_does_not_load() -> None:
    result = runner.invoke(app, ["lint", str(HERE / "ws204-duplicate-id")])
    assert result.exit_code == 1
    assert "WS204 error: duplicate criterion id 'ENV-1'" in result.stdout


def test_cli_exits_2_without_a_rule_set(tmp_path: Path) -> None:
    result = runner.invoke(app, ["lint", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path} is not a rule set folder (no standard.yaml)\n"


def test_cli_json_format() -> None:
    folder = HERE / "wl211-threshold-unreachable"
    result = runner.invoke(app, ["lint", str(folder), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "code": "WL211",
            "severity": "error",
            "title": "comparison can never be true (threshold never reached)",
            "message": "QLT-1.condition: `ratio(quality.survey.satisfied, quality.survey.sampled) >= "
            "params.satisfaction_full` can never be true (ratio(quality.survey.satisfied, "
            "quality.survey.sampled) is from 0 to 1; params.satisfaction_full is 1.2)",
            "hint": "the threshold is out of reach: check the number and the operator",
            "file": f"{folder}/criteria/1-criteria.yaml",
            "line": 53,
            "column": 14,
        }
    ]


def test_cli_json_keeps_ws_codes_and_their_titles() -> None:
    result = runner.invoke(app, ["lint", str(HERE / "ws204-duplicate-id"), "--format", "json"])
    (finding,) = json.loads(result.stdout)
    assert (finding["code"], finding["severity"], finding["title"]) == ("WS204", "error", "duplicate id")


def test_lint_checks_the_campaign_file(tmp_path: Path) -> None:
    folder = tmp_path / "cdpma-window-2013"
    shutil.copytree(PACKAGED, folder)
    campaign = folder / "campaign.yaml"
    text = campaign.read_text(encoding="utf-8")
    old = '      condition: accepted and level == "meets"'
    assert old in text
    campaign.write_text(text.replace(old, "      condition: accepted and level == meets_x"), encoding="utf-8")
    findings = lint_rule_set(folder)
    (error,) = [f for f in findings if f.severity == "error"]
    assert error.location is not None
    assert (error.code, Path(error.location.file).name) == ("WS303", "campaign.yaml")
    assert "unknown name 'meets_x'" in error.message
