""":class:`ResultTable`: the results of a population as columns, with full results on demand.

A table keeps what every window's level rests on as integer arrays (hundredths of points, status codes)
and the windows themselves, so :meth:`ResultTable.row` rebuilds any window's full :class:`Result` with its
explanations. :meth:`ResultTable.to_pandas` gives the wide form (one row per window) or the tidy long form
(one row per window and criterion); points and scores are exact ``Decimal`` values (or integer hundredths
with ``cents=True``), never binary floats.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from .._numbers import DECIMAL_CONTEXT

if TYPE_CHECKING:
    import pandas as pd

    from .._engine.columnar.score import ScoredArrays
    from .._model import Window
    from .._result import Result
    from .._standard import Standard

__all__ = ["ResultTable", "RowSummary"]

IDENTITY = ("id", "district", "kind", "organisation")


class RowSummary(NamedTuple):
    """One window of a :class:`ResultTable`, in brief.

    Attributes:
        id: The window's id.
        district: Its district code.
        kind: Its kind.
        organisation: The name of the organisation running it (None: not given).
        level: The level reached.
        score: The total.
    """

    id: str
    district: str
    kind: str
    organisation: str | None
    level: str
    score: Decimal


def _cents(value: int) -> Decimal:
    return Decimal(int(value)).scaleb(-2, DECIMAL_CONTEXT)


@dataclass
class ResultTable:
    """The results of many windows under one standard, as columns.

    Attributes:
        standard: The standard that evaluated them.
        windows: The windows, in order (for :meth:`row`).
        evaluated_on: The date each was evaluated on.
        arrays: The scored arrays (statuses, points, totals, levels; see ``ScoredArrays``).
        errors: ``(source, error)`` of the inputs that were not valid windows (``errors="collect"``).
    """

    standard: Standard
    windows: Sequence[Window]
    evaluated_on: Sequence[date]
    arrays: ScoredArrays
    errors: list[tuple[Any, Exception]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.windows)

    def __iter__(self) -> Iterator[RowSummary]:
        for i in range(len(self)):
            yield self.summary(i)

    def __repr__(self) -> str:
        return self.text()

    @property
    def levels(self) -> list[str]:
        """The level id of every window."""
        ids = [level for level, _ in self.standard._plan.levels]
        return [ids[i] for i in self.arrays.level.tolist()]

    @property
    def criteria(self) -> tuple[str, ...]:
        """The criteria, in the order of the columns."""
        return self.standard.criteria

    def summary(self, i: int) -> RowSummary:
        """Window ``i`` in brief (identity, level, score)."""
        window = self.windows[i]
        level = self.standard._plan.levels[int(self.arrays.level[i])][0]
        return RowSummary(
            window.id,
            window.district,
            str(window.kind),
            window.organisation.name,
            level,
            _cents(self.arrays.total[i]),
        )

    def row(self, i: int, *, explain: bool = True) -> Result:
        """The full result of window ``i`` (evaluated again, with explanations when asked)."""
        return self.standard.evaluate(self.windows[i], explain=explain, as_of=self.evaluated_on[i])

    def level_counts(self) -> dict[str, int]:
        """How many windows reached each level (every level listed, in order)."""
        import numpy as np

        ids = [level for level, _ in self.standard._plan.levels]
        found = np.bincount(self.arrays.level, minlength=len(ids)).tolist()
        return dict(zip(ids, found, strict=True))

    def pass_rate(self) -> Decimal:
        """The share of windows at the first level, as a two-place percentage (no windows: 0)."""
        if not len(self):
            return Decimal("0.00")
        share = Decimal(int((self.arrays.level == 0).sum()) * 100) / Decimal(len(self))
        return share.quantize(Decimal("0.01"))

    def text(self) -> str:
        """A short plain-text summary."""
        counts = ", ".join(f"{k} {v}" for k, v in self.level_counts().items())
        errors = f"; {len(self.errors)} invalid inputs" if self.errors else ""
        return (
            f"<ResultTable {self.standard.id} {self.standard.version}: {len(self)} windows; {counts}; "
            f"pass rate {self.pass_rate()}%{errors}>"
        )

    def to_pandas(self, form: str = "wide", *, cents: bool = False) -> pd.DataFrame:
        """The table as a pandas DataFrame.

        Args:
            form: ``wide`` (one row per window: identity, level, score, categories, each criterion's
                ``ID.status`` and ``ID.points``) or ``long`` (one row per window and criterion).
            cents: Give points and scores as integer hundredths instead of ``Decimal`` values.
        """
        from .frames import long_frame, wide_frame

        if form == "wide":
            return wide_frame(self, cents=cents)
        if form == "long":
            return long_frame(self, cents=cents)
        raise ValueError(f"form must be 'wide' or 'long', got {form!r}")

    def identity(self) -> dict[str, list[Any]]:
        """The identity columns (id, district, kind, organisation)."""
        return {
            "id": [w.id for w in self.windows],
            "district": [w.district for w in self.windows],
            "kind": [str(w.kind) for w in self.windows],
            "organisation": [w.organisation.name for w in self.windows],
        }

    def _repr_html_(self) -> str:
        from .display import table_html

        return table_html(self)
