"""The columnar engine: the typed trees as numpy array programs over a flat table of many windows.

:class:`ColumnarEngine` translates every rule once (:mod:`.program`, :mod:`.calls`, :mod:`.membership`);
an expression it cannot translate is a :class:`~window_standard.RuleDefinitionError` at prepare time.
Running many windows groups them by the parameters in force (dated parameters: one group per distinct
set), builds one column per field the rules read (:mod:`.source`) and runs each rule's program over the
whole group: numbers are exact fractions, "no data" is a mask, ``and``/``or`` are Kleene's.

Exactness. The compiled engine computes in 28-digit decimals; the fractions here equal those decimals
except after a division that does not terminate. A window on which such a value meets an exact boundary
(an equality, a half-cent, a whole number), or whose numbers exceed 2**31, is *unsure*: it is recomputed
by the compiled engine's exact code, so every status, point, total and level is the same — the fast path
never guesses. Explanations (facts) are read by the compiled engine's fact functions; the decisions are
the array program's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..._check import CheckedRule
from ..._errors import Problem, RuleDefinitionError
from ..outcome import RawOutcome
from ..scoring import from_cents
from .program import Ctx, Fn, Translator, Untranslatable
from .source import from_objects
from .table import Frame, Table
from .values import Arr, BoolArray, IntArray, Num

__all__ = [
    "ENGINE",
    "ColumnarEngine",
    "ColumnarPrepared",
    "Outcomes",
    "RuleProgram",
    "blank_outcomes",
    "raw_of",
]


@dataclass(frozen=True)
class RuleProgram:
    """One rule as closures: its lets, its applies test and its score or condition."""

    id: str
    points: Any
    lets: tuple[tuple[str, Fn], ...]
    applies: Fn | None
    main: Fn
    scored: bool


@dataclass
class Outcomes:
    """The raw outcomes of many windows, per rule as arrays.

    Attributes:
        rows: The number of windows.
        applies: Per rule, ``(holds, known)`` of its applies test (None: always applies).
        values: Per rule, ``(value, known)``: integer hundredths for a score, booleans for a test.
        exact: The raw outcomes of the windows recomputed exactly, by position.
    """

    rows: int
    applies: list[tuple[BoolArray, BoolArray] | None]
    values: list[tuple[IntArray | BoolArray, BoolArray]]
    exact: dict[int, RawOutcome]


class ColumnarPrepared:
    """A rule set translated to array programs (immutable, shareable between threads)."""

    def __init__(self, rules: Sequence[CheckedRule]) -> None:
        from ..compiled import CompiledPrepared

        translator = Translator()
        self.programs = tuple(_translate(translator, rule) for rule in rules)
        self.needs = translator.needs
        self.exact = CompiledPrepared(rules)

    def run(self, window: Any, params: Mapping[str, Any], facts: bool) -> RawOutcome:
        """Run every rule on one window (a batch of one); facts come from the exact engine's reader."""
        (outcome,) = self.run_many([window], [params], False)
        if not facts:
            return outcome
        return outcome._replace(facts=self.exact.run(window, params, True).facts)

    def run_many(
        self, windows: Sequence[Any], params: Sequence[Mapping[str, Any]], facts: bool
    ) -> list[RawOutcome]:
        """Run every rule on many windows; ``params[i]`` is in force for ``windows[i]``."""
        found = self.outcomes(windows, params)
        out = [found.exact.get(i) or self._raw(found, i) for i in range(found.rows)]
        if facts:
            out = [
                o._replace(facts=self.exact.run(w, p, True).facts)
                for o, w, p in zip(out, windows, params, strict=True)
            ]
        return out

    def outcomes(
        self,
        windows: Sequence[Any],
        params: Sequence[Mapping[str, Any]],
        tables: dict[bytes, Table] | None = None,
    ) -> Outcomes:
        """The raw outcomes of many windows as arrays (see :class:`Outcomes`).

        Args:
            windows: Validated windows.
            params: The parameters in force for each.
            tables: A cache of the columns of each group of windows, by their positions: a caller that
                runs the same windows again under other parameter values (a sweep) passes the same dict
                and the columns are built once.
        """
        rows = len(windows)
        found = blank_outcomes(
            rows, [rule.applies is not None for rule in self.programs], [r.scored for r in self.programs]
        )
        for positions, group_params in _groups(params):
            group = [windows[i] for i in positions]
            key = positions.tobytes()
            table = tables.get(key) if tables is not None else None
            if table is None:
                table = from_objects(group, self.needs)
                if tables is not None:
                    tables[key] = table
            self._run_group(found, positions, group, group_params, table)
        return found

    def _run_group(
        self,
        found: Outcomes,
        positions: IntArray,
        windows: Sequence[Any],
        params: Mapping[str, Any],
        table: Table,
    ) -> None:
        ctx = Ctx(table, params, table.unsure.copy())
        try:
            results = [_run_rule(ctx, rule) for rule in self.programs]
        except (OverflowError, Untranslatable):  # parameters too large (or unusable): all exactly
            ctx.unsure[:] = True
            results = []
        for k, (applies, value) in enumerate(results):
            target = found.applies[k]
            if target is not None and applies is not None:
                target[0][positions], target[1][positions] = applies.data, applies.known
            found.values[k][0][positions], found.values[k][1][positions] = value
        for local in np.flatnonzero(ctx.unsure).tolist():
            found.exact[int(positions[local])] = self.exact.run(windows[local], params, False)

    def _raw(self, found: Outcomes, i: int) -> RawOutcome:
        return raw_of(found, [rule.scored for rule in self.programs], i)


