"""The pytest plugin (``window_standard._golden.plugin``): golden cases collected as named test items."""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import shutil
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from window_standard._golden import load_suite

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "errors" / "minimal"
EXAMPLE_WINDOW = ROOT / "tests" / "data" / "window-example.yaml"

STAFF_CASES = """\
- name: two-out-of-uniform
  description: the case expects full marks although two staff are out of uniform
  base: base-window.yaml
  set: {staff.in_uniform: 4}
  expect: {level: meets, criteria: {STF-1: "6.00", LF-1: "4.00"}}
- name: all-in-uniform
  description: every member of staff in uniform
  base: base-window.yaml
  expect: {level: meets, score: "10.00", criteria: {STF-1: "6.00"}}
"""

LF_CASES = """\
- name: four-activities
  description: four volunteer activities in the period give full marks
  base: base-window.yaml
  expect: {criteria: {LF-1: "4.00"}, status: {LF-1: pass}}
"""


def plugin_args() -> list[str]:
    """``-p`` for the plugin when pytest will not load it from the installed entry point by itself."""
    installed = importlib.metadata.entry_points(group="pytest11", name="window_standard")
    if installed and not os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        return []
    return ["-p", "window_standard._golden.plugin"]


@pytest.fixture
def edition(pytester: pytest.Pytester) -> Path:
    """``my_rules/mini-window/``: the minimal rule set with two case files (one case fails)."""
    folder = pytester.path / "my_rules" / "mini-window"
    shutil.copytree(MINIMAL, folder)
    cases = folder / "cases"
    cases.mkdir()
    shutil.copy(EXAMPLE_WINDOW, cases / "base-window.yaml")
    (cases / "lf.yaml").write_text(LF_CASES, encoding="utf-8")
    (cases / "staff.yaml").write_text(STAFF_CASES, encoding="utf-8")
    return folder


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:cacheprovider", *plugin_args(), *args)


def test_each_case_is_an_item_named_after_it(pytester: pytest.Pytester, edition: Path) -> None:
    result = run(pytester, "-v", "my_rules")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "my_rules/mini-window/cases/lf.yaml::four-activities PASSED*",
            "my_rules/mini-window/cases/staff.yaml::two-out-of-uniform FAILED*",
            "my_rules/mini-window/cases/staff.yaml::all-in-uniform PASSED*",
        ]
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_a_failure_shows_the_case_and_the_differences_without_a_traceback(
    pytester: pytest.Pytester, edition: Path
) -> None:
    result = run(pytester, "my_rules/mini-window")
    result.stdout.fnmatch_lines(
        [
            "*_ golden case two-out-of-uniform _*",
            "the case expects full marks although two staff are out of uniform",
            "FAIL two-out-of-uniform (my_rules/mini-window/cases/staff.yaml:1:3)",
            "     level: expected meets, got fails",
            "     criteria.STF-1: expected 6.00, got 0.00 — Staff in uniform: not met (rule "
            "`staff.in_uniform >= staff.headcount`; staff.in_uniform = 4; staff.headcount = 6)",
        ]
    )
    text = result.stdout.str()
    assert "LF-1" not in text.split("FAIL two-out-of-uniform", 1)[1].split("short test summary")[0]
    assert "Traceback" not in text and "def runtest" not in text and "GoldenMismatch" not in text


def test_keyword_and_exitfirst_select_cases(pytester: pytest.Pytester, edition: Path) -> None:
    run(pytester, "my_rules", "-k", "uniform and not two").assert_outcomes(passed=1, deselected=2)
    run(pytester, "my_rules", "-k", "lf.yaml").assert_outcomes(passed=1, deselected=2)
    run(pytester, "my_rules", "-x").assert_outcomes(passed=1, failed=1)


def test_junit_xml_names_every_case(pytester: pytest.Pytester, edition: Path) -> None:
    run(pytester, "my_rules", "--junitxml=report.xml")
    cases = ET.parse(pytester.path / "report.xml").getroot().iter("testcase")
    found = {case.get("name"): case for case in cases}
    assert set(found) == {"four-activities", "two-out-of-uniform", "all-in-uniform"}
    assert found["all-in-uniform"].get("classname") == "my_rules.mini-window.cases.staff.yaml"
    failure = found["two-out-of-uniform"].find("failure")
    assert failure is not None and failure.text is not None
    assert "my_rules/mini-window/cases/staff.yaml:1:3" in failure.text
    assert "criteria.STF-1: expected 6.00, got 0.00" in failure.text
    assert found["four-activities"].find("failure") is None


