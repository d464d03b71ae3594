"""Hypothesis generation of valid window documents (behind :func:`window_standard.testing.windows`).

A window is drawn section by section as plain data and validated once at the end. Every count is drawn
after the count that bounds it (``in_uniform`` after ``headcount``), so the model's cross-field rules hold
by construction. Each window first draws a *profile* (random, good, nearly good or mixed, see
:class:`.drawer.Drawer`), so that a few hundred examples reach both ends of every criterion. Values given
in ``fixed`` (dotted paths) are used instead of drawn ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from .._model import (
    CREDIT_CODE_FROM,
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
from .._model.identifiers import (
    CREDIT_CODE_ALPHABET,
    credit_check_char,
    credit_code_body,
    org_code_check_char,
    registration_check_digit,
)
from .drawer import OMIT, Drawer, below, up_to
from .setting import Setting

__all__ = ["PROFILES", "amounts", "cluster_dates", "window_data"]

_ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_NAMES = ("锦江花园客户服务中心", "蓝光维修服务站", "业务受理中心", "Service desk 1")
_OTHER_KINDS = ("社区综合服务窗口", "停车服务中心")
_LATEST = date(2024, 12, 31)
#: Window profiles; hypothesis favours the first (simplest) one, so the others are listed more often.
PROFILES = ("random", "good", "nearly", "mixed", "good", "nearly", "mixed")


def amounts(low: int, high: int) -> st.SearchStrategy[Decimal]:
    """Decimals from ``low`` to ``high`` in steps of 0.5 (whole numbers most often)."""
    return st.one_of(
        st.integers(low, high).map(Decimal), st.integers(2 * low, 2 * high).map(lambda x: Decimal(x) / 2)
    )


def cluster_dates(setting: Setting, spread: int = 90) -> st.SearchStrategy[date]:
    """Dates near the period's boundaries (within two days) or anywhere within ``spread`` days of it."""
    near = st.tuples(st.sampled_from(setting.edges), st.integers(-2, 2)).map(
        lambda t: t[0] + timedelta(days=t[1])
    )
    wide = st.dates(
        setting.period_start - timedelta(days=spread), setting.period_end + timedelta(days=spread)
    )
    return st.one_of(near, wide)


def _in_period(setting: Setting) -> st.SearchStrategy[date]:
    return st.one_of(
        st.sampled_from((setting.period_start, setting.period_end)),
        st.dates(setting.period_start, setting.period_end),
    )


def _credit_codes() -> st.SearchStrategy[str]:
    head = st.text(CREDIT_CODE_ALPHABET, min_size=2, max_size=2)
    division = st.sampled_from(("510104", "510107", "510116", "110000", "440300"))
    org = st.text(CREDIT_CODE_ALPHABET, min_size=8, max_size=8).map(lambda b: b + org_code_check_char(b))
    body = st.builds(credit_code_body, head, division, org)
    return body.map(lambda b: b + credit_check_char(b))


def _organisation_codes() -> st.SearchStrategy[str]:
    body = st.text(_ORG_ALPHABET, min_size=8, max_size=8)
    return body.map(lambda b: f"{b}-{org_code_check_char(b)}")


def _registration_numbers() -> st.SearchStrategy[str]:
    body = st.text("0123456789", min_size=8, max_size=8).map(lambda b: "510100" + b)
    return body.map(lambda b: b + registration_check_digit(b))


def _members(enum: Any, good_min: int = 0) -> tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]:
    """(any, good) strategies of unique lists of enum members."""
    members = list(enum)
    anything = st.lists(st.sampled_from(members), unique=True)
    sizes = st.integers(max(0, len(members) - good_min), len(members))
    good = st.tuples(st.permutations(members), sizes).map(lambda t: list(t[0][: t[1]]))
    return anything, good


def _bounded(d: Drawer, path: str, bound: int | None) -> Any:
    good = st.just(bound) if bound is not None else None
    return d.fact(path, up_to(bound), good, below(bound))