def raw_of(found: Outcomes, scored: Sequence[bool], i: int) -> RawOutcome:
    """The raw outcome of window ``i`` rebuilt from the arrays (``scored``: which rules are scores)."""
    exact = found.exact.get(i)
    if exact is not None:
        return exact
    applies = tuple(True if a is None else (bool(a[0][i]) if a[1][i] else None) for a in found.applies)
    values = tuple(
        (None if not known[i] else from_cents(int(v[i])) if is_score else bool(v[i]))
        for is_score, (v, known) in zip(scored, found.values, strict=True)
    )
    return RawOutcome(applies, values, None)


def blank_outcomes(rows: int, conditional: Sequence[bool], scored: Sequence[bool]) -> Outcomes:
    """Outcomes of ``rows`` windows with every array allocated (no data), to be filled in."""
    found = Outcomes(rows, [], [], {})
    for has_applies, is_score in zip(conditional, scored, strict=True):
        found.applies.append(_empty(rows) if has_applies else None)
        found.values.append(_empty(rows, np.int64 if is_score else np.bool_))
    return found


def _empty(rows: int, dtype: Any = np.bool_) -> tuple[Any, BoolArray]:
    return np.zeros(rows, dtype), np.zeros(rows, np.bool_)


def _groups(params: Sequence[Mapping[str, Any]]) -> list[tuple[IntArray, Mapping[str, Any]]]:
    """Positions of the windows sharing the same parameter values (by content, not identity)."""
    by_id: dict[int, str] = {}
    members: dict[str, list[int]] = {}
    first: dict[str, Mapping[str, Any]] = {}
    for i, p in enumerate(params):
        key = by_id.get(id(p))
        if key is None:
            key = by_id[id(p)] = repr(sorted(p.items()))
            first.setdefault(key, p)
        members.setdefault(key, []).append(i)
    return [(np.asarray(members[k], np.int64), first[k]) for k in members]


def _run_rule(ctx: Ctx, rule: RuleProgram) -> tuple[Arr | None, tuple[Any, BoolArray]]:
    frame = Frame(ctx.table.rows, (np.arange(ctx.table.rows),))
    ctx.lets, ctx.points = {}, rule.points
    for name, fn in rule.lets:
        ctx.lets[name] = fn(ctx, frame)
    applies = rule.applies(ctx, frame) if rule.applies is not None else None
    value = rule.main(ctx, frame)
    if rule.scored:
        from .ops import cents

        assert isinstance(value, Num)
        mask = ctx.mask(frame)
        hundredths = cents(value, mask)
        ctx.mark(mask, frame)
        return _arr_or_none(applies), (hundredths, value.known)
    assert isinstance(value, Arr)
    return _arr_or_none(applies), (value.data, value.known)


def _arr_or_none(value: Any) -> Arr | None:
    assert value is None or isinstance(value, Arr)
    return value


def _translate(translator: Translator, rule: CheckedRule) -> RuleProgram:
    try:
        lets = tuple((name, translator.node(node)) for name, node in rule.lets)
        applies = translator.node(rule.applies) if rule.applies is not None else None
        main = translator.node(rule.main)
    except Untranslatable as exc:
        problem = Problem(
            "WS302",
            f"in {rule.id}: the columnar engine cannot translate {exc}",
            "evaluate this rule set with engine='compiled', or rewrite the expression",
            rule.location,
        )
        raise RuleDefinitionError([problem]) from None
    return RuleProgram(rule.id, rule.points, lets, applies, main, rule.scored)


class ColumnarEngine:
    """Translates checked rules into numpy array programs."""

    name = "columnar"

    def prepare(self, rules: Sequence[CheckedRule]) -> ColumnarPrepared:
        """Translate ``rules`` (in order); an untranslatable expression is a RuleDefinitionError."""
        return ColumnarPrepared(rules)


#: The engine instance the engine table names.
ENGINE = ColumnarEngine()
