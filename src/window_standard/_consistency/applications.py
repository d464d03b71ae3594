"""Hypothesis generation of valid application documents (behind :func:`window_standard.testing.applications`).

The form's dates cluster around the application deadline (30 June of the campaign year, notice §4(2)) and
are mostly, but not always, in the order the notice asks for (organisation ≤ district ≤ received).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from .._model import Window
from .._model.application import AssessmentLevel, MaterialKind
from .drawer import Drawer
from .setting import Setting

if TYPE_CHECKING:
    from .._standard import Standard

__all__ = ["application_data"]


def _deadline(setting: Setting) -> date:
    return date(setting.period_start.year, 6, 30)


def _near_deadline(setting: Setting) -> st.SearchStrategy[date]:
    deadline = _deadline(setting)
    near = st.integers(-2, 2).map(lambda k: deadline + timedelta(days=k))
    return st.one_of(near, st.dates(deadline - timedelta(days=40), deadline + timedelta(days=40)))


def _self_assessment(d: Drawer, window: Window, standard: Standard | None) -> dict[str, Any]:
    if standard is not None and d.likely():
        result = standard.evaluate(window, explain=False)
        level = result.level if result.level in {m.value for m in AssessmentLevel} else "fails"
        return {"score": result.score, "level": level, "assessed_on": window.assessed_on}
    return {
        "score": d.pick("self_assessment.score", st.integers(0, 10_000).map(lambda c: Decimal(c) / 100)),
        "level": d.pick("self_assessment.level", st.sampled_from(list(AssessmentLevel))),
        "assessed_on": d.pick("self_assessment.assessed_on", st.just(window.assessed_on) | st.dates()),
    }


def _yes(d: Drawer) -> st.SearchStrategy[bool]:
    return st.just(True) if d.likely() else st.booleans()


def _signed(d: Drawer, setting: Setting) -> list[date]:
    """Signing dates of the organisation and the district, and the receipt date: in order when likely.

    The receipt date clusters on the deadline; the signatures come some days before it.
    """
    received = d.draw(_near_deadline(setting))
    if d.likely() or d.draw(st.booleans()):
        steps = d.draw(st.lists(st.integers(0, 6), min_size=2, max_size=2))
        district = received - timedelta(days=steps[1])
        return [district - timedelta(days=steps[0]), district, received]
    return [d.draw(_near_deadline(setting)), d.draw(_near_deadline(setting)), received]


@st.composite
def application_data(
    draw: st.DrawFn,
    window: st.SearchStrategy[Window],
    setting: Setting,
    standard: Standard | None,
    fixed: Mapping[str, Any],
) -> dict[str, Any]:
    """A valid application document as plain data, embedding a window drawn from ``window``."""
    d = Drawer(draw, fixed, draw(st.sampled_from(("random", "good"))))
    embedded = d.pick("window", window)
    if isinstance(embedded, Mapping):
        embedded = Window.model_validate(embedded)
    org_day, district_day, received = _signed(d, setting)
    materials = st.lists(
        st.fixed_dictionaries({"title": st.just("参评材料"), "kind": st.sampled_from(list(MaterialKind))}),
        max_size=5,
    )
    return {
        "contact": d.section(
            "contact",
            lambda: {
                "name": d.pick("contact.name", st.just("王芳")),
                "phone": d.pick("contact.phone", st.just("028-85551234")),
                "position": d.fact("contact.position", st.just("客服中心主任")),
            },
            nullable=True,
        ),
        "self_assessment": d.section(
            "self_assessment", lambda: _self_assessment(d, embedded, standard), nullable=True
        ),
        "organisation_recommendation": d.section(
            "organisation_recommendation",
            lambda: {
                "recommends": d.pick("organisation_recommendation.recommends", _yes(d)),
                "signed_on": d.pick("organisation_recommendation.signed_on", st.just(org_day)),
                "signatory": d.fact("organisation_recommendation.signatory", st.just("李强")),
            },
            nullable=True,
        ),
        "district_opinion": d.section(
            "district_opinion",
            lambda: {
                "authority_district": d.pick(
                    "district_opinion.authority_district",
                    st.just(embedded.district) if d.likely() else st.sampled_from(setting.inside),
                ),
                "recommends": d.pick("district_opinion.recommends", _yes(d)),
                "signed_on": d.pick("district_opinion.signed_on", st.just(district_day)),
                "opinion": d.fact("district_opinion.opinion", st.just("同意推荐")),
            },
            nullable=True,
        ),
        "received_on": d.fact("received_on", st.just(received)),
        "materials": d.fact("materials", materials),
        "window": embedded,
    }
