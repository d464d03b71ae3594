"""What the report template shows, computed from a result, its window and its standard (no markup here).

Every value handed to a template is plain text or a number: the template lays it out and Jinja2 escapes
it, so a window named ``<script>`` prints as those characters.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .._districts import district_name
from .._errors import WindowStandardError
from .._numbers import ZERO_POINTS
from .._plan import EFFORT_TEXT, Plan
from .._vocab import Lang, status_word
from ._words import words

if TYPE_CHECKING:
    from .._model import Window
    from .._result import CriterionResult, Result
    from .._standard import Standard

__all__ = ["clause_text", "header", "report_context", "standard_for"]

#: Badge colours by a level's position: the best, the middle ones, the fallback.
_TONES = ("good", "warn", "bad")


def standard_for(result: Result, standard: Standard | None) -> Standard | None:
    """The standard that produced a result: the one given, or the packaged edition with the same digest."""
    if standard is not None:
        return standard
    from .._library import load_standard

    try:
        found = load_standard(result.standard.id)
    except WindowStandardError:  # another user's rule set: the report shows the stamp alone
        return None
    return found if found.digest == result.standard.digest else None


def header(result: Result, window: Window | None, standard: Standard | None, lang: Lang) -> dict[str, Any]:
    """The header fields: window, organisation, district, date, standard and the reconstruction notice."""
    stamp = result.standard
    district = window.district if window is not None else None
    name = district_name(standard.spec, district, lang) if standard and district else None
    organisation = window.organisation if window is not None else None
    return {
        "window_name": window.name if window is not None else result.window_id,
        "window_id": result.window_id,
        "window_kind": window.kind.label(lang) if window is not None else None,
        "address": window.address if window is not None else None,
        "organisation": organisation.name if organisation is not None else None,
        "district": _district(name, district, lang),
        "assessed_on": result.evaluated_on.isoformat(),
        "assessor": window.assessor.label(lang) if window is not None else None,
        "standard_title": standard.title.get(lang) if standard is not None else stamp.id,
        "standard_id": stamp.id,
        "version": stamp.version,
        "digest": stamp.digest,
        "notice": (
            standard.disclaimer.get(lang)
            if standard is not None and standard.disclaimer is not None
            else None
        ),
    }


def _district(name: str | None, code: str | None, lang: Lang) -> str | None:
    if name is None:
        return code
    return f"{name}（{code}）" if lang == "zh" else f"{name} ({code})"


def clause_text(clause: str | None, lang: Lang) -> str:
    """A clause for a reader: ``notice §3(1)`` reads ``通知 §3(1)`` in Chinese."""
    if not clause:
        return ""
    return clause.replace("notice ", "通知 ") if lang == "zh" else clause


def _points(value: Decimal | None, top: Decimal | None) -> str:
    if top is None:
        return ""
    return f"{value if value is not None else '—'} / {top}"


def _row(c: CriterionResult, lang: Lang) -> dict[str, Any]:
    status = status_word(c.status, lang, veto=c.kind == "veto", bonus=c.kind == "bonus")
    return {
        "id": c.id,
        "title": c.title.get(lang),
        "status": status,
        "tone": {"pass": "good", "partial": "warn", "fail": "bad", "no_data": "warn"}.get(c.status, "muted"),
        "points": _points(c.points, c.max_points),
        "explanation": c.explain(lang),
        "clause": clause_text(c.clause, lang),
        "reconstructed": c.provenance == "reconstructed",
    }


def _categories(result: Result, lang: Lang) -> list[dict[str, Any]]:
    rows = []
    for category in result.categories.values():
        top = category.max_score
        share = int(category.score * 100 / top) if top else 0
        rows.append(
            {
                "id": category.id,
                "title": category.title.get(lang),
                "score": category.score,
                "max": top,
                "percent": share,
                "criteria": [_row(result.criteria[cid], lang) for cid in category.criteria],
            }
        )
    return rows


def _plan(plan: Plan, lang: Lang) -> dict[str, Any]:
    w = words(lang)
    steps = [
        {
            "id": s.id,
            "title": s.title.get(lang),
            "action": s.advice.get(lang) if s.advice is not None else "",
            "effort": EFFORT_TEXT[s.effort].get(lang),
            "first": s.points is None,
            "points": "" if s.points is None else f"+{s.points}",
            "gain": "" if s.points is None else f"+{s.gain}",
            "after": s.total_after,
        }
        for s in plan.steps
    ]
    return {
        "heading": w["plan_to"].format(level=plan.target_title.get(lang), threshold=plan.threshold),
        "steps": steps,
        "reachable": plan.reachable,
        "obstacles": [o.get(lang) for o in plan.obstacles],
        "total": w["plan_total"].format(score=plan.score_after, effort=plan.effort),
    }


def plans(result: Result) -> list[Plan]:
    """The plans to every level better than the result's (best level last), when it has thresholds."""
    ids = [lv.id for lv in result.levels]
    if result.level not in ids:
        return []
    better = ids[: ids.index(result.level)]
    return [result.plan(target) for target in reversed(better)]


def report_context(
    result: Result, window: Window | None, standard: Standard | None, lang: Lang
) -> dict[str, Any]:
    """Everything the report template shows."""
    position = [lv.id for lv in result.levels].index(result.level) if result.levels else 0
    last = max(len(result.levels) - 1, 1)
    gates = [_row(c, lang) for c in result.criteria.values() if c.kind in ("prerequisite", "veto")]
    bonus = [_row(c, lang) for c in result.criteria.values() if c.kind == "bonus"]
    return {
        "lang": lang,
        "w": words(lang),
        "head": header(result, window, standard, lang),
        "level": result.level_title.get(lang),
        "tone": _TONES[0] if position == 0 else _TONES[2] if position >= last else _TONES[1],
        "score": result.score,
        "max_score": result.max_score,
        "detail": words(lang)["detail"].format(
            raw=result.raw_score, raw_max=result.raw_max, bonus=result.bonus or ZERO_POINTS
        ),
        "categories": _categories(result, lang),
        "gates": gates,
        "bonus": bonus,
        "plans": [_plan(p, lang) for p in plans(result)],
    }
