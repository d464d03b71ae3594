"""Every command on a corpus of bad inputs: no traceback, the documented exit code, the file and field named.

Exit codes (docs/cli.md): 0 meets / accepted / no difference, 1 does not / rejected / different, 2 bad
input or usage, 3 internal error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from window_standard.cli import run
from window_standard.cli._safe_output import safe_text

ROOT = Path(__file__).resolve().parents[2]
WINDOW = ROOT / "tests" / "data" / "window-example.yaml"
TEXT = WINDOW.read_text(encoding="utf-8")
RULES = ROOT / "rules" / "cdpma-window-2013"


@dataclass(frozen=True)
class Bad:
    """One bad input: the file's name, its content, and what the error must name besides the file."""

    name: str
    content: str | bytes | None  # None: the file does not exist; "<dir>": a folder
    names: tuple[str, ...] = ()


CORPUS = [
    Bad(
        "wrong-date.yaml",
        TEXT.replace("assessed_on: 2013-06-20", "assessed_on: 2013-02-30"),
        ("assessed_on",),
    ),
    Bad(
        "wrong-type.yaml", TEXT.replace("  headcount: 6", '  headcount: "many"'), ("staff.headcount", "many")
    ),
    Bad(
        "unknown-field.yaml", TEXT.replace("  headcount: 6", "  headcont: 6"), ("staff.headcont", "headcount")
    ),
    Bad(
        "wrong-date.json",
        json.dumps({**yaml.safe_load(TEXT), "assessed_on": "2013-02-30"}, default=str),
        ("assessed_on",),
    ),
    Bad("empty.yaml", ""),
    Bad("blank.json", "  \n"),
    Bad("binary.yaml", bytes(range(256)) * 8),
    Bad("huge.yaml", "# " + "x" * 1_100_000 + "\n"),
    Bad("gbk.yaml", TEXT.encode("gbk"), ("GBK",)),
    Bad("utf16.yaml", TEXT.encode("utf-16"), ("UTF-16",)),
    Bad("duplicate.yaml", TEXT + "\nassessor: committee\n", ("assessor",)),
    Bad("duplicate.json", '{"id": "a", "id": "b"}', ("id",)),
    Bad("nan.json", '{"id": "a", "staff": {"headcount": NaN}}', ("NaN",)),
    Bad("deep.json", "[" * 50_000 + "]" * 50_000),
    Bad("alias.yaml", "a: &x 1\nb: *x\n"),
    Bad("tag.yaml", "id: !!python/object:os.system x\n"),
    Bad("list.yaml", "- 1\n- 2\n"),
    Bad("scalar.json", "42"),
    Bad("missing.yaml", None),
    Bad("folder.yaml", "<dir>"),
    Bad("notes.txt", "id: x\n", (".txt",)),
    Bad("batch.jsonl", '{"id": 1}\nnot json\n', ("batch.jsonl:1", "batch.jsonl:2")),
]


def _make(tmp_path: Path, bad: Bad) -> Path:
    path = tmp_path / bad.name
    if bad.content == "<dir>":
        path.mkdir()
    elif isinstance(bad.content, bytes):
        path.write_bytes(bad.content)
    elif bad.content is not None:
        path.write_text(bad.content, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


COMMANDS = {
    "evaluate": lambda path: ["evaluate", str(path), "--lang", "en"],
    "evaluate-zh": lambda path: ["evaluate", str(path)],
    "evaluate-json": lambda path: ["evaluate", str(path), "--format", "jsonl", "--lang", "en"],
    "eval": lambda path: ["eval", "staff.headcount", str(path), "--lang", "en"],
    "review": lambda path: ["review", str(path), "--lang", "en"],
    "diff": lambda path: ["diff", "cdpma-window-2013", "cdpma-window-2013", "--windows", str(path)],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("bad", CORPUS, ids=[b.name for b in CORPUS])
def test_a_bad_document_exits_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, bad: Bad
) -> None:
    path = _make(tmp_path, bad)
    code, out, err = _run(capsys, *COMMANDS[command](path))
    assert code == 2, (out, err)
    assert str(path) in err
    one_document = command in ("eval", "review")  # these read one window (or application), not a batch
    if command != "review" and not (one_document and bad.name.endswith(".jsonl")):
        for name in bad.names:
            assert name in err, err
    if command == "evaluate-json" and out.strip():
        records = [json.loads(line) for line in out.splitlines()]
        assert all(r["source"].startswith(str(path)) and "error" in r for r in records)


@pytest.mark.parametrize("bad", [b for b in CORPUS if b.content is not None], ids=lambda b: b.name)
def test_a_bad_document_does_not_block_the_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: Bad
) -> None:
    path = _make(tmp_path, bad)
    code, out, err = _run(capsys, "evaluate", str(path), str(WINDOW), "--format", "jsonl")
    assert code == 2
    records = [json.loads(line) for line in out.splitlines()]
    assert records[-1]["source"] == str(WINDOW) and records[-1]["result"]["level"] == "meets"
    assert str(path) in err
    code, out, _ = _run(capsys, "evaluate", str(path), str(WINDOW), "--format", "jsonl", "--fail-fast")
    assert code == 2 and str(WINDOW) not in out


