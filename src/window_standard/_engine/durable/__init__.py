"""The durable engine: the rule set as a durable-rules (Rete) ruleset, an independent implementation.

:mod:`.translate` turns checked rules into dual-rail durable conditions over one fact per criterion,
with aggregates and numbers computed in Python (:mod:`.derive`) as derived facts; :mod:`.host` runs them
with every guard our measurements needed. Statuses, points and levels then come from the shared scoring,
so a result is the compiled engine's result whenever the two implementations agree — which the
equivalence tests check. Slower than the compiled engine by far; use it to cross-check, and for the
monitor (:mod:`window_standard.monitor`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import localcontext
from typing import Any

from ..._check import CheckedRule
from ..._numbers import DECIMAL_CONTEXT
from ..outcome import RawOutcome
from .derive import Env, evaluate
from .host import EngineFailure, GuardedHost
from .translate import RuleTranslation, Translation, translate
from .values import normalise

__all__ = ["ENGINE", "DurableEngine", "DurablePrepared", "EngineFailure", "rule_facts"]


def _env(rule: CheckedRule, window: Any, params: Mapping[str, Any]) -> Env:
    env = Env(window, params, rule.points)
    for name, node in rule.lets:
        env.lets[name] = evaluate(node, env)
    return env


def rule_facts(rule: RuleTranslation, window: Any, params: Mapping[str, Any]) -> dict[str, Any]:
    """The durable fact of one criterion for a window: its normalised reads, missing values left out."""
    env = _env(rule.rule, window, params)
    fact: dict[str, Any] = {"__r": rule.index, "__rec": 1, "id": f"r{rule.index}"}
    for key, node in rule.reads.items():
        value = normalise(evaluate(node, env))
        if value is not None:
            fact[key] = value
    return fact


def decide(rule: RuleTranslation, fired: set[str], window: Any, params: Mapping[str, Any]) -> tuple[Any, Any]:
    """``(applies, value)`` of one criterion from the rules its fact fired.

    Raises:
        EngineFailure: When both rails of a test fired (a translation bug, never a result).
    """
    applies: bool | None = True
    if rule.applies is not None:
        applies = _rail(rule, rule.applies, fired)
    if not rule.rule.scored:
        return applies, _rail(rule, (rule.main[0], rule.main[1]), fired)
    chosen = [name for name in rule.main if name in fired]
    if len(chosen) > 1:
        raise EngineFailure(f"{rule.rule.id}: several branches of one score matched")
    if not chosen:
        return applies, None
    return applies, evaluate(rule.branches[chosen[0]], _env(rule.rule, window, params))


def _rail(rule: RuleTranslation, names: tuple[str, str], fired: set[str]) -> bool | None:
    true, false = names[0] in fired, names[1] in fired
    if true and false:
        raise EngineFailure(f"{rule.rule.id}: a test matched as both true and false")
    return True if true else False if false else None


class _LazyFacts(Sequence[tuple[Any, ...]]):
    """The facts each rule read, computed the first time they are asked for."""

    def __init__(self, rules: Sequence[CheckedRule], window: Any, params: Mapping[str, Any]) -> None:
        self._rules, self._window, self._params = rules, window, params
        self._done: dict[int, tuple[Any, ...]] = {}

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        found = self._done.get(index)
        if found is None:
            rule = self._rules[index]
            with localcontext(DECIMAL_CONTEXT):
                env = _env(rule, self._window, self._params)
                found = (*env.lets.values(), *(evaluate(node, env) for _, node in rule.facts))
            self._done[index] = found
        return found

    def __len__(self) -> int:
        return len(self._rules)


class DurablePrepared:
    """A rule set running on its own guarded durable host.

    Attributes:
        translation: What durable decides and what Python computes, per criterion.
    """

    def __init__(self, rules: Sequence[CheckedRule]) -> None:
        self._rules = tuple(rules)
        self.translation: Translation = translate(self._rules)
        self.host = GuardedHost(self.translation.ruleset())

    def run(self, window: Any, params: Mapping[str, Any], facts: bool) -> RawOutcome:
        """Run every rule on one window (see :class:`window_standard._engine.Prepared`).

        Raises:
            EngineFailure: When durable-rules reported an error (its ruleset was rebuilt).
        """
        rules = self.translation.rules
        fired = self.host.fire([rule_facts(rule, window, params) for rule in rules])
        decided = [decide(rule, fired, window, params) for rule in rules]
        return RawOutcome(
            tuple(a for a, _ in decided),
            tuple(v for _, v in decided),
            _LazyFacts(self._rules, window, params) if facts else None,
        )


class DurableEngine:
    """Translates checked rules into a durable-rules ruleset."""

    name = "durable"

    def prepare(self, rules: Sequence[CheckedRule]) -> DurablePrepared:
        """Translate ``rules`` and define them on a new guarded host.

        Raises:
            RuleDefinitionError: WS401 when a criterion is outside what durable can run.
        """
        return DurablePrepared(rules)

    def prepare_isolated(self, rules: Sequence[CheckedRule]) -> Any:
        """Like :meth:`prepare`, running durable in a worker process (:mod:`.isolated`)."""
        from .isolated import ProcessPrepared

        return ProcessPrepared(rules)


#: The engine instance the engine table names.
ENGINE = DurableEngine()
