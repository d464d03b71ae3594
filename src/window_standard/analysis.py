"""Population analysis: read populations, evaluate them as tables, compare reforms, sweep parameters.

Needs the ``analysis`` extra (numpy, pandas, matplotlib; openpyxl for Excel). A sketch::

    import window_standard as ws
    from window_standard import analysis

    std = ws.load_standard(engine="columnar")
    population = analysis.synthetic_population(10_000, seed=1)
    table = std.evaluate_table(population)          # a ResultTable
    table.to_pandas().groupby("district")["level"].value_counts()
    analysis.sweep(std, "pass_threshold", [85, 90, 95], table)

See ``docs/analysis.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._analysis.batch import WindowError
from ._analysis.flat import FlatLayoutError, activity_columns, columns, from_document, to_document
from ._analysis.io import WindowReadError, read_windows, write_windows
from ._analysis.partitions import evaluate_partitions
from ._analysis.plots import (
    category_profile,
    cjk_font,
    failure_rates_by_district,
    sweep_curve,
    totals_distribution,
)
from ._analysis.reform import Comparison, Sweep, compare, sweep
from ._analysis.results import ResultTable, RowSummary
from ._analysis.synthetic import PROFILES, synthetic_population

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PROFILES",
    "Comparison",
    "FlatLayoutError",
    "ResultTable",
    "RowSummary",
    "Sweep",
    "WindowError",
    "WindowReadError",
    "category_profile",
    "cjk_font",
    "compare",
    "evaluate_partitions",
    "failure_rates_by_district",
    "from_document",
    "read_windows",
    "sweep",
    "sweep_curve",
    "synthetic_population",
    "template_frame",
    "to_document",
    "totals_distribution",
    "write_windows",
]


def template_frame(table: str = "windows") -> pd.DataFrame:
    """The flat layout as an empty-but-one-row pandas DataFrame: every column, an example row.

    Args:
        table: ``windows`` (one row per window, dotted column names) or ``activities`` (one row per
            activity, keyed by ``window_id``).
    """
    import pandas as pd

    from ._analysis.flat import ACTIVITY_KEY

    example = synthetic_population(1, seed=0)[0]
    row, activities = from_document(example)
    if table == "windows":
        return pd.DataFrame([row], columns=[c.name for c in columns()])
    if table == "activities":
        head = [ACTIVITY_KEY, *(c.name for c in activity_columns())]
        return pd.DataFrame(activities[:2], columns=head)
    raise ValueError(f"table must be 'windows' or 'activities', got {table!r}")


def __getattr__(name: str) -> Any:
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
