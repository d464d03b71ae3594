"""Campaign properties: reviews are consistent, outcomes deterministic, the lifecycle agrees with reviews."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import window_standard as ws
from window_standard._campaign import (
    Accepted,
    Campaign,
    Refused,
    endorse,
    load_campaign,
    recommend,
    self_assess,
    start_application,
    submit,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE: dict[str, Any] = yaml.safe_load(
    (ROOT / "tests" / "data" / "application-example.yaml").read_text(encoding="utf-8")
)
CAMPAIGN: Campaign = load_campaign(ws.load_standard())
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

JUNE = date(2013, 6, 1)
DISTRICTS = ["510107", "510104", "510185", "gaoxin"]
ACTIVITIES = EXAMPLE["window"]["lei_feng"]["activities"]

days = st.integers(-20, 45).map(lambda n: JUNE + timedelta(days=n))
maybe = st.booleans()


def usually(draw: st.DrawFn, example: Any, other: st.SearchStrategy[Any]) -> Any:
    """The example's value three times in four, else a drawn one (so that many forms are accepted)."""
    return copy.deepcopy(example) if draw(st.integers(0, 3)) else draw(other)


@st.composite
def windows(draw: st.DrawFn, id: str = "cd-510107-0001", organisation: str | None = None) -> dict[str, Any]:
    """The example window, sometimes with another district, date, kind, plan, activities, reports or facts."""
    window: dict[str, Any] = copy.deepcopy(EXAMPLE["window"])
    window["id"] = id
    window["district"] = usually(draw, window["district"], st.sampled_from(DISTRICTS))
    window["assessed_on"] = usually(draw, window["assessed_on"], st.sampled_from([date(2017, 6, 20)]))
    if not draw(st.integers(0, 5)):
        window.update(kind="other", kind_other="便民服务点")
    org = window["organisation"]
    if organisation is not None:
        org.update(name=organisation, organisation_code=None, registration_number=None)
    org["campaign_plan_adopted_on"] = usually(draw, org["campaign_plan_adopted_on"], st.none())
    org["engaged_for_area"] = usually(draw, True, st.sampled_from([False]))
    lei_feng = window["lei_feng"]
    lei_feng["activities"] = usually(
        draw,
        ACTIVITIES,
        st.one_of(
            st.none(), st.lists(st.sampled_from(ACTIVITIES), max_size=6, unique_by=lambda a: a["title"])
        ),
    )
    lei_feng["reports_to_association"] = usually(draw, [date(2013, 4, 10)], st.just([]))
    window["staff"]["certified"] = usually(draw, 5, st.integers(0, 6))
    satisfied = usually(draw, 112, st.integers(80, 120))
    window["quality"]["survey"] = {"sampled": 120, "satisfied": satisfied}
    return window


@st.composite
def applications(draw: st.DrawFn, window: dict[str, Any] | None = None) -> dict[str, Any]:
    """A form around a window: sections present or not, dates around the deadline, opinions either way."""
    data: dict[str, Any] = copy.deepcopy(EXAMPLE)
    data["window"] = window if window is not None else draw(windows())
    own = st.fixed_dictionaries(
        {
            "score": st.integers(70, 100),
            "level": st.sampled_from(["meets", "rectify", "fails"]),
            "assessed_on": days,
        }
    )
    data["self_assessment"] = usually(draw, EXAMPLE["self_assessment"], st.one_of(st.none(), own))
    recommendation = st.fixed_dictionaries({"recommends": maybe, "signed_on": days})
    data["organisation_recommendation"] = usually(
        draw, EXAMPLE["organisation_recommendation"], st.one_of(st.none(), recommendation)
    )
    opinion = st.fixed_dictionaries(
        {"authority_district": st.sampled_from(DISTRICTS), "recommends": maybe, "signed_on": days}
    )
    data["district_opinion"] = usually(draw, EXAMPLE["district_opinion"], st.one_of(st.none(), opinion))
    if data["district_opinion"] is not None and draw(st.booleans()):
        data["district_opinion"]["authority_district"] = data["window"]["district"]
    data["received_on"] = usually(draw, EXAMPLE["received_on"], st.one_of(st.none(), days))
    data["materials"] = usually(
        draw, EXAMPLE["materials"], st.sampled_from([None, [], EXAMPLE["materials"][:1]])
    )
    data["contact"] = usually(draw, EXAMPLE["contact"], st.none())
    return data


