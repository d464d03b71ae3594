"""One guarded durable-rules host per prepared rule set: the guards from our measurements.

* **One host per rule set**, never durable's global host; its two timer loops are disabled (``_run`` does
  nothing: they dispatch actions on a background thread and segfaulted with live sessions and deletes).
* **A lock per ruleset**: the C calls hold the GIL but a Python-side sequence (assert, collect, delete) is
  not atomic.
* **A unique session per evaluation**, its facts asserted at once and its state deleted in ``finally``
  (1024 live sessions corrupt a ruleset). Every fact meets the catch-all rule, so an action always runs
  (``delete_state`` on a session where none ran segfaults).
* **Facts no wider than 250 properties** (wider ones crash the process) are all durable is given.
* **Rebuild after any engine error**: a ruleset that raised is never touched again.
"""

from __future__ import annotations

import copy
import itertools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..._errors import WindowStandardError

__all__ = ["RULESET", "EngineFailure", "GuardedHost"]

RULESET = "window"
#: Durable crashes the process on a fact with more than about 254 flattened properties: refused before.
MAX_PROPERTIES = 250


class EngineFailure(WindowStandardError):
    """Durable-rules failed on a fact (the host was rebuilt; the message says what it reported)."""


def _host_class() -> type[Any]:
    from durable import engine  # type: ignore[import-untyped]  # the optional extra, imported only when the engine is used

    class QuietHost(engine.Host):  # type: ignore[misc]
        """A host whose timer loops never start."""

        def _run(self) -> None:
            return None

    return QuietHost


class GuardedHost:
    """A durable host holding one ruleset, used under a lock, rebuilt after an error.

    Args:
        definition: Rule name → ``{"all": [...]}`` (no actions: every rule's action records its name).
    """

    def __init__(self, definition: dict[str, dict[str, Any]]) -> None:
        self._definition = definition
        self._lock = threading.Lock()
        self._sids = itertools.count()
        self._fired: dict[str, set[str]] = {}
        self._host: Any = None
        self.builds = 0
        self._build()

    def _action(self, name: str) -> Callable[[Any], None]:
        fired = self._fired

        def record(c: Any) -> None:
            fired[c.s.sid].add(name)

        return record

    def _build(self) -> None:
        rules = copy.deepcopy(self._definition)  # set_rulesets deletes "run" from what it is given
        for name, rule in rules.items():
            rule["run"] = self._action(name)
        host = _host_class()()
        host.set_rulesets({RULESET: rules})
        self._host = host
        self.builds += 1

    def fire(self, facts: list[dict[str, Any]]) -> set[str]:
        """Assert facts in a fresh session; the names of the rules they fired.

        Raises:
            EngineFailure: When durable reported an error (the ruleset has been rebuilt).
        """
        for fact in facts:
            if len(fact) >= MAX_PROPERTIES:  # durable segfaults on these: never hand it one
                raise EngineFailure(
                    f"a fact with {len(fact)} properties (durable's limit is {MAX_PROPERTIES})"
                )
        with self._lock, self._session() as sid:
            for fact in facts:
                fact["sid"] = sid
            self._host.assert_facts(RULESET, facts)
            return self._fired[sid]

    @contextmanager
    def _session(self) -> Iterator[str]:
        sid = f"e{next(self._sids)}"
        self._fired[sid] = set()
        failed = False
        try:
            yield sid
        except Exception as exc:
            failed = True
            raise EngineFailure(f"durable-rules failed: {exc}") from exc
        finally:
            del self._fired[sid]
            if not failed:
                try:
                    self._host.delete_state(RULESET, sid)
                except Exception:
                    failed = True
            if failed:
                self._build()  # never touch a ruleset that raised again