def _project(d: Drawer) -> dict[str, Any]:
    return {
        "name": d.fact("project.name", st.sampled_from(("锦江花园", "蓝光小区"))),
        "property_type": d.fact("project.property_type", st.sampled_from(list(PropertyType))),
        "households": d.fact("project.households", st.integers(0, 3000)),
        "floor_area_m2": d.fact("project.floor_area_m2", amounts(0, 300_000)),
    }


def _organisation(d: Drawer, assessed_on: date, setting: Setting) -> dict[str, Any]:
    plan_good = st.dates(min(assessed_on, setting.period_start) - timedelta(days=30), assessed_on)
    plan_bad = st.dates(assessed_on + timedelta(days=1), assessed_on + timedelta(days=60))
    credit = _credit_codes() if assessed_on >= CREDIT_CODE_FROM else st.none()
    kinds = st.sampled_from(list(OrganisationKind))
    return {
        "name": d.fact("organisation.name", st.sampled_from(("成都锦华物业服务有限公司", "蓝光物业"))),
        "kind": d.fact("organisation.kind", kinds, st.just(OrganisationKind.ENTERPRISE), kinds),
        "engaged_for_area": d.flag("organisation.engaged_for_area", True),
        "registration_number": d.fact("organisation.registration_number", _registration_numbers()),
        "organisation_code": d.fact("organisation.organisation_code", _organisation_codes()),
        "credit_code": d.fact("organisation.credit_code", credit),
        "campaign_plan_adopted_on": d.fact(
            "organisation.campaign_plan_adopted_on", cluster_dates(setting), plan_good, plan_bad
        ),
    }


def _few(enum: Any, most: int = 2) -> st.SearchStrategy[Any]:
    return st.lists(st.sampled_from(list(enum)), unique=True, max_size=most)


def _environment(d: Drawer) -> dict[str, Any]:
    displays, good_displays = _members(Display, 1)
    facilities, good_facilities = _members(Facility, 4)
    return {
        "signage": d.flag("environment.signage", True),
        "displays": d.fact("environment.displays", displays, good_displays, _few(Display, 6)),
        "facilities": d.fact("environment.facilities", facilities, good_facilities, _few(Facility)),
        "clean_and_tidy": d.flag("environment.clean_and_tidy", True),
        "no_smoking": d.flag("environment.no_smoking", True),
        "accessible_entrance": d.flag("environment.accessible_entrance", True),
    }


def _staff(d: Drawer) -> dict[str, Any]:
    low = d.lower_bound("staff.headcount")
    some = st.one_of(st.just(low), st.integers(low, low + 12))  # zero headcount often
    headcount = d.fact("staff.headcount", some, st.integers(max(low, 1), low + 12), some)
    known = isinstance(headcount, int)
    hours_good = amounts(8 * headcount, 12 * headcount) if known else amounts(0, 200)
    hours_bad = amounts(0, 6 * headcount) if known else amounts(0, 20)
    return {
        "headcount": headcount,
        "in_uniform": _bounded(d, "staff.in_uniform", headcount),
        "with_badge": _bounded(d, "staff.with_badge", headcount),
        "certified": _bounded(d, "staff.certified", headcount),
        "etiquette_training_hours": d.fact(
            "staff.etiquette_training_hours", amounts(0, 150), hours_good, hours_bad
        ),
        "courteous_language": d.flag("staff.courteous_language", True),
        "conduct_violations": d.fact(
            "staff.conduct_violations", st.integers(0, 10), st.just(0), st.integers(1, 10)
        ),
    }