@SETTINGS
@given(applications())
def test_accepted_exactly_when_no_check_fails(data: dict[str, Any]) -> None:
    before = copy.deepcopy(data)
    review = CAMPAIGN.review(data)
    assert data == before  # the input is not changed
    assert review.accepted == (review.failed == [])
    assert review.failed == [c for c in review.checks if c.status != "pass"]
    assert [c.id for c in review.checks] == [f"APP-{n}" for n in range(1, 8)]
    if review.accepted:
        assert all(c.status == "pass" for c in review.checks)
        assert review.self_assessment.recomputed_level == "meets"
    assert CAMPAIGN.review(data) == review  # deterministic


@st.composite
def campaigns(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Up to five windows of two organisations, each with or without an application and an evaluation."""
    count = draw(st.integers(1, 5))
    apps: list[dict[str, Any]] = []
    evaluations: list[dict[str, Any]] = []
    for n in range(count):
        organisation = draw(st.sampled_from(["甲物业", "乙物业"]))
        window = draw(windows(id=f"w-{n}", organisation=organisation))
        window["assessed_on"] = date(2013, 6, 20)
        applied, evaluated = draw(st.booleans()), draw(st.booleans())
        if applied or not evaluated:
            apps.append(draw(applications(window)))
        if evaluated:
            evaluation = copy.deepcopy(window)
            evaluation.update(assessor="committee", assessed_on=date(2013, 7, 15))
            evaluations.append(evaluation)
    return apps, evaluations


@SETTINGS
@given(campaigns(), st.randoms(use_true_random=False))
def test_outcomes_are_deterministic_and_consistent(
    inputs: tuple[list[dict[str, Any]], list[dict[str, Any]]], random: Any
) -> None:
    apps, evaluations = inputs
    first = CAMPAIGN.outcomes(apps, evaluations)
    shuffled_apps, shuffled_evaluations = list(apps), list(evaluations)
    random.shuffle(shuffled_apps)
    random.shuffle(shuffled_evaluations)
    assert CAMPAIGN.outcomes(shuffled_apps, shuffled_evaluations) == first
    assert first.model_dump_json() == CAMPAIGN.outcomes(apps, evaluations).model_dump_json()
    for window in first.windows:
        honoured = window.outcome == "honoured"
        assert honoured == (window.accepted and window.committee_level == "meets")
    assert [e.window_id for e in first.notice] == [
        w.window_id
        for w in sorted(
            (w for w in first.windows if w.outcome == "honoured"),
            key=lambda w: (w.district, -(w.committee_score or 0), w.window_id),
        )
    ]
    assert [e.rank for e in first.notice] == list(range(1, len(first.notice) + 1))
    grouped = sorted(w for o in first.organisations for w in o.windows)
    assert grouped == sorted(w.window_id for w in first.windows)


@SETTINGS
@given(applications())
def test_the_lifecycle_submits_exactly_what_the_review_accepts(data: dict[str, Any]) -> None:
    """Walking the lifecycle with the form's data ends in 'submitted' exactly when the review accepts it."""
    if None in (data["organisation_recommendation"], data["district_opinion"], data["received_on"]):
        return  # the lifecycle takes these as arguments
    state: Any = start_application(data["window"], contact=data["contact"])
    steps: list[Callable[[Any], Any]] = [
        lambda s: self_assess(s, campaign=CAMPAIGN),
        lambda s: recommend(s, data["organisation_recommendation"], campaign=CAMPAIGN),
        lambda s: endorse(s, data["district_opinion"], campaign=CAMPAIGN),
        lambda s: submit(s, received_on=data["received_on"], materials=data["materials"], campaign=CAMPAIGN),
    ]
    for step in steps:
        result = step(state)
        if isinstance(result, Refused):
            break
        assert isinstance(result, Accepted)
        state = result.state
    assert state.status in ("draft", "self_assessed", "recommended", "endorsed", "submitted")
    final = dict(data)
    assessed = self_assess(start_application(data["window"]), campaign=CAMPAIGN)
    if isinstance(assessed, Accepted):
        final["self_assessment"] = assessed.state.application.model_dump(mode="json")["self_assessment"]
    review = CAMPAIGN.review(final)
    assert (state.status == "submitted") == review.accepted
