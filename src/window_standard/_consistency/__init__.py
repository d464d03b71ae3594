"""Consistency of rule sets: the checks behind ``window-standard check`` and the strategies' engine.

- :mod:`.checks` — the checks as plain functions (score bounds, category sums, normalisation,
  monotonicity, veto dominance, prerequisite gating, determinism, JSON round trip, satisfiability tally);
  usable from pytest without hypothesis;
- :mod:`.facts` — what the window model says about its facts (bounds, which direction is better);
- :mod:`.generate`, :mod:`.improve`, :mod:`.applications` — hypothesis generation (``testing`` module);
- :mod:`.runner` — runs every check with hypothesis and shrinks counter-examples;
- :mod:`.report` — renders outcomes and counter-example windows as YAML.

Only :mod:`.checks`, :mod:`.facts`, :mod:`.paths` and :mod:`.report` import without hypothesis.
"""

from __future__ import annotations

from .checks import (
    ConsistencyError,
    StatusTally,
    check_category_sums,
    check_determinism,
    check_json_round_trip,
    check_monotonicity,
    check_normalisation,
    check_prerequisite_gating,
    check_score_bounds,
    check_veto_dominance,
)

__all__ = [
    "ConsistencyError",
    "StatusTally",
    "check_category_sums",
    "check_determinism",
    "check_json_round_trip",
    "check_monotonicity",
    "check_normalisation",
    "check_prerequisite_gating",
    "check_score_bounds",
    "check_veto_dominance",
]
