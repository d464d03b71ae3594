"""Start-up guards: what ``import window_standard``, an evaluation and ``window-standard --help`` load.

Each check runs in a fresh interpreter (``sys.modules`` of the test process is full of everything) and
looks at the modules loaded, not at the time taken: timings are noisy, imported modules are not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import window_standard as ws

pytestmark = pytest.mark.slow

SRC = Path(ws.__file__).resolve().parents[1]
EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "window-example.yaml"

#: Optional dependencies (extras) and the CLI's: none of them may be loaded by the library itself.
EXTRAS = (
    "hypothesis",
    "durable",  # durable-rules
    "numpy",
    "pandas",
    "matplotlib",
    "openpyxl",
    "jinja2",
    "dask",
    "distributed",
    "typer",
    "click",
    "rich",
)
#: Machinery that only the campaign, comparisons, linting, property checks, golden cases and the CLI need.
SIDE_MODULES = (
    "window_standard._campaign",
    "window_standard._consistency",
    "window_standard._diff",
    "window_standard._engine.durable",
    "window_standard._golden",
    "window_standard._lint",
    "window_standard._monitor",
    "window_standard._schemas",
    "window_standard.monitor",
    "window_standard.campaign",
    "window_standard.cli",
    "window_standard.report",
    "window_standard.testing",
)


def loaded_after(code: str, *argv: str) -> list[str]:
    """The modules loaded by ``code`` in a fresh interpreter (``code`` must leave stdout to the report)."""
    report = "\nimport json as _json, sys as _sys\n_sys.__stdout__.write(_json.dumps(sorted(_sys.modules)))\n"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", code + report, *argv],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    modules: list[str] = json.loads(done.stdout)
    return modules


def among(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


def test_the_subprocess_imports_the_package_under_test() -> None:
    modules = loaded_after(
        "import sys, window_standard\n"
        f"assert window_standard.__file__ == {ws.__file__!r}, window_standard.__file__\n"
    )
    assert "window_standard" in modules


def test_import_loads_no_extra_and_no_submodule() -> None:
    modules = loaded_after("import window_standard")
    assert among(modules, EXTRAS) == []
    assert [m for m in modules if m.startswith("window_standard.")] == []
    assert "pydantic" not in modules and "yaml" not in modules


def test_an_evaluation_loads_no_extra_and_no_side_machinery() -> None:
    code = (
        "import yaml\n"
        "import window_standard\n"
        f"with open({str(EXAMPLE)!r}, encoding='utf-8') as f:\n"
        "    data = yaml.safe_load(f)\n"
        "result = window_standard.load_standard().evaluate(data)\n"
        "assert result.level == 'meets', result.level\n"
        "result.criteria['LF-2'].explain('zh'); result.rectifications(); result.model_dump_json()\n"
    )
    modules = loaded_after(code)
    assert among(modules, EXTRAS) == []
    assert among(modules, SIDE_MODULES) == []


def test_the_command_lines_help_loads_no_library_machinery() -> None:
    code = (
        "import contextlib, io\n"
        "from window_standard.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main()\n"
    )
    modules = loaded_after(code, "--help")
    assert "typer" in modules  # the help was rendered
    heavy = ("pydantic", "yaml", "window_standard._library", "window_standard._model", *SIDE_MODULES[:-4])
    assert among(modules, heavy) == []
    # plain help (rich_markup_mode=None): rich is imported only to draw a coloured table on a terminal
    assert among(modules, ("rich", "window_standard._read.models", "window_standard._read.parse")) == []


def test_a_command_still_imports_what_it_needs() -> None:
    code = (
        "import contextlib, io\n"
        "from window_standard.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):\n"
        "    main()\n"
        "assert 'cdpma-window-2013' in out.getvalue(), out.getvalue()\n"
    )
    modules = loaded_after(code, "standards")
    assert "window_standard._library" in modules
    assert among(modules, ("window_standard._campaign", "window_standard._lint")) == []


def test_jinja2_is_imported_when_a_report_is_rendered_not_before() -> None:
    code = (
        "import sys, yaml\n"
        "import window_standard, window_standard.report as report\n"
        "assert 'jinja2' not in sys.modules\n"
        f"with open({str(EXAMPLE)!r}, encoding='utf-8') as f:\n"
        "    result = window_standard.load_standard().evaluate(yaml.safe_load(f))\n"
        "assert 'jinja2' not in sys.modules\n"
        "assert '<html' in report.html(result)\n"
    )
    modules = loaded_after(code)
    assert "jinja2" in modules
    assert among(modules, tuple(e for e in EXTRAS if e not in ("jinja2", "markupsafe"))) == []
