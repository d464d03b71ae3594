"""pandas frames of a :class:`~.results.ResultTable`: wide (a row per window) and tidy long."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .._numbers import DECIMAL_CONTEXT

if TYPE_CHECKING:
    import numpy.typing as npt
    import pandas as pd

    from .results import ResultTable

__all__ = ["long_frame", "wide_frame"]


def _points(values: npt.NDArray[Any], cents: bool) -> Any:
    """Hundredths as Decimals (or as nullable integers); -1 is no points (None)."""
    if cents:
        import pandas as pd

        return pd.array([None if v < 0 else v for v in values.tolist()], dtype="Int64")
    cache: dict[int, Decimal] = {}
    out: list[Any] = []
    for v in values.tolist():
        if v < 0:
            out.append(None)
        else:
            d = cache.get(v)
            if d is None:
                d = cache[v] = Decimal(v).scaleb(-2, DECIMAL_CONTEXT)
            out.append(d)
    return out


def _statuses(codes: npt.NDArray[Any]) -> pd.Categorical:
    import pandas as pd

    from .._engine.columnar.score import STATUSES

    return pd.Categorical.from_codes(codes.astype("int64"), categories=list(STATUSES))


def wide_frame(table: ResultTable, *, cents: bool) -> pd.DataFrame:
    """One row per window: identity, evaluation date, level, score, categories, each criterion."""
    import pandas as pd

    arrays, std = table.arrays, table.standard
    columns: dict[str, Any] = dict(table.identity())
    columns["evaluated_on"] = list(table.evaluated_on)
    levels = [level for level, _ in std._plan.levels]
    columns["level"] = pd.Categorical.from_codes(arrays.level, categories=levels)
    columns["score"] = _points(arrays.total, cents)
    columns["bonus"] = _points(arrays.bonus, cents)
    for k, category in enumerate(std._plan.categories):
        columns[category] = _points(arrays.category[:, k], cents)
    for k, criterion in enumerate(std.criteria):
        columns[f"{criterion}.status"] = _statuses(arrays.status[:, k])
        columns[f"{criterion}.points"] = _points(arrays.points[:, k], cents)
    frame = pd.DataFrame(columns)
    frame.attrs["standard"] = f"{std.id} {std.version} {std.digest}"
    return frame


def long_frame(table: ResultTable, *, cents: bool) -> pd.DataFrame:
    """One row per window and criterion: id, district, criterion, status, points."""
    import numpy as np
    import pandas as pd

    arrays, std = table.arrays, table.standard
    rows, count = arrays.status.shape
    identity = table.identity()
    criteria = np.asarray(std.criteria, dtype=object)
    frame = pd.DataFrame(
        {
            "id": np.repeat(np.asarray(identity["id"], dtype=object), count),
            "district": np.repeat(np.asarray(identity["district"], dtype=object), count),
            "criterion": np.tile(criteria, rows),
            "status": _statuses(arrays.status.reshape(-1)),
            "points": _points(arrays.points.reshape(-1), cents),
        }
    )
    frame.attrs["standard"] = f"{std.id} {std.version} {std.digest}"
    return frame