def _process(d: Drawer) -> dict[str, Any]:
    logs, good_logs = _members(LogKind)
    return {
        "first_inquiry_responsibility": d.flag("process.first_inquiry_responsibility", True),
        "one_time_notification": d.flag("process.one_time_notification", True),
        "time_limits_published": d.flag("process.time_limits_published", True),
        "weekly_opening_hours": d.fact(
            "process.weekly_opening_hours", amounts(0, 100), amounts(40, 84), amounts(0, 45)
        ),
        "weekend_duty": d.flag("process.weekend_duty", True),
        "repair_intake_24h": d.flag("process.repair_intake_24h", True),
        "emergency_response_minutes": d.fact(
            "process.emergency_response_minutes", amounts(0, 180), amounts(5, 30), amounts(25, 180)
        ),
        "complaint_reply_hours": d.fact(
            "process.complaint_reply_hours", amounts(0, 96), amounts(1, 24), amounts(20, 96)
        ),
        "logs": d.fact("process.logs", logs, good_logs, _few(LogKind)),
    }


def _counts(d: Drawer, section: str, total: str, high: int, parts: dict[str, bool]) -> dict[str, Any]:
    """A section of counts: a total and parts bounded by it (``True``: more is better, else fewer)."""
    low = d.lower_bound(f"{section}.{total}")
    least = max(low, 1) if d.mode != "random" else low
    base = d.pick(f"{section}.{total}", st.one_of(st.just(least), st.integers(least, max(low, 1) + high)))
    found: dict[str, Any] = {total: base}
    for name, more_is_better in parts.items():
        leaning = d.leaning()
        if leaning != "random":
            if more_is_better:
                chosen = st.just(base) if leaning == "good" else below(base)
            else:
                chosen = st.just(0) if leaning == "good" else st.integers(min(base, 1), base)
        else:
            chosen = up_to(base) if more_is_better else st.one_of(st.just(0), up_to(base))
        found[name] = d.pick(f"{section}.{name}", chosen)
    return found


def _quality(d: Drawer) -> dict[str, Any]:
    return {
        "survey": d.section(
            "quality.survey",
            lambda: _counts(d, "quality.survey", "sampled", 400, {"satisfied": True}),
            nullable=True,
        ),
        "complaints": d.section(
            "quality.complaints",
            lambda: _counts(
                d, "quality.complaints", "received", 40, {"resolved": True, "valid_confirmed": False}
            ),
            nullable=True,
        ),
        "repairs": d.section(
            "quality.repairs",
            lambda: _counts(
                d,
                "quality.repairs",
                "requested",
                400,
                {"on_time": True, "reworked": False, "called_back": True},
            ),
            nullable=True,
        ),
    }


