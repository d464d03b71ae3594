"""The rectification plan is the exact optimum: checked against brute force over every subset of fixes.

Two populations: results of small synthetic rule sets (built as results: the planner reads nothing else),
and results of the packaged rule set on generated windows (those with at most 12 fixes to choose from).
The brute force scores each subset with the engine's own arithmetic (``scoring.totalled``).
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from _windows import windows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import window_standard as ws
from window_standard._engine.scoring import totalled

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HALF = Decimal("0.5")
ZERO = Decimal("0.00")


def options(result: ws.Result) -> list[ws.CriterionResult]:
    """The fixes that recover points, in rule order, found independently of the planner."""
    found = []
    for c in result.criteria.values():
        if not c.rectifiable or c.status in ("pass", "not_applicable"):
            continue
        if c.kind in ("scored", "bonus") and (c.points or 0) < (c.max_points or 0):
            found.append(c)
    return found


def brute_force(result: ws.Result, target: str) -> tuple[int, Decimal, list[str]] | None:
    """(effort of the fixes, total after, ids) of the best subset, or None when none reaches the target."""
    threshold = next(lv.min_score for lv in result.levels if lv.id == target)
    assert threshold is not None
    fixes = options(result)
    best: tuple[Any, ...] | None = None
    for chosen in itertools.product((False, True), repeat=len(fixes)):
        picked = [c for c, on in zip(fixes, chosen, strict=True) if on]
        raw = sum((c.max_points - (c.points or 0) for c in picked if c.kind == "scored"), ZERO)
        bonus = sum((c.max_points - (c.points or 0) for c in picked if c.kind == "bonus"), ZERO)
        total = totalled(result.max_score, result.raw_score + raw, result.raw_max, result.bonus + bonus)
        if total < threshold:
            continue
        # least effort; then most on the total; then most points; then fewest; then earliest in rule order
        key = (sum(c.effort for c in picked), -total, -(raw + bonus), len(picked), [not on for on in chosen])
        if best is None or key < best[0]:
            best = (key, total, sorted(c.id for c in picked))
    return None if best is None else (best[0][0], best[1], best[2])


def check_plan(result: ws.Result, target: str) -> None:
    plan = result.plan(target)
    levels = [lv.id for lv in result.levels]
    blockers = [result.criteria[cid] for cid in (*result.prerequisites, *result.vetoes)]
    head = [step.id for step in plan.steps[: len(blockers)]]
    assert head == [c.id for c in blockers]
    fixes = plan.steps[len(blockers) :]
    gate_effort = sum(c.effort for c in blockers)
    stuck = any(not c.rectifiable for c in blockers)
    # each step's total follows from the one before; the last is the plan's total
    before = result.score
    for step in fixes:
        assert step.total_after == before + step.gain and step.gain >= 0
        before = step.total_after
    assert plan.score_after == before
    if levels.index(result.level) <= levels.index(target):
        assert plan.steps == [] and plan.reachable
        return
    expected = brute_force(result, target)
    if expected is None:
        assert not plan.reachable and plan.obstacles
        assert sorted(s.id for s in fixes) == sorted(c.id for c in options(result))
        return
    effort, total, ids = expected
    assert plan.reachable == (not stuck)
    assert sorted(s.id for s in fixes) == ids
    assert plan.effort == effort + gate_effort
    assert plan.score_after == total


# --- small synthetic rule sets ---------------------------------------------------------------------------

POINTS = st.sampled_from([HALF, Decimal(1), Decimal(2), Decimal(3), Decimal(5), Decimal(8)])


@st.composite
def criteria(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["scored"] * 6 + ["bonus", "prerequisite", "veto"]))
    base: dict[str, Any] = {
        "kind": kind,
        "title": {"zh": "条目", "en": "criterion"},
        "provenance": "reconstructed",
        "effort": draw(st.integers(1, 3)),
        "rectifiable": draw(st.sampled_from([True, True, True, False])),
    }
    if kind in ("prerequisite", "veto"):
        return {**base, "status": draw(st.sampled_from(["pass", "pass", "fail", "no_data"]))}
    top = draw(POINTS)
    if kind == "scored" and draw(st.integers(0, 5)) == 0:
        return {**base, "category": "A", "status": "not_applicable", "max_points": top}
    earned = min(top, HALF * draw(st.integers(0, int(top / HALF))))
    status = "pass" if earned == top else "fail" if earned == 0 else "partial"
    if kind == "bonus" and status == "partial":
        earned, status = ZERO, "fail"
    extra = {"category": "A"} if kind == "scored" else {}
    return {**base, **extra, "status": status, "points": earned, "max_points": top}


@st.composite
def synthetic_results(draw: st.DrawFn) -> ws.Result:
    rules = draw(st.lists(criteria(), min_size=1, max_size=11))
    items = {f"C-{i}": {"id": f"C-{i}", **rule} for i, rule in enumerate(rules)}
    scored = [c for c in items.values() if c["kind"] == "scored" and c["status"] != "not_applicable"]
    raw = sum((c["points"] for c in scored), ZERO)
    raw_max = sum((c["max_points"] for c in scored), ZERO)
    bonus = sum((c["points"] for c in items.values() if c["kind"] == "bonus"), ZERO)
    total = Decimal(100)
    score = totalled(total, raw, raw_max, bonus)
    meets = Decimal(draw(st.integers(50, 100)))
    rectify = meets - draw(st.integers(0, 30))
    gates = [c["id"] for c in items.values() if c["kind"] == "prerequisite" and c["status"] != "pass"]
    vetoes = [c["id"] for c in items.values() if c["kind"] == "veto" and c["status"] == "fail"]
    level = (
        "fails"
        if gates or vetoes
        else "meets"
        if score >= meets
        else "rectify"
        if score >= rectify
        else "fails"
    )
    title = {"zh": "等级", "en": "level"}
    return ws.Result.model_validate(
        {
            "standard": {"id": "synthetic", "version": "1.0.0", "digest": "0" * 64},
            "window_id": "w",
            "evaluated_on": "2013-06-01",
            "level": level,
            "level_title": title,
            "passed": level == "meets",
            "score": score,
            "max_score": "100.00",
            "raw_score": raw,
            "raw_max": raw_max,
            "bonus": bonus,
            "categories": {},
            "criteria": items,
            "vetoes": vetoes,
            "prerequisites": gates,
            "parameters_digest": "",
            "rectification_list": [],
            "levels": [
                {"id": "meets", "title": title, "min_score": meets},
                {"id": "rectify", "title": title, "min_score": rectify},
                {"id": "fails", "title": title, "min_score": None},
            ],
        }
    )


@SETTINGS
@given(result=synthetic_results(), target=st.sampled_from(["meets", "rectify"]))
def test_plan_is_the_brute_force_optimum_on_synthetic_rule_sets(result: ws.Result, target: str) -> None:
    check_plan(result, target)


# --- the packaged rule set ------------------------------------------------------------------------------


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(document=windows(), target=st.sampled_from(["meets", "rectify"]))
def test_plan_is_the_brute_force_optimum_on_the_packaged_rule_set(
    standard: ws.Standard, document: dict[str, Any], target: str
) -> None:
    result = standard.evaluate(document, explain=False)
    assert totalled(result.max_score, result.raw_score, result.raw_max, result.bonus) == result.score
    if len(options(result)) <= 12:
        check_plan(result, target)
    again = ws.Result.model_validate_json(result.model_dump_json())
    assert again.plan(target) == result.plan(target)  # a result read back from JSON plans the same
