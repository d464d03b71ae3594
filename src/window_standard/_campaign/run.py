"""Run one compiled campaign rule on a context: its verdict, the facts it read and its explanation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import localcontext
from typing import Any, Literal

from pydantic import BaseModel

from .._numbers import DECIMAL_CONTEXT, json_native
from .._result import FactValue, LocalText
from .build import CompiledRule

__all__ = ["RuleRun", "Verdict", "run_rule"]

#: A rule's verdict: its condition held, did not hold, or could not be decided for lack of data.
Verdict = Literal["pass", "fail", "no_data"]


@dataclass(frozen=True)
class RuleRun:
    """The outcome of running one rule.

    Attributes:
        rule: The rule that ran.
        verdict: ``pass`` when the condition held, ``fail`` when it did not, ``no_data`` when undecided.
        explanation: The rendered explanation, zh and en.
        facts: The values the rule read, JSON-native.
    """

    rule: CompiledRule
    verdict: Verdict
    explanation: LocalText
    facts: dict[str, FactValue]

    @property
    def holds(self) -> bool:
        """True only when the condition definitely held."""
        return self.verdict == "pass"


def run_rule(rule: CompiledRule, context: BaseModel, params: dict[str, Any]) -> RuleRun:
    """Run a rule's generated function on a context and render its explanation.

    Args:
        rule: The compiled rule.
        context: An instance of the context model the rule was compiled against.
        params: The campaign parameters.
    """
    compiled = rule.compiled
    with localcontext(DECIMAL_CONTEXT):
        _, value, facts = compiled.function(context, params)
    verdict: Verdict = "no_data" if value is None else "pass" if value else "fail"
    named = dict(zip(compiled.fact_names, facts, strict=True))
    values = {**named, **{f"params.{k}": v for k, v in params.items()}}
    texts = {lang: compiled.templates[lang].render(values, lang) for lang in ("zh", "en")}
    return RuleRun(
        rule=rule,
        verdict=verdict,
        explanation=LocalText(zh=texts["zh"], en=texts["en"]),
        facts={name: json_native(value) for name, value in named.items()},
    )
