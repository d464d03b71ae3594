"""Command-line conventions: --version, -h, python -m, completion, batch formats, exit codes, schemas."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import window_standard as ws
from window_standard.cli import run

ROOT = Path(__file__).resolve().parents[2]
WINDOW = ROOT / "tests" / "data" / "window-example.yaml"
RULES = ROOT / "rules" / "cdpma-window-2013"
EXAMPLES = RULES / "examples" / "windows"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err, captured.err
    assert "internal error" not in captured.err, captured.err
    return code, captured.out, captured.err


def test_version_names_the_library_and_every_packaged_rule_set(capsys: pytest.CaptureFixture[str]) -> None:
    old, new = ws.load_standard(version="1.0.0"), ws.load_standard()
    code, out, _ = _run(capsys, "--version")
    assert code == 0
    assert out.splitlines() == [
        f"window-standard {ws.__version__}",
        *(f"  {std.id} {std.version} digest {std.digest}" for std in (old, new)),
    ]


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_short_and_long_help(capsys: pytest.CaptureFixture[str], flag: str) -> None:
    code, out, _ = _run(capsys, flag)
    assert code == 0 and "Usage: window-standard" in out and "evaluate" in out
    code, out, _ = _run(capsys, "evaluate", flag)
    assert code == 0 and "--fail-fast" in out


def test_shell_completion_is_offered(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--help")
    assert "--install-completion" in out and "--show-completion" in out


@pytest.mark.slow
def test_python_dash_m_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "window_standard", "--version"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout.splitlines()[0]) == (0, f"window-standard {ws.__version__}")


def test_check_names_the_extra_that_installs_hypothesis(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "check", "--help")
    words = out.replace("│", " ").split()
    assert code == 0 and '"window-standard[testing]");' in words
    assert not any("[dev]" in w for w in words)


# --- batch evaluation ------------------------------------------------------------------------------------


def test_folder_summary_is_one_line_per_window(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "evaluate", str(EXAMPLES), "--format", "summary", "--lang", "en")
    assert code == 1
    rows = [line for line in out.splitlines() if line.startswith(str(EXAMPLES))]
    assert [Path(r.split()[0]).name for r in rows] == sorted(p.name for p in EXAMPLES.glob("*.yaml"))
    assert rows[0].split()[1:3] == ["cd-510105-0032", "Meets"]


def test_csv_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.csv"
    code, out, _ = _run(
        capsys,
        "evaluate",
        str(WINDOW),
        str(EXAMPLES / "2-rectify.yaml"),
        "--format",
        "csv",
        "-o",
        str(target),
    )
    assert (code, out) == (1, "")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [(r["source"], r["level"], r["score"], r["passed"]) for r in rows] == [
        (str(WINDOW), "meets", "100.00", "true"),
        (str(EXAMPLES / "2-rectify.yaml"), "rectify", "85.00", "false"),
    ]


def test_stdin_yaml_and_json_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = yaml.safe_load(WINDOW.read_text(encoding="utf-8"))
    line = json.dumps(data, default=str, ensure_ascii=False)
    stdin = io.TextIOWrapper(io.BytesIO(f"{line}\n{line}\n".encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = _run(capsys, "evaluate", "-", "--format", "jsonl")
    assert code == 0
    assert [json.loads(x)["source"] for x in out.splitlines()] == ["<stdin>:1", "<stdin>:2"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(WINDOW.read_bytes())))
    code, out, _ = _run(capsys, "evaluate", "-", "--format", "json")
    assert code == 0 and json.loads(out)[0]["source"] == "<stdin>"


def test_jsonl_file_records_say_their_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = yaml.safe_load(WINDOW.read_text(encoding="utf-8"))
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps(data, default=str) + '\n{"id": "x"}\n', encoding="utf-8")
    code, out, err = _run(capsys, "evaluate", str(batch), "--format", "json", "--lang", "en")
    assert code == 2
    first, second = json.loads(out)
    assert (first["source"], first["result"]["level"]) == (f"{batch}:1", "meets")
    assert second["source"] == f"{batch}:2" and second["error"].startswith("not a valid window")
    assert f"error: {batch}:2: not a valid window" in err


# --- exit codes of diff and test -------------------------------------------------------------------------


def test_diff_exit_code_is_1_when_different(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    variant = tmp_path / "variant"
    shutil.copytree(RULES, variant, ignore=shutil.ignore_patterns("examples", "cases"))
    head = variant / "standard.yaml"
    head.write_text(
        head.read_text(encoding="utf-8").replace("pass_threshold: 90", "pass_threshold: 92"), encoding="utf-8"
    )
    assert _run(capsys, "diff", str(RULES), str(variant))[0] == 0
    assert _run(capsys, "diff", str(RULES), str(variant), "--exit-code")[0] == 1
    assert _run(capsys, "diff", str(RULES), str(RULES), "--exit-code")[0] == 0


def test_test_with_no_matching_case_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "test", str(RULES), "-k", "no-case-is-called-this")
    assert code == 1 and "no case name contains 'no-case-is-called-this'" in out


# --- shipped schemas -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["window", "application", "result", "rules"])
def test_schema_print_gives_the_shipped_bytes(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, _ = _run(capsys, "schema", "--print", name)
    assert code == 0
    assert out.encode("utf-8") == (ROOT / "schemas" / f"{name}.schema.json").read_bytes()


def test_schema_print_campaign_when_shipped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "schema", "--print", "campaign")
    if (ROOT / "schemas" / "campaign.schema.json").is_file():
        assert code == 0 and json.loads(out)
    else:
        assert code == 2 and "available: window, application, result, rules" in err


# --- the expression playground ---------------------------------------------------------------------------


def test_eval_computes_an_expression_on_a_window(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys, "eval", "count(lei_feng.activities, in_period(date))", str(WINDOW), "--lang", "en"
    )
    assert code == 0
    value, kind = out.strip().split("  ")
    window = ws.Window.model_validate(yaml.safe_load(WINDOW.read_text(encoding="utf-8")))
    assert int(value) == sum(
        1 for a in window.lei_feng.activities or () if a.date >= window.assessed_on.replace(month=3, day=1)
    )
    assert kind == "(number or no data)"


def test_eval_explain_prints_the_typed_tree(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "eval",
        "ratio(staff.certified, staff.headcount) >= 0.8",
        str(WINDOW),
        "--explain",
        "--lang",
        "en",
    )
    assert code == 0
    assert out.splitlines() == [
        "Compare >=: bool or no data",
        "  Call ratio: number or no data",
        "    Field window.staff.certified: number or no data",
        "    Field window.staff.headcount: number or no data",
        "  Const Decimal('0.8'): number",
        "true  (bool or no data)",
    ]


def test_eval_json_and_no_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = yaml.safe_load(WINDOW.read_text(encoding="utf-8"))
    data["staff"]["certified"] = None
    window = tmp_path / "w.yaml"
    window.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, _ = _run(capsys, "eval", "ratio(staff.certified, staff.headcount)", str(window), "--json")
    assert (code, json.loads(out)) == (0, {"type": "number or no data", "value": None})
    code, out, _ = _run(capsys, "eval", "params.pass_threshold", str(window))
    assert (code, out.strip()) == (0, "90  (number)")


def test_summary_is_plain_when_piped_and_coloured_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    _, plain, _ = _run(capsys, "evaluate", str(EXAMPLES), "--format", "summary", "--lang", "en")
    assert "\033[" not in plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, coloured, _ = _run(capsys, "evaluate", str(EXAMPLES), "--format", "summary", "--lang", "en")
    assert "\033[1;32m" in coloured and "\033[1;31m" in coloured  # meets in green, fails in red
    monkeypatch.setenv("NO_COLOR", "1")
    assert _run(capsys, "evaluate", str(EXAMPLES), "--format", "summary", "--lang", "en")[1] == plain
