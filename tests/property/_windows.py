"""Hypothesis strategies for valid window documents (private to the engine's property tests).

Documents are plain dicts, the shape portals send. :func:`windows` draws half of them from scratch
(:func:`random_windows`: counts drawn after the count that bounds them, ``in_uniform`` after ``headcount``;
optional facts often ``None``, "no data"; whole sections sometimes left out) and half by changing a few
facts of the example window (:func:`near_example`), so that windows that meet the standard, windows to
rectify and failing ones all occur. Dates cluster around the campaign period's boundaries and the changes of
Chengdu's district list, every window kind appears, and districts are drawn inside and outside Chengdu.
Independent of ``window_standard.testing`` on purpose: the engine is tested against a generator it does not
ship.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from window_standard._model import (
    ActivityKind,
    Assessor,
    Display,
    Facility,
    LogKind,
    OrganisationKind,
    PropertyType,
    PublicityPlatform,
    WindowKind,
)

#: Days where rules change: the campaign period's ends, and changes of the district list (PRE-1).
EDGES = (
    date(2013, 3, 1),
    date(2013, 9, 30),
    date(2013, 3, 12),
    date(2015, 12, 3),
    date(2016, 5, 16),
    date(2020, 4, 28),
)
#: Inside Chengdu (some only at some dates), functional zones, and outside (Beijing, Zigong, Mianyang).
DISTRICTS = (
    "510104", "510107", "510112", "510122", "510116", "510124", "510117", "510132", "510118", "510185",
    "gaoxin", "tianfu", "dongbu", "110101", "510302", "510703",
)  # fmt: skip

Draw = Any  # hypothesis's draw function


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A value or None (no data)."""
    return st.one_of(st.none(), strategy)


def dates_near_edges(low: date = date(2012, 6, 1), high: date = date(2021, 6, 30)) -> st.SearchStrategy[date]:
    near = st.tuples(st.sampled_from(EDGES), st.integers(-2, 2)).map(lambda t: t[0] + timedelta(days=t[1]))
    return st.one_of(near, st.dates(low, high))


def amounts(high: int) -> st.SearchStrategy[Decimal]:
    """Non-negative decimals with up to two places."""
    return st.integers(0, high * 100).map(lambda cents: Decimal(cents) / 100)


def subsets(values: type[Any]) -> st.SearchStrategy[list[str] | None]:
    return maybe(st.lists(st.sampled_from([m.value for m in values]), unique=True))


@st.composite
def at_most(draw: Draw, bound: int | None, high: int = 30) -> int | None:
    """A count not above ``bound`` (when known), or None."""
    return draw(maybe(st.integers(0, high if bound is None else bound)))


@st.composite
def staff(draw: Draw) -> dict[str, Any]:
    headcount = draw(maybe(st.integers(0, 12)))
    return {
        "headcount": headcount,
        "in_uniform": draw(at_most(headcount)),
        "with_badge": draw(at_most(headcount)),
        "certified": draw(at_most(headcount)),
        "etiquette_training_hours": draw(maybe(amounts(150))),
        "courteous_language": draw(maybe(st.booleans())),
        "conduct_violations": draw(maybe(st.integers(0, 8))),
    }


@st.composite
def quality(draw: Draw) -> dict[str, Any]:
    sampled = draw(st.integers(0, 200))
    received = draw(st.integers(0, 30))
    requested = draw(st.integers(0, 400))
    return {
        "survey": draw(maybe(st.just({"sampled": sampled, "satisfied": draw(st.integers(0, sampled))}))),
        "complaints": draw(
            maybe(
                st.just(
                    {
                        "received": received,
                        "resolved": draw(st.integers(0, received)),
                        "valid_confirmed": draw(st.sampled_from([0, 0, 0, min(1, received)])),
                    }
                )
            )
        ),
        "repairs": draw(
            maybe(
                st.just(
                    {
                        "requested": requested,
                        "on_time": draw(st.integers(0, requested)),
                        "reworked": draw(st.integers(0, min(requested, 5))),
                        "called_back": draw(st.integers(0, requested)),
                    }
                )
            )
        ),
    }


def activities() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "date": dates_near_edges(date(2012, 12, 1), date(2014, 2, 1)),
            "kind": st.sampled_from([k.value for k in ActivityKind]),
        },
        optional={
            "title": st.sampled_from(["学雷锋便民服务日", "Clean-up"]),
            "participants": maybe(st.integers(0, 40)),
            "owner_participants": maybe(st.integers(0, 40)),
        },
    )


def lei_feng() -> st.SearchStrategy[dict[str, Any]]:
    team = st.fixed_dictionaries({"established_on": dates_near_edges(), "members": st.integers(0, 20)})
    return st.fixed_dictionaries(
        {
            "volunteer_team": maybe(team),
            "activities": maybe(st.lists(activities(), max_size=14)),
            "publicity_platforms": subsets(PublicityPlatform),
            "reports_to_association": maybe(st.lists(dates_near_edges(), max_size=3)),
            "moral_lecture_hall": maybe(st.booleans()),
        }
    )


