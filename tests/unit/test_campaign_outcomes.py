"""Campaign outcomes (notice §5(3)): honours for windows, credit points or criticism for organisations, 公"
"示."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

import window_standard as ws
from window_standard._campaign import Campaign, CampaignOutcomes, campaign_outcomes, load_campaign

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE: dict[str, Any] = yaml.safe_load((DATA / "application-example.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(ws.load_standard())


def window(
    id: str = "w-1",
    *,
    district: str = "510107",
    organisation: str = "成都锦华物业服务有限公司",
    code: str | None = "19220382-1",
    plan: date | None = date(2013, 3, 15),
    **changes: Any,
) -> dict[str, Any]:
    """The example window with another identity; ``changes`` replace sections or fields "
    "(``environment__signage``)."""
    data: dict[str, Any] = copy.deepcopy(EXAMPLE["window"])
    data.update(id=id, name=f"窗口{id}", district=district)
    data["organisation"].update(name=organisation, organisation_code=code, campaign_plan_adopted_on=plan)
    data["organisation"]["registration_number"] = None
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = data
        for key in parents:
            node = node[key]
        node[last] = value
    return data


def application(win: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(EXAMPLE)
    data["window"] = win
    data["district_opinion"]["authority_district"] = win["district"]
    data.update(changes)
    return data


def committee(win: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(win)
    data.update(assessor="committee", assessed_on=date(2013, 7, 15))
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = data
        for key in parents:
            node = node[key]
        node[last] = value
    return data


def only_kinds(*kinds: str) -> list[dict[str, Any]]:
    return [a for a in EXAMPLE["window"]["lei_feng"]["activities"] if a["kind"] in kinds]


def outcome_of(result: CampaignOutcomes, window_id: str) -> Any:
    return next(w for w in result.windows if w.window_id == window_id)


# -- windows ------------------------------------------------------------------------------------------------


def test_accepted_and_committee_meets_is_honoured(campaign: Campaign) -> None:
    win = window()
    result = campaign.outcomes([application(win)], [committee(win)])
    honoured = outcome_of(result, "w-1")
    assert (honoured.outcome, honoured.rule, honoured.clause) == ("honoured", "OUT-1", "notice §5(3)")
    assert honoured.outcome_title.zh == "授予“优质服务窗口”荣誉称号并表彰、授牌"
    assert (honoured.applied, honoured.accepted, honoured.evaluated) == (True, True, True)
    assert (honoured.committee_score, honoured.committee_level) == (Decimal("100.00"), "meets")
    assert [r.zh for r in honoured.reasons] == [
        "收到申报 是，审核通过 是；指导委员会综合考评 是（得分 100，等级 达标）；授牌须审核通过且考评达标"
    ]


def test_committee_finds_rectify_so_not_honoured(campaign: Campaign) -> None:
    win = window()
    worse = committee(
        win,
        quality__survey={"sampled": 120, "satisfied": 90},
        staff__certified=2,
        staff__conduct_violations=2,
    )
    result = outcome_of(campaign.outcomes([application(win)], [worse]), "w-1")
    assert (result.outcome, result.rule, result.committee_score, result.committee_level) == (
        "not_honoured",
        None,
        Decimal("89.00"),
        "rectify",
    )
    assert result.outcome_title.en == "Not honoured"
    assert [r.en for r in result.reasons] == [
        "application received yes, accepted yes; committee evaluation yes (score 89, level Rectify within "
        "a time "
        "limit); honours need an accepted application and an evaluation that meets the standard"
    ]


def test_rejected_application_is_not_honoured_even_if_the_committee_finds_it_meets(
    campaign: Campaign,
) -> None:
    win = window()
    result = outcome_of(
        campaign.outcomes([application(win, received_on=date(2013, 7, 1))], [committee(win)]), "w-1"
    )
    assert (result.outcome, result.accepted, result.failed_checks) == ("not_honoured", False, ["APP-5"])


def test_not_evaluated_is_not_honoured(campaign: Campaign) -> None:
    result = outcome_of(campaign.outcomes([application(window())]), "w-1")
    assert (result.outcome, result.evaluated, result.committee_score) == ("not_honoured", False, None)
    assert result.reasons[0].zh == (
        "收到申报 是，审核通过 是；指导委员会综合考评 否（得分 无数据，等级 无数据）；授牌须审核通过且考评"
        "达标"
    )


def test_evaluation_without_application_is_not_honoured(campaign: Campaign) -> None:
    result = outcome_of(campaign.outcomes([], [committee(window())]), "w-1")
    assert (result.outcome, result.applied, result.accepted, result.failed_checks) == (
        "not_honoured",
        False,
        False,
        [],
    )


# -- organisations -----------------------------------------------------------------------------------------


def org_outcome(campaign: Campaign, *windows: dict[str, Any]) -> Any:
    result = campaign.outcomes([application(w) for w in windows])
    assert len(result.organisations) == 1
    return result.organisations[0]


def test_active_organisation_gets_credit_points(campaign: Campaign) -> None:
    org = org_outcome(campaign, window("w-1"), window("w-2"))
    assert (org.outcome, org.rule, org.key, org.name, org.windows) == (
        "credit_points",
        "ORG-2",
        "19220382-1",
        "成都锦华物业服务有限公司",
        ["w-1", "w-2"],
    )
    assert org.outcome_title.zh == "提请市房管局予以信用加分"
    assert [r.zh for r in org.reasons] == [
        "制定创建方案 是；创建范围内的参评窗口（2 个）均开展文明志愿服务和文明礼仪实践活动 是；向市物业管"
        "理协会报送简讯、简报 是；经认定违规收费或申报材料弄虚作假 否",
        "窗口 w-1（窗口w-1）：属创建范围 是；活动期内开展活动 11 次；创建方案 是；志愿服务与文明礼仪实践均"
        "已开展 是；"
        "向协会报送简讯、简报 是",
        "窗口 w-2（窗口w-2）：属创建范围 是；活动期内开展活动 11 次；创建方案 是；志愿服务与文明礼仪实践均"
        "已开展 是；"
        "向协会报送简讯、简报 是",
    ]


def test_plan_but_one_window_without_any_activity_is_criticised(campaign: Campaign) -> None:
    idle = window("w-2", lei_feng__activities=[], lei_feng__reports_to_association=[])
    org = org_outcome(campaign, window("w-1"), idle)
    assert (org.outcome, org.rule, org.clause) == ("criticism", "ORG-1", "notice §5(3)")
    assert org.outcome_title.zh == "通报批评，责令及时整改"
    assert (
        org.reasons[0].zh
        == "创建范围内的参评窗口 2 个；制定创建方案 是（经指导委员会综合考评 否）；其中活动期内未开展任何活动的窗口 1 个；"
        "申报材料弄虚作假 否"
    )
    assert org.reasons[2].en == (
        "window w-2 (窗口w-2): within the scope yes; 0 activities in the period; campaign plan yes; both "
        "strands "
        "no; reports to the association no"
    )


@pytest.mark.parametrize(("day", "outcome"), [(date(2013, 9, 30), "none"), (date(2013, 10, 1), "criticism")])
def test_an_activity_counts_only_inside_the_period(campaign: Campaign, day: date, outcome: str) -> None:
    one = [{"date": day, "kind": "policy_publicity", "title": "政策宣传"}]
    org = org_outcome(campaign, window("w-1"), window("w-2", lei_feng__activities=one))
    assert org.outcome == outcome


def test_no_plan_in_a_self_assessment_alone_is_not_criticised(campaign: Campaign) -> None:
    # decision 5 of 2.0.0: a missing field in a self-assessment is not a finding
    org = org_outcome(campaign, window("w-1", plan=None), window("w-2", plan=None))
    assert (org.outcome, org.rule) == ("none", None)
    assert org.reasons[0].en == (
        "entered windows within the scope: 2; campaign plan adopted no (evaluated by the committee no); windows "
        "with no activity at all in the period: 0; falsified materials no"
    )


def test_no_plan_found_by_the_committee_is_criticised(campaign: Campaign) -> None:
    win = window("w-1", plan=None)
    result = campaign.outcomes([application(win)], [committee(win)])
    (org,) = result.organisations
    assert (org.outcome, org.rule) == ("criticism", "ORG-1")


def test_falsified_materials_are_criticised_and_get_no_credit(campaign: Campaign) -> None:
    # decision 5 of 2.0.0: VETO-4 in any entered window triggers ORG-1 (and so never ORG-2)
    org = org_outcome(campaign, window("w-1"), window("w-2", incidents__falsified_materials=True))
    assert (org.outcome, org.rule) == ("criticism", "ORG-1")


def test_illegal_charging_gets_no_credit_points(campaign: Campaign) -> None:
    # decision 5 of 2.0.0: ORG-2 is not proposed with VETO-2 fired in any entered window
    org = org_outcome(campaign, window("w-1"), window("w-2", incidents__illegal_charging_confirmed=True))
    assert (org.outcome, org.rule) == ("none", None)
    assert org.reasons[1].zh.endswith("经认定违规收费或申报材料弄虚作假 是")


def test_a_plan_recorded_in_one_window_is_the_organisations_plan(campaign: Campaign) -> None:
    org = org_outcome(campaign, window("w-1"), window("w-2", plan=None))
    assert org.outcome == "credit_points"


def test_one_window_without_the_etiquette_strand_gives_no_credit(campaign: Campaign) -> None:
    volunteer_only = window("w-2", lei_feng__activities=only_kinds("convenience_service", "order_keeping"))
    org = org_outcome(campaign, window("w-1"), volunteer_only)
    assert (org.outcome, org.rule) == ("none", None)
    assert org.outcome_title.en == "No outcome"
    assert [r.en for r in org.reasons[:2]] == [
        "entered windows within the scope: 2; campaign plan adopted yes (evaluated by the committee no); "
        "windows with no activity at all in the period: 0; falsified materials no",
        "campaign plan adopted yes; both activity strands in every entered window within the scope (2) no; "
        "reports sent to the association yes; illegal charging or falsified materials found no",
    ]


def test_no_report_anywhere_gives_no_credit_one_report_is_enough(campaign: Campaign) -> None:
    silent: dict[str, Any] = {"lei_feng__reports_to_association": []}
    assert org_outcome(campaign, window("w-1", **silent), window("w-2", **silent)).outcome == "none"
    assert org_outcome(campaign, window("w-1"), window("w-2", **silent)).outcome == "credit_points"


def test_no_data_on_activities_is_not_evidence_of_idleness(campaign: Campaign) -> None:
    org = org_outcome(campaign, window("w-1"), window("w-2", lei_feng__activities=None))
    assert org.outcome == "none"
    assert org.reasons[-1].zh.startswith("窗口 w-2（窗口w-2）：属创建范围 是；活动期内开展活动 无数据；")


def test_an_organisation_outside_the_scope_gets_nothing(campaign: Campaign) -> None:
    org = org_outcome(campaign, window("w-1", district="510185", plan=None))
    assert (org.outcome, org.rule) == ("none", None)


def test_the_committees_facts_decide_for_an_evaluated_window(campaign: Campaign) -> None:
    win = window()
    idle = committee(win, lei_feng__activities=[])
    result = campaign.outcomes([application(win)], [idle])
    assert result.organisations[0].outcome == "criticism"


def test_windows_are_grouped_by_any_shared_name_or_code(campaign: Campaign) -> None:
    a = window("w-1", organisation="甲物业", code="19220382-1")
    b = window("w-2", organisation="甲物业有限公司", code="19220382-1")  # same code, another name
    c = window("w-3", organisation="甲物业有限公司", code=None)  # same name as b, no code
    d = window("w-4", organisation="乙物业", code=None)
    result = campaign.outcomes([application(w) for w in (d, c, b, a)])
    assert [(o.key, o.name, o.windows) for o in result.organisations] == [
        ("19220382-1", "甲物业", ["w-1", "w-2", "w-3"]),
        ("乙物业", "乙物业", ["w-4"]),
    ]


# -- the public notice ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def honoured(campaign: Campaign) -> CampaignOutcomes:
    wins = [
        window("w-b", district="510107"),
        window("w-a", district="510107", environment__signage=False),  # 99.00
        window("w-c", district="510104", environment__signage=False, environment__accessible_entrance=False),
        window("w-d", district="510104"),
        window("w-e", district="510105"),  # rejected below: not in the list
    ]
    apps = [application(w) for w in wins[:4]] + [application(wins[4], received_on=date(2013, 7, 1))]
    return campaign.outcomes(apps, [committee(w) for w in wins])


def test_notice_lists_honoured_windows_by_district_then_score(honoured: CampaignOutcomes) -> None:
    rows = [(e.rank, e.district, e.window_id, e.score) for e in honoured.notice]
    assert rows == [
        (1, "510104", "w-d", Decimal("100.00")),
        (2, "510104", "w-c", Decimal("98.00")),
        (3, "510107", "w-b", Decimal("100.00")),
        (4, "510107", "w-a", Decimal("99.00")),
    ]


def test_notice_csv(honoured: CampaignOutcomes) -> None:
    assert honoured.notice_csv("zh") == (
        "序号,区(市)县代码,区(市)县,窗口编号,窗口名称,物业服务机构,综合考评得分,评选结果\n"
        "1,510104,锦江区,w-d,窗口w-d,成都锦华物业服务有限公司,100.00,授予“优质服务窗口”荣誉称号并表彰、授牌\n"
        "2,510104,锦江区,w-c,窗口w-c,成都锦华物业服务有限公司,98.00,授予“优质服务窗口”荣誉称号并表彰、授牌\n"
        "3,510107,武侯区,w-b,窗口w-b,成都锦华物业服务有限公司,100.00,授予“优质服务窗口”荣誉称号并表彰、授牌\n"
        "4,510107,武侯区,w-a,窗口w-a,成都锦华物业服务有限公司,99.00,授予“优质服务窗口”荣誉称号并表彰、授牌\n"
    )
    assert honoured.notice_csv("en").splitlines()[:2] == [
        "No.,District code,District,Window id,Window name,Organisation,Score,Result",
        "1,510104,Jinjiang District,w-d,窗口w-d,成都锦华物业服务有限公司,100.00,"
        '"Honorary title, commendation and plaque"',
    ]


def test_notice_json(honoured: CampaignOutcomes) -> None:
    data = json.loads(honoured.notice_json())
    assert data[0] == {
        "rank": 1,
        "district": "510104",
        "district_name": {"zh": "锦江区", "en": "Jinjiang District"},
        "window_id": "w-d",
        "window_name": "窗口w-d",
        "organisation": "成都锦华物业服务有限公司",
        "score": "100.00",
        "outcome": {
            "zh": "授予“优质服务窗口”荣誉称号并表彰、授牌",
            "en": "Honorary title, commendation and plaque",
        },
    }
    assert [d["window_id"] for d in data] == ["w-d", "w-c", "w-b", "w-a"]
    assert honoured.notice_json().endswith("]\n")


def test_outcomes_round_trip_through_json(honoured: CampaignOutcomes) -> None:
    assert CampaignOutcomes.model_validate_json(honoured.model_dump_json()) == honoured
    assert [w.window_id for w in honoured.windows] == ["w-a", "w-b", "w-c", "w-d", "w-e"]


def test_outcomes_do_not_depend_on_input_order(campaign: Campaign) -> None:
    wins = [window(f"w-{n}", district=d) for n, d in enumerate(["510107", "510104", "510105"])]
    apps = [application(w) for w in wins]
    evals = [committee(w) for w in wins]
    forward = campaign.outcomes(apps, evals)
    backward = campaign.outcomes(list(reversed(apps)), list(reversed(evals)))
    assert forward == backward


def test_campaign_outcomes_function(campaign: Campaign) -> None:
    win = window()
    by_function = campaign_outcomes([application(win)], [committee(win)], standard=ws.load_standard())
    assert by_function == campaign.outcomes([application(win)], [committee(win)])


# -- bad input ---------------------------------------------------------------------------------------------


def test_two_applications_for_one_window_are_refused(campaign: Campaign) -> None:
    with pytest.raises(ValueError, match=r"^two applications for window w-1$"):
        campaign.outcomes([application(window()), application(window())])


def test_an_evaluation_must_be_the_committees(campaign: Campaign) -> None:
    with pytest.raises(ValueError, match=r"^evaluation of window w-1 has assessor self, not committee$"):
        campaign.outcomes([], [window()])
