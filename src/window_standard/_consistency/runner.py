"""Running the consistency checks against a rule set with hypothesis (behind ``window-standard check``).

One pass draws ``examples`` samples (a window, an improvement of it and the patches that made it), runs
every check on each and counts criterion outcomes; a failing check does not stop the others. The first
counter-example of each failing check is then minimised (:mod:`.minimise`) into a small window.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, Phase, Verbosity, given, seed, settings
from hypothesis import strategies as st

from .._model import Window
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
from .generate import PROFILES, window_data
from .improve import apply_patches, improved
from .minimise import Candidate, minimise
from .setting import setting_for

if TYPE_CHECKING:
    from .._result import Result
    from .._standard import Standard

__all__ = ["CHECKS", "Outcome", "Sample", "run_checks", "samples"]


Sample = Candidate


@dataclass(frozen=True)
class Outcome:
    """The outcome of one check.

    Attributes:
        name: The check's name (``monotonicity``).
        message: What went wrong, or None when the check held on every sample.
        sample: The (shrunk) counter-example, when there is one.
        details: Further lines (the satisfiability check lists every criterion it could not reach).
    """

    name: str
    message: str | None = None
    sample: Sample | None = None
    details: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the check held."""
        return self.message is None


class _Evaluated:
    """A sample and its standard; the results are computed when a check first needs them."""

    def __init__(self, standard: Standard, sample: Sample) -> None:
        self.standard = standard
        self.sample = sample
        self._result: Result | None = None

    @property
    def result(self) -> Result:
        if self._result is None:
            self._result = self.standard.evaluate(self.sample.window)
        return self._result

    def improved_result(self) -> Result:
        return self.standard.evaluate(self.sample.improved)


Check = Callable[[_Evaluated], None]

#: The checks in the order they are reported, and what each one runs.
CHECKS: dict[str, Check] = {
    "score-bounds": lambda e: check_score_bounds(e.result),
    "category-sums": lambda e: check_category_sums(e.standard, e.result),
    "normalisation": lambda e: check_normalisation(e.result),
    "monotonicity": lambda e: check_monotonicity(e.standard, e.result, e.improved_result()),
    "veto-dominance": lambda e: check_veto_dominance(e.standard, e.result),
    "prerequisite-gating": lambda e: check_prerequisite_gating(e.standard, e.result),
    "determinism": lambda e: check_determinism(e.standard, e.sample.window, e.result),
    "json-round-trip": lambda e: check_json_round_trip(e.sample.window, e.result),
}
SATISFIABILITY = "satisfiability"


def samples(standard: Standard, profiles: tuple[str, ...] = PROFILES) -> st.SearchStrategy[Sample]:
    """Samples for a standard: a window (of one of ``profiles``) and an improvement of it."""
    setting = setting_for(standard)
    windows = window_data(setting, {}, profiles).map(Window.model_validate)

    @st.composite
    def draw_sample(draw: st.DrawFn) -> Sample:
        window = draw(windows)
        better, patches = draw(improved(window, setting))
        _, changes = apply_patches(window, patches)
        return Sample(window, patches, better, changes)

    return draw_sample()


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        database=None,
        deadline=None,
        derandomize=False,
        phases=(Phase.generate,),
        suppress_health_check=list(HealthCheck),
        verbosity=Verbosity.quiet,
        print_blob=False,
    )


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ConsistencyError):
        return str(exc)
    return f"{type(exc).__name__} raised: {exc}"


#: The explore pass draws the same share of windows from each profile (hypothesis clumps them otherwise).
_SHARES = ("random", "mixed", "nearly", "good")


def _explore(standard: Standard, examples: int, seed_value: int) -> tuple[dict[str, Outcome], StatusTally]:
    failures: dict[str, Outcome] = {}
    tally = StatusTally()

    def explore(sample: Sample) -> None:
        evaluated = _Evaluated(standard, sample)
        for name, check in CHECKS.items():
            if name in failures:
                continue
            try:
                check(evaluated)
            except Exception as exc:
                failures[name] = Outcome(name, _describe(exc), sample)
        with suppress(Exception):  # an evaluation that raises is reported by every check above
            tally.record(evaluated.result)
            tally.record(standard.evaluate(sample.improved, explain=False))

    for index, profile in enumerate(_SHARES):
        share = examples * (index + 1) // len(_SHARES) - examples * index // len(_SHARES)
        if share:
            test = given(samples(standard, (profile,)))(explore)
            seed(seed_value)(_settings(share)(test))()
    return failures, tally


def _minimised(standard: Standard, outcome: Outcome) -> Outcome:
    """The outcome with its counter-example minimised (and the message of the minimal one)."""
    check = CHECKS[outcome.name]
    messages: dict[int, str] = {}

    def fails(sample: Sample) -> bool:
        try:
            check(_Evaluated(standard, sample))
        except Exception as exc:
            messages[id(sample)] = _describe(exc)
            return True
        return False

    if outcome.sample is None:
        return outcome
    smallest = minimise(outcome.sample, fails)
    return Outcome(outcome.name, messages.get(id(smallest), outcome.message), smallest)


def run_checks(standard: Standard, *, examples: int = 100, seed_value: int = 0) -> list[Outcome]:
    """Run every check on ``examples`` samples; minimise the counter-example of each check that fails.

    Args:
        standard: The rule set to check.
        examples: How many samples hypothesis draws.
        seed_value: The seed; the same seed gives the same samples and the same counter-examples.

    Returns:
        One outcome per check, in the order of :data:`CHECKS`, then the satisfiability check.
    """
    failures, tally = _explore(standard, examples, seed_value)
    outcomes: list[Outcome] = []
    for name in CHECKS:
        first = failures.get(name)
        if first is None:
            outcomes.append(Outcome(name))
            continue
        outcomes.append(_minimised(standard, first))
    always_hold = {c.id for c in standard.spec.criteria if c.always_holds}
    unreached = tuple(tally.problems(standard.criteria, always_hold))
    count = len(unreached)
    noun = (
        "criterion never reached one of its outcomes"
        if count == 1
        else "criteria never reached one of their outcomes"
    )
    message = f"{count} {noun}" if unreached else None
    outcomes.append(Outcome(SATISFIABILITY, message, None, unreached))
    return outcomes