def _activity(
    setting: Setting, good: bool, dates: st.SearchStrategy[date] | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    """An activity; a good one has its counts (and, unless ``dates`` says otherwise, a day in the period)."""
    count = st.integers(0, 40)
    days = dates if dates is not None else _in_period(setting) if good else cluster_dates(setting)
    return st.fixed_dictionaries(
        {
            "date": days,
            "kind": st.sampled_from(list(ActivityKind)),
            "title": st.none() | st.just("学雷锋活动"),
            "participants": count if good else st.none() | count,
            "owner_participants": count if good else st.none() | count,
        }
    )


def _of_kind(setting: Setting, kind: ActivityKind) -> st.SearchStrategy[dict[str, Any]]:
    return _activity(setting, True).map(lambda activity: {**activity, "kind": kind})


def _good_activities(setting: Setting) -> st.SearchStrategy[list[dict[str, Any]]]:
    """Two activities of every kind in the period (in some order), then a few more on any day near it."""
    core = st.permutations(list(ActivityKind) * 2).flatmap(
        lambda kinds: st.tuples(*(_of_kind(setting, kind) for kind in kinds))
    )
    more = st.lists(_activity(setting, True, cluster_dates(setting)), max_size=6)
    return st.tuples(core, more).map(lambda t: [*t[0], *t[1]])


def _lei_feng(d: Drawer, setting: Setting) -> dict[str, Any]:
    def team() -> dict[str, Any]:
        early = st.dates(setting.period_start - timedelta(days=60), setting.period_end)
        return {
            "established_on": d.pick(
                "lei_feng.volunteer_team.established_on", early if d.likely() else cluster_dates(setting)
            ),
            "members": d.pick(
                "lei_feng.volunteer_team.members", st.integers(5, 40) if d.likely() else st.integers(0, 40)
            ),
        }

    platforms, good_platforms = _members(PublicityPlatform, 2)
    return {
        "volunteer_team": d.section("lei_feng.volunteer_team", team, nullable=True),
        "activities": d.fact(
            "lei_feng.activities",
            st.lists(_activity(setting, False), max_size=12),
            _good_activities(setting),
            st.lists(_activity(setting, False), max_size=4),
        ),
        "publicity_platforms": d.fact(
            "lei_feng.publicity_platforms", platforms, good_platforms, _few(PublicityPlatform, 1)
        ),
        "reports_to_association": d.fact(
            "lei_feng.reports_to_association",
            st.lists(cluster_dates(setting), max_size=4),
            st.lists(_in_period(setting), min_size=1, max_size=4),
            st.lists(cluster_dates(setting), max_size=1),
        ),
        "moral_lecture_hall": d.flag("lei_feng.moral_lecture_hall", True),
    }


def _incidents(d: Drawer) -> dict[str, Any]:
    return {
        name: d.flag(f"incidents.{name}", False)
        for name in ("major_safety_accident", "illegal_charging_confirmed", "falsified_materials")
    }


def _identity(d: Drawer, setting: Setting) -> dict[str, Any]:
    kind = d.pick("kind", st.sampled_from(list(WindowKind)))
    other = st.sampled_from(_OTHER_KINDS) if kind == WindowKind.OTHER else st.none()
    zones = [d for d in setting.inside if not d.isdigit()]
    districts = st.one_of(st.sampled_from([d for d in setting.inside if d.isdigit()]), st.sampled_from(zones))
    if not d.likely():
        districts = st.one_of(districts, st.sampled_from(setting.outside))
    year = st.dates(setting.period_start, date(setting.period_start.year, 12, 31))
    later = st.dates(date(setting.period_start.year + 1, 1, 1), _LATEST)
    when = d.draw(st.integers(0, 3))
    return {
        "id": d.pick("id", st.integers(1, 9999).map(lambda i: f"w-{i:04d}")),
        "name": d.pick("name", st.sampled_from(_NAMES)),
        "kind": kind,
        "kind_other": d.pick("kind_other", other),
        "district": d.pick("district", districts),
        "address": d.fact("address", st.just("成都市武侯区某街1号")),
        "assessed_on": d.pick("assessed_on", later if when == 3 and not d.good else year),
        "assessor": d.pick("assessor", st.sampled_from(list(Assessor))),
    }


@st.composite
def window_data(
    draw: st.DrawFn, setting: Setting, fixed: Mapping[str, Any], profiles: tuple[str, ...] = PROFILES
) -> dict[str, Any]:
    """A valid window document as plain data (validate it with ``Window.model_validate``).

    Args:
        draw: Hypothesis' draw function.
        setting: The campaign period and districts.
        fixed: Values by dotted path.
        profiles: The profiles to draw from (the default favours none of them).
    """
    d = Drawer(draw, fixed, draw(st.sampled_from(profiles)))
    data = _identity(d, setting)
    assessed_on = data["assessed_on"]
    builders: dict[str, Callable[[], dict[str, Any]]] = {
        "project": lambda: _project(d),
        "organisation": lambda: _organisation(d, assessed_on, setting),
        "environment": lambda: _environment(d),
        "staff": lambda: _staff(d),
        "process": lambda: _process(d),
        "quality": lambda: _quality(d),
        "lei_feng": lambda: _lei_feng(d, setting),
        "incidents": lambda: _incidents(d),
    }
    for name, build in builders.items():
        d.enter()
        section = d.section(name, build, nullable=False)
        if section is not OMIT:
            data[name] = section
    return data
