"""Start-up time: ``import window_standard`` and ``window-standard --help``, each in a fresh process.

Usage: ``python benchmarks/bench_startup.py [--runs N]``

Every run is a new subprocess of this interpreter, so nothing is cached in memory between runs (the OS file
cache and ``__pycache__`` stay warm after the first, unmeasured, run). Interleaved with a bare interpreter
start (``python -c pass``), so the import's own share can be read off. Prints the best and the median and
range over the runs, in milliseconds; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def command_line_tool() -> tuple[list[str], str]:
    """The ``window-standard`` console script beside this interpreter, or an equivalent ``-c`` call."""
    script = Path(sys.executable).with_name("window-standard")
    found = str(script) if script.exists() else shutil.which("window-standard")
    if found:
        return [found, "--help"], "window-standard --help"
    code = "import sys; from window_standard.cli import main; sys.argv[0] = 'window-standard'; main()"
    return [sys.executable, "-c", code, "--help"], "python -c '…cli.main()' --help (no console script found)"


def elapsed_ms(argv: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - began) * 1000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="fresh processes per command")
    args = parser.parse_args(argv)

    env = dict(os.environ)
    # the same code as the calling process: this checkout's src/ when run from a checkout
    import window_standard

    package_root = str(Path(window_standard.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    help_argv, help_label = command_line_tool()
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import window_standard": [sys.executable, "-c", "import window_standard"],
        help_label: help_argv,
        "python -m window_standard --help": [sys.executable, "-m", "window_standard", "--help"],
    }
    for command in commands.values():  # warm the file cache and __pycache__
        elapsed_ms(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(elapsed_ms(command, env))
    print(f"start-up, ms over {args.runs} fresh processes each ({window_standard.__file__}):")
    bare = min(times["python -c pass"])
    for name, values in times.items():
        best, median = min(values), statistics.median(values)
        extra = "" if name == "python -c pass" else f"   best − bare interpreter {best - bare:6.1f}"
        print(
            f"  {name:32s} best {best:6.1f}  median {median:6.1f}  range {min(values):.1f}–{max(values):.1f}"
            + extra
        )


if __name__ == "__main__":
    main()
