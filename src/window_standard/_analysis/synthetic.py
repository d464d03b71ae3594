"""Synthetic populations of windows: plausible, deterministic per seed, and labelled synthetic.

Every window's id starts with ``SYN-`` and its name and project say 合成样本 (synthetic sample), so no
table, chart or export made from them can be mistaken for real windows. The distributions (documented in
``docs/analysis.md``):

* district: one of the county-level divisions of Chengdu in force on the assessment date (a few windows
  in the zones gaoxin and tianfu); kind: 60 % customer service centres, 20 % business acceptance
  centres, 10 % each repair emergency centres and repair service stations;
* assessed on a day between 2013-06-01 and 2013-07-31 (profile ``dated``: between 2013 and 2021, to
  cross the dated division lists);
* staff 2–12, most in uniform and badged, 30–100 % certified; surveys of 30–200 owners with 70–100 %
  satisfied (one in ten windows: no survey); repairs, complaints and callbacks in proportion;
* 0–14 activities of the kinds of the campaign, most within the period; 0–3 reports.

Profile ``edge`` mixes in the cases engines get wrong: whole sections without data, empty lists, zero
headcounts and samples, scores on the 80 and 90 boundaries.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

__all__ = ["PROFILES", "synthetic_population", "synthetic_window"]

PROFILES = ("typical", "dated", "edge")

_DIVISIONS_2013 = [
    "510104", "510105", "510106", "510107", "510108", "510112", "510113", "510114", "510115", "510121",
    "510122", "510124", "510129", "510131", "510132", "510181", "510182", "510183", "510184",
]  # fmt: skip
_LATER = {"510122": "510116", "510124": "510117", "510132": "510118"}
_KINDS = [("customer_service_centre", 60), ("business_acceptance_centre", 20),
          ("repair_emergency_centre", 10), ("repair_service_station", 10)]  # fmt: skip
_DISPLAYS = ["business_licence", "qualification_certificate", "service_content", "fee_standards",
             "service_hotline", "repair_hotline", "complaint_hotline", "staff_information",
             "service_hours", "procedures"]  # fmt: skip
_FACILITIES = ["seating", "drinking_water", "convenience_kit", "first_aid_kit", "reading_glasses",
               "umbrellas", "suggestion_box"]  # fmt: skip
_ACTIVITIES = ["convenience_service", "etiquette_training", "environment_cleanup", "neighbourly_care",
               "etiquette_contest", "order_keeping", "thrift_promotion", "elderly_disabled_help",
               "civility_persuasion", "convenience_service", "mutual_help", "other_volunteer",
               "moral_lecture"]  # fmt: skip
_LOGS = ["repair", "complaint", "callback", "duty"]
_PLATFORMS = ["bulletin_board", "electronic_screen", "community_forum"]


def _some(rng: random.Random, items: list[str], keep: float) -> list[str]:
    return [item for item in items if rng.random() < keep]


def _district(rng: random.Random, day: dt.date) -> str:
    if rng.random() < 0.08:
        return rng.choice(["gaoxin", "tianfu"])
    code = rng.choice(_DIVISIONS_2013)
    return _LATER.get(code, code) if day >= dt.date(2017, 1, 1) else code


def _day(rng: random.Random, profile: str) -> dt.date:
    if profile == "dated":
        return dt.date(2013, 3, 12) + dt.timedelta(days=rng.randrange(3200))
    return dt.date(2013, 6, 1) + dt.timedelta(days=rng.randrange(61))


def _staff(rng: random.Random, edge: bool) -> dict[str, Any]:
    head = 0 if edge and rng.random() < 0.2 else rng.randint(2, 12)
    return {
        "headcount": head,
        "in_uniform": max(0, head - (rng.random() < 0.3) * rng.randint(0, 2)),
        "with_badge": max(0, head - (rng.random() < 0.3) * rng.randint(0, 2)),
        "certified": round(head * rng.uniform(0.5, 1.0)),
        "etiquette_training_hours": rng.randint(0, 14) * head if rng.random() < 0.9 else None,
        "courteous_language": rng.random() < 0.93,
        "conduct_violations": rng.choice([0, 0, 0, 0, 1, 2]),
    }


def _quality(rng: random.Random, edge: bool) -> dict[str, Any]:
    sampled = rng.choice([0, 10, 50, 100]) if edge else rng.randint(30, 200)
    share = rng.choice([0.8, 0.9, 1.0]) if edge else rng.uniform(0.8, 1.0)  # edge: on the boundaries
    requested = rng.randint(0, 400)
    received = rng.randint(0, 12)
    return {
        "survey": {"sampled": sampled, "satisfied": min(sampled, round(sampled * share))}
        if rng.random() < 0.9
        else None,
        "complaints": {"received": received, "resolved": max(0, received - (rng.random() < 0.2)),
                       "valid_confirmed": int(received > 0 and rng.random() < 0.03)},
        "repairs": {"requested": requested, "on_time": round(requested * rng.uniform(0.95, 1.0)),
                    "reworked": round(requested * rng.uniform(0, 0.012)),
                    "called_back": round(requested * rng.uniform(0.75, 1.0))},
    }  # fmt: skip


def _activities(rng: random.Random) -> list[dict[str, Any]]:
    found = []
    count = rng.randint(0, 3) if rng.random() < 0.1 else rng.randint(6, 16)
    for k in range(count):
        outside = rng.random() < 0.1
        day = dt.date(2013, 2, 1) if outside else dt.date(2013, 3, 1) + dt.timedelta(days=rng.randrange(213))
        found.append(
            {
                "date": day,
                "kind": _ACTIVITIES[k]
                if k < len(_ACTIVITIES) and rng.random() < 0.8
                else rng.choice(_ACTIVITIES),
                "title": "合成样本活动",
                "participants": rng.randint(2, 30),
                "owner_participants": rng.randint(0, 12) if rng.random() < 0.9 else None,
            }
        )
    return found


def synthetic_window(rng: random.Random, number: int, profile: str = "typical") -> dict[str, Any]:
    """One synthetic window document (``SYN-`` id, 合成样本 name)."""
    edge = profile == "edge"
    day = _day(rng, profile)
    kind = rng.choices([k for k, _ in _KINDS], [w for _, w in _KINDS])[0]
    window: dict[str, Any] = {
        "id": f"SYN-{number:07d}",
        "name": f"合成样本窗口{number}",
        "kind": kind,
        "district": _district(rng, day),
        "assessed_on": day,
        "assessor": "self" if rng.random() < 0.7 else "committee",
        "project": {"name": "合成样本项目", "households": rng.randint(100, 3000)},
        "organisation": {"name": f"合成样本物业{number % 97}", "kind": "enterprise",
                         "engaged_for_area": rng.random() < 0.97,
                         "campaign_plan_adopted_on": dt.date(2013, 3, 1 + rng.randrange(20))
                         if rng.random() < 0.92 else None},
        "environment": {"signage": rng.random() < 0.95, "displays": _some(rng, _DISPLAYS, 0.94),
                        "facilities": _some(rng, _FACILITIES, 0.6), "clean_and_tidy": rng.random() < 0.9,
                        "no_smoking": rng.random() < 0.9, "accessible_entrance": rng.random() < 0.8},
        "staff": _staff(rng, edge),
        "process": {"first_inquiry_responsibility": rng.random() < 0.95,
                    "one_time_notification": rng.random() < 0.9, "time_limits_published": rng.random() < 0.9,
                    "weekly_opening_hours": rng.choice([35, 40, 48, 56, 84]),
                    "weekend_duty": rng.random() < 0.85,
                    "repair_intake_24h": rng.random() < 0.9,
                    "emergency_response_minutes": rng.choice([15, 20, 25, 30, 30, 45, 60, 90]),
                    "complaint_reply_hours": rng.choice([2, 12, 24, 48]),
                    "logs": _some(rng, _LOGS, 0.9)},
        "quality": _quality(rng, edge),
        "lei_feng": {"volunteer_team": {"established_on": dt.date(2013, 3, 5), "members": rng.randint(2, 20)}
                     if rng.random() < 0.9 else None,
                     "activities": _activities(rng), "publicity_platforms": _some(rng, _PLATFORMS, 0.6),
                     "reports_to_association": [dt.date(2013, 4, 10 + k) for k in range(rng.randint(0, 3))],
                     "moral_lecture_hall": rng.random() < 0.3},
        "incidents": {"major_safety_accident": rng.random() < 0.01,
                      "illegal_charging_confirmed": rng.random() < 0.01,
                      "falsified_materials": rng.random() < 0.005},
    }  # fmt: skip
    if edge and rng.random() < 0.3:
        for section in rng.sample(["environment", "staff", "process", "quality", "lei_feng"], 2):
            window[section] = {}
    return window


def synthetic_population(n: int, *, seed: int = 0, profile: str = "typical") -> list[Any]:
    """``n`` synthetic windows (validated ``Window`` objects), the same for the same seed and profile.

    Args:
        n: How many.
        seed: The random seed.
        profile: ``typical``, ``dated`` (assessment dates 2013–2021) or ``edge`` (no data, empty lists,
            zero denominators and boundaries mixed in).
    """
    from .._model import Window

    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {', '.join(PROFILES)}, got {profile!r}")
    rng = random.Random(f"{seed}/{profile}")
    return [Window.model_validate(synthetic_window(rng, i, profile)) for i in range(n)]
