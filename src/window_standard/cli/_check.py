"""``window-standard check RULES_DIR``: property checks of a rule set with hypothesis."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Annotated

import typer

from .._errors import RuleDefinitionError

__all__ = ["check"]


def check(
    rules_dir: Annotated[
        Path, typer.Argument(metavar="RULES_DIR", help="The rule set folder (standard.yaml, criteria/).")
    ],
    examples: Annotated[int, typer.Option("--examples", min=1, help="How many windows to generate.")] = 200,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Seed of the generator (default: a random one, printed).")
    ] = None,
) -> None:
    """Check a rule set's consistency on generated windows: exit 0 when every check holds, 1 otherwise.

    The checks: score bounds, category sums, normalisation, monotonicity (better windows never score
    lower), veto dominance, prerequisite gating, determinism, JSON round trip, and satisfiability (every
    criterion seen both passing and failing). A failing check prints its shrunk counter-example window as
    YAML. Needs hypothesis (pip install "window-standard[testing]"); exit 2 when it or the rule set is
    missing.
    """
    try:
        from .._consistency.report import render_outcomes
        from .._consistency.runner import run_checks
    except ImportError as exc:  # hypothesis is a dev dependency
        typer.echo(
            f"error: window-standard check needs hypothesis ({exc}); "
            'install it with: pip install "window-standard[testing]"',
            err=True,
        )
        raise typer.Exit(2) from None
    from .._library import load_standard

    if not (rules_dir / "standard.yaml").is_file():
        typer.echo(f"error: {rules_dir} is not a rule set folder (no standard.yaml)", err=True)
        raise typer.Exit(2)
    try:
        standard = load_standard(path=rules_dir)
    except RuleDefinitionError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    seed_value = seed if seed is not None else random.SystemRandom().randrange(2**32)
    outcomes = run_checks(standard, examples=examples, seed_value=seed_value)
    title = f"{standard.id} {standard.version}: {examples} examples, seed {seed_value}"
    typer.echo(render_outcomes(title, outcomes))
    raise typer.Exit(0 if all(o.ok for o in outcomes) else 1)
