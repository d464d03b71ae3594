"""Batch evaluation: many windows at once, bad inputs collected instead of stopping the run.

:func:`evaluate_many` returns one :class:`~window_standard.Result` per window (or, with
``errors="collect"``, a :class:`WindowError` in place of each input that is not a valid window).
:func:`evaluate_table` returns a :class:`~.results.ResultTable`; with the columnar engine the whole
population is scored as arrays, with any other engine window by window.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import localcontext
from typing import TYPE_CHECKING, Any, Literal

from .._numbers import DECIMAL_CONTEXT

if TYPE_CHECKING:
    from .._model import Window
    from .._result import LevelThreshold, Result
    from .._standard import Standard
    from .results import ResultTable

__all__ = ["WindowError", "evaluate_many", "evaluate_table", "validated"]

Errors = Literal["raise", "collect"]

#: Runs at least this long show a progress bar when ``progress`` is None (on a terminal).
_LONG_RUN = 5000


@dataclass(frozen=True)
class WindowError:
    """An input that is not a valid window.

    Attributes:
        index: Its position among the inputs.
        source: Where it came from (a file and row, or the position).
        error: The validation error (it names the field).
    """

    index: int
    source: Any
    error: Exception

    def __str__(self) -> str:
        return f"{self.source}: {self.error}"


def validated(windows: Iterable[Any], errors: Errors) -> tuple[list[Window], list[int], list[WindowError]]:
    """Valid windows, their input positions, and the inputs that are not valid (``errors="collect"``)."""
    from pydantic import ValidationError

    from .._model import Window

    good: list[Window] = []
    positions: list[int] = []
    bad: list[WindowError] = []
    for i, item in enumerate(windows):
        source, value = item if isinstance(item, tuple) and len(item) == 2 else (f"#{i}", item)
        if isinstance(value, Exception):
            if errors == "raise":
                raise value
            bad.append(WindowError(i, source, value))
            continue
        try:
            window = value if isinstance(value, Window) else Window.model_validate(value)
        except ValidationError as exc:
            if errors == "raise":
                raise
            bad.append(WindowError(i, source, exc))
            continue
        good.append(window)
        positions.append(i)
    return good, positions, bad


def resolved_many(
    std: Standard, days: Sequence[Any]
) -> list[tuple[dict[str, Any], str, tuple[LevelThreshold, ...]]]:
    """``(parameters, digest, levels)`` in force on each day, resolved once per span between dated changes.

    Two days between the same consecutive start dates of the dated parameters have the same parameters,
    so each span is resolved once (the same dict object for all its days).
    """
    from bisect import bisect_right

    starts = sorted({start for v in std.spec.parameters.values() if isinstance(v, dict) for start in v})
    spans: dict[int, tuple[dict[str, Any], str, tuple[LevelThreshold, ...]]] = {}
    out = []
    for day in days:
        span = bisect_right(starts, day)
        found = spans.get(span)
        if found is None:
            found = spans[span] = std._resolved(day)
        out.append(found)
    return out


def _progress(items: Sequence[Any], progress: bool | None) -> Iterator[Any]:
    """The items, with a progress bar on stderr when asked (None: on long runs at a terminal)."""
    show = progress if progress is not None else (len(items) >= _LONG_RUN and sys.stderr.isatty())
    if not show:
        yield from items
        return
    from rich.progress import track

    yield from track(items, description="evaluating", total=len(items), transient=True)


def evaluate_many(
    std: Standard,
    windows: Iterable[Window | Mapping[str, Any]],
    *,
    explain: bool = True,
    errors: Errors = "raise",
    progress: bool | None = None,
) -> list[Result | WindowError]:
    """Evaluate many windows in order; see :meth:`window_standard.Standard.evaluate_many`."""
    if errors not in ("raise", "collect"):
        raise ValueError(f"errors must be 'raise' or 'collect', got {errors!r}")
    good, positions, bad = validated(windows, errors)
    results: list[Result | WindowError] = [None] * (len(good) + len(bad))  # type: ignore[list-item]
    for problem in bad:
        results[problem.index] = problem
    run_many = getattr(std._prepared, "run_many", None)
    if run_many is not None and len(good) > 1:
        for at, result in zip(positions, std._batch(good, explain), strict=True):
            results[at] = result
        return results
    for at, window in zip(positions, _progress(good, progress), strict=True):
        results[at] = std.evaluate(window, explain=explain)
    return results


def evaluate_table(
    std: Standard,
    windows: Iterable[Any],
    *,
    errors: Errors = "raise",
    tables: dict[bytes, Any] | None = None,
) -> ResultTable:
    """Evaluate a population into a :class:`~.results.ResultTable`.

    ``windows`` may be a pandas DataFrame in the flat layout (its activities in ``frame.attrs
    ["activities"]``, a DataFrame keyed by ``window_id``); ``tables`` caches the columnar engine's
    columns between runs over the same windows (sweeps).
    """
    from .._engine.columnar import Outcomes, blank_outcomes
    from .._engine.columnar.score import score_arrays
    from .results import ResultTable

    if _is_frame(windows):
        windows = list(frame_rows(windows))
    good, _, bad = validated(windows, errors)
    on = [w.assessed_on for w in good]
    params = [p for p, _, _ in resolved_many(std, on)]
    outcomes = getattr(std._prepared, "outcomes", None)
    with localcontext(DECIMAL_CONTEXT):
        if outcomes is not None:
            found: Outcomes = outcomes(good, params, tables)
        else:
            plan = std._plan
            found = blank_outcomes(len(good), plan.conditional, [row[3] for row in plan.rows])
            for i, (window, p) in enumerate(zip(good, params, strict=True)):
                found.exact[i] = std._prepared.run(window, p, False)
        arrays = score_arrays(std._plan, found, params)
    return ResultTable(std, good, on, arrays, [(e.source, e.error) for e in bad])


def _is_frame(value: Any) -> bool:
    return type(value).__name__ == "DataFrame" and hasattr(value, "to_dict")


def frame_rows(frame: Any) -> Iterator[tuple[str, Any]]:
    """``(source, window document | error)`` of each row of a flat-layout DataFrame."""
    from .flat import ACTIVITY_KEY, FlatLayoutError, to_document

    activities = frame.attrs.get("activities")
    by_window: dict[str, list[dict[str, Any]]] = {}
    if activities is not None:
        for item in activities.to_dict("records"):
            by_window.setdefault(str(item.get(ACTIVITY_KEY)), []).append(item)
    for number, row in enumerate(frame.to_dict("records")):
        source = f"row {number}"
        try:
            yield source, to_document(row, by_window.get(str(row.get("id")), []))
        except FlatLayoutError as exc:
            yield source, exc
