"""The wheel ships the rule sets: a non-editable install finds them without the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from window_standard._golden import load_suite

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("window_standard-*.whl")
    return found


@pytest.mark.slow
def test_the_wheel_contains_the_rule_sets_and_the_notice(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "window_standard/_rules/cdpma-window-2013/standard.yaml",
        "window_standard/_rules/cdpma-window-2013/criteria/5-lei-feng.yaml",
        "window_standard/_rules/cdpma-window-2013/sources/notice-2013-9.zh.txt",
        "window_standard/_rules/cdpma-window-2013/examples/windows/1-meets.yaml",
        "window_standard/cli/__init__.py",
        "window_standard/__main__.py",  # python -m window_standard
        "window_standard/schemas/window.schema.json",  # window-standard schema --print window
        "window_standard/schemas/result.schema.json",
        "window_standard/_examples/window-example.yaml",  # window_standard.examples.window("example")
        "window_standard/_examples/application-example.yaml",
        "window_standard/py.typed",  # the package says "Typing :: Typed" (PEP 561)
    ):
        assert required in names, f"{required} missing from {wheel.name}"
    assert not any(name.startswith(("tests/", "rules/")) for name in names)
    (entry_points,) = (name for name in names if name.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[pytest11]\nwindow_standard = window_standard._golden.plugin\n" in text, text


@pytest.mark.slow
def test_a_non_editable_install_loads_and_runs_the_demo(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    script = (
        "import window_standard as ws, window_standard._library as lib\n"
        "print(ws.__file__)\n"
        "print(lib.packaged_rules_dir())\n"
        "print(ws.load_standard().id)\n"
        "import window_standard.examples as ex\n"
        "print(ex.window_path())\n"
        "from window_standard.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run(
        [sys.executable, "-c", script, "demo"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith(str(target)), lines[0]
    assert lines[1] == str(target / "window_standard" / "_rules")
    assert lines[2] == "cdpma-window-2013"
    assert lines[3] == str(target / "window_standard" / "_examples" / "window-example.yaml")
    assert "1-meets.yaml" in done.stdout and "5-out-of-scope.yaml" in done.stdout
    assert done.returncode == 0, done.stderr
    shown = subprocess.run(
        [sys.executable, "-m", "window_standard", "schema", "--print", "window"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == (ROOT / "schemas" / "window.schema.json").read_bytes()


@pytest.mark.slow
def test_an_installed_wheel_runs_golden_cases_with_plain_pytest(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    shutil.copytree(ROOT / "rules" / "cdpma-window-2013", tmp_path / "my_rules" / "cdpma-window-2013")
    cases = len(load_suite(ROOT / "rules" / "cdpma-window-2013")[1])
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "my_rules"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{cases} passed" in done.stdout.splitlines()[-1], done.stdout
