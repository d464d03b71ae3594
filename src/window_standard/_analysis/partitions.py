"""Scale-out with Dask: evaluate each partition of a flat-layout Dask DataFrame where it lives.

:func:`evaluate_partitions` maps every partition (a pandas DataFrame in the flat layout) to the wide
result frame of :meth:`~window_standard.Standard.evaluate_table` (points in integer hundredths). The
standard travels pickled by its folder and digest (:mod:`window_standard._pickle`): each worker process
rebuilds it once. Needs the ``dask`` extra (``dask[dataframe]``; ``distributed`` for a cluster).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from .._standard import Standard

__all__ = ["evaluate_partition", "evaluate_partitions"]


def evaluate_partition(
    frame: pd.DataFrame, std: Standard, activities: Mapping[str, list[dict[str, Any]]] | None
) -> pd.DataFrame:
    """The wide result frame (hundredths) of one flat-layout partition (activities by window id)."""
    import pandas as pd

    part = frame.copy()
    if activities is not None:
        mine = [a for key in frame["id"].astype(str) for a in activities.get(key, [])]
        part.attrs["activities"] = pd.DataFrame(mine)
    result = std.evaluate_table(part).to_pandas(cents=True)
    result.index = frame.index
    return result


def evaluate_partitions(ddf: Any, std: Standard, activities: pd.DataFrame | None = None) -> Any:
    """Evaluate a Dask DataFrame in the flat layout, partition by partition (lazily, as Dask does).

    Args:
        ddf: A ``dask.dataframe.DataFrame`` whose columns follow the flat layout
            (:func:`window_standard.analysis.template_frame`).
        std: The standard (use ``engine="columnar"`` for speed).
        activities: The activities table (pandas, keyed by ``window_id``), sent to every partition.

    Returns:
        A Dask DataFrame of wide results (``ResultTable.to_pandas(cents=True)`` columns).
    """
    from .flat import ACTIVITY_KEY

    by_window: dict[str, list[dict[str, Any]]] | None = None
    if activities is not None:  # a plain mapping: Dask would split a DataFrame argument into partitions
        by_window = {}
        for item in activities.to_dict("records"):
            by_window.setdefault(str(item[ACTIVITY_KEY]), []).append(item)
    return ddf.map_partitions(evaluate_partition, std, by_window, meta=_meta(std))


def _meta(std: Standard) -> pd.DataFrame:
    """The (empty) frame a partition gives, with its column types."""
    import pandas as pd

    from .flat import from_document
    from .synthetic import synthetic_population

    row, activities = from_document(synthetic_population(1, seed=0)[0])
    sample = pd.DataFrame([row])
    return evaluate_partition(sample, std, {str(row["id"]): activities}).iloc[:0]
