"""A hand-written Python scorer for cdpma-window-2013: the baseline the compiled engine is measured against.

It computes, from a validated ``Window``, the same points per criterion, gates, vetoes, total and level as
the rule files — written the way a careful programmer would without a rule engine (direct attribute access,
None checks where data may be missing). ``bench_evaluate.py`` checks it agrees with the engine before timing.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

CENT = Decimal("0.01")
VOLUNTEER = {
    "convenience_service",
    "environment_cleanup",
    "order_keeping",
    "elderly_disabled_help",
    "other_volunteer",
}
OWNER = {"neighbourly_care", "mutual_help", "civility_persuasion"}
ETIQUETTE = {"etiquette_training", "etiquette_contest"}
HOTLINES = {"service_hotline", "repair_hotline", "complaint_hotline"}
INFO = {"staff_information", "service_hours", "procedures"}
LOGS = {"repair", "complaint", "callback", "duty"}


def q(value: Any) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def clamp(value: Any, top: int) -> Decimal | None:
    if value is None:
        return None
    return min(q(top), max(q(0), q(value)))


def ratio(a: Any, b: Any) -> Decimal | None:
    if a is None or b is None or b == 0:
        return None
    return Decimal(a) / Decimal(b)


def tier(
    value: Decimal | None, full: Decimal, half: Decimal, points: int, *, lower_is_better: bool = False
) -> Any:
    if value is None:
        return None
    if lower_is_better:
        return points if value <= full else (Decimal(points) / 2 if value <= half else 0)
    return points if value >= full else (Decimal(points) / 2 if value >= half else 0)


def flag(value: bool | None, points: int) -> Any:
    return None if value is None else (points if value else 0)


def score(w: Any, p: dict[str, Any]) -> dict[str, Any]:
    """Points per criterion (None = no data, "n/a" = not applicable), gates, vetoes, total and level."""
    start, end = p["period_start"], p["period_end"]
    acts = w.lei_feng.activities

    def in_period(day: date) -> bool:
        return bool(start <= day <= end)

    def count(kinds: set[str]) -> int | None:
        return None if acts is None else sum(1 for a in acts if a.kind in kinds and in_period(a.date))

    env, staff, proc, qual, lf = w.environment, w.staff, w.process, w.quality, w.lei_feng
    displays = env.displays
    pts: dict[str, Any] = {}
    pts["ENV-1"] = flag(env.signage, 2)
    pts["ENV-2"] = (
        None
        if displays is None
        else (2 if {"business_licence", "qualification_certificate"} <= set(displays) else 0)
    )
    pts["ENV-3"] = None if displays is None else (2 if "service_content" in displays else 0)
    pts["ENV-4"] = None if displays is None else (3 if "fee_standards" in displays else 0)
    pts["ENV-5"] = None if displays is None else 3 - (3 - len(HOTLINES & set(displays)))
    pts["ENV-6"] = None if displays is None else 3 - (3 - len(INFO & set(displays)))
    pts["ENV-7"] = (
        None if env.facilities is None else min(2, Decimal(len(env.facilities)) * 2 / p["min_facility_kinds"])
    )
    both = (env.clean_and_tidy, env.no_smoking)
    pts["ENV-8"] = None if None in both else sum(1 for b in both if b)
    pts["ENV-9"] = flag(env.accessible_entrance, 1)
    head = staff.headcount
    pts["STF-1"] = None if head is None or staff.in_uniform is None else 3 - (head - staff.in_uniform)
    pts["STF-2"] = None if head is None or staff.with_badge is None else 2 - (head - staff.with_badge)
    pts["STF-3"] = tier(ratio(staff.certified, head), p["certified_full_ratio"], p["certified_half_ratio"], 3)
    pts["STF-4"] = tier(
        ratio(staff.etiquette_training_hours, head), p["training_full_hours"], p["training_half_hours"], 3
    )
    pts["STF-5"] = flag(staff.courteous_language, 2)
    pts["STF-6"] = (
        None if staff.conduct_violations is None else 2 - staff.conduct_violations * p["conduct_deduction"]
    )
    pts["PRC-1"] = flag(proc.first_inquiry_responsibility, 3)
    pts["PRC-2"] = flag(proc.one_time_notification, 2)
    pts["PRC-3"] = flag(proc.time_limits_published, 2)
    hours, duty = proc.weekly_opening_hours, proc.weekend_duty
    pts["PRC-4"] = (
        None
        if hours is None or duty is None
        else (
            (Decimal("1.5") if hours >= p["min_weekly_opening_hours"] else 0)
            + (Decimal("1.5") if duty else 0)
        )
    )
    repairs_apply = w.kind != "business_acceptance_centre"
    pts["PRC-5"] = flag(proc.repair_intake_24h, 3) if repairs_apply else "n/a"
    minutes = proc.emergency_response_minutes
    pts["PRC-6"] = (
        tier(
            None if minutes is None else Decimal(minutes),
            p["emergency_full_minutes"],
            p["emergency_half_minutes"],
            3,
            lower_is_better=True,
        )
        if repairs_apply
        else "n/a"
    )
    reply = proc.complaint_reply_hours
    pts["PRC-7"] = None if reply is None else (2 if reply <= p["max_complaint_reply_hours"] else 0)
    pts["PRC-8"] = (
        None if proc.logs is None else 2 - (4 - len(LOGS & set(proc.logs))) * p["missing_log_deduction"]
    )
    survey = qual.survey
    if survey is None:
        pts["QLT-1"] = None
    else:
        households = w.project.households
        valid = survey.sampled >= p["min_survey_sample"] or (
            households is not None and survey.sampled >= households
        )
        rate = ratio(survey.satisfied, survey.sampled)
        pts["QLT-1"] = (
            None
            if rate is None and valid
            else (tier(rate, p["satisfaction_full"], p["satisfaction_half"], 8) if valid else 0)
        )
    comp = qual.complaints
    if comp is None:
        pts["QLT-2"] = None
    elif comp.received == 0:
        pts["QLT-2"] = 5
    else:
        pts["QLT-2"] = 5 - math.floor(100 - Decimal(comp.resolved) / Decimal(comp.received) * 100)
    rep = qual.repairs
    if rep is None:
        pts["QLT-3"] = pts["QLT-4"] = pts["QLT-5"] = None
    elif rep.requested == 0:
        pts["QLT-3"] = pts["QLT-4"] = pts["QLT-5"] = "n/a"
    else:
        n = Decimal(rep.requested)
        pts["QLT-3"] = tier(rep.on_time / n, p["repairs_on_time_full"], p["repairs_on_time_half"], 5)
        pts["QLT-4"] = 3 if rep.reworked / n <= p["max_rework_ratio"] else 0
        pts["QLT-5"] = tier(rep.called_back / n, p["callbacks_full"], p["callbacks_half"], 4)
    team = lf.volunteer_team
    pts["LF-1"] = (
        3 if team is not None and team.established_on <= end and team.members >= p["min_team_members"] else 0
    )
    volunteer = count(VOLUNTEER)
    pts["LF-2"] = (
        None if volunteer is None else min(6, Decimal(volunteer) * 6 / p["min_volunteer_activities"])
    )
    kinds = None if acts is None else len({a.kind for a in acts if a.kind in VOLUNTEER and in_period(a.date)})
    pts["LF-3"] = None if kinds is None else (2 if kinds >= p["min_volunteer_kinds"] else 0)
    owners = count(OWNER)
    pts["LF-4"] = None if owners is None else min(2, Decimal(owners) * 2 / p["min_owner_activities"])
    contests = count({"etiquette_contest"})
    pts["LF-5"] = None if contests is None else (2 if contests >= p["min_etiquette_contests"] else 0)
    platforms = lf.publicity_platforms
    pts["LF-6"] = (
        None if platforms is None else min(2, Decimal(len(platforms)) * 2 / p["min_publicity_platforms"])
    )
    thrift = count({"thrift_promotion"})
    pts["LF-7"] = None if thrift is None else (1 if thrift >= p["min_thrift_promotions"] else 0)
    reports = lf.reports_to_association
    pts["LF-8"] = (
        None if reports is None else (2 if sum(1 for d in reports if in_period(d)) >= p["min_reports"] else 0)
    )
    maxima = {
        "ENV-1": 2,
        "ENV-2": 2,
        "ENV-3": 2,
        "ENV-4": 3,
        "ENV-5": 3,
        "ENV-6": 3,
        "ENV-7": 2,
        "ENV-8": 2,
        "ENV-9": 1,
        "STF-1": 3,
        "STF-2": 2,
        "STF-3": 3,
        "STF-4": 3,
        "STF-5": 2,
        "STF-6": 2,
        "PRC-1": 3,
        "PRC-2": 2,
        "PRC-3": 2,
        "PRC-4": 3,
        "PRC-5": 3,
        "PRC-6": 3,
        "PRC-7": 2,
        "PRC-8": 2,
        "QLT-1": 8,
        "QLT-2": 5,
        "QLT-3": 5,
        "QLT-4": 3,
        "QLT-5": 4,
        "LF-1": 3,
        "LF-2": 6,
        "LF-3": 2,
        "LF-4": 2,
        "LF-5": 2,
        "LF-6": 2,
        "LF-7": 1,
        "LF-8": 2,
    }
    points: dict[str, Any] = {}
    raw = raw_max = Decimal(0)
    for cid, top in maxima.items():
        value = pts[cid]
        if value == "n/a":
            points[cid] = None
            continue
        got = clamp(value, top) if value is not None else q(0)
        points[cid] = got
        raw += got
        raw_max += top
    bonus = q(0)
    bonus += q(2) if lf.moral_lecture_hall else q(0)
    if acts is not None:
        owner_times = 0
        for a in acts:
            if a.kind in VOLUNTEER and in_period(a.date):
                if a.owner_participants is None:
                    owner_times = None
                    break
                owner_times += a.owner_participants
        if owner_times is not None and owner_times >= p["bonus_owner_person_times"]:
            bonus += q(1)
    divisions = p["chengdu_divisions"]
    plan = w.organisation.campaign_plan_adopted_on
    gates = {
        "PRE-1": divisions is not None and w.district in divisions,
        "PRE-2": w.kind != "other" or w.kind_other is not None,
        "PRE-3": w.organisation.kind is not None and w.organisation.engaged_for_area is True,
        "PRE-4": plan is not None and plan <= w.assessed_on,
        "PRE-5": (count(VOLUNTEER) or 0) >= 1 and (count(ETIQUETTE) or 0) >= 1,
    }
    inc = w.incidents
    vetoes = {
        "VETO-1": inc.major_safety_accident is True,
        "VETO-2": inc.illegal_charging_confirmed is True,
        "VETO-3": comp is not None and comp.valid_confirmed >= 1,
        "VETO-4": inc.falsified_materials is True,
    }
    total = min(q(100), (q(raw / raw_max * 100) if raw_max else q(0)) + bonus)
    blocked = not all(gates.values()) or any(vetoes.values())
    level = (
        "fails"
        if blocked
        else (
            "meets"
            if total >= p["pass_threshold"]
            else "rectify"
            if total >= p["rectify_threshold"]
            else "fails"
        )
    )
    return {
        "points": points,
        "bonus": bonus,
        "total": total,
        "level": level,
        "gates": [g for g, ok in gates.items() if not ok],
        "vetoes": [v for v, fired in vetoes.items() if fired],
    }