def test_outcomes_on_a_folder_of_bad_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "campaign"
    folder.mkdir()
    files = [
        _make(folder, b)
        for b in CORPUS
        if b.content not in (None, "<dir>") and b.name.endswith((".yaml", ".json"))
    ]
    code, _, err = _run(capsys, "outcomes", str(folder), "--lang", "en")
    assert code == 2
    for path in files:
        assert str(path) in err, path


@pytest.mark.parametrize(
    "args",
    [
        ["evaluate", str(WINDOW), "--standard", "no-such-edition"],
        ["evaluate", str(WINDOW), "--rules", "/no/such/folder"],
        ["evaluate", str(WINDOW), "--standard", "cdpma-window-2013", "--rules", str(RULES)],
        ["evaluate", str(WINDOW), "--format", "xml"],
        ["evaluate"],
        ["eval", "staff.headcont", str(WINDOW)],
        ["eval", "__import__('os')", str(WINDOW)],
        ["eval", "1 +", str(WINDOW)],
        ["review", str(WINDOW), "--standard", "no-such-edition"],
        ["outcomes", "/no/such/folder"],
        ["diff", "no-such-edition", "cdpma-window-2013"],
        ["lint", "/no/such/folder"],
        ["test", "/no/such/folder"],
        ["check", "/no/such/folder"],
        ["schema", "--print", "nothing"],
        ["schema", "--write", "--check"],
        ["no-such-command"],
        ["--no-such-option"],
    ],
    ids=lambda args: " ".join(a.replace(str(ROOT), "") for a in args),
)
def test_bad_usage_and_unknown_editions_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, _, err = _run(capsys, *args)
    assert code == 2, err
    assert err.strip()


def test_an_expression_error_is_located_like_in_a_rule_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "eval", "ratio(staff.certfied, staff.headcount)", str(WINDOW))
    assert code == 2
    assert err.splitlines() == [
        "<expression>:1:7: WS303 Staff has no field 'certfied'",
        "    hint: did you mean 'certified'?",
    ]


def test_an_internal_error_is_one_line_and_exit_3(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from window_standard.cli import _evaluate

    def broken(*_: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(_evaluate, "load", broken)
    code, out, err = _run(capsys, "evaluate", str(WINDOW))
    assert (code, out) == (3, "")
    assert err.splitlines() == [
        "internal error: RuntimeError: boom",
        "this is a bug in window-standard; run again with --debug (before the command) for the traceback",
    ]
    code = run(["--debug", "evaluate", str(WINDOW)])
    assert code == 3 and "Traceback" in capsys.readouterr().err


def test_safe_text_replaces_what_an_encoding_cannot_hold() -> None:
    assert safe_text("得分 −5 … ✓", "gbk") == "得分 -5 … v"
    assert safe_text("…", "latin-1") == "..."
    assert safe_text("得分 −5", "ascii") == "?? -5"
    assert safe_text("−", "utf-8") == "−"


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["gbk", "ascii", "latin-1"])
def test_output_on_a_legacy_stdout_encoding_does_not_crash(encoding: str) -> None:
    example = RULES / "examples" / "windows" / "2-rectify.yaml"
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    for lang in ("en", "zh"):
        done = subprocess.run(
            [sys.executable, "-m", "window_standard", "evaluate", str(example), "--lang", lang],
            env=env,
            capture_output=True,
            check=False,
            timeout=120,
        )
        assert done.returncode == 1, done.stderr.decode(encoding, "replace")
        assert b"Traceback" not in done.stderr
        assert b"85.00" in done.stdout


def test_the_window_errors_shown_in_docs_errors_md_are_what_evaluate_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    blocks = doc.split("```text\n")
    english = next(b.split("```")[0] for b in blocks if b.startswith("error: window.yaml"))
    chinese = next(b.split("```")[0] for b in blocks if b.startswith("错误：window2.yaml"))
    (tmp_path / "window.yaml").write_text(
        TEXT.replace("assessed_on: 2013-06-20", "assessed_on: 2013-02-30"), encoding="utf-8"
    )
    (tmp_path / "window2.yaml").write_text(
        TEXT.replace("  households: 1200", "  housholds: 1200").replace(
            "  headcount: 6", '  headcount: "six"'
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert _run(capsys, "evaluate", "window.yaml", "window2.yaml", "--lang", "en")[2] == english
    assert _run(capsys, "evaluate", "window2.yaml")[2] == chinese
