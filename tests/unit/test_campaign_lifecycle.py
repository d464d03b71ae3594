"""The application lifecycle: each transition at its boundary, refusals citing the clause, JSON "
"persistence."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

import window_standard as ws
from window_standard._campaign import (
    TRANSITIONS,
    Accepted,
    Campaign,
    Draft,
    Endorsed,
    Evaluated,
    Honoured,
    NotHonoured,
    Published,
    Recommended,
    Refused,
    SelfAssessed,
    Submitted,
    decide,
    endorse,
    load_campaign,
    load_state,
    publish,
    recommend,
    record_evaluation,
    self_assess,
    start_application,
    submit,
)
from window_standard._campaign.states import STATUSES

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE: dict[str, Any] = yaml.safe_load(
    (ROOT / "tests" / "data" / "application-example.yaml").read_text(encoding="utf-8")
)
NOTICE = (ROOT / "rules" / "cdpma-window-2013" / "sources" / "notice-2013-9.zh.txt").read_text(
    encoding="utf-8"
)
RECOMMENDATION = EXAMPLE["organisation_recommendation"]
OPINION = EXAMPLE["district_opinion"]
MATERIALS = EXAMPLE["materials"]


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(ws.load_standard())


def window(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(EXAMPLE["window"])
    data.update(changes)
    return data


def rectify(data: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    data["quality"]["survey"] = {"sampled": 120, "satisfied": 90}
    data["staff"].update(certified=2, conduct_violations=2)
    return data


def accepted(transition: Any) -> Any:
    assert isinstance(transition, Accepted), transition.explain("en")
    return transition.state


def refused(transition: Any) -> Refused:
    assert isinstance(transition, Refused), transition
    return transition


# The happy path, one state at a time (each built from the one before).


@pytest.fixture(scope="module")
def draft() -> Draft:
    return start_application(window(), contact=EXAMPLE["contact"])


@pytest.fixture(scope="module")
def assessed(draft: Draft, campaign: Campaign) -> SelfAssessed:
    return accepted(self_assess(draft, campaign=campaign))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def recommended(assessed: SelfAssessed, campaign: Campaign) -> Recommended:
    return accepted(recommend(assessed, RECOMMENDATION, campaign=campaign))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def endorsed(recommended: Recommended, campaign: Campaign) -> Endorsed:
    return accepted(endorse(recommended, OPINION, campaign=campaign))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def submitted(endorsed: Endorsed, campaign: Campaign) -> Submitted:
    return accepted(  # type: ignore[no-any-return]
        submit(endorsed, received_on=date(2013, 6, 28), materials=MATERIALS, campaign=campaign)
    )


@pytest.fixture(scope="module")
def evaluated(submitted: Submitted, campaign: Campaign) -> Evaluated:
    evaluation = window(assessor="committee", assessed_on=date(2013, 7, 1))
    return accepted(record_evaluation(submitted, evaluation, campaign=campaign))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def honoured(evaluated: Evaluated, campaign: Campaign) -> Honoured:
    return accepted(decide(evaluated, campaign=campaign))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def published(honoured: Honoured, campaign: Campaign) -> Published:
    return accepted(publish(honoured, on=date(2013, 9, 1), campaign=campaign))  # type: ignore[no-any-return]


def test_the_whole_way_to_publication(published: Published) -> None:
    assert published.status == "published"
    assert [(s.status, s.on) for s in published.history] == [
        ("draft", date(2013, 6, 20)),
        ("self_assessed", date(2013, 6, 20)),
        ("recommended", date(2013, 6, 21)),
        ("endorsed", date(2013, 6, 25)),
        ("submitted", date(2013, 6, 28)),
        ("evaluated", date(2013, 7, 1)),
        ("honoured", date(2013, 7, 1)),
        ("published", date(2013, 9, 1)),
    ]
    assert published.decision.outcome == "honoured"
    assert published.decision.rule == "OUT-1"
    assert published.published_on == date(2013, 9, 1)
    assert published.review.accepted is True
    assert published.application.model_dump(mode="json") == {
        **EXAMPLE,
        "self_assessment": {"score": "100.00", "level": "meets", "assessed_on": "2013-06-20"},
        "organisation_recommendation": {**RECOMMENDATION, "signed_on": "2013-06-21"},
        "district_opinion": {**OPINION, "signed_on": "2013-06-25"},
        "received_on": "2013-06-28",
        "window": published.application.window.model_dump(mode="json"),
    }


# -- self_assess ---------------------------------------------------------------------------------------------


def test_self_assess_writes_the_recomputed_result(assessed: SelfAssessed) -> None:
    own = assessed.application.self_assessment
    assert own is not None
    assert (str(own.score), str(own.level), own.assessed_on) == ("100.00", "meets", date(2013, 6, 20))


def test_self_assess_refuses_a_committee_document(campaign: Campaign) -> None:
    state = start_application(window(assessor="committee"))
    refusal = refused(self_assess(state, campaign=campaign))
    assert (refusal.action, refusal.status, refusal.clause) == ("self_assess", "draft", "notice §3(3)")
    assert refusal.reason.en == "a self-assessment needs assessor 'self'"


# -- recommend ----------------------------------------------------------------------------------------------


def test_recommend_refuses_a_window_whose_self_assessment_is_rectify(campaign: Campaign) -> None:
    state = accepted(self_assess(start_application(rectify(window())), campaign=campaign))
    refusal = refused(recommend(state, RECOMMENDATION, campaign=campaign))
    assert (refusal.clause, [c.id for c in refusal.checks]) == ("notice §3(3)", ["APP-2"])
    assert refusal.explain("en").splitlines()[0] == "recommend [notice §3(3)]: fails APP-2"


def test_recommend_refuses_an_out_of_scope_window(campaign: Campaign) -> None:
    state = accepted(self_assess(start_application(window(district="510185")), campaign=campaign))
    refusal = refused(recommend(state, RECOMMENDATION, campaign=campaign))
    assert [c.id for c in refusal.checks] == ["APP-1", "APP-2"]
    assert refusal.clause == "notice §2"


def test_recommend_refuses_a_recommendation_that_does_not_recommend(
    assessed: SelfAssessed, campaign: Campaign
) -> None:
    refusal = refused(recommend(assessed, {**RECOMMENDATION, "recommends": False}, campaign=campaign))
    assert [c.id for c in refusal.checks] == ["APP-3"]
    assert refusal.reason.zh == "未通过审核项 APP-3"


def test_recommend_leaves_the_input_state_unchanged(assessed: SelfAssessed, campaign: Campaign) -> None:
    before = assessed.model_dump_json()
    accepted(recommend(assessed, RECOMMENDATION, campaign=campaign))
    assert assessed.model_dump_json() == before
    assert assessed.application.organisation_recommendation is None


# -- endorse ------------------------------------------------------------------------------------------------


def test_endorse_refuses_another_districts_authority(recommended: Recommended, campaign: Campaign) -> None:
    refusal = refused(endorse(recommended, {**OPINION, "authority_district": "510104"}, campaign=campaign))
    assert (refusal.action, refusal.status, refusal.clause) == ("endorse", "recommended", "notice §4(2)")
    assert [c.id for c in refusal.checks] == ["APP-4"]


def test_endorse_refuses_an_opinion_dated_before_the_recommendation(
    recommended: Recommended, campaign: Campaign
) -> None:
    refusal = refused(endorse(recommended, {**OPINION, "signed_on": date(2013, 6, 20)}, campaign=campaign))
    assert [c.id for c in refusal.checks] == ["APP-7"]


def test_endorse_on_the_day_of_the_recommendation(recommended: Recommended, campaign: Campaign) -> None:
    state = accepted(endorse(recommended, {**OPINION, "signed_on": date(2013, 6, 21)}, campaign=campaign))
    assert state.status == "endorsed"


# -- submit: no submission after the deadline ---------------------------------------------------------------


def test_submit_on_the_deadline_day(endorsed: Endorsed, campaign: Campaign) -> None:
    state = accepted(submit(endorsed, received_on=date(2013, 6, 30), materials=MATERIALS, campaign=campaign))
    assert [w.id for w in state.review.warnings] == ["WARN-2"]


def test_submit_after_the_deadline_is_refused(endorsed: Endorsed, campaign: Campaign) -> None:
    refusal = refused(submit(endorsed, received_on=date(2013, 7, 1), materials=MATERIALS, campaign=campaign))
    assert (refusal.action, refusal.clause, [c.id for c in refusal.checks]) == (
        "submit",
        "notice §4(2)",
        ["APP-5"],
    )
    assert refusal.explain("en") == (
        "submit [notice §4(2)]: the application fails APP-5\n"
        "  APP-5 Received by the association by the deadline [notice §4(2)] failed: received by the "
        "association's "
        "secretariat on 2013-07-01; deadline 2013-06-30 (于6月30日前 read as inclusive)"
    )


def test_the_deadline_is_a_parameter(endorsed: Endorsed, campaign: Campaign) -> None:
    later = campaign.with_parameters(submission_deadline=date(2013, 7, 1))
    state = accepted(submit(endorsed, received_on=date(2013, 7, 1), materials=MATERIALS, campaign=later))
    assert state.status == "submitted"


def test_submit_without_materials_is_refused(endorsed: Endorsed, campaign: Campaign) -> None:
    refusal = refused(submit(endorsed, received_on=date(2013, 6, 28), campaign=campaign))
    assert [c.id for c in refusal.checks] == ["APP-6"]


def test_submit_before_the_opinion_is_refused(endorsed: Endorsed, campaign: Campaign) -> None:
    refusal = refused(submit(endorsed, received_on=date(2013, 6, 24), materials=MATERIALS, campaign=campaign))
    assert [c.id for c in refusal.checks] == ["APP-7"]


# -- evaluate: no evaluation before July --------------------------------------------------------------------


def test_evaluate_before_july_is_refused(submitted: Submitted, campaign: Campaign) -> None:
    evaluation = window(assessor="committee", assessed_on=date(2013, 6, 30))
    refusal = refused(record_evaluation(submitted, evaluation, campaign=campaign))
    assert (refusal.action, refusal.status, refusal.clause) == ("evaluate", "submitted", "notice §4(3)")
    assert refusal.reason.zh == "综合考评日期 2013-06-30 早于考评阶段（2013-07-01 起）"


def test_evaluate_needs_the_committee_and_the_same_window(submitted: Submitted, campaign: Campaign) -> None:
    own = refused(record_evaluation(submitted, window(assessed_on=date(2013, 7, 2)), campaign=campaign))
    assert own.reason.en == "the evaluation must be the committee's (assessor 'committee')"
    other = window(id="other", assessor="committee", assessed_on=date(2013, 7, 2))
    assert refused(record_evaluation(submitted, other, campaign=campaign)).reason.en == (
        "the evaluation is of window other, not of cd-510107-0001"
    )


def test_evaluation_dates_are_parameters(submitted: Submitted, campaign: Campaign) -> None:
    early = campaign.with_parameters(evaluation_start=date(2013, 6, 30))
    evaluation = window(assessor="committee", assessed_on=date(2013, 6, 30))
    assert accepted(record_evaluation(submitted, evaluation, campaign=early)).status == "evaluated"


# -- decide -------------------------------------------------------------------------------------------------


def test_decide_honours_a_window_the_committee_finds_meets(honoured: Honoured) -> None:
    assert honoured.status == "honoured"
    assert honoured.decision.title.zh == "授予“优质服务窗口”荣誉称号并表彰、授牌"


def test_decide_does_not_honour_a_window_the_committee_finds_rectify(
    submitted: Submitted, campaign: Campaign
) -> None:
    evaluation = rectify(window(assessor="committee", assessed_on=date(2013, 7, 10)))
    state = accepted(record_evaluation(submitted, evaluation, campaign=campaign))
    result = accepted(decide(state, campaign=campaign))
    assert isinstance(result, NotHonoured)
    assert (result.decision.outcome, result.decision.rule) == ("not_honoured", None)
    assert result.decision.title.en == "Not honoured"


# -- publish: no publication before September ---------------------------------------------------------------


def test_publish_before_september_is_refused(honoured: Honoured, campaign: Campaign) -> None:
    refusal = refused(publish(honoured, on=date(2013, 8, 31), campaign=campaign))
    assert (refusal.action, refusal.status, refusal.clause) == ("publish", "honoured", "notice §4(4)")
    assert (
        refusal.reason.en == "publication on 2013-08-31 is before the publication phase opens on 2013-09-01"
    )


# -- illegal transitions ------------------------------------------------------------------------------------


STATES = ["draft", "assessed", "recommended", "endorsed", "submitted", "evaluated", "honoured", "published"]
CALLS: dict[str, Any] = {
    "self_assess": lambda s, c: self_assess(s, campaign=c),
    "recommend": lambda s, c: recommend(s, RECOMMENDATION, campaign=c),
    "endorse": lambda s, c: endorse(s, OPINION, campaign=c),
    "submit": lambda s, c: submit(s, received_on=date(2013, 6, 28), materials=MATERIALS, campaign=c),
    "evaluate": lambda s, c: record_evaluation(
        s, window(assessor="committee", assessed_on=date(2013, 7, 2)), campaign=c
    ),
    "decide": lambda s, c: decide(s, campaign=c),
    "publish": lambda s, c: publish(s, on=date(2013, 9, 2), campaign=c),
}


@pytest.mark.parametrize("action", list(CALLS))
@pytest.mark.parametrize("fixture", STATES)
def test_every_transition_from_every_state(
    action: str, fixture: str, request: pytest.FixtureRequest, campaign: Campaign
) -> None:
    state = request.getfixturevalue(fixture)
    rule = TRANSITIONS[action]  # type: ignore[index]
    result = CALLS[action](state, campaign)
    if state.status in rule.sources:
        assert isinstance(result, Accepted)
        assert result.state.status in rule.targets
    else:
        assert isinstance(result, Refused)
        assert (result.action, result.status, result.clause) == (action, state.status, rule.clause)
        allowed = ", ".join(rule.sources)
        assert result.reason.en == (
            f"cannot do the {rule.title.en} of an application in status {state.status} (only from {allowed})"
        )


def test_transition_table() -> None:
    assert {a: (r.sources, r.targets) for a, r in TRANSITIONS.items()} == {
        "self_assess": (("draft",), ("self_assessed",)),
        "recommend": (("self_assessed",), ("recommended",)),
        "endorse": (("recommended",), ("endorsed",)),
        "submit": (("endorsed",), ("submitted",)),
        "evaluate": (("submitted",), ("evaluated",)),
        "decide": (("evaluated",), ("honoured", "not_honoured")),
        "publish": (("honoured", "not_honoured"), ("published",)),
    }
    reachable = {t for r in TRANSITIONS.values() for t in r.targets} | {"draft"}
    assert reachable == set(STATUSES)
    for rule in TRANSITIONS.values():
        assert rule.quote in NOTICE


# -- persistence --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", STATES)
def test_every_state_round_trips_through_json(fixture: str, request: pytest.FixtureRequest) -> None:
    state = request.getfixturevalue(fixture)
    text = state.model_dump_json()
    assert load_state(text) == state
    assert type(load_state(text)) is type(state)
    assert load_state(state.model_dump(mode="json")) == state


def test_a_resumed_state_continues(endorsed: Endorsed, campaign: Campaign) -> None:
    resumed = load_state(endorsed.model_dump_json())
    assert isinstance(resumed, Endorsed)
    state = accepted(submit(resumed, received_on=date(2013, 6, 28), materials=MATERIALS, campaign=campaign))
    assert state.status == "submitted"


def test_load_state_refuses_an_unknown_status(draft: Draft) -> None:
    data = draft.model_dump(mode="json")
    with pytest.raises(ValidationError) as caught:
        load_state({**data, "status": "approved"})
    assert caught.value.errors()[0]["type"] == "union_tag_invalid"
    with pytest.raises(ValidationError):
        load_state({**data, "status": "submitted"})  # a submitted state needs its review


def test_states_are_frozen(draft: Draft) -> None:
    with pytest.raises(ValidationError, match="Instance is frozen"):
        draft.application = draft.application  # type: ignore[misc]
