"""The hardened reader of input documents (windows, applications, batches)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
import yaml

from window_standard import Window
from window_standard._read import InputError, guess_encoding, iter_windows, read_application, read_window

ROOT = Path(__file__).resolve().parents[2]
WINDOW = ROOT / "tests" / "data" / "window-example.yaml"
TEXT = WINDOW.read_text(encoding="utf-8")


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _error(path: Path, lang: str = "en") -> InputError:
    with pytest.raises(InputError) as info:
        read_window(path, lang)  # type: ignore[arg-type]
    return info.value


def test_a_valid_window_is_read() -> None:
    assert isinstance(read_window(WINDOW), Window)


def test_a_date_that_does_not_exist_names_line_column_and_field(tmp_path: Path) -> None:
    bad = _write(tmp_path, "w.yaml", TEXT.replace("assessed_on: 2013-06-20", "assessed_on: 2013-02-30"))
    (problem,) = _error(bad).problems
    assert problem.field == "assessed_on"
    assert problem.location is not None and problem.location.column == 14
    assert "2013-02-30" in problem.message
    zh = _error(bad, "zh").render()
    assert zh.startswith(f"错误：{bad}：值无效：2013-02-30")


def test_a_duplicate_key_is_refused_not_overwritten(tmp_path: Path) -> None:
    bad = _write(tmp_path, "w.yaml", TEXT + "\nname: other\n")
    exc = _error(bad)
    assert exc.headline == "duplicate key 'name'"
    assert exc.problems[0].location is not None
    assert exc.problems[0].location.line == TEXT.count("\n") + 2


def test_json_is_strict(tmp_path: Path) -> None:
    assert _error(_write(tmp_path, "d.json", '{"id": "a", "id": "b"}')).headline == "duplicate key 'id'"
    assert "not a finite number" in _error(_write(tmp_path, "n.json", '{"id": NaN}')).headline


def test_unknown_fields_get_a_suggestion_and_wrong_values_are_shown(tmp_path: Path) -> None:
    text = TEXT.replace("  households: 1200", "  housholds: 1200").replace(
        "floor_area_m2: 150000", "floor_area_m2: abc"
    )
    exc = _error(_write(tmp_path, "w.yaml", text))
    rendered = {p.field: p.render() for p in exc.problems}
    assert rendered["project.housholds"].endswith("(hint: did you mean 'households'?)")
    assert rendered["project.floor_area_m2"].endswith("(received 'abc')")
    assert all(p.location is not None for p in exc.problems)
    zh = {p.field: p.render("zh") for p in _error(_write(tmp_path, "w.yaml", text), "zh").problems}
    assert zh["project.housholds"].endswith("未知字段（建议：是否想写 households？）")


@pytest.mark.parametrize(("encoding", "expected"), [("gbk", "GBK"), ("utf-16", "UTF-16"), ("gb18030", "GBK")])
def test_a_non_utf8_file_names_its_encoding_and_how_to_convert(
    tmp_path: Path, encoding: str, expected: str
) -> None:
    exc = _error(_write(tmp_path, "w.yaml", TEXT.encode(encoding)))
    assert exc.headline.endswith(f"it looks like {expected}")
    assert f"iconv -f {expected} -t UTF-8" in exc.problems[0].message


def test_binary_is_not_given_an_encoding() -> None:
    assert guess_encoding(bytes(range(256)) * 4) is None


def test_folders_and_devices_are_refused_before_reading(tmp_path: Path) -> None:
    folder = tmp_path / "f.yaml"
    folder.mkdir()
    assert "not a regular file" in _error(folder).headline
    device = tmp_path / "zero.yaml"
    if Path("/dev/zero").exists():
        device.symlink_to("/dev/zero")
        assert "not a regular file" in _error(device).headline
    assert "cannot read" in _error(tmp_path / "missing.yaml").headline


def test_iter_windows_over_folders_jsonl_and_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load(TEXT)
    line = json.dumps(data, default=str, ensure_ascii=False)
    (tmp_path / "sub").mkdir()
    batch = _write(tmp_path, "sub/b.jsonl", f'{line}\n\n{{"id": 1}}\n')
    _write(tmp_path, "sub/a.yaml", TEXT)
    items = list(iter_windows([tmp_path / "sub"]))
    assert [source for source, _ in items] == [
        str(tmp_path / "sub" / "a.yaml"),
        f"{batch}:1",
        f"{batch}:3",
    ]
    assert [type(item).__name__ for _, item in items] == ["Window", "Window", "InputError"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8"))))
    ((source, window),) = list(iter_windows(["-"]))
    assert source == "<stdin>" and isinstance(window, Window)


def test_an_empty_folder_is_reported(tmp_path: Path) -> None:
    ((source, item),) = list(iter_windows([tmp_path]))
    assert source == str(tmp_path) and isinstance(item, InputError)


def test_an_application_is_read_with_the_same_reader(tmp_path: Path) -> None:
    app = ROOT / "tests" / "data" / "application-example.yaml"
    assert read_application(app).window.id
    with pytest.raises(InputError) as info:
        read_application(_write(tmp_path, "a.yaml", "- 1\n"))
    assert (
        info.value.headline
        == "an application document holds one application (a mapping of fields), not a list"
    )


def test_json_lines_are_streamed_and_an_overlong_line_is_skipped(tmp_path: Path) -> None:
    line = json.dumps(yaml.safe_load(TEXT), default=str, ensure_ascii=False)
    batch = _write(tmp_path, "b.jsonl", f"{line}\n{'x' * 1_500_000}\n{line}\n")
    items = list(iter_windows([batch]))
    assert [source for source, _ in items] == [f"{batch}:1", f"{batch}:2", f"{batch}:3"]
    assert isinstance(items[1][1], InputError) and "line longer than 1000000 bytes" in items[1][1].headline
    assert isinstance(items[2][1], Window)


@pytest.mark.parametrize(
    ("content", "sources"),
    [
        (TEXT, ["<stdin>"]),
        (json.dumps(yaml.safe_load(TEXT), default=str, indent=2), ["<stdin>"]),
        (json.dumps(yaml.safe_load(TEXT), default=str), ["<stdin>:1"]),
        ("\n" + json.dumps(yaml.safe_load(TEXT), default=str) + "\n\n{}\n", ["<stdin>:2", "<stdin>:4"]),
    ],
    ids=["yaml", "pretty-json", "one-json-line", "json-lines"],
)
def test_stdin_is_one_document_or_json_lines(
    monkeypatch: pytest.MonkeyPatch, content: str, sources: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content.encode("utf-8"))))
    assert [source for source, _ in iter_windows(["-"])] == sources
