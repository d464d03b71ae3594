"""The rectification plan (整改方案) on the example windows, and the gains of the rectification list."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import window_standard as ws

EXAMPLES = Path(__file__).resolve().parents[2] / "rules" / "cdpma-window-2013" / "examples" / "windows"


def result_of(standard: ws.Standard, name: str) -> ws.Result:
    return standard.evaluate(yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8")))


def test_a_window_to_rectify_gets_the_cheapest_fixes_that_reach_meets(standard: ws.Standard) -> None:
    plan = result_of(standard, "2-rectify.yaml").plan("meets")
    assert plan.reachable and plan.score == Decimal("85.00") and plan.threshold == Decimal("90.00")
    assert [(s.id, s.points, s.gain, s.total_after) for s in plan.steps] == [
        ("QLT-5", Decimal("4.00"), Decimal("4.00"), Decimal("89.00")),
        ("ENV-6", Decimal("1.00"), Decimal("1.00"), Decimal("90.00")),
    ]
    assert plan.effort == 2 and plan.score_after == Decimal("90.00")
    assert plan.explain("zh").splitlines() == [
        "整改方案：目标达标（总分不低于 90.00），当前总分 85.00",
        "  1. QLT-5 维修回访率：总分 +4.00 → 89.00（本项 +4.00，难度低） — 维修完成后逐户回访",
        "  2. ENV-6 公示人员信息、服务时间和办事流程：总分 +1.00 → 90.00（本项 +1.00，难度低） — "
        "公示工作人员信息、服务时间和办事流程",
        "  完成后总分 90.00，难度合计 2",
    ]


def test_gains_are_on_the_normalised_total(standard: ws.Standard) -> None:
    # a business acceptance centre: criteria that do not apply leave the maximum, so 2 points are 2.44
    result = result_of(standard, "3-fails-score.yaml")
    step = next(s for s in result.plan("meets").steps if s.id == "ENV-2")
    assert (step.points, step.gain) == (Decimal("2.00"), Decimal("2.44"))
    item = next(i for i in result.rectifications() if i.id == "ENV-2")
    assert (item.points, item.gain) == (Decimal("2.00"), Decimal("2.44"))
    assert item.describe("zh").startswith("ENV-2 公示营业执照和资质证书（总分 +2.44，本项 +2.00） — ")
    assert "(+2.44 on the total, +2.00 on the criterion) — " in item.describe("en")


def test_already_there_needs_nothing(standard: ws.Standard) -> None:
    plan = result_of(standard, "1-meets.yaml").plan()
    assert plan.reachable and plan.steps == [] and plan.effort == 0
    assert plan.explain("en").splitlines()[-1] == "  Already there: nothing to fix"
    assert result_of(standard, "2-rectify.yaml").plan("rectify").steps == []


def test_a_veto_that_cannot_be_undone_makes_the_target_unreachable(standard: ws.Standard) -> None:
    plan = result_of(standard, "4-vetoed.yaml").plan("rectify")
    assert not plan.reachable
    assert [(s.id, s.kind) for s in plan.steps] == [("VETO-3", "veto")]
    assert [o.zh for o in plan.obstacles] == [
        "一票否决项 VETO-3「经主管部门认定的有效投诉」已触发，活动期内无法消除"
    ]


def test_a_window_outside_chengdu_cannot_be_planned_in(standard: ws.Standard) -> None:
    plan = result_of(standard, "5-out-of-scope.yaml").plan()
    assert not plan.reachable and plan.steps[0].id == "PRE-1" and plan.steps[0].kind == "prerequisite"
    assert plan.explain("en").splitlines()[-1] == (
        "  The target cannot be reached: prerequisite PRE-1 (The window lies within Chengdu's administrative "
        "area) is not met and cannot be put right within the period"
    )


def test_a_rectifiable_gate_is_cleared_first(standard: ws.Standard) -> None:
    data = yaml.safe_load((EXAMPLES / "2-rectify.yaml").read_text(encoding="utf-8"))
    data["organisation"]["campaign_plan_adopted_on"] = None
    plan = standard.evaluate(data).plan()
    assert plan.reachable and plan.steps[0].id == "PRE-4" and plan.steps[0].gain == 0
    assert [s.id for s in plan.steps[1:]] == ["QLT-5", "ENV-6"] and plan.effort == 3


def test_when_even_every_fix_falls_short_the_plan_says_by_how_much(standard: ws.Standard) -> None:
    strict = standard.with_parameters(pass_threshold=101)  # above the total: no set of fixes reaches it
    result = strict.evaluate(yaml.safe_load((EXAMPLES / "3-fails-score.yaml").read_text(encoding="utf-8")))
    plan = result.plan()
    assert not plan.reachable and plan.score_after == Decimal("100.00")
    assert [o.zh for o in plan.obstacles] == [
        "即使完成全部可整改项，总分最高为 100.00，低于达标所需的 101.00 分"
    ]
    lost = {i.id for i in result.rectifications()}
    assert {s.id for s in plan.steps} == lost | {"BON-1", "BON-2", "BON-3"}  # every fix, the bonuses too


def test_unknown_targets_and_old_results_are_refused(standard: ws.Standard) -> None:
    result = result_of(standard, "2-rectify.yaml")
    with pytest.raises(ValueError, match="choose one of: meets, rectify"):
        result.plan("fails")
    old = ws.Result.model_validate({**result.model_dump(), "levels": []})
    with pytest.raises(ValueError, match="evaluate the window again"):
        old.plan()


def test_the_plan_does_not_depend_on_the_callers_decimal_context(standard: ws.Standard) -> None:
    import decimal

    result = result_of(standard, "3-fails-score.yaml")
    expected = result.plan()
    with decimal.localcontext(decimal.Context(prec=2, rounding=decimal.ROUND_DOWN)):
        assert result.plan() == expected
