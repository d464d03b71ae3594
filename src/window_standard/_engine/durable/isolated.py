"""The durable engine in a worker process: a crash of durable's C core becomes an error, not a dead portal.

:class:`ProcessPrepared` keeps one worker process (started with ``spawn``, so no thread or lock of the
parent is inherited) that prepares the rules and runs durable; the parent sends each window and its
parameters and receives the raw decisions. The facts behind explanations are computed in the parent (pure
Python, no durable). When the worker dies — a segfault in the C core, a kill — the call raises
:class:`EngineCrashed` naming the exit code, and the next call starts a new worker.
"""

from __future__ import annotations

import multiprocessing
import threading
import weakref
from collections.abc import Mapping, Sequence
from multiprocessing.connection import Connection
from typing import Any

from ..._check import CheckedRule
from ..outcome import RawOutcome
from .host import EngineFailure

__all__ = ["EngineCrashed", "ProcessPrepared"]


class EngineCrashed(EngineFailure):
    """The worker process running durable-rules died (the next evaluation starts a new one)."""


def _serve(rules: Sequence[CheckedRule], conn: Connection) -> None:
    """The worker: prepare the rules, then answer ``(command, payload)`` requests until the pipe closes."""
    from . import DurablePrepared

    prepared = DurablePrepared(rules)
    conn.send(("ready", None))
    while True:
        try:
            command, payload = conn.recv()
        except EOFError:
            return
        try:
            if command == "run":
                raw = prepared.run(payload[0], payload[1], False)
                conn.send(("ok", (raw.applies, raw.values)))
            elif command == "raw_assert":  # tests only: hand durable a fact directly, past every guard
                prepared.host._host.assert_facts("window", payload)
                conn.send(("ok", None))
        except Exception as exc:  # an error durable raised: reported, the worker lives on
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, rules: Sequence[CheckedRule]) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(rules, child), daemon=True)
        self.process.start()
        child.close()
        self.call_ready()

    def call_ready(self) -> None:
        status, _ = self._receive()
        if status != "ready":  # pragma: no cover - the worker answers ready or dies
            raise EngineFailure("the durable worker did not start")

    def call(self, command: str, payload: Any) -> Any:
        self.conn.send((command, payload))
        status, answer = self._receive()
        if status == "error":
            raise EngineFailure(f"durable-rules failed in the worker: {answer}")
        return answer

    def _receive(self) -> tuple[str, Any]:
        try:
            while not self.conn.poll(0.2):  # a worker that died without closing its pipe is noticed too
                if not self.process.is_alive():
                    raise EOFError
            received: tuple[str, Any] = self.conn.recv()
        except (EOFError, OSError) as exc:
            self.process.join(5)
            raise EngineCrashed(
                f"the durable worker process died (exit code {self.process.exitcode}); "
                "the next evaluation starts a new one"
            ) from exc
        return received

    def stop(self) -> None:
        self.conn.close()
        self.process.join(5)
        if self.process.is_alive():  # pragma: no cover - it ends when its pipe closes
            self.process.kill()


class ProcessPrepared:
    """A rule set run by the durable engine in a worker process (one at a time, under a lock).

    Attributes:
        restarts: How many times a dead worker was replaced.
    """

    def __init__(self, rules: Sequence[CheckedRule]) -> None:
        from . import _LazyFacts
        from .translate import translate

        self._rules = tuple(rules)
        translate(self._rules)  # refuse what durable cannot run here, before any worker starts
        self._facts = _LazyFacts
        self._lock = threading.Lock()
        self._worker: _Worker | None = _Worker(self._rules)
        self.restarts = 0
        weakref.finalize(self, _stop, [self._worker])

    def run(self, window: Any, params: Mapping[str, Any], facts: bool) -> RawOutcome:
        """Run every rule on one window in the worker (see :class:`window_standard._engine.Prepared`).

        Raises:
            EngineCrashed: When the worker died on this window.
            EngineFailure: When durable reported an error in the worker.
        """
        applies, values = self._call("run", (window, dict(params)))
        return RawOutcome(applies, values, self._facts(self._rules, window, params) if facts else None)

    def _call(self, command: str, payload: Any) -> Any:
        with self._lock:
            if self._worker is None:
                self._worker = _Worker(self._rules)
                self.restarts += 1
            try:
                return self._worker.call(command, payload)
            except EngineCrashed:
                self._worker.stop()
                self._worker = None
                raise


def _stop(holder: list[_Worker | None]) -> None:
    worker = holder[0]
    if worker is not None:
        worker.stop()