def flags(*names: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({name: maybe(st.booleans()) for name in names})


def windows() -> st.SearchStrategy[dict[str, Any]]:
    """A valid window document (a dict that ``Window.model_validate`` accepts)."""
    return st.one_of(random_windows(), near_example())


@st.composite
def random_windows(draw: Draw) -> dict[str, Any]:
    """A window drawn from scratch: mostly poor, with much missing data."""
    kind = draw(st.sampled_from([k.value for k in WindowKind]))
    organisation = {
        "name": draw(maybe(st.just("成都锦华物业服务有限公司"))),
        "kind": draw(maybe(st.sampled_from([k.value for k in OrganisationKind]))),
        "engaged_for_area": draw(maybe(st.booleans())),
        "campaign_plan_adopted_on": draw(maybe(dates_near_edges())),
    }
    document: dict[str, Any] = {
        "id": draw(st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=20)),
        "name": draw(st.sampled_from(["锦江花园客户服务中心", "Service desk"])),
        "kind": kind,
        "kind_other": draw(st.sampled_from(["停车服务中心", "社区服务窗口"])) if kind == "other" else None,
        "district": draw(st.sampled_from(DISTRICTS)),
        "assessed_on": draw(dates_near_edges()),
        "assessor": draw(st.sampled_from([a.value for a in Assessor])),
        "project": {
            "property_type": draw(maybe(st.sampled_from([p.value for p in PropertyType]))),
            "households": draw(maybe(st.integers(0, 3000))),
        },
        "organisation": organisation,
        "environment": {
            "displays": draw(subsets(Display)),
            "facilities": draw(subsets(Facility)),
            **draw(flags("signage", "clean_and_tidy", "no_smoking", "accessible_entrance")),
        },
        "staff": draw(staff()),
        "process": {
            **draw(
                flags(
                    "first_inquiry_responsibility",
                    "one_time_notification",
                    "time_limits_published",
                    "weekend_duty",
                    "repair_intake_24h",
                )
            ),
            "weekly_opening_hours": draw(maybe(amounts(100))),
            "emergency_response_minutes": draw(maybe(amounts(120))),
            "complaint_reply_hours": draw(maybe(amounts(72))),
            "logs": draw(subsets(LogKind)),
        },
        "quality": draw(quality()),
        "lei_feng": draw(lei_feng()),
        "incidents": draw(
            flags("major_safety_accident", "illegal_charging_confirmed", "falsified_materials")
        ),
    }
    for section in draw(
        st.lists(st.sampled_from(["project", "environment", "staff", "quality"]), unique=True)
    ):
        del document[section]  # a whole section may be left out: every fact in it is then no data
    return document


EXAMPLE: dict[str, Any] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "data" / "window-example.yaml").read_text(encoding="utf-8")
)
#: Facts of the example that may change (dotted paths; an int is a list index) and what they change to.
#: Bounds follow the example's own counts (headcount 6, 120 surveyed, 10 complaints, 300 repairs).
TWEAKS: dict[str, st.SearchStrategy[Any]] = {
    "kind": st.sampled_from([k.value for k in WindowKind]),
    "district": st.sampled_from(DISTRICTS),
    "assessed_on": dates_near_edges(),
    "organisation.kind": maybe(st.sampled_from([k.value for k in OrganisationKind])),
    "organisation.engaged_for_area": maybe(st.booleans()),
    "organisation.campaign_plan_adopted_on": maybe(dates_near_edges()),
    "environment.signage": maybe(st.booleans()),
    "environment.displays": subsets(Display),
    "environment.facilities": subsets(Facility),
    "environment.no_smoking": maybe(st.booleans()),
    "staff.in_uniform": maybe(st.integers(0, 6)),
    "staff.certified": maybe(st.integers(0, 6)),
    "staff.etiquette_training_hours": maybe(amounts(60)),
    "staff.conduct_violations": maybe(st.integers(0, 5)),
    "process.weekly_opening_hours": maybe(amounts(60)),
    "process.emergency_response_minutes": maybe(amounts(90)),
    "process.logs": subsets(LogKind),
    "quality.survey.satisfied": st.integers(0, 120),
    "quality.survey.sampled": st.sampled_from([120, 130, 400]),
    "quality.complaints.resolved": st.integers(0, 10),
    "quality.complaints.valid_confirmed": st.sampled_from([0, 0, 1]),
    "quality.repairs.on_time": st.integers(250, 300),
    "quality.repairs.called_back": st.integers(150, 300),
    "lei_feng.volunteer_team": maybe(
        st.fixed_dictionaries({"established_on": dates_near_edges(), "members": st.integers(0, 20)})
    ),
    "lei_feng.activities": maybe(st.lists(activities(), max_size=14)),
    "lei_feng.activities.0.date": dates_near_edges(date(2013, 1, 1), date(2013, 12, 31)),
    "lei_feng.activities.9.kind": st.sampled_from([k.value for k in ActivityKind]),
    "lei_feng.publicity_platforms": subsets(PublicityPlatform),
    "lei_feng.moral_lecture_hall": maybe(st.booleans()),
    "incidents.major_safety_accident": st.sampled_from([False, False, None, True]),
    "incidents.falsified_materials": st.sampled_from([False, False, None, True]),
}


@st.composite
def near_example(draw: Draw) -> dict[str, Any]:
    """The example window (full marks) with a few facts changed: a window near the thresholds."""
    document = copy.deepcopy(EXAMPLE)
    for path in draw(st.lists(st.sampled_from(sorted(TWEAKS)), max_size=6, unique=True)):
        _set(document, path.split("."), draw(TWEAKS[path]))
    document["kind_other"] = "停车服务中心" if document["kind"] == "other" else None
    return document


def _set(document: dict[str, Any], path: list[str], value: Any) -> None:
    """Set a fact by path; skip it when a record or list item on the way is missing (changed earlier)."""
    target: Any = document
    for part in path[:-1]:
        if part.isdigit():
            if not isinstance(target, list) or int(part) >= len(target):
                return
            target = target[int(part)]
        else:
            target = target.get(part)
        if target is None:
            return
    target[path[-1]] = value
