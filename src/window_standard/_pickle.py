"""Pickling a :class:`~window_standard.Standard` by what defines it, for process pools and Dask workers.

A standard pickles as its folder, its engine, its digest and what a what-if variant changed (the
criteria it keeps, its parameters); unpickling loads the folder, re-applies the changes and checks the
digest, so a worker runs exactly the rule set that was sent. Each process rebuilds a standard once: the
restored standards are kept in a small per-process cache keyed by digest and engine (a cache of
immutable values, not a registry: nothing is found in it that was not asked for by digest).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._standard import Standard

__all__ = ["reduce_standard", "restore_standard"]

_CACHE_SIZE = 32
_restored: dict[tuple[str, str], Standard] = {}


def reduce_standard(std: Standard) -> tuple[Any, tuple[Any, ...]]:
    """The ``__reduce__`` of a standard."""
    return restore_standard, (
        std._rules.folder,
        std.engine,
        std.digest,
        std.criteria,
        dict(std.spec.parameters),
    )


def restore_standard(
    folder: str, engine: str, digest: str, criteria: tuple[str, ...], parameters: Mapping[str, Any]
) -> Standard:
    """Rebuild a pickled standard (once per process and digest).

    Raises:
        WindowStandardError: When the folder no longer gives the same rule set (the digests differ).
    """
    from ._errors import WindowStandardError
    from ._library import load_standard

    found = _restored.get((digest, engine))
    if found is not None:
        return found
    std = load_standard(path=folder, engine=engine)
    dropped = [c for c in std.criteria if c not in set(criteria)]
    if dropped:
        std = std.without(criteria=dropped)
    changed = {k: v for k, v in parameters.items() if std.spec.parameters.get(k) != v}
    if changed:
        std = std.with_parameters(**changed)
    if std.digest != digest:
        raise WindowStandardError(
            f"the rule set in {folder} has changed since it was pickled (digest {std.digest[:12]}, "
            f"expected {digest[:12]}): send the standard again"
        )
    if len(_restored) >= _CACHE_SIZE:
        _restored.clear()
    _restored[(digest, engine)] = std
    return std