def test_a_pointer_file_collects_the_folder_it_names(pytester: pytest.Pytester, edition: Path) -> None:
    pytester.path.joinpath("suite").mkdir()
    pytester.path.joinpath("suite", "mini.golden.yaml").write_text(
        "rules: ../my_rules/mini-window\n", encoding="utf-8"
    )
    result = run(pytester, "-v", "suite")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["suite/mini.golden.yaml::two-out-of-uniform FAILED*"])


def test_a_bad_pointer_file_is_a_collection_error(pytester: pytest.Pytester) -> None:
    pytester.path.joinpath("x.golden.yaml").write_text("rules: nowhere\nextra: 1\n", encoding="utf-8")
    result = run(pytester)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*x.golden.yaml: expected exactly one key, 'rules: <rule set folder>'"])


def test_an_invalid_case_file_is_a_located_collection_error(pytester: pytest.Pytester, edition: Path) -> None:
    bad = STAFF_CASES.replace('STF-1: "6.00", LF-1', 'STF-9: "6.00", LF-1')
    (edition / "cases" / "staff.yaml").write_text(bad, encoding="utf-8")
    result = run(pytester, "my_rules", "--continue-on-collection-errors")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR collecting my_rules/mini-window/cases/staff.yaml*",
            "1 problem in golden case files:",
            "*/my_rules/mini-window/cases/staff.yaml:5:37: WS203 unknown criterion id 'STF-9'",
            "    hint: did you mean 'STF-1'?",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_an_invalid_rule_set_fails_every_case_file(pytester: pytest.Pytester, edition: Path) -> None:
    standard = edition / "standard.yaml"
    standard.write_text(
        standard.read_text(encoding="utf-8").replace("total: 10", "total: 11"), encoding="utf-8"
    )
    result = run(pytester, "my_rules")
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(["*problem* in rule set:", "*standard.yaml:*WS206*"])


@pytest.mark.slow
def test_nothing_is_collected_or_imported_without_case_files(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_plain="def test_plain():\n    pass\n")
    pytester.path.joinpath("config.yaml").write_text("a: 1\n", encoding="utf-8")
    pytester.path.joinpath("cases").mkdir()  # a cases/ folder outside an edition folder
    pytester.path.joinpath("cases", "one.yaml").write_text("- name: x\n", encoding="utf-8")
    pytester.makeconftest(
        "import sys\n"
        "def pytest_sessionfinish(session):\n"
        "    loaded = sorted(m for m in sys.modules if m.startswith('window_standard._golden.'))\n"
        "    print('golden modules:', loaded)\n"
    )
    result = pytester.runpytest_subprocess("-s", "-p", "no:cacheprovider", *plugin_args())
    result.assert_outcomes(passed=1)
    assert "golden modules: ['window_standard._golden.plugin']\n" in result.stdout.str()


def test_pytest_rules_collects_every_packaged_case_once(pytester: pytest.Pytester) -> None:
    folders = ("cdpma-window-2013", "cdpma-window-2013-1.0.0")  # the edition and the frozen 1.0.0
    result = run(pytester, "--collect-only", "-q", str(ROOT / "rules"))
    ids = [line for line in result.stdout.lines if "::" in line]
    assert len(ids) == len(set(ids))
    for folder in folders:
        _, cases = load_suite(ROOT / "rules" / folder)
        own = [line for line in ids if line.startswith(f"rules/{folder}/cases/")]
        assert {line.split("::")[1] for line in own} == {case.name for case in cases}
        assert len(own) == len(cases)
    assert all(line.startswith(tuple(f"rules/{f}/cases/" for f in folders)) for line in ids), ids[:3]


def test_the_entry_point_is_declared() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = pyproject["project"]["entry-points"]["pytest11"]["window_standard"]
    assert target == "window_standard._golden.plugin"
    assert callable(importlib.import_module(target).pytest_collect_file)
    for entry in importlib.metadata.entry_points(group="pytest11", name="window_standard"):
        assert entry.value == target  # an install made before the entry point existed lists none
