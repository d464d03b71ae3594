"""Native (compiled) against durable-rules on the full packaged rule set, in one run.

Usage: ``python benchmarks/bench_durable.py [--windows N] [--seconds S] [--rounds R]``

Candidates, timed in interleaved rounds on the same population as ``bench_evaluate.py`` (the spread over
rounds is reported, never asserted):

* ``compiled``: the default engine, ``evaluate(window, explain=False)``;
* ``durable (Host API)``: the durable engine as shipped — durable's ``Host``, one session per window;
* ``durable (low level)``: the same translation and facts, but the ``durable_rules_engine`` calls made
  directly (``assert_facts``, then the action loop of ``start_action_for_state`` /
  ``complete_and_start_action``, then ``delete_state``), scored by the shared scorer as the engine does.

Every candidate's decisions are checked against the compiled engine's first. The ratio to ``compiled``
is the point: expect durable to be far slower; it is there to cross-check and to monitor, not for speed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Callable
from decimal import localcontext
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_evaluate  # noqa: E402
import durable_rules_engine as dre  # noqa: E402

import window_standard as ws  # noqa: E402
from window_standard._engine.durable import DurablePrepared, decide, rule_facts  # noqa: E402
from window_standard._engine.outcome import RawOutcome  # noqa: E402
from window_standard._engine.scoring import score  # noqa: E402
from window_standard._numbers import DECIMAL_CONTEXT  # noqa: E402


class LowLevel:
    """The durable engine's translation run through ``durable_rules_engine`` directly (no ``Host``)."""

    def __init__(self, std: ws.Standard) -> None:
        prepared = std._prepared
        assert isinstance(prepared, DurablePrepared)
        self.std = std
        self.rules = prepared.translation.rules
        self.handle = dre.create_ruleset("bench", json.dumps(prepared.translation.ruleset()))
        self.sid = 0

    def fired(self, facts: list[dict[str, Any]]) -> set[str]:
        self.sid += 1
        sid = f"b{self.sid}"
        for fact in facts:
            fact["sid"] = sid
        names: set[str] = set()
        try:
            code, state = dre.assert_facts(self.handle, json.dumps(facts))
            result = dre.start_action_for_state(self.handle, state)
            while result:
                names.update(json.loads(result[1]))
                nxt = dre.complete_and_start_action(self.handle, state)
                result = (None, nxt) if nxt else None
        finally:
            dre.delete_state(self.handle, sid)
        return names

    def evaluate(self, window: ws.Window) -> Any:
        params = self.std.parameters_on(window.assessed_on)
        with localcontext(DECIMAL_CONTEXT):
            fired = self.fired([rule_facts(rule, window, params) for rule in self.rules])
            decided = [decide(rule, fired, window, params) for rule in self.rules]
            raw = RawOutcome(tuple(a for a, _ in decided), tuple(v for _, v in decided), None)
            return score(self.std._plan, raw, params)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=1.0, help="time per candidate per round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    compiled = ws.load_standard()
    durable = compiled.with_engine("durable")
    low = LowLevel(durable)
    windows = bench_evaluate.population(args.windows, edges=True)
    for window in windows:  # the same decisions before any timing
        expected = compiled.evaluate(window, explain=False)
        assert durable.evaluate(window, explain=False).model_dump() == expected.model_dump()
        assert low.evaluate(window).level == compiled.spec.levels.index(
            next(level for level in compiled.spec.levels if level.id == expected.level)
        )
    candidates: dict[str, tuple[Callable[[Any], Any], list[Any]]] = {
        "compiled": (lambda w: compiled.evaluate(w, explain=False), windows),
        "durable (Host API)": (lambda w: durable.evaluate(w, explain=False), windows),
        "durable (low level)": (low.evaluate, windows),
    }
    times = bench_evaluate.rounds(candidates, args.rounds, args.seconds)
    base_best, base_median = min(times["compiled"]), statistics.median(times["compiled"])
    print(f"{len(windows)} windows, {args.rounds} interleaved rounds; decisions checked against compiled")
    print(f"{'µs per window':22s} {'best':>9s} {'median':>9s} {'min–max':>19s} {'× compiled (best, median)':>27s}")
    for name, spent in times.items():
        best, median = min(spent), statistics.median(spent)
        spread = f"{min(spent):.0f}–{max(spent):.0f}"
        ratio = f"{best / base_best:6.1f} {median / base_median:6.1f}"
        print(f"{name:22s} {best:9.1f} {median:9.1f} {spread:>19s} {ratio:>27s}")


if __name__ == "__main__":
    main()
