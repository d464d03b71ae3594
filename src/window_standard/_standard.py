"""The compiled, immutable :class:`Standard`: identity, digest, evaluation and what-if variants."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from ._build import RuleSet, param_types, resolve_parameters
from ._errors import Problem, RuleDefinitionError
from ._evaluate import Evaluator
from ._expr.runtime import DECIMAL_CONTEXT
from ._model import Window
from ._result import LocalText, Result, StandardStamp
from ._spec import StandardSpec

__all__ = ["Standard", "canonical_digest", "canonical_json"]


def canonical_json(value: Any) -> Any:
    """Canonical JSON-native form: whole decimals as int, other decimals as text, dates ISO, sets sorted."""
    if isinstance(value, Decimal):  # a fixed context: the digest must not depend on the caller's precision
        whole = value == value.to_integral_value()
        return int(value) if whole else format(value.normalize(DECIMAL_CONTEXT), "f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(canonical_json(k)): canonical_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [canonical_json(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(canonical_json(v) for v in value)
    return value


def canonical_digest(spec: StandardSpec) -> str:
    """sha256 of the rule set's canonical JSON: independent of YAML layout, key order and comments."""
    data = canonical_json(spec.model_dump(mode="python", by_alias=True))
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Standard:
    """A compiled edition of the standard: immutable and safe to share between threads.

    Obtain one with :func:`window_standard.load_standard`. Evaluate windows with :meth:`evaluate`; derive
    what-if variants with :meth:`with_parameters` (the original is never changed).
    """

    __slots__ = ("_evaluator", "_params_cache", "_rules", "_spec", "_stamp")
    _evaluator: Evaluator
    _params_cache: dict[date, dict[str, Any]]
    _rules: RuleSet
    _spec: StandardSpec
    _stamp: StandardStamp

    def __init__(self, rules: RuleSet) -> None:
        """Wrap a compiled rule set (use :func:`window_standard.load_standard` rather than this)."""
        stamp = StandardStamp(
            id=rules.spec.id, version=rules.spec.version, digest=canonical_digest(rules.spec)
        )
        object.__setattr__(self, "_rules", rules)
        object.__setattr__(self, "_spec", rules.spec)
        object.__setattr__(self, "_stamp", stamp)
        object.__setattr__(self, "_evaluator", Evaluator(rules, stamp))
        object.__setattr__(self, "_params_cache", {})

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Standard is immutable; use with_parameters() for a variant")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Standard is immutable; use with_parameters() for a variant")

    def __repr__(self) -> str:
        return f"<Standard {self.id} {self.version} digest={self.digest[:12]}>"

    @property
    def id(self) -> str:
        """The edition id, e.g. ``cdpma-window-2013``."""
        return self._spec.id

    @property
    def version(self) -> str:
        """Semver of this encoding."""
        return self._spec.version

    @property
    def digest(self) -> str:
        """sha256 over the canonical rule set; stamped on every result."""
        return self._stamp.digest

    @property
    def title(self) -> LocalText:
        """The standard's title in Chinese and English."""
        return LocalText(zh=self._spec.title.zh, en=self._spec.title.en)

    @property
    def provenance(self) -> str:
        """``official`` or ``reconstructed``."""
        return self._spec.provenance

    @property
    def disclaimer(self) -> LocalText | None:
        """For reconstructed editions: what is reconstructed and why."""
        text = self._spec.disclaimer
        return None if text is None else LocalText(zh=text.zh, en=text.en)

    @property
    def effective(self) -> tuple[date, date | None]:
        """First and last day in force (None: open-ended)."""
        return self._spec.effective.from_, self._spec.effective.to

    @property
    def spec(self) -> StandardSpec:
        """The validated rule set (frozen models)."""
        return self._spec

    @property
    def criteria(self) -> tuple[str, ...]:
        """Ids of every criterion, prerequisite, veto and bonus, in rule-file order."""
        return tuple(rule.spec.id for rule in self._rules.criteria)

    @property
    def parameters(self) -> Mapping[str, Any]:
        """Declared parameters (dated ones as ``{start date: value}``); read-only."""
        return MappingProxyType(dict(self._spec.parameters))

    def parameters_on(self, on: date) -> dict[str, Any]:
        """The parameter values in force on a date (a copy: changing it does not change the standard)."""
        return dict(self._resolved(on))

    def _resolved(self, on: date) -> dict[str, Any]:
        cached: dict[str, Any] | None = self._params_cache.get(on)
        if cached is None:
            cached = resolve_parameters(self._spec, on)
            self._params_cache[on] = cached
        return cached

    def evaluate(
        self, window: Window | Mapping[str, Any], *, explain: bool = True, as_of: date | None = None
    ) -> Result:
        """Evaluate one window.

        Args:
            window: A :class:`Window`, or a mapping that is validated into one.
            explain: Render zh/en explanations and record the facts of every criterion; turn it off for
                bulk scoring (points, statuses, levels and the rectification list stay complete).
            as_of: Resolve dated parameters on this date instead of the window's ``assessed_on``.

        Returns:
            The result, stamped with this standard's id, version and digest.

        Raises:
            pydantic.ValidationError: When a mapping is not a valid window (the error names the field path).
        """
        valid = window if isinstance(window, Window) else Window.model_validate(window)
        on = as_of or valid.assessed_on
        return self._evaluator.evaluate(valid, self._resolved(on), on, explain)

    def evaluate_many(
        self, windows: Iterable[Window | Mapping[str, Any]], *, explain: bool = True
    ) -> list[Result]:
        """Evaluate many windows in order (see :meth:`evaluate`)."""
        return [self.evaluate(w, explain=explain) for w in windows]

    def without(self, *, criteria: Iterable[str]) -> Standard:
        """A what-if variant with some criteria removed; it has its own digest.

        The removed criteria's points leave the maximum, so the total is renormalised over what remains
        (category maxima are not re-validated: this is an exploration, not a new edition).

        Raises:
            RuleDefinitionError: WS208 for an id the standard does not have.
        """
        drop = set(criteria)
        unknown = sorted(drop - set(self.criteria))
        if unknown:
            raise RuleDefinitionError(
                [
                    Problem(
                        "WS208",
                        f"unknown criteria: {', '.join(unknown)}",
                        f"known: {', '.join(self.criteria)}",
                    )
                ]
            )
        kept = tuple(rule for rule in self._rules.criteria if rule.spec.id not in drop)
        spec = self._spec.model_copy(update={"criteria": [rule.spec for rule in kept]})
        return Standard(RuleSet(spec, kept, self._rules.folder))

    def with_parameters(self, **overrides: Any) -> Standard:
        """A what-if variant with some parameters changed; it has its own digest.

        Raises:
            RuleDefinitionError: WS207 for an unknown parameter or a value of another type.
        """
        merged = dict(self._spec.parameters)
        problems: list[Problem] = []
        for name, value in overrides.items():
            if name not in merged:
                problems.append(
                    Problem("WS207", f"unknown parameter '{name}'", f"known: {', '.join(sorted(merged))}")
                )
            elif isinstance(value, dict) and not isinstance(merged[name], dict):
                problems.append(Problem("WS207", f"parameter '{name}' is not dated; give one value", ""))
            else:
                merged[name] = value
        if problems:
            raise RuleDefinitionError(problems)
        spec = StandardSpec.model_validate({**self._spec.model_dump(by_alias=True), "parameters": merged})
        spec = spec.model_copy(update={"criteria": self._spec.criteria})
        old, new = param_types(self._spec, None, problems), param_types(spec, None, problems)
        for name in overrides:
            if name in new and new[name].kind != old[name].kind:
                problems.append(
                    Problem(
                        "WS207", f"parameter '{name}' must stay a {old[name].kind}, got {new[name].kind}", ""
                    )
                )
        if problems:
            raise RuleDefinitionError(problems)
        return Standard(RuleSet(spec, self._rules.criteria, self._rules.folder))
