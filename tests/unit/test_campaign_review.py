"""Application review: each check APP-1 ... APP-7 at its boundary, warnings, the recomputed "
"self-assessment."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

import window_standard as ws
from window_standard._campaign import ApplicationReview, Campaign, load_campaign, review_application
from window_standard._model import Application

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLE: dict[str, Any] = yaml.safe_load((DATA / "application-example.yaml").read_text(encoding="utf-8"))
DELETE = object()


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(ws.load_standard())


def application(**changes: Any) -> dict[str, Any]:
    """The example application with changes at dotted paths (``window__district`` = window.district)."""
    data: dict[str, Any] = copy.deepcopy(EXAMPLE)
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = data
        for key in parents:
            node = node[key]
        if value is DELETE:
            del node[last]
        else:
            node[last] = value
    return data


def rectify_window() -> dict[str, Any]:
    """The example window made to score 89.00 (rectify): satisfaction, certificates and conduct slip."""
    window: dict[str, Any] = copy.deepcopy(EXAMPLE["window"])
    window["quality"]["survey"] = {"sampled": 120, "satisfied": 90}
    window["staff"]["certified"] = 2
    window["staff"]["conduct_violations"] = 2
    return window


def status(review: ApplicationReview) -> dict[str, str]:
    return {c.id: c.status for c in review.checks}


def failed(review: ApplicationReview) -> list[str]:
    return [c.id for c in review.failed]


def check(review: ApplicationReview, id: str) -> Any:
    return next(c for c in review.checks if c.id == id)


ALL_PASS = {f"APP-{n}": "pass" for n in range(1, 8)}


# -- the example --------------------------------------------------------------------------------------------


def test_the_example_is_accepted(campaign: Campaign) -> None:
    review = campaign.review(EXAMPLE)
    assert review.accepted is True
    assert status(review) == ALL_PASS
    assert review.failed == []
    assert review.warnings == []
    assert review.window_id == "cd-510107-0001"
    own = review.self_assessment
    assert (own.reported_score, own.reported_level, own.recomputed_score, own.recomputed_level) == (
        Decimal("100.00"),
        "meets",
        Decimal("100.00"),
        "meets",
    )
    assert own.matches is True
    assert review.campaign.id == "cdpma-window-2013-campaign"
    assert review.standard.id == "cdpma-window-2013"


def test_review_application_function_and_a_model_instance(campaign: Campaign) -> None:
    by_function = review_application(Application.model_validate(EXAMPLE), standard=ws.load_standard())
    assert by_function == campaign.review(EXAMPLE)


def test_review_round_trips_through_json(campaign: Campaign) -> None:
    review = campaign.review(application(received_on=date(2013, 7, 1)))
    assert ApplicationReview.model_validate_json(review.model_dump_json()) == review
    dumped = json.loads(review.model_dump_json())
    assert dumped["checks"][4]["facts"] == {
        "received": "2013-07-01",
        "application.received_on": "2013-07-01",
        "params.submission_deadline": "2013-06-30",
    }


# -- APP-1 scope ---------------------------------------------------------------------------------------------


def test_app1_jianyang_in_2013_is_out_of_scope(campaign: Campaign) -> None:
    data = application(window__district="510185", district_opinion__authority_district="510185")
    review = campaign.review(data)
    assert check(review, "APP-1").status == "fail"
    assert check(review, "APP-1").explanation.zh == (
        "窗口所在区(市)县 简阳市（510185）于评定日 2013-06-20 属成都市行政区域：否；"
        "窗口类型属于创建范围：是；由受聘的物业服务机构设立：是"
    )
    assert check(review, "APP-1").explanation.en == (
        "district Jianyang (510185) within Chengdu on the assessment date 2013-06-20: no; window kind within "
        "scope: yes; run by an organisation engaged for the area: yes"
    )
    assert check(review, "APP-1").clause == "notice §2"
    # PRE-1 is a prerequisite of the standard too, so the recomputed level fails and APP-2 fails with it
    assert failed(review) == ["APP-1", "APP-2"]


@pytest.mark.parametrize(
    ("assessed_on", "in_scope"),
    [
        (date(2013, 6, 20), False),
        (date(2016, 5, 15), False),
        (date(2016, 5, 16), True),
        (date(2017, 6, 20), True),
    ],
)
def test_app1_jianyang_joins_chengdu_on_2016_05_16(
    campaign: Campaign, assessed_on: date, in_scope: bool
) -> None:
    data = application(window__district="510185", window__assessed_on=assessed_on)
    assert check(campaign.review(data), "APP-1").status == ("pass" if in_scope else "fail")


def test_app1_operator_not_engaged_and_unknown_operator(campaign: Campaign) -> None:
    review = campaign.review(application(window__organisation__engaged_for_area=False))
    assert check(review, "APP-1").status == "fail"
    assert check(review, "APP-1").explanation.en.endswith("run by an organisation engaged for the area: no")
    review = campaign.review(application(window__organisation__kind=None))
    assert check(review, "APP-1").status == "fail"


# -- APP-2 self-assessment meets the standard --------------------------------------------------------------


def test_app2_self_assessed_meets_but_recomputed_rectify_is_rejected_with_both_scores(
    campaign: Campaign,
) -> None:
    review = campaign.review(application(window=rectify_window()))
    assert review.accepted is False
    assert failed(review) == ["APP-2"]
    app2 = check(review, "APP-2")
    assert app2.explanation.zh == (
        "申报表自评 100 分（达标）；按《标准》复核自评资料得 89 分，基本达标（限期整改）；须为本单位自评（是）且达标"
    )
    assert app2.explanation.en == (
        "self-assessment on the form: 100 (Meets the standard); recomputed from the window's facts: 89 "
        "(Rectify within a time limit); it must be the organisation's own assessment (yes) and meet the "
        "standard"
    )
    own = review.self_assessment
    assert (own.reported_score, own.recomputed_score, own.recomputed_level, own.matches) == (
        Decimal("100.00"),
        Decimal("89.00"),
        "rectify",
        False,
    )
    assert own.describe("zh") == "100.00（达标） / 89.00（基本达标（限期整改））"
    assert own.describe("en") == "100.00 (Meets the standard) / 89.00 (Rectify within a time limit)"
    assert [w.id for w in review.warnings] == ["WARN-3"]
    assert (
        review.warnings[0].explanation.zh == "申报表自评 100 分（达标），按《标准》复核为 89 分，基本达标（限期整改）"
    )


def test_app2_boundary_on_the_pass_threshold(campaign: Campaign) -> None:
    standard = ws.load_standard()
    at = load_campaign(standard.with_parameters(pass_threshold=100))
    above = load_campaign(standard.with_parameters(pass_threshold=Decimal("100.01")))
    assert check(at.review(EXAMPLE), "APP-2").status == "pass"
    assert check(above.review(EXAMPLE), "APP-2").status == "fail"


def test_app2_reported_level_must_say_meets(campaign: Campaign) -> None:
    review = campaign.review(application(self_assessment__level="rectify", self_assessment__score=88))
    assert failed(review) == ["APP-2"]
    assert [w.id for w in review.warnings] == ["WARN-3"]


def test_app2_needs_the_organisations_own_assessment(campaign: Campaign) -> None:
    review = campaign.review(application(window__assessor="committee"))
    assert failed(review) == ["APP-2"]
    assert check(review, "APP-2").explanation.en.endswith("own assessment (no) and meet the standard")


def test_app2_without_a_self_assessment_has_no_data(campaign: Campaign) -> None:
    review = campaign.review(application(self_assessment=DELETE))
    assert status(review) == {**ALL_PASS, "APP-2": "no_data", "APP-6": "fail"}
    assert review.self_assessment.reported_score is None
    assert review.self_assessment.matches is False
    assert review.self_assessment.describe("en") == "— / 100.00 (Meets the standard)"


# -- APP-3 the organisation recommends -----------------------------------------------------------------------


def test_app3_organisation_does_not_recommend(campaign: Campaign) -> None:
    review = campaign.review(application(organisation_recommendation__recommends=False))
    assert failed(review) == ["APP-3"]
    assert check(review, "APP-3").explanation.zh == "物业服务机构推荐意见：同意推荐 否（签署日期 2013-06-21）"


def test_app3_missing_recommendation(campaign: Campaign) -> None:
    review = campaign.review(application(organisation_recommendation=None))
    assert status(review) == {**ALL_PASS, "APP-3": "no_data", "APP-6": "fail", "APP-7": "no_data"}
    assert check(review, "APP-3").explanation.en == (
        "the organisation's recommendation: recommends no data (signed on no data)"
    )


# -- APP-4 the window's own district authority ---------------------------------------------------------------


def test_app4_opinion_signed_by_another_district_is_rejected(campaign: Campaign) -> None:
    review = campaign.review(application(district_opinion__authority_district="510104"))
    assert failed(review) == ["APP-4"]
    app4 = check(review, "APP-4")
    assert app4.explanation.zh == (
        "签署推荐意见的房产管理部门：锦江区（510104）；窗口所在区(市)县：武侯区（510107）；"
        "系窗口所在区(市)县的房产管理部门：否；同意推荐：是"
    )
    assert app4.explanation.en == (
        "opinion signed by the housing authority of Jinjiang District (510104); the window is in Wuhou "
        "District "
        "(510107); the window's own district authority: no; recommends: yes"
    )
    assert app4.clause == "notice §4(2)"
    assert app4.quote == "经区(市)县房产管理部门签署推荐意见后"
    assert app4.advice is not None and app4.advice.en == (
        "Ask the housing authority of the window's own district to sign its opinion"
    )


def test_app4_authority_does_not_recommend(campaign: Campaign) -> None:
    review = campaign.review(application(district_opinion__recommends=False))
    assert failed(review) == ["APP-4"]


def test_app4_functional_zone(campaign: Campaign) -> None:
    review = campaign.review(
        application(window__district="gaoxin", district_opinion__authority_district="gaoxin")
    )
    assert review.accepted is True
    assert check(review, "APP-4").explanation.zh.startswith(
        "签署推荐意见的房产管理部门：成都高新区（gaoxin）"
    )
    review = campaign.review(application(window__district="gaoxin"))
    assert failed(review) == ["APP-4"]


# -- APP-5 the deadline (于6月30日前, inclusive) ------------------------------------------------------------


def test_app5_received_on_the_deadline_is_on_time_with_a_warning(campaign: Campaign) -> None:
    review = campaign.review(application(received_on=date(2013, 6, 30)))
    assert review.accepted is True
    assert [w.id for w in review.warnings] == ["WARN-2"]
    assert review.warnings[0].explain("en") == (
        "WARN-2 Received on the deadline day [notice §4(2)]: received on 2013-06-30, the deadline day; "
        "this rule "
        "set reads 于6月30日前 as inclusive, a stricter reading would make it late"
    )


def test_app5_received_the_day_after_is_late(campaign: Campaign) -> None:
    review = campaign.review(application(received_on=date(2013, 7, 1)))
    assert failed(review) == ["APP-5"]
    assert check(review, "APP-5").explain("zh") == (
        "APP-5 按时报送协会秘书处 [notice §4(2)] 未通过: 市物业管理协会秘书处收件日期 2013-07-01，截止日期 "
        "2013-06-30（“于6月30日前”按含当日理解）"
    )
    assert review.warnings == []


def test_app5_deadline_is_a_parameter(campaign: Campaign) -> None:
    later = campaign.with_parameters(submission_deadline=date(2013, 7, 1))
    assert later.review(application(received_on=date(2013, 7, 1))).accepted is True
    assert later.review(application(received_on=date(2013, 7, 2))).accepted is False


def test_app5_not_yet_received(campaign: Campaign) -> None:
    review = campaign.review(application(received_on=None))
    assert status(review) == {**ALL_PASS, "APP-5": "no_data", "APP-6": "fail", "APP-7": "no_data"}


# -- APP-6 a complete form with supporting materials ---------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "value"),
    [
        ("contact", None),
        ("materials", []),
        ("materials", None),
        ("materials", DELETE),
        ("district_opinion", None),
    ],
)
def test_app6_incomplete_form(campaign: Campaign, change: str, value: Any) -> None:
    review = campaign.review(application(**{change: value}))
    assert check(review, "APP-6").status == "fail"


def test_app6_explanation_names_what_is_missing(campaign: Campaign) -> None:
    review = campaign.review(application(contact=None, materials=[]))
    assert failed(review) == ["APP-6"]
    assert check(review, "APP-6").explanation.zh == (
        "联系人 否；自评结果 是；物业服务机构推荐意见 是；区(市)县房产管理部门推荐意见 是；收件日期 是；"
        "参评材料 0 份（至少 1 份）"
    )


def test_app6_one_material_is_enough(campaign: Campaign) -> None:
    review = campaign.review(
        application(materials=[{"title": "自查自评表", "kind": "self_assessment_sheet"}])
    )
    assert review.accepted is True


# -- APP-7 dates in order ------------------------------------------------------------------------------------


def test_app7_district_opinion_before_the_recommendation_is_rejected(campaign: Campaign) -> None:
    review = campaign.review(application(district_opinion__signed_on=date(2013, 6, 20)))
    assert failed(review) == ["APP-7"]
    assert check(review, "APP-7").explanation.en == (
        "organisation recommended on 2013-06-21, district authority signed on 2013-06-20, association "
        "received on "
        "2013-06-28 (each no earlier than the one before)"
    )


def test_app7_same_day_is_in_order(campaign: Campaign) -> None:
    day = date(2013, 6, 21)
    review = campaign.review(application(district_opinion__signed_on=day, received_on=day))
    assert review.accepted is True


def test_app7_received_before_the_opinion_is_rejected(campaign: Campaign) -> None:
    review = campaign.review(application(received_on=date(2013, 6, 24)))
    assert failed(review) == ["APP-7"]


# -- every failure at once, warnings ------------------------------------------------------------------------


def test_every_failed_check_is_listed(campaign: Campaign) -> None:
    data = application(
        window__district="510185",
        organisation_recommendation__recommends=False,
        district_opinion__authority_district="510104",
        district_opinion__signed_on=date(2013, 6, 20),
        received_on=date(2013, 7, 1),
        materials=[],
    )
    review = campaign.review(data)
    assert failed(review) == ["APP-1", "APP-2", "APP-3", "APP-4", "APP-5", "APP-6", "APP-7"]
    assert review.explain("en").splitlines()[:3] == [
        "Application for cd-510107-0001 锦江花园客户服务中心: rejected",
        "  Self-assessment (reported / recomputed): 100.00 (Meets the standard) / 100.00 (Does not meet the "
        "standard)",
        "  APP-1 The window is within the campaign's scope [notice §2] failed: district Jianyang (510185) "
        "within "
        "Chengdu on the assessment date 2013-06-20: no; window kind within scope: yes; run by an "
        "organisation "
        "engaged for the area: yes",
    ]


def test_warning_for_a_window_of_another_kind(campaign: Campaign) -> None:
    review = campaign.review(application(window__kind="other", window__kind_other="小区便民服务点"))
    assert review.accepted is True
    assert [w.id for w in review.warnings] == ["WARN-1"]
    assert review.warnings[0].explanation.zh == (
        "窗口类型不在通知列举之列（列举以“等”结尾），说明为：小区便民服务点；请核实其属于服务窗口"
    )


def test_warning_for_an_early_receipt(campaign: Campaign) -> None:
    data = application(
        organisation_recommendation__signed_on=date(2013, 5, 20),
        district_opinion__signed_on=date(2013, 5, 25),
        received_on=date(2013, 5, 31),
    )
    review = campaign.review(data)
    assert review.accepted is True
    assert [(w.id, w.explanation.en) for w in review.warnings] == [
        ("WARN-4", "received on 2013-05-31, before the application period opened on 2013-06-01")
    ]
    assert campaign.review(application(received_on=date(2013, 6, 1))).warnings == []


def test_an_invalid_mapping_raises_a_validation_error(campaign: Campaign) -> None:
    with pytest.raises(ValidationError) as caught:
        campaign.review(application(district_opinion__authority_district="武侯"))
    assert [e["loc"] for e in caught.value.errors()] == [("district_opinion", "authority_district")]
