"""What the Annex 2 application form (申报表) shows: the application's fields and its review, as text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._vocab import Lang
from ._context import clause_text, header
from ._words import words

if TYPE_CHECKING:
    from .._model import Application
    from .._standard import Standard

__all__ = ["form_context"]


def _codes(app: Application) -> str:
    org = app.window.organisation
    codes = [org.credit_code, org.organisation_code] if org is not None else []
    return " / ".join(code for code in codes if code) or "—"


def _opinions(app: Application, lang: Lang) -> dict[str, Any]:
    w = words(lang)
    org, district = app.organisation_recommendation, app.district_opinion
    return {
        "org_recommends": None if org is None else org.recommends,
        "org_signatory": (org.signatory or "") if org is not None else "",
        "org_signed_on": org.signed_on.isoformat() if org is not None else "",
        "district_recommends": None if district is None else district.recommends,
        "district_text": (district.opinion or "") if district is not None else "",
        "district_signed_on": district.signed_on.isoformat() if district is not None else "",
        "yes": w["recommends"],
        "no_": w["not_recommends"],
    }


def form_context(
    application: Application | Mapping[str, Any], standard: Standard | None, lang: Lang
) -> dict[str, Any]:
    """Everything the form template shows, the review's decision and failed checks included."""
    from .._campaign.campaign import review_application
    from .._library import load_standard
    from .._model import Application

    app = application if isinstance(application, Application) else Application.model_validate(application)
    std = standard or load_standard()
    review = review_application(app, standard=std)
    result = std.evaluate(app.window, explain=False)
    own = app.self_assessment
    contact = app.contact
    return {
        "lang": lang,
        "w": words(lang),
        "head": header(result, app.window, std, lang),
        "codes": _codes(app),
        "contact": f"{contact.name}  {contact.phone}" if contact is not None else "",
        "reported": f"{own.score} · {own.level.label(lang)}" if own is not None else "—",
        "recomputed": f"{result.score} · {result.level_title.get(lang)}",
        "opinions": _opinions(app, lang),
        "materials": [
            {"title": m.title, "kind": "" if m.kind.label(lang) in m.title else m.kind.label(lang)}
            for m in (app.materials or [])
        ],
        "received_on": app.received_on.isoformat() if app.received_on is not None else "",
        "accepted": review.accepted,
        "failed": [
            {
                "id": c.id,
                "title": c.title.get(lang),
                "clause": clause_text(c.clause, lang),
                "text": c.explanation.get(lang),
                "advice": c.advice.get(lang) if c.advice is not None else "",
            }
            for c in review.failed
        ],
        "warnings": [w.explanation.get(lang) for w in review.warnings],
    }
