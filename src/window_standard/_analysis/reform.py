"""Reforms and sweeps over a population: :func:`compare` two standards, :func:`sweep` a parameter.

Both evaluate with the columnar engine when it is installed (the same answers as the compiled engine,
proved by the equivalence tests). A sweep of a level threshold (a parameter a level's ``min_score``
names, such as ``pass_threshold``) evaluates the population once and recomputes only the levels from the
totals; any other parameter is swept by evaluating the population under each value.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .display import html_table
from .results import ResultTable

if TYPE_CHECKING:
    import pandas as pd

    from .._standard import Standard

__all__ = ["Comparison", "Sweep", "compare", "sweep"]


def _fast(std: Standard) -> Standard:
    from .._engine import engines

    return std.with_engine("columnar") if "columnar" in engines() else std


def _percent(count: int, total: int) -> Decimal:
    return (Decimal(count * 100) / Decimal(total or 1)).quantize(Decimal("0.01"))


@dataclass
class Comparison:
    """Two standards over one population: level transitions first, then criteria, windows on demand.

    Attributes:
        before: The results under the first standard.
        after: The results under the second.
        transitions: ``(level before, level after) → windows``, every pair that occurs.
        criteria: Per criterion in either standard: ``(windows whose status changed, change of total
            points in hundredths)``.
    """

    before: ResultTable
    after: ResultTable
    transitions: dict[tuple[str, str], int]
    criteria: dict[str, tuple[int, int]]

    @property
    def changed(self) -> int:
        """How many windows changed level."""
        return sum(n for (a, b), n in self.transitions.items() if a != b)

    def text(self) -> str:
        """A short plain-text summary: the level transitions."""
        moves = "; ".join(f"{a}→{b} {n}" for (a, b), n in sorted(self.transitions.items()) if a != b)
        return (
            f"<Comparison {self.before.standard.id} {self.before.standard.version} → "
            f"{self.after.standard.id} {self.after.standard.version}: {len(self.before)} windows, "
            f"{self.changed} change level{': ' + moves if moves else ''}>"
        )

    __repr__ = text

    def rows(self, *, changed_only: bool = True) -> pd.DataFrame:
        """The windows (those that changed level or score, by default): identity, levels, scores."""
        import pandas as pd

        frame = pd.DataFrame(self.before.identity())
        frame["level_before"], frame["level_after"] = self.before.levels, self.after.levels
        frame["score_before"] = [s.score for s in self.before]
        frame["score_after"] = [s.score for s in self.after]
        if changed_only:
            moved = (frame["level_before"] != frame["level_after"]) | (
                frame["score_before"] != frame["score_after"]
            )
            frame = frame[moved].reset_index(drop=True)
        return frame

    def _repr_html_(self) -> str:
        total = len(self.before)
        head = ["before", "after", "windows", "share"]
        rows = [[a, b, n, f"{_percent(n, total)}%"] for (a, b), n in sorted(self.transitions.items())]
        worst = sorted(self.criteria.items(), key=lambda kv: -kv[1][0])[:10]
        crit = [[cid, n, f"{Decimal(d).scaleb(-2)}"] for cid, (n, d) in worst]
        return html_table(head, rows, self.text()) + html_table(
            ["criterion", "windows whose status changed", "change of points"], crit
        )


def compare(std_a: Standard, std_b: Standard, population: Sequence[Any]) -> Comparison:
    """Evaluate a population under two standards (editions, variants, what-ifs) and compare them."""
    before = _fast(std_a).evaluate_table(population)
    after = _fast(std_b).evaluate_table(population)
    transitions = Counter(zip(before.levels, after.levels, strict=True))
    criteria: dict[str, tuple[int, int]] = {}
    index_a = {c: k for k, c in enumerate(std_a.criteria)}
    index_b = {c: k for k, c in enumerate(std_b.criteria)}
    for cid in [*std_a.criteria, *(c for c in std_b.criteria if c not in index_a)]:
        a, b = index_a.get(cid), index_b.get(cid)
        if a is None or b is None:
            points = before.arrays.points[:, a] if a is not None else after.arrays.points[:, b]
            sign = -1 if a is not None else 1
            criteria[cid] = (len(before), sign * int(points.clip(min=0).sum()))
            continue
        moved = int((before.arrays.status[:, a] != after.arrays.status[:, b]).sum())
        delta = int(
            after.arrays.points[:, b].clip(min=0).sum() - before.arrays.points[:, a].clip(min=0).sum()
        )
        criteria[cid] = (moved, delta)
    return Comparison(before, after, dict(transitions), criteria)


@dataclass
class Sweep:
    """A statistic of a population under each value of one parameter.

    Attributes:
        param: The parameter swept.
        values: Its values, in order.
        pass_rates: The share of windows at the first level under each value (a percentage).
        level_counts: The windows at each level under each value.
        statistics: The chosen statistic under each value (None when none was chosen).
        recomputed_levels_only: Whether only the levels were recomputed (a threshold sweep).
    """

    param: str
    values: list[Any]
    pass_rates: list[Decimal]
    level_counts: list[dict[str, int]]
    statistics: list[Any] | None
    recomputed_levels_only: bool

    def text(self) -> str:
        """A short plain-text summary."""
        pairs = ", ".join(f"{v}: {r}%" for v, r in zip(self.values, self.pass_rates, strict=True))
        return f"<Sweep of {self.param}: pass rate {pairs}>"

    __repr__ = text

    def to_pandas(self) -> pd.DataFrame:
        """One row per value: the value, the pass rate, the windows at each level (and the statistic)."""
        import pandas as pd

        frame = pd.DataFrame({self.param: self.values, "pass_rate": self.pass_rates})
        for level in self.level_counts[0] if self.level_counts else ():
            frame[level] = [counts[level] for counts in self.level_counts]
        if self.statistics is not None:
            frame["statistic"] = self.statistics
        return frame

    def _repr_html_(self) -> str:
        levels = list(self.level_counts[0]) if self.level_counts else []
        rows = [
            [v, f"{r}%", *(c[level] for level in levels)]
            for v, r, c in zip(self.values, self.pass_rates, self.level_counts, strict=True)
        ]
        return html_table([self.param, "pass rate", *levels], rows, self.text())


def _threshold(std: Standard, param: str) -> bool:
    return any(threshold == param for _, threshold in std._plan.levels)


def sweep(
    std: Standard,
    param: str,
    values: Sequence[Any],
    population: Sequence[Any] | ResultTable,
    *,
    statistic: Callable[[ResultTable], Any] | None = None,
) -> Sweep:
    """The pass rate (and a chosen statistic) of a population under each value of a parameter.

    Args:
        std: The standard.
        param: A parameter of the standard (dated parameters take ``{date: value}`` values).
        values: The values to try.
        population: The windows, or a table already evaluated by ``std`` (threshold sweeps reuse it).
        statistic: Computed from the table under each value, e.g. ``lambda t: t.level_counts()["fails"]``.
    """
    from .._engine.columnar.score import level_of_totals
    from .batch import resolved_many

    if values:
        std.with_parameters(**{param: values[0]})  # refuses an unknown parameter or a value of another type
    base = population if isinstance(population, ResultTable) else None
    tables: list[ResultTable] = []
    only_levels = _threshold(std, param) and all(not isinstance(v, dict) for v in values)
    if only_levels:
        base = base or _fast(std).evaluate_table(population)
        groups: dict[int, tuple[dict[str, Any], list[int]]] = {}
        for i, (params, _, _) in enumerate(resolved_many(std, base.evaluated_on)):
            groups.setdefault(id(params), (params, []))[1].append(i)
        for value in values:
            levels = base.arrays.level.copy()
            for params, members in groups.values():
                arrays = base.arrays
                levels[members] = level_of_totals(
                    std._plan.levels,
                    arrays.total[members],
                    arrays.blocked[members],
                    {**params, param: Decimal(str(value))},
                )
            tables.append(dataclasses.replace(base, arrays=dataclasses.replace(base.arrays, level=levels)))
    else:
        from .batch import evaluate_table

        windows = base.windows if base is not None else population
        columns: dict[bytes, Any] = {}  # the population's columns, built once for every value
        for value in values:
            variant = _fast(std.with_parameters(**{param: value}))
            tables.append(evaluate_table(variant, windows, tables=columns))
    return Sweep(
        param,
        list(values),
        [t.pass_rate() for t in tables],
        [t.level_counts() for t in tables],
        [statistic(t) for t in tables] if statistic is not None else None,
        only_levels,
    )
