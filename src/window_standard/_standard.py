"""The immutable :class:`Standard`: identity, digest, evaluation through an engine, what-if variants.

Evaluating a window is the pipeline's last stage: the standard's prepared engine runs the checked rules
(:mod:`._engine`), :mod:`._engine.scoring` scores the raw outcome and :mod:`._engine.assemble` builds the
lean :class:`~._result.Result`, all inside the library's own decimal context.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import localcontext
from types import MappingProxyType
from typing import Any, Literal

from ._build import RuleSet, resolve_parameters
from ._districts import district_warnings
from ._engine import DEFAULT_ENGINE, Prepared, get_engine, prepare_isolated
from ._engine.assemble import Assembler
from ._engine.compact import FORM as COMPACT_FORM
from ._engine.compact import compact_form, full_form, own_stamp
from ._engine.scoring import ScoringPlan, score
from ._errors import Problem, RuleDefinitionError
from ._model import Window
from ._numbers import DECIMAL_CONTEXT, json_native
from ._result import DataWarning, LevelThreshold, LocalText, Result, StandardStamp
from ._spec import StandardSpec
from ._variants import overridden_spec

__all__ = ["Standard", "canonical_digest", "parameters_digest"]

#: Assessment dates whose resolved parameters a standard keeps at most.
_PARAMETER_DATES = 256


def _sha256(data: Any) -> str:
    text = json.dumps(json_native(data), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_digest(spec: StandardSpec) -> str:
    """sha256 of the rule set's canonical JSON: independent of YAML layout, key order and comments."""
    return _sha256(spec.model_dump(mode="python", by_alias=True))


def parameters_digest(params: Mapping[str, Any]) -> str:
    """sha256 of resolved parameter values (canonical JSON), as stamped on results."""
    return _sha256(dict(params))


