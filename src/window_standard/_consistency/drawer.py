"""The drawer of one generated document: fixed values, profiles and modes (see :mod:`.generate`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from hypothesis import strategies as st

from .facts import BOUNDED_BY

__all__ = ["OMIT", "Drawer", "below", "up_to"]


class Drawer:
    """Draws one window's values, honouring fixed values and the window's profile.

    A window's *profile* is ``random``, ``good``, ``nearly`` or ``mixed``; while a section is drawn the
    drawer is in a *mode*: ``random`` (any valid value, None one time in three), ``good`` (the values a
    well-run window has), ``nearly`` (good ones 24 times in 25) or ``bad`` (known values, mostly poor
    ones). A mixed window draws a mode per top-level section; the others keep their profile as mode.

    Attributes:
        draw: Hypothesis' draw function.
        fixed: Values by dotted path, used instead of drawn ones (a strategy is drawn from).
        profile: The window's profile.
        mode: The current mode.
    """

    def __init__(self, draw: st.DrawFn, fixed: Mapping[str, Any], profile: str) -> None:
        self.draw = draw
        self.fixed = fixed
        self.profile = profile
        self.mode = "random" if profile == "mixed" else profile

    @property
    def good(self) -> bool:
        """Whether the current mode is ``good`` or ``nearly``."""
        return self.mode in ("good", "nearly")

    def enter(self) -> None:
        """Start a top-level section: a mixed window draws its mode."""
        if self.profile == "mixed":
            self.mode = self.draw(st.sampled_from(("good", "bad")))

    def pick(self, path: str, strategy: st.SearchStrategy[Any]) -> Any:
        """The fixed value at ``path`` if there is one, else a value drawn from ``strategy``."""
        if path in self.fixed:
            value = self.fixed[path]
            return self.draw(value) if isinstance(value, st.SearchStrategy) else value
        return self.draw(strategy)

    def under(self, path: str) -> bool:
        """Whether a fixed value lies strictly inside the section at ``path``."""
        return any(key.startswith(path + ".") for key in self.fixed)

    def mostly(self) -> bool:
        """True nine times in ten (shrinking towards false)."""
        return bool(self.draw(st.integers(0, 9)) > 0)

    def leaning(self) -> str:
        """How to draw the next fact: ``good``, ``bad`` or ``random`` (according to the mode)."""
        if self.mode == "good" or (self.mode == "nearly" and self.draw(st.integers(0, 24)) > 0):
            return "good"
        if self.mode == "bad" and self.mostly():
            return "bad"
        return "random"

    def likely(self) -> bool:
        """Whether to take the good value for the next fact."""
        return self.leaning() == "good"

    def fact(
        self,
        path: str,
        anything: st.SearchStrategy[Any],
        good: st.SearchStrategy[Any] | None = None,
        bad: st.SearchStrategy[Any] | None = None,
    ) -> Any:
        """An optional fact, drawn according to the mode.

        ``good`` in good mode, mostly ``bad`` (or any value) in bad mode, else any value or, one time in
        three, None.
        """
        if path in self.fixed:
            return self.pick(path, anything)
        leaning = self.leaning()
        if leaning != "random":
            chosen = good if leaning == "good" else bad
            return self.draw(chosen if chosen is not None else anything)
        return self.draw(st.one_of(st.none(), anything, anything))

    def flag(self, path: str, good_value: bool) -> Any:
        """An optional boolean fact whose good value is ``good_value``."""
        if path in self.fixed:
            return self.pick(path, st.none())
        leaning = self.leaning()
        if leaning != "random":
            return good_value if leaning == "good" else not good_value
        return self.draw(st.sampled_from((None, not good_value, good_value)))

    def lower_bound(self, path: str) -> int:
        """The least value a bounding count may take: the largest fixed count it bounds."""
        values = [self.fixed.get(p) for p, bound in BOUNDED_BY.items() if bound == path]
        return max([v for v in values if isinstance(v, int)] + [0])

    def section(self, path: str, build: Callable[[], dict[str, Any]], *, nullable: bool) -> Any:
        """A section: fixed, built, left out (top-level ones) or None (nullable ones)."""
        if path in self.fixed:
            return self.pick(path, st.none())
        keep = self.good or (self.mostly() if self.mode == "bad" else self.draw(st.integers(0, 2)) > 0)
        if self.under(path) or keep:
            return build()
        return None if nullable else OMIT


class _Omit:
    """Marks a top-level section left out of the document."""


OMIT = _Omit()


def up_to(bound: int | None, limit: int = 12) -> st.SearchStrategy[int]:
    """A count not above ``bound`` (often equal to it); up to ``limit`` when there is no bound."""
    if bound is None:
        return st.integers(0, limit)
    return st.one_of(st.just(bound), st.integers(0, bound))


def below(bound: int | None, limit: int = 12) -> st.SearchStrategy[int]:
    """A count below ``bound`` when it is positive (else up to it)."""
    return st.integers(0, bound - 1) if bound else up_to(bound, limit)
