"""Hand-written scorers of cdpma-window-2013: the performance floor the engine is measured against.

They compute, for one window, what the packaged rule files compute — points per criterion, failed
prerequisites, fired vetoes, bonus, total and level — written the way a competent programmer would write a
scorer of this one rule set without a rule engine.

Input: the window as **plain dicts**, ``window.model_dump()`` (pydantic's python mode, the same as
``model_dump(mode="python")``): nested dicts and lists; enum fields hold the enum *members*, which are
``StrEnum`` members and so equal to, and hash like, their value strings (plain strings work too); dates are
``datetime.date``; amounts (hours, minutes) ``Decimal``; counts ``int``; missing data ``None``. No pydantic is
touched while scoring. Parameters are resolved once per parameter set — per assessment date — by
:func:`prepare` from ``Standard.parameters_on(date)``; the caller caches them by date.

Two scorers with one result shape:

* :func:`score` — exact ``Decimal`` arithmetic where a score needs it (divisions, Decimal deductions, the
  normalised total), ``int`` arithmetic for counts and cross-multiplied ratio tests;
* :func:`score_cents` — every score in integer hundredths of a point (exact: every score is rounded to
  two places anyway; rationals are rounded half-up in integers), Decimals made only for the result.

Both run in the thread's decimal context (Python's default: 28 digits, which is the library's context).

Result: ``{"points": {id: Decimal | None | "n/a"}, "gates": [...], "vetoes": [...], "bonus": Decimal,
"total": Decimal, "level": str}`` — a point value is a two-place Decimal, ``None`` when the criterion has no
data (it scores 0 of its maximum) and ``"n/a"`` when it does not apply (its maximum leaves the total).
``bench_evaluate.py`` and ``tests/unit/test_benchmark_parity.py`` check both agree with the engine.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

__all__ = ["MAXIMA", "Params", "prepare", "score", "score_cents"]

D = Decimal
CENT = D("0.01")
NA = "n/a"

#: Maximum points of every scored criterion, in rule-file order.
MAXIMA: dict[str, int] = {
    "ENV-1": 2, "ENV-2": 2, "ENV-3": 2, "ENV-4": 3, "ENV-5": 3, "ENV-6": 3, "ENV-7": 2, "ENV-8": 2,
    "ENV-9": 1,
    "STF-1": 3, "STF-2": 2, "STF-3": 3, "STF-4": 3, "STF-5": 2, "STF-6": 2,
    "PRC-1": 3, "PRC-2": 2, "PRC-3": 2, "PRC-4": 3, "PRC-5": 3, "PRC-6": 3, "PRC-7": 2, "PRC-8": 2,
    "QLT-1": 8, "QLT-2": 5, "QLT-3": 5, "QLT-4": 3, "QLT-5": 4,
    "LF-1": 3, "LF-2": 6, "LF-3": 2, "LF-4": 2, "LF-5": 2, "LF-6": 2, "LF-7": 1, "LF-8": 2,
}  # fmt: skip
RAW_MAX = sum(MAXIMA.values())
RAW_MAX_CENTS = 100 * RAW_MAX
TOTAL = 100

# two-place Decimal constants
Z, D1, D1_5, D2, D2_5, D3, D4, D5, D6, D8 = (
    D(v).quantize(CENT) for v in ("0", "1", "1.5", "2", "2.5", "3", "4", "5", "6", "8")
)
D_TOTAL = D(TOTAL).quantize(CENT)
#: two-place Decimal of every per-criterion score in hundredths (0.00 … 8.00), None for no data
#: (and "n/a" for not applicable)
CENTS: dict[Any, Any] = {c: D(c).scaleb(-2) for c in range(100 * max(MAXIMA.values()) + 1)}
CENTS[None], CENTS[NA] = None, NA

# activity kinds as bit codes: a volunteer kind is one bit below 32 (LF-3 counts distinct bits)
VOLUNTEER = ("convenience_service", "environment_cleanup", "order_keeping", "elderly_disabled_help",
             "other_volunteer")  # fmt: skip
OWNER, TRAINING, CONTEST, THRIFT = 32, 64, 128, 256
KIND: dict[str, int] = {
    **{kind: 1 << i for i, kind in enumerate(VOLUNTEER)},
    "neighbourly_care": OWNER, "mutual_help": OWNER, "civility_persuasion": OWNER,
    "etiquette_training": TRAINING, "etiquette_contest": CONTEST, "thrift_promotion": THRIFT,
    "moral_lecture": 0, "policy_publicity": 0,
}  # fmt: skip
#: number of distinct volunteer kinds in a 5-bit mask
KINDS_IN = [bin(m).count("1") for m in range(32)]

# displays as bits: licences 0-1, service content 2, fees 3, hotlines 4-6, service information 7-9
DISPLAY: dict[str, int] = {
    name: 1 << i
    for i, name in enumerate(
        ("business_licence", "qualification_certificate", "service_content", "fee_standards",
         "service_hotline", "repair_hotline", "complaint_hotline",
         "staff_information", "service_hours", "procedures")
    )
}  # fmt: skip
LICENCES, CONTENT, FEES = 0b11, 1 << 2, 1 << 3
BITS_IN = [bin(m).count("1") for m in range(8)]
LOGS = frozenset({"repair", "complaint", "callback", "duty"})
IN_SCOPE = frozenset({"enterprise", "other_manager"})


class Params:
    """One resolved parameter set, prepared for both scorers (build it once per assessment date)."""

    __slots__ = (
        "callbacks",
        "certified",
        "complaint_hours",
        "conduct",
        "conduct_c",
        "contests",
        "divisions",
        "emergency",
        "end",
        "facility_c",
        "facility_kinds",
        "meets",
        "meets_c",
        "min_sample",
        "missing_log",
        "missing_log_c",
        "on_time",
        "opening_hours",
        "owner_acts",
        "owner_c",
        "person_times",
        "platform_c",
        "platforms",
        "rectify",
        "rectify_c",
        "reports",
        "rework",
        "satisfaction",
        "start",
        "team_members",
        "thrift",
        "training",
        "volunteer_acts",
        "volunteer_c",
        "volunteer_kinds",
    )

    def __init__(self, p: dict[str, Any]) -> None:
        self.start, self.end = p["period_start"], p["period_end"]
        self.divisions = p["chengdu_divisions"]
        # as given, for the Decimal scorer
        self.facility_kinds = p["min_facility_kinds"]
        self.volunteer_acts = p["min_volunteer_activities"]
        self.owner_acts = p["min_owner_activities"]
        self.platforms = p["min_publicity_platforms"]
        self.conduct = p["conduct_deduction"]
        self.missing_log = p["missing_log_deduction"]
        self.opening_hours = p["min_weekly_opening_hours"]
        self.emergency = (p["emergency_full_minutes"], p["emergency_half_minutes"])
        self.complaint_hours = p["max_complaint_reply_hours"]
        self.training = (p["training_full_hours"], p["training_half_hours"])
        self.min_sample = p["min_survey_sample"]
        self.team_members = p["min_team_members"]
        self.volunteer_kinds = p["min_volunteer_kinds"]
        self.contests = p["min_etiquette_contests"]
        self.thrift = p["min_thrift_promotions"]
        self.reports = p["min_reports"]
        self.person_times = p["bonus_owner_person_times"]
        self.meets, self.rectify = p["pass_threshold"], p["rectify_threshold"]
        # ratio thresholds as exact integer fractions (num, den): rate >= n/d  <=>  a * d >= n * b
        self.certified = _frac(p["certified_full_ratio"]) + _frac(p["certified_half_ratio"])
        self.satisfaction = _frac(p["satisfaction_full"]) + _frac(p["satisfaction_half"])
        self.on_time = _frac(p["repairs_on_time_full"]) + _frac(p["repairs_on_time_half"])
        self.callbacks = _frac(p["callbacks_full"]) + _frac(p["callbacks_half"])
        self.rework = _frac(p["max_rework_ratio"])
        # for the integer scorer: "n * points / param" as the fraction points*100/param in hundredths
        self.facility_c = _per(2, p["min_facility_kinds"])
        self.volunteer_c = _per(6, p["min_volunteer_activities"])
        self.owner_c = _per(2, p["min_owner_activities"])
        self.platform_c = _per(2, p["min_publicity_platforms"])
        self.conduct_c = _frac(Fraction(p["conduct_deduction"]) * 100)
        self.missing_log_c = _frac(Fraction(p["missing_log_deduction"]) * 100)
        # level thresholds in hundredths: total >= t  <=>  cents >= ceil(100 t)
        self.meets_c = None if self.meets is None else math.ceil(Fraction(self.meets) * 100)
        self.rectify_c = None if self.rectify is None else math.ceil(Fraction(self.rectify) * 100)


def prepare(p: dict[str, Any]) -> Params:
    """Prepare a resolved parameter set (``Standard.parameters_on(date)``) for the scorers."""
    return Params(p)


def _frac(value: Any) -> tuple[int, int]:
    f = Fraction(value)
    return f.numerator, f.denominator


def _per(points: int, param: Any) -> tuple[int, int] | None:
    """``points * 100 / param`` as an exact fraction (None when param is 0: the rule then has no data)."""
    return None if not param else _frac(Fraction(points * 100) / Fraction(param))


def _q(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def score(w: dict[str, Any], p: Params) -> dict[str, Any]:
    """Score a window dict with Decimal points (see the module docstring for the result)."""
    start, end = p.start, p.end
    env, staff, proc, qual, lf = w["environment"], w["staff"], w["process"], w["quality"], w["lei_feng"]

    # --- ENV
    v = env["signage"]
    e1 = None if v is None else (D2 if v else Z)
    displays = env["displays"]
    if displays is None:
        e2 = e3 = e4 = e5 = e6 = None
    else:
        m = 0
        for item in displays:
            m |= DISPLAY.get(item, 0)
        e2 = D2 if m & LICENCES == LICENCES else Z
        e3 = D2 if m & CONTENT else Z
        e4 = D3 if m & FEES else Z
        e5 = D3 - (3 - BITS_IN[m >> 4 & 7])
        e6 = D3 - (3 - BITS_IN[m >> 7 & 7])
    facilities, k = env["facilities"], p.facility_kinds
    e7 = None if facilities is None or not k else min(D2, _q(len(facilities) * D2 / k))
    clean, smoke = env["clean_and_tidy"], env["no_smoking"]
    e8 = None if clean is None or smoke is None else (D1 if clean else Z) + (D1 if smoke else Z)
    v = env["accessible_entrance"]
    e9 = None if v is None else (D1 if v else Z)

    # --- STF (the model guarantees in_uniform, with_badge, certified <= headcount)
    head = staff["headcount"]
    v = staff["in_uniform"]
    s1 = None if head is None or v is None else max(Z, D3 - (head - v))
    v = staff["with_badge"]
    s2 = None if head is None or v is None else max(Z, D2 - (head - v))
    v = staff["certified"]
    if v is None or not head:
        s3 = None
    else:
        fn, fd, hn, hd = p.certified
        s3 = D3 if v * fd >= fn * head else (D1_5 if v * hd >= hn * head else Z)
    v = staff["etiquette_training_hours"]
    if v is None or not head:
        s4 = None
    else:
        full, half = p.training
        average = v / head
        s4 = D3 if average >= full else (D1_5 if average >= half else Z)
    v = staff["courteous_language"]
    s5 = None if v is None else (D2 if v else Z)
    v = staff["conduct_violations"]
    s6 = None if v is None else max(Z, _q(D2 - v * p.conduct))

    # --- PRC
    v = proc["first_inquiry_responsibility"]
    p1 = None if v is None else (D3 if v else Z)
    v = proc["one_time_notification"]
    p2 = None if v is None else (D2 if v else Z)
    v = proc["time_limits_published"]
    p3 = None if v is None else (D2 if v else Z)
    hours, duty = proc["weekly_opening_hours"], proc["weekend_duty"]
    p4 = (
        None
        if hours is None or duty is None
        else (D1_5 if hours >= p.opening_hours else Z) + (D1_5 if duty else Z)
    )
    raw = Z
    raw_max = RAW_MAX
    if w["kind"] == "business_acceptance_centre":
        p5 = p6 = NA
        raw_max -= 6
    else:
        v = proc["repair_intake_24h"]
        p5 = None if v is None else (D3 if v else Z)
        v = proc["emergency_response_minutes"]
        full, half = p.emergency
        p6 = None if v is None else (D3 if v <= full else (D1_5 if v <= half else Z))
        raw = (p5 or Z) + (p6 or Z)
    v = proc["complaint_reply_hours"]
    p7 = None if v is None else (D2 if v <= p.complaint_hours else Z)
    logs = proc["logs"]
    if logs is None:
        p8 = None
    else:
        kept = 0
        for item in logs:
            if item in LOGS:
                kept += 1
        p8 = max(Z, _q(D2 - (4 - kept) * p.missing_log))

    # --- QLT
    survey = qual["survey"]
    if survey is None:
        q1 = None
    else:
        sampled = survey["sampled"]
        households = w["project"]["households"]
        if not (sampled >= p.min_sample or (households is not None and sampled >= households)):
            q1 = Z
        elif not sampled:
            q1 = None
        else:
            satisfied = survey["satisfied"]
            fn, fd, hn, hd = p.satisfaction
            q1 = D8 if satisfied * fd >= fn * sampled else (D4 if satisfied * hd >= hn * sampled else Z)
    complaints = qual["complaints"]
    if complaints is None:
        q2 = None
    else:
        received = complaints["received"]
        q2 = D5 if not received else max(Z, D5 - 100 * (received - complaints["resolved"]) // received)
    repairs = qual["repairs"]
    if repairs is None:
        q3 = q4 = q5 = None
    elif not repairs["requested"]:
        q3 = q4 = q5 = NA
        raw_max -= 12
    else:
        n = repairs["requested"]
        v = repairs["on_time"]
        fn, fd, hn, hd = p.on_time
        q3 = D5 if v * fd >= fn * n else (D2_5 if v * hd >= hn * n else Z)
        rn, rd = p.rework
        q4 = D3 if repairs["reworked"] * rd <= rn * n else Z
        v = repairs["called_back"]
        fn, fd, hn, hd = p.callbacks
        q5 = D4 if v * fd >= fn * n else (D2 if v * hd >= hn * n else Z)
        raw += q3 + q4 + q5

    # --- LF: one pass over the activities
    team = lf["volunteer_team"]
    l1 = D3 if team is not None and team["established_on"] <= end and team["members"] >= p.team_members else Z
    activities = lf["activities"]
    if activities is None:
        l2 = l3 = l4 = l5 = l7 = None
        volunteer = etiquette = 0
        person_times = None
    else:
        volunteer = owner = etiquette = contests = thrift = mask = person_times = 0
        for a in activities:
            if start <= a["date"] <= end:
                code = KIND[a["kind"]]
                if not code:
                    continue
                if code < OWNER:
                    volunteer += 1
                    mask |= code
                    if person_times is not None:
                        v = a["owner_participants"]
                        person_times = None if v is None else person_times + v
                elif code == OWNER:
                    owner += 1
                elif code == TRAINING:
                    etiquette += 1
                elif code == CONTEST:
                    etiquette += 1
                    contests += 1
                else:
                    thrift += 1
        k = p.volunteer_acts
        l2 = min(D6, _q(volunteer * D6 / k)) if k else None
        l3 = D2 if KINDS_IN[mask] >= p.volunteer_kinds else Z
        k = p.owner_acts
        l4 = min(D2, _q(owner * D2 / k)) if k else None
        l5 = D2 if contests >= p.contests else Z
        l7 = D1 if thrift >= p.thrift else Z
    platforms, k = lf["publicity_platforms"], p.platforms
    l6 = None if platforms is None or not k else min(D2, _q(len(platforms) * D2 / k))
    reports = lf["reports_to_association"]
    if reports is None:
        l8 = None
    else:
        sent = 0
        for day in reports:
            if start <= day <= end:
                sent += 1
        l8 = D2 if sent >= p.reports else Z

    # --- totals
    raw += (
        (e1 or Z) + (e2 or Z) + (e3 or Z) + (e4 or Z) + (e5 or Z) + (e6 or Z) + (e7 or Z) + (e8 or Z)
        + (e9 or Z) + (s1 or Z) + (s2 or Z) + (s3 or Z) + (s4 or Z) + (s5 or Z) + (s6 or Z)
        + (p1 or Z) + (p2 or Z) + (p3 or Z) + (p4 or Z) + (p7 or Z) + (p8 or Z)
        + (q1 or Z) + (q2 or Z) + l1 + (l2 or Z) + (l3 or Z) + (l4 or Z) + (l5 or Z) + (l6 or Z)
        + (l7 or Z) + (l8 or Z)
    )  # fmt: skip
    bonus = (D2 if lf["moral_lecture_hall"] else Z) + (
        D1 if person_times is not None and person_times >= p.person_times else Z
    )
    total = min(D_TOTAL, _q(raw / raw_max * TOTAL) + bonus)
    gates, vetoes = _gates(w, p, volunteer, etiquette), _vetoes(w, complaints)
    if gates or vetoes:
        level = "fails"
    elif p.meets is not None and total >= p.meets:
        level = "meets"
    elif p.rectify is not None and total >= p.rectify:
        level = "rectify"
    else:
        level = "fails"
    points = {
        "ENV-1": e1, "ENV-2": e2, "ENV-3": e3, "ENV-4": e4, "ENV-5": e5, "ENV-6": e6, "ENV-7": e7,
        "ENV-8": e8, "ENV-9": e9,
        "STF-1": s1, "STF-2": s2, "STF-3": s3, "STF-4": s4, "STF-5": s5, "STF-6": s6,
        "PRC-1": p1, "PRC-2": p2, "PRC-3": p3, "PRC-4": p4, "PRC-5": p5, "PRC-6": p6, "PRC-7": p7,
        "PRC-8": p8,
        "QLT-1": q1, "QLT-2": q2, "QLT-3": q3, "QLT-4": q4, "QLT-5": q5,
        "LF-1": l1, "LF-2": l2, "LF-3": l3, "LF-4": l4, "LF-5": l5, "LF-6": l6, "LF-7": l7, "LF-8": l8,
    }  # fmt: skip
    return {
        "points": points,
        "gates": gates,
        "vetoes": vetoes,
        "bonus": bonus,
        "total": total,
        "level": level,
    }


def _gates(w: dict[str, Any], p: Params, volunteer: int, etiquette: int) -> list[str]:
    """Failed prerequisites (a prerequisite with no data fails too), in rule-file order."""
    failed = []
    divisions = p.divisions
    if divisions is None or w["district"] not in divisions:
        failed.append("PRE-1")
    if w["kind"] == "other" and w["kind_other"] is None:
        failed.append("PRE-2")
    org = w["organisation"]
    if org["kind"] not in IN_SCOPE or org["engaged_for_area"] is not True:
        failed.append("PRE-3")
    plan = org["campaign_plan_adopted_on"]
    if plan is None or plan > w["assessed_on"]:
        failed.append("PRE-4")
    if not (volunteer >= 1 and etiquette >= 1):
        failed.append("PRE-5")
    return failed


def _vetoes(w: dict[str, Any], complaints: dict[str, Any] | None) -> list[str]:
    """Fired vetoes (a veto with no data does not fire), in rule-file order."""
    fired = []
    incidents = w["incidents"]
    if incidents["major_safety_accident"] is True:
        fired.append("VETO-1")
    if incidents["illegal_charging_confirmed"] is True:
        fired.append("VETO-2")
    if complaints is not None and complaints["valid_confirmed"] >= 1:
        fired.append("VETO-3")
    if incidents["falsified_materials"] is True:
        fired.append("VETO-4")
    return fired


def _round(num: int, den: int) -> int:
    """``num / den`` rounded half-up to an integer, for ``num >= 0, den > 0``."""
    return (2 * num + den) // (2 * den)


def score_cents(w: dict[str, Any], p: Params) -> dict[str, Any]:
    """Score a window dict in integer hundredths of a point; the same result as :func:`score`."""
    start, end = p.start, p.end
    env, staff, proc, qual, lf = w["environment"], w["staff"], w["process"], w["quality"], w["lei_feng"]
    raw = 0  # hundredths
    raw_max = RAW_MAX_CENTS

    # --- ENV
    v = env["signage"]
    e1 = None if v is None else (200 if v else 0)
    displays = env["displays"]
    if displays is None:
        e2 = e3 = e4 = e5 = e6 = None
    else:
        m = 0
        for item in displays:
            m |= DISPLAY.get(item, 0)
        e2 = 200 if m & LICENCES == LICENCES else 0
        e3 = 200 if m & CONTENT else 0
        e4 = 300 if m & FEES else 0
        e5 = 100 * BITS_IN[m >> 4 & 7]
        e6 = 100 * BITS_IN[m >> 7 & 7]
        raw += e2 + e3 + e4 + e5 + e6
    facilities, per = env["facilities"], p.facility_c
    e7 = None if facilities is None or per is None else min(200, _round(len(facilities) * per[0], per[1]))
    clean, smoke = env["clean_and_tidy"], env["no_smoking"]
    e8 = None if clean is None or smoke is None else (100 if clean else 0) + (100 if smoke else 0)
    v = env["accessible_entrance"]
    e9 = None if v is None else (100 if v else 0)

    # --- STF (the model guarantees in_uniform, with_badge, certified <= headcount)
    head = staff["headcount"]
    v = staff["in_uniform"]
    s1 = None if head is None or v is None else max(0, 300 - 100 * (head - v))
    v = staff["with_badge"]
    s2 = None if head is None or v is None else max(0, 200 - 100 * (head - v))
    v = staff["certified"]
    if v is None or not head:
        s3 = None
    else:
        fn, fd, hn, hd = p.certified
        s3 = 300 if v * fd >= fn * head else (150 if v * hd >= hn * head else 0)
    v = staff["etiquette_training_hours"]
    if v is None or not head:
        s4 = None
    else:
        full, half = p.training
        average = v / head
        s4 = 300 if average >= full else (150 if average >= half else 0)
    v = staff["courteous_language"]
    s5 = None if v is None else (200 if v else 0)
    v = staff["conduct_violations"]
    if v is None:
        s6 = None
    else:
        dn, dd = p.conduct_c
        left = 200 * dd - v * dn
        s6 = _round(left, dd) if left > 0 else 0

    # --- PRC
    v = proc["first_inquiry_responsibility"]
    p1 = None if v is None else (300 if v else 0)
    v = proc["one_time_notification"]
    p2 = None if v is None else (200 if v else 0)
    v = proc["time_limits_published"]
    p3 = None if v is None else (200 if v else 0)
    hours, duty = proc["weekly_opening_hours"], proc["weekend_duty"]
    p4 = (
        None
        if hours is None or duty is None
        else (150 if hours >= p.opening_hours else 0) + (150 if duty else 0)
    )
    if w["kind"] == "business_acceptance_centre":
        p5 = p6 = NA
        raw_max -= 600
    else:
        v = proc["repair_intake_24h"]
        p5 = None if v is None else (300 if v else 0)
        v = proc["emergency_response_minutes"]
        full, half = p.emergency
        p6 = None if v is None else (300 if v <= full else (150 if v <= half else 0))
        raw += (p5 or 0) + (p6 or 0)
    v = proc["complaint_reply_hours"]
    p7 = None if v is None else (200 if v <= p.complaint_hours else 0)
    logs = proc["logs"]
    if logs is None:
        p8 = None
    else:
        kept = 0
        for item in logs:
            if item in LOGS:
                kept += 1
        dn, dd = p.missing_log_c
        left = 200 * dd - (4 - kept) * dn
        p8 = _round(left, dd) if left > 0 else 0

    # --- QLT
    survey = qual["survey"]
    if survey is None:
        q1 = None
    else:
        sampled = survey["sampled"]
        households = w["project"]["households"]
        if not (sampled >= p.min_sample or (households is not None and sampled >= households)):
            q1 = 0
        elif not sampled:
            q1 = None
        else:
            satisfied = survey["satisfied"]
            fn, fd, hn, hd = p.satisfaction
            q1 = 800 if satisfied * fd >= fn * sampled else (400 if satisfied * hd >= hn * sampled else 0)
    complaints = qual["complaints"]
    if complaints is None:
        q2 = None
    else:
        received = complaints["received"]
        short = 0 if not received else 100 * (received - complaints["resolved"]) // received  # whole points
        q2 = max(0, 500 - 100 * short)
    repairs = qual["repairs"]
    if repairs is None:
        q3 = q4 = q5 = None
    elif not repairs["requested"]:
        q3 = q4 = q5 = NA
        raw_max -= 1200
    else:
        n = repairs["requested"]
        v = repairs["on_time"]
        fn, fd, hn, hd = p.on_time
        q3 = 500 if v * fd >= fn * n else (250 if v * hd >= hn * n else 0)
        rn, rd = p.rework
        q4 = 300 if repairs["reworked"] * rd <= rn * n else 0
        v = repairs["called_back"]
        fn, fd, hn, hd = p.callbacks
        q5 = 400 if v * fd >= fn * n else (200 if v * hd >= hn * n else 0)
        raw += q3 + q4 + q5

    # --- LF: one pass over the activities
    team = lf["volunteer_team"]
    l1 = (
        300 if team is not None and team["established_on"] <= end and team["members"] >= p.team_members else 0
    )
    activities = lf["activities"]
    if activities is None:
        l2 = l3 = l4 = l5 = l7 = None
        volunteer = etiquette = 0
        person_times = None
    else:
        volunteer = owner = etiquette = contests = thrift = mask = person_times = 0
        for a in activities:
            if start <= a["date"] <= end:
                code = KIND[a["kind"]]
                if not code:
                    continue
                if code < OWNER:
                    volunteer += 1
                    mask |= code
                    if person_times is not None:
                        v = a["owner_participants"]
                        person_times = None if v is None else person_times + v
                elif code == OWNER:
                    owner += 1
                elif code == TRAINING:
                    etiquette += 1
                elif code == CONTEST:
                    etiquette += 1
                    contests += 1
                else:
                    thrift += 1
        per = p.volunteer_c
        l2 = None if per is None else min(600, _round(volunteer * per[0], per[1]))
        l3 = 200 if KINDS_IN[mask] >= p.volunteer_kinds else 0
        per = p.owner_c
        l4 = None if per is None else min(200, _round(owner * per[0], per[1]))
        l5 = 200 if contests >= p.contests else 0
        l7 = 100 if thrift >= p.thrift else 0
        raw += l3 + l5 + l7
    platforms, per = lf["publicity_platforms"], p.platform_c
    l6 = None if platforms is None or per is None else min(200, _round(len(platforms) * per[0], per[1]))
    reports = lf["reports_to_association"]
    if reports is None:
        l8 = None
    else:
        sent = 0
        for day in reports:
            if start <= day <= end:
                sent += 1
        l8 = 200 if sent >= p.reports else 0

    # --- totals
    raw += (
        (e1 or 0) + (e7 or 0) + (e8 or 0) + (e9 or 0) + (s1 or 0) + (s2 or 0) + (s3 or 0) + (s4 or 0)
        + (s5 or 0) + (s6 or 0) + (p1 or 0) + (p2 or 0) + (p3 or 0) + (p4 or 0) + (p7 or 0) + (p8 or 0)
        + (q1 or 0) + (q2 or 0) + l1 + (l2 or 0) + (l4 or 0) + (l6 or 0) + (l8 or 0)
    )  # fmt: skip
    bonus = (200 if lf["moral_lecture_hall"] else 0) + (
        100 if person_times is not None and person_times >= p.person_times else 0
    )
    total = min(100 * TOTAL, _round(raw * 100 * TOTAL, raw_max) + bonus)
    gates, vetoes = _gates(w, p, volunteer, etiquette), _vetoes(w, complaints)
    if gates or vetoes:
        level = "fails"
    elif p.meets_c is not None and total >= p.meets_c:
        level = "meets"
    elif p.rectify_c is not None and total >= p.rectify_c:
        level = "rectify"
    else:
        level = "fails"
    c = CENTS
    points = {
        "ENV-1": c[e1], "ENV-2": c[e2], "ENV-3": c[e3], "ENV-4": c[e4], "ENV-5": c[e5], "ENV-6": c[e6],
        "ENV-7": c[e7], "ENV-8": c[e8], "ENV-9": c[e9],
        "STF-1": c[s1], "STF-2": c[s2], "STF-3": c[s3], "STF-4": c[s4], "STF-5": c[s5], "STF-6": c[s6],
        "PRC-1": c[p1], "PRC-2": c[p2], "PRC-3": c[p3], "PRC-4": c[p4],
        "PRC-5": c[p5], "PRC-6": c[p6],
        "PRC-7": c[p7], "PRC-8": c[p8],
        "QLT-1": c[q1], "QLT-2": c[q2],
        "QLT-3": c[q3], "QLT-4": c[q4], "QLT-5": c[q5],
        "LF-1": c[l1], "LF-2": c[l2], "LF-3": c[l3], "LF-4": c[l4], "LF-5": c[l5], "LF-6": c[l6],
        "LF-7": c[l7], "LF-8": c[l8],
    }  # fmt: skip
    return {
        "points": points,
        "gates": gates,
        "vetoes": vetoes,
        "bonus": c[bonus],
        "total": D(total).scaleb(-2),
        "level": level,
    }
