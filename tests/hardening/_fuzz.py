"""Shared parts of the fuzzers: budgets, a rule-set folder to rewrite, the contract checks, an audit hook.

``WS_FUZZ_EXAMPLES`` sets the examples per fuzz test (default: a CI budget); each fuzzer counts the inputs
it tried and what they gave, printed when its module finishes (``pytest -s``).
"""

from __future__ import annotations

import collections
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from pydantic import ValidationError

import window_standard as ws

TESTS = Path(__file__).resolve().parents[1]
MINIMAL = TESTS / "errors" / "minimal"

#: Examples per fuzz test: small in CI, large for a long run (WS_FUZZ_EXAMPLES=20000).
EXAMPLES = int(os.environ.get("WS_FUZZ_EXAMPLES", "0")) or None


def fuzz_settings(default: int) -> Any:
    """Hypothesis settings for one fuzzer: ``default`` examples unless WS_FUZZ_EXAMPLES says otherwise."""
    return settings(
        max_examples=EXAMPLES or default,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


class Tally:
    """What one fuzzer tried and what it found."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.counts: collections.Counter[str] = collections.Counter()

    def __call__(self, outcome: str) -> None:
        self.counts[outcome] += 1

    def report(self) -> str:
        total = sum(self.counts.values())
        parts = ", ".join(f"{k}: {v}" for k, v in self.counts.most_common())
        return f"{self.name}: {total} inputs ({parts})"


class RuleFolder:
    """A private copy of the minimal rule set whose files a fuzzer rewrites (one per thread of a test)."""

    def __init__(self, root: Path) -> None:
        self.folder = root / "rules"
        if self.folder.exists():
            shutil.rmtree(self.folder)
        shutil.copytree(MINIMAL, self.folder)
        self.original = {
            rel: (self.folder / rel).read_text(encoding="utf-8")
            for rel in ("standard.yaml", "criteria/lei-feng.yaml", "criteria/staff.yaml")
        }

    def reset(self) -> None:
        for rel, text in self.original.items():
            (self.folder / rel).write_text(text, encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        (self.folder / rel).write_text(text, encoding="utf-8")

    def load(self) -> ws.Standard:
        return ws.load_standard(path=self.folder)


#: Audit events evaluation must never cause: a sandbox escape would show here first.
FORBIDDEN_EVENTS = frozenset(
    {
        "os.system", "subprocess.Popen", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.kill",
        "socket.connect", "socket.bind", "ctypes.dlopen", "os.remove", "os.rmdir", "os.rename",
        "shutil.rmtree", "builtins.input", "webbrowser.open", "import",
    }
)  # fmt: skip
_WATCH = threading.local()
_SEEN: list[str] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if getattr(_WATCH, "on", False) and event in FORBIDDEN_EVENTS:
        _SEEN.append(f"{event} {args!r:.80}")


sys.addaudithook(_hook)  # a test-only hook: it records only while `watched()` is active in this thread


@contextmanager
def watched() -> Iterator[list[str]]:
    """Record forbidden audit events raised in this thread inside the block."""
    _SEEN.clear()
    _WATCH.on = True
    try:
        yield _SEEN
    finally:
        _WATCH.on = False


def evaluate_contract(standard: ws.Standard, windows: list[Any], tally: Tally) -> None:
    """Evaluating valid windows never raises, touches nothing outside, and results survive JSON exactly."""
    for window in windows:
        with watched() as events:
            result = standard.evaluate(window)
            texts = [result.criteria[c].explain(lang) for c in result.criteria for lang in ("zh", "en")]
        assert not events, events
        assert all(isinstance(t, str) for t in texts)
        text = result.model_dump_json()
        again = ws.Result.model_validate_json(text)
        assert again == result and again.model_dump_json() == text
        statuses = {result.criteria[c].status for c in result.criteria}
        tally("evaluated: " + ("no_data seen" if "no_data" in statuses else "decided"))


def only_contract_errors(run: Any, tally: Tally, label: str) -> Any:
    """Run ``run``; only RuleDefinitionError and ValidationError may escape (counted, then None)."""
    try:
        value = run()
    except ws.RuleDefinitionError as exc:
        tally(f"{label}: RuleDefinitionError {exc.problems[0].code}")
        return None
    except ValidationError:
        tally(f"{label}: ValidationError")
        return None
    tally(f"{label}: accepted")
    return value