class Standard:
    """A compiled edition of the standard: immutable and safe to share between threads.

    Obtain one with :func:`window_standard.load_standard`. Evaluate windows with :meth:`evaluate`; derive
    what-if variants with :meth:`with_parameters` (the original is never changed).
    """

    __slots__ = (
        "_assembler",
        "_changes",
        "_engine",
        "_params_cache",
        "_plan",
        "_prepared",
        "_rules",
        "_spec",
        "_stamp",
    )
    _assembler: Assembler
    _engine: str
    _params_cache: dict[date, tuple[dict[str, Any], str, tuple[LevelThreshold, ...]]]
    _plan: ScoringPlan
    _changes: bool
    _prepared: Prepared
    _rules: RuleSet
    _spec: StandardSpec
    _stamp: StandardStamp

    def __init__(
        self, rules: RuleSet, engine: str = DEFAULT_ENGINE, *, prepared: Prepared | None = None
    ) -> None:
        """Wrap a checked rule set (use :func:`window_standard.load_standard` rather than this).

        Args:
            rules: The checked rule set.
            engine: The name of the engine that runs it (see :func:`window_standard.engines`).
            prepared: The rules already prepared by that engine (variants that change only parameters
                share it).

        Raises:
            WindowStandardError: For an unknown engine or one whose extra is not installed.
        """
        stamp = StandardStamp(
            id=rules.spec.id, version=rules.spec.version, digest=canonical_digest(rules.spec)
        )
        plan = ScoringPlan.of(rules.spec, rules.criteria)
        set_ = object.__setattr__
        set_(self, "_rules", rules)
        set_(self, "_spec", rules.spec)
        set_(self, "_stamp", stamp)
        set_(self, "_engine", engine)
        set_(self, "_prepared", prepared or get_engine(engine).prepare(rules.criteria))
        set_(self, "_plan", plan)
        set_(self, "_assembler", Assembler.of(rules.spec, rules.criteria, stamp, plan))
        set_(self, "_params_cache", {})
        set_(self, "_changes", bool(rules.spec.district_changes))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Standard is immutable; use with_parameters() for a variant")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Standard is immutable; use with_parameters() for a variant")

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle by folder, engine, digest and variant changes (see :mod:`window_standard._pickle`)."""
        from ._pickle import reduce_standard

        return reduce_standard(self)

    def _repr_html_(self) -> str:
        from html import escape

        levels = ", ".join(
            f"{lv.id} ≥ {lv.min_score}" for lv in self._spec.levels if lv.min_score is not None
        )
        return (
            f"<p><b>{escape(self.title.zh)}</b> ({escape(self.title.en)})<br>{escape(self.id)} "
            f"{escape(self.version)} · {len(self.criteria)} criteria · total {self._spec.total} · "
            f"{escape(levels)} · engine {escape(self._engine)} · digest {self.digest[:12]}</p>"
        )

    def __repr__(self) -> str:
        return f"<Standard {self.id} {self.version} digest={self.digest[:12]} engine={self._engine}>"

    @property
    def engine(self) -> str:
        """The name of the engine that evaluates windows (``compiled`` by default)."""
        return self._engine

    def with_engine(self, name: str, *, isolation: Literal["none", "process"] = "none") -> Standard:
        """The same rule set (same digest) evaluated by another engine.

        Args:
            name: The engine (see :func:`window_standard.engines`).
            isolation: ``process`` runs the engine in a worker process, so that a crash of its native code
                raises an error for that window instead of ending the program (the ``durable`` engine).

        Raises:
            WindowStandardError: For an unknown engine, one whose extra is not installed, or one that does
                not run in a worker process.
        """
        if isolation == "process":
            return Standard(self._rules, name, prepared=prepare_isolated(name, self._rules.criteria))
        return self if name == self._engine else Standard(self._rules, name)

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
    def former_digests(self) -> tuple[str, ...]:
        """Earlier digests of these same rules (``former_digests`` in ``standard.yaml``), accepted on load."""
        return tuple(self._spec.former_digests)

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
        return dict(self._resolved(on)[0])

    def _resolved(self, on: date) -> tuple[dict[str, Any], str, tuple[LevelThreshold, ...]]:
        cached = self._params_cache.get(on)
        if cached is None:
            params = resolve_parameters(self._spec, on)
            cached = (params, parameters_digest(params), self._assembler.thresholds(params))
            if len(self._params_cache) >= _PARAMETER_DATES:
                self._params_cache.clear()  # bounded: a long run over many dates recomputes, never grows
            self._params_cache[on] = cached
        return cached

    def evaluate(
        self, window: Window | Mapping[str, Any], *, explain: bool = True, as_of: date | None = None
    ) -> Result:
        """Evaluate one window.

        Args:
            window: A :class:`Window`, or a mapping that is validated into one.
            explain: Give every criterion its facts and zh/en explanation (built when the criterion is first
                read); without it they are empty (points, statuses, levels and the rectification list stay
                complete).
            as_of: Resolve dated parameters on this date instead of the window's ``assessed_on``.

        Returns:
            The result, stamped with this standard's id, version and digest.

        Raises:
            pydantic.ValidationError: When a mapping is not a valid window (the error names the field path).
        """
        valid = (
            window if type(window) is Window or isinstance(window, Window) else Window.model_validate(window)
        )
        on = as_of or valid.assessed_on
        params, digest, levels = self._resolved(on)
        with localcontext(DECIMAL_CONTEXT):
            raw = self._prepared.run(valid, params, explain)
            scored = score(self._plan, raw, params)
            return self._assembler.result(
                valid.id, on, raw, scored, digest, levels, self._warnings(valid, on)
            )

    def evaluate_many(
        self,
        windows: Iterable[Window | Mapping[str, Any]],
        *,
        explain: bool = True,
        errors: Literal["raise", "collect"] = "raise",
        progress: bool | None = None,
    ) -> list[Any]:
        """Evaluate many windows in order (see :meth:`evaluate`).

        Args:
            windows: Windows, mappings, or ``(source, window | error)`` pairs as
                :func:`window_standard.read_windows` yields them.
            explain: As for :meth:`evaluate`.
            errors: ``raise`` stops at the first input that is not a valid window; ``collect`` puts a
                ``WindowError`` (its source and the validation error) in its place and goes on.
            progress: Show a progress bar (None: on runs of 5 000 windows or more at a terminal).

        Returns:
            One :class:`Result` per input (or ``WindowError``, with ``errors="collect"``), in order.
        """
        from ._analysis.batch import evaluate_many

        return evaluate_many(self, windows, explain=explain, errors=errors, progress=progress)

    def evaluate_table(self, windows: Iterable[Any], *, errors: Literal["raise", "collect"] = "raise") -> Any:
        """Evaluate a population into a ``ResultTable`` (needs the ``analysis`` extra).

        Args:
            windows: Windows, mappings, ``(source, window | error)`` pairs, or a pandas DataFrame in the
                flat layout (:func:`window_standard.analysis.template_frame`).
            errors: As for :meth:`evaluate_many`; collected errors are in the table's ``errors``.

        Returns:
            A ``ResultTable``: identity, level, score, categories and each criterion's status and points
            as columns, ``.row(i)`` for a full result. With ``engine="columnar"`` the whole population is
            evaluated as arrays.
        """
        from ._analysis.batch import evaluate_table

        return evaluate_table(self, windows, errors=errors)

    def _batch(self, windows: Sequence[Window], explain: bool) -> list[Result]:
        """Results of valid windows through the engine's batch run (a columnar engine)."""
        from ._analysis.batch import resolved_many

        days = [w.assessed_on for w in windows]
        resolved = resolved_many(self, days)
        params = [p for p, _, _ in resolved]
        with localcontext(DECIMAL_CONTEXT):
            raws = self._prepared.run_many(windows, params, explain)  # type: ignore[attr-defined]
            return [
                self._assembler.result(
                    w.id,
                    w.assessed_on,
                    raw,
                    score(self._plan, raw, p),
                    digest,
                    levels,
                    self._warnings(w, w.assessed_on),
                )
                for w, on, raw, (p, digest, levels) in zip(windows, days, raws, resolved, strict=True)
            ]

    def _warnings(self, window: Window, on: date) -> list[DataWarning] | None:
        """The data-quality warnings of a window on a date (a former district code …), None without any."""
        if not self._changes:
            return None
        return district_warnings(self._spec, window.district, on)

    def compact_json(self, result: Result) -> str:
        """A result's compact JSON: its stamp, totals, and each criterion's status, points and facts.

        The criteria's titles, advice, provenance and clauses and the rendered explanations are left out:
        this standard holds them, and :meth:`read_result` restores them (explanations are rendered again
        from the facts), so ``std.read_result(std.compact_json(r)) == r``.

        Raises:
            WindowStandardError: When another standard made the result.
        """
        own_stamp(self._stamp, result.standard.model_dump())
        data = compact_form(result)
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    def read_result(self, text: str | bytes) -> Result:
        """A result from JSON: the full form (``Result.model_dump_json()``) or the compact one.

        Raises:
            WindowStandardError: When the compact form names another standard or is not one of its results.
            pydantic.ValidationError: When the JSON is not a result.
        """
        data = json.loads(text)
        if isinstance(data, dict) and data.get("form") == COMPACT_FORM:
            own_stamp(self._stamp, data.get("standard"))
            on = date.fromisoformat(str(data.get("evaluated_on")))
            with localcontext(DECIMAL_CONTEXT):
                return full_form(self._assembler, data, self._resolved(on)[2])
        return Result.model_validate(data)

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
        return Standard(RuleSet(spec, kept, self._rules.folder), self._engine)

    def with_parameters(self, **overrides: Any) -> Standard:
        """A what-if variant with some parameters changed; it has its own digest.

        Every override is validated as the rule files' values are: of the parameter's type (a list of
        district codes stays a list of text), finite, within ±10^12 with at most six decimal places.

        Raises:
            RuleDefinitionError: WS207 for an unknown parameter, a value of another type or out of bounds.
        """
        spec = overridden_spec(self._spec, overrides)
        # parameters are read at run time: the prepared rules serve the variant unchanged
        rules = RuleSet(spec, self._rules.criteria, self._rules.folder)
        return Standard(rules, self._engine, prepared=self._prepared)
