"""Consistency: the plain check functions, the minimiser, ``run_checks`` and ``window-standard check``."""

from __future__ import annotations

import copy
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError
from typer.testing import CliRunner

import window_standard as ws
from window_standard._consistency import (
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
from window_standard._consistency.facts import (
    BOUNDED_BY,
    GOOD_WHEN_FALSE,
    GOOD_WHEN_TRUE,
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    UNIQUE_LISTS,
)
from window_standard._consistency.improve import Patch
from window_standard._consistency.minimise import build, minimise
from window_standard._consistency.paths import model_at, set_path
from window_standard._consistency.report import render_outcomes, window_yaml
from window_standard._consistency.runner import Outcome, run_checks
from window_standard._load import load_yaml_text
from window_standard._model import Window
from window_standard._result import Result
from window_standard.cli import app

ROOT = Path(__file__).resolve().parent.parent.parent
LINT = ROOT / "tests" / "lint"
EXAMPLE = yaml.safe_load((ROOT / "tests" / "data" / "window-example.yaml").read_text(encoding="utf-8"))
STANDARD = ws.load_standard()
D = Decimal
runner = CliRunner()


def example(**changes: Any) -> Window:
    data = copy.deepcopy(EXAMPLE)
    for path, value in changes.items():
        set_path(data, path.replace("__", "."), value)
    return Window.model_validate(data)


def tampered(result: Result, **fields: Any) -> Result:
    return result.model_copy(update=fields)


def with_criterion(result: Result, cid: str, **fields: Any) -> Result:
    criteria = dict(result.criteria)
    criteria[cid] = criteria[cid].model_copy(update=fields)
    return tampered(result, criteria=criteria)


def raises(check: Any, *args: Any) -> str:
    with pytest.raises(ConsistencyError) as caught:
        check(*args)
    return str(caught.value)


# -- the model facts the strategies and the linter rely on ----------------------------------------------


@pytest.mark.parametrize(("path", "bound"), sorted(BOUNDED_BY.items()))
def test_every_listed_bound_is_enforced_by_the_model(path: str, bound: str) -> None:
    data = copy.deepcopy(EXAMPLE)
    set_path(data, bound, 3)
    for other, same in BOUNDED_BY.items():
        if same == bound:
            set_path(data, other, 0)
    Window.model_validate(data)
    set_path(data, path, 4)
    with pytest.raises(ValidationError) as caught:
        Window.model_validate(data)
    field = path.rsplit(".", 1)[1]
    assert f"{field} (4) cannot exceed {bound.rsplit('.', 1)[1]} (3)" in str(caught.value)


@pytest.mark.parametrize("path", sorted(UNIQUE_LISTS))
def test_every_listed_unique_list_refuses_repeats(path: str) -> None:
    data = copy.deepcopy(EXAMPLE)
    first = (data[path.split(".")[0]][path.split(".")[1]] or ["other"])[0]
    set_path(data, path, [first, first])
    with pytest.raises(ValidationError, match="more than once"):
        Window.model_validate(data)


def test_fact_tables_name_fields_of_the_right_types() -> None:
    for path in (*GOOD_WHEN_TRUE, *GOOD_WHEN_FALSE):
        head, name = path.rsplit(".", 1)
        owner = model_at(Window, head)
        assert owner is not None and "bool" in str(owner.model_fields[name].annotation), path
    for path in (*HIGHER_IS_BETTER, *LOWER_IS_BETTER):
        head, name = path.rsplit(".", 1)
        owner = model_at(Window, head)
        assert owner is not None and (
            "int" in str(owner.model_fields[name].annotation)
            or "Decimal" in str(owner.model_fields[name].annotation)
        ), path


# -- the check functions --------------------------------------------------------------------------------


def test_the_example_window_passes_every_check() -> None:
    window = example()
    result = STANDARD.evaluate(window)
    check_score_bounds(result)
    check_category_sums(STANDARD, result)
    check_normalisation(result)
    check_veto_dominance(STANDARD, result)
    check_prerequisite_gating(STANDARD, result)
    check_determinism(STANDARD, window, result)
    check_json_round_trip(window, result)
    check_monotonicity(STANDARD, result, result)


def test_score_bounds() -> None:
    result = STANDARD.evaluate(example())
    assert raises(check_score_bounds, with_criterion(result, "ENV-1", points=D("2.50"))) == (
        "ENV-1 has 2.50 points, outside [0, 2.00]"
    )
    assert raises(check_score_bounds, with_criterion(result, "ENV-1", status="partial")) == (
        "ENV-1 has 2.00 of 2.00 points but status partial"
    )
    assert raises(check_score_bounds, with_criterion(result, "PRE-1", points=D(1))) == (
        "PRE-1 is a prerequisite but has 1 points"
    )
    assert raises(check_score_bounds, tampered(result, score=D("100.01"))) == (
        "total 100.01 is outside [0, 100.00]"
    )


def test_category_sums() -> None:
    result = STANDARD.evaluate(example())
    env = result.categories["ENV"].model_copy(update={"score": D("19.00")})
    assert raises(
        check_category_sums, STANDARD, tampered(result, categories={**result.categories, "ENV": env})
    ) == ("category ENV is 19.00/20.00, its criteria add up to 20.00/20.00")
    assert raises(check_category_sums, STANDARD, tampered(result, raw_score=D(99))) == (
        "raw score 99/100.00, categories add up to 100.00/100.00"
    )
    assert raises(check_category_sums, STANDARD, tampered(result, bonus=D(0))) == (
        "bonus 0, bonus criteria add up to 1.00"
    )


def test_normalisation() -> None:
    result = STANDARD.evaluate(example(environment__signage=False))
    assert (result.raw_score, result.bonus, result.score) == (D("98.00"), D("1.00"), D("99.00"))
    assert raises(check_normalisation, tampered(result, score=D("98.00"))) == (
        "total 98.00, expected 99.00 = min(100.00, 98.00/100.00 × 100.00 + bonus 1.00)"
    )


def test_veto_dominance() -> None:
    result = STANDARD.evaluate(example(incidents__major_safety_accident=True))
    assert result.vetoes == ["VETO-1"] and result.level == "fails"
    check_veto_dominance(STANDARD, result)
    assert raises(check_veto_dominance, STANDARD, tampered(result, level="meets")) == (
        "veto VETO-1 fired but the level is meets"
    )
    assert raises(check_veto_dominance, STANDARD, tampered(result, vetoes=[])) == (
        "vetoes listed [], vetoes fired ['VETO-1']"
    )


def test_prerequisite_gating() -> None:
    result = STANDARD.evaluate(example(organisation__engaged_for_area=False))
    assert result.prerequisites == ["PRE-3"]
    check_prerequisite_gating(STANDARD, result)
    assert raises(check_prerequisite_gating, STANDARD, tampered(result, level="meets")) == (
        "level is meets, expected fails: prerequisite PRE-3 does not hold"
    )
    good = STANDARD.evaluate(example())
    assert raises(check_prerequisite_gating, STANDARD, tampered(good, level="rectify")) == (
        "level is rectify, expected meets: the score is 100.00"
    )


def test_monotonicity() -> None:
    good, worse = (
        STANDARD.evaluate(example()),
        STANDARD.evaluate(example(environment__facilities=["seating"])),
    )
    check_monotonicity(STANDARD, worse, good)
    assert raises(check_monotonicity, STANDARD, good, worse) == "ENV-7 dropped from 2.00 to 0.50 points"
    fired = STANDARD.evaluate(example(incidents__falsified_materials=True))
    assert raises(check_monotonicity, STANDARD, good, fired) == "veto VETO-4 did not fire, then fired"


def test_json_round_trip_and_determinism_hold_for_a_window_with_no_data() -> None:
    window = Window.model_validate(
        {k: EXAMPLE[k] for k in ("id", "name", "kind", "district", "assessed_on", "assessor")}
    )
    result = STANDARD.evaluate(window)
    check_json_round_trip(window, result)
    check_determinism(STANDARD, window, result)


def test_status_tally_names_unreached_outcomes_in_order() -> None:
    tally = StatusTally()
    tally.record(STANDARD.evaluate(example()))
    tally.record(STANDARD.evaluate(example(environment__signage=False)))
    problems = tally.problems(STANDARD.criteria)
    assert problems[:3] == [
        "PRE-1 was never seen failing in 2 windows",
        "PRE-2 was never seen failing in 2 windows",
        "PRE-3 was never seen failing in 2 windows",
    ]
    assert "VETO-1 was never seen firing in 2 windows" in problems
    assert "ENV-2 was never seen losing points in 2 windows" in problems
    assert not any(p.startswith("ENV-1 ") for p in problems)
    assert "BON-1 was never seen reaching full points in 2 windows" in problems


# -- minimising and rendering counter-examples ----------------------------------------------------------


def test_minimise_keeps_only_what_the_failure_needs() -> None:
    start = build(example().model_dump(), (Patch("environment.signage", True),))
    assert start is not None

    def fails(candidate: Any) -> bool:
        headcount = candidate.window.staff.headcount
        return headcount is not None and headcount >= 3

    smallest = minimise(start, fails)
    assert window_yaml(smallest.window).splitlines() == [
        "id: w-0001",
        "name: 服务窗口",
        "kind: customer_service_centre",
        "district: '510107'",
        "assessed_on: 2013-06-20",
        "assessor: self",
        "staff: {headcount: 3}",
    ]
    assert smallest.changes == ("environment.signage: null -> true",)


def test_window_yaml_loads_back_with_the_rule_file_loader() -> None:
    window = example()
    loaded = load_yaml_text(window_yaml(window), "<counter-example>").data
    assert Window.model_validate(loaded) == window
    assert "&id" not in window_yaml(window)


def test_render_outcomes() -> None:
    start = build(example().model_dump(), ())
    text = render_outcomes(
        "title",
        [
            Outcome("score-bounds"),
            Outcome("normalisation", "total 1, expected 2", start),
            Outcome("satisfiability", "1 criterion never reached one of its outcomes", None, ("PRE-2 ...",)),
        ],
    )
    lines = text.splitlines()
    assert lines[:4] == [
        "title",
        "ok    score-bounds",
        "FAIL  normalisation: total 1, expected 2",
        "# counter-example window",
    ]
    assert lines[4:6] == ["id: cd-510107-0001", "name: 锦江花园客户服务中心"]
    assert lines[-3:] == [
        "FAIL  satisfiability: 1 criterion never reached one of its outcomes",
        "      PRE-2 ...",
        "1 of 3 checks hold; failed: normalisation, satisfiability",
    ]


# -- run_checks and the command -------------------------------------------------------------------------


def test_the_clean_rule_set_passes_every_check() -> None:
    outcomes = run_checks(ws.load_standard(path=LINT / "base"), examples=100, seed_value=0)
    assert [(o.name, o.message) for o in outcomes] == [
        ("score-bounds", None),
        ("category-sums", None),
        ("normalisation", None),
        ("monotonicity", None),
        ("veto-dominance", None),
        ("prerequisite-gating", None),
        ("determinism", None),
        ("json-round-trip", None),
        ("satisfiability", None),
    ]


def test_the_packaged_rule_set_passes_every_check() -> None:
    outcomes = run_checks(STANDARD, examples=60, seed_value=1)
    assert [o.name for o in outcomes if not o.ok] == []
    assert outcomes[-1].details == ()


def test_a_gate_declared_always_holds_is_not_expected_to_fail() -> None:
    tally = StatusTally()
    tally.record(STANDARD.evaluate(example()))
    assert "PRE-2 was never seen failing in 1 windows" in tally.problems(STANDARD.criteria)
    assert not any(p.startswith("PRE-2 ") for p in tally.problems(STANDARD.criteria, {"PRE-2"}))


MONOTONICITY_BLOCK = """\
FAIL  monotonicity: ENV-2 dropped from 30.00 to 25.00 points
      changes that made it worse:
        environment.facilities: + seating
# counter-example: the window before the changes
id: w-0001
name: 服务窗口
kind: customer_service_centre
district: '510107'
assessed_on: 2013-06-20
assessor: self
environment:
  facilities: []
# ... and after them
id: w-0001
name: 服务窗口
kind: customer_service_centre
district: '510107'
assessed_on: 2013-06-20
assessor: self
environment:
  facilities: [seating]
"""


def test_check_finds_the_planted_monotonicity_bug_with_a_minimal_counter_example() -> None:
    folder = LINT / "check-monotonicity-bug"
    result = runner.invoke(app, ["check", str(folder), "--examples", "100", "--seed", "0"])
    assert result.exit_code == 1
    assert result.stdout.startswith("lint-base 1.0.0: 100 examples, seed 0\nok    score-bounds\n")
    assert MONOTONICITY_BLOCK in result.stdout
    assert "failed: monotonicity" in result.stdout.splitlines()[-1]
    before_text = MONOTONICITY_BLOCK.split("# counter-example: the window before the changes\n")[1]
    before_text, after_text = before_text.split("# ... and after them\n")
    buggy = ws.load_standard(path=folder)
    before = buggy.evaluate(load_yaml_text(before_text, "before").data)
    after = buggy.evaluate(load_yaml_text(after_text, "after").data)
    assert (before.criteria["ENV-2"].points, after.criteria["ENV-2"].points) == (D("30.00"), D("25.00"))


def test_check_exits_0_when_every_check_holds() -> None:
    result = runner.invoke(app, ["check", str(LINT / "base"), "--examples", "100", "--seed", "0"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "9 of 9 checks hold"


def test_check_exits_2_for_a_rule_set_that_does_not_load(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(LINT / "ws204-duplicate-id")])
    assert result.exit_code == 2
    assert "WS204 duplicate criterion id 'ENV-1'" in result.stderr
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path} is not a rule set folder (no standard.yaml)\n"


def test_a_random_seed_is_printed() -> None:
    result = runner.invoke(app, ["check", str(LINT / "base"), "--examples", "8"])
    first = result.stdout.splitlines()[0]
    assert first.startswith("lint-base 1.0.0: 8 examples, seed ")
    assert first.rsplit(" ", 1)[1].isdigit()


def test_dates_in_the_counter_example_are_real_dates() -> None:
    before = MONOTONICITY_BLOCK.split("# counter-example: the window before the changes\n")[1]
    data = load_yaml_text(before.split("# ... and after them\n")[0], "before").data
    assert data["assessed_on"] == date(2013, 6, 20)


class _NoHypothesis:
    """An import hook that makes hypothesis look uninstalled."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name == "hypothesis" or name.startswith("hypothesis."):
            raise ImportError("No module named 'hypothesis'")


def test_check_without_hypothesis_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [
        m for m in sys.modules if m == "hypothesis" or m.startswith(("hypothesis.", "window_standard"))
    ]:
        if name.startswith("hypothesis") or name.endswith(
            ("_consistency.runner", ".testing", "_consistency.generate")
        ):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_NoHypothesis(), *sys.meta_path])
    result = runner.invoke(app, ["check", str(LINT / "base")])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: window-standard check needs hypothesis (No module named 'hypothesis'); "
        'install it with: pip install "window-standard[testing]"\n'
    )
