"""Hypothesis strategies for property-based tests of code that uses window-standard.

A portal, a report generator or a rule author tests their code against *any* valid window with these
strategies (``hypothesis`` must be installed: ``pip install "window-standard[dev]"``)::

    from hypothesis import given
    from window_standard.testing import windows

    @given(windows(**{"staff.headcount": 0}))
    def test_portal_shows_every_window(window): ...

Every generated document is valid by construction: it passes ``Window.model_validate`` (and
``Application.model_validate``) unchanged. See ``docs/consistency.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from ._consistency.applications import application_data
from ._consistency.generate import window_data
from ._consistency.improve import improved
from ._consistency.paths import check_paths
from ._consistency.setting import setting_for
from ._model import Window
from ._model.application import Application

if TYPE_CHECKING:
    from ._standard import Standard

__all__ = ["applications", "improvements", "windows"]


def _split(fixed: Mapping[str, Any], prefix: str) -> tuple[dict[str, Any], dict[str, Any]]:
    inner = {k[len(prefix) :]: v for k, v in fixed.items() if k.startswith(prefix)}
    outer = {k: v for k, v in fixed.items() if not k.startswith(prefix)}
    return outer, inner


def windows(standard: Standard | None = None, **fixed: Any) -> st.SearchStrategy[Window]:
    """Valid :class:`~window_standard.Window` objects, covering the corners rules trip over.

    What is generated:

    - every window kind (``kind_other`` filled exactly when the kind is ``other``); districts inside
      Chengdu (current and former codes, functional zones) and outside it;
    - ``assessed_on`` mostly in the campaign year, sometimes years later; then ``organisation.credit_code``
      is either None or a valid unified social credit code (it is always None before 2015-10-01), and the
      registration number and organisation code are None or valid;
    - optional facts sometimes None, top-level sections sometimes left out, nullable sections (survey,
      complaints, repairs, volunteer team) sometimes None, lists sometimes None or empty, enum lists
      without repeats; zero headcount and zero repair requests;
    - counts consistent with their bounds: ``in_uniform``, ``with_badge``, ``certified`` ≤ ``headcount``;
      ``satisfied`` ≤ ``sampled``; ``resolved``, ``valid_confirmed`` ≤ ``received``; ``on_time``,
      ``reworked``, ``called_back`` ≤ ``requested``;
    - activity and report dates clustered around the campaign period's boundaries (the day before, the
      first day, the last day, the day after, ±2 days) or anywhere near the period;
    - each window comes from one of four profiles: *random* (any valid value, None often), *good* (the
      facts of a well-run window), *nearly good* (one fact in 25 drawn at random) and *mixed* (each
      section good or poor), so that a few hundred examples reach full marks as well as every failure.

    Args:
        standard: Take the campaign period (``period_start``/``period_end`` parameters) and the district
            lists from this standard's parameters; default: the 2013 campaign and Chengdu.
        **fixed: Values to use instead of drawn ones, by dotted path: ``windows(**{"staff.headcount": 0})``,
            ``windows(kind="other", kind_other="停车服务中心")``, ``windows(**{"quality.repairs": None})``.
            A value may be a strategy, which is drawn from. Counts bounded by a fixed count are drawn
            within it, and a count bounding a fixed one is drawn at least as large.

    Returns:
        A strategy of windows.

    Raises:
        ValueError: When a path names no field of the window, or lies inside another given path.
    """
    check_paths(Window, fixed)
    setting = setting_for(standard)
    return window_data(setting, dict(fixed)).map(Window.model_validate)


def improvements(window: Window, standard: Standard | None = None) -> st.SearchStrategy[Window]:
    """Windows at least as good as ``window`` on every fact: one to three of the changes below.

    These, and only these, count as improvements (each leaves every other fact as it was):

    - a good flag set to true (from false or no data): ``organisation.engaged_for_area``,
      ``environment.signage``, ``clean_and_tidy``, ``no_smoking``, ``accessible_entrance``,
      ``staff.courteous_language``, ``process.first_inquiry_responsibility``, ``one_time_notification``,
      ``time_limits_published``, ``weekend_duty``, ``repair_intake_24h``, ``lei_feng.moral_lecture_hall``;
    - an incident turned off (true to false): ``incidents.major_safety_accident``,
      ``illegal_charging_confirmed``, ``falsified_materials``;
    - a number raised, within its bound (from no data: any value within it): ``staff.in_uniform``,
      ``with_badge``, ``certified`` (≤ headcount), ``staff.etiquette_training_hours``,
      ``process.weekly_opening_hours``, ``quality.survey.satisfied`` (≤ sampled),
      ``quality.complaints.resolved`` (≤ received), ``quality.repairs.on_time`` and ``called_back``
      (≤ requested), ``lei_feng.volunteer_team.members``;
    - a number lowered (from no data: to 0): ``staff.conduct_violations`` (a violation removed),
      ``process.emergency_response_minutes``, ``process.complaint_reply_hours``,
      ``quality.complaints.valid_confirmed``, ``quality.repairs.reworked``;
    - a missing member added to ``environment.displays``, ``environment.facilities``, ``process.logs`` or
      ``lei_feng.publicity_platforms`` (a list with no data becomes a one-member list);
    - an activity of any kind added to ``lei_feng.activities``, dated inside the campaign period, with
      ``participants`` and ``owner_participants`` given; a report dated inside the period added to
      ``lei_feng.reports_to_association``;
    - a ``lei_feng.volunteer_team`` set up where there was none (established by the end of the period);
    - ``organisation.campaign_plan_adopted_on`` set on or before ``assessed_on`` where there was no plan,
      or where it was adopted after ``assessed_on``.

    Nothing else changes: not the kind, district, dates of the assessment, headcount or any total that
    bounds other counts (so no applicability condition of the packaged rules changes), and no change
    makes a veto fire or a prerequisite fail. The premise is the standard's convention that missing data
    is not evidence: a fact with no data is never better than the same fact with a value.

    Args:
        window: The window to improve.
        standard: Take the campaign period from this standard (default: the 2013 campaign).

    Returns:
        A strategy of improved windows.
    """
    setting = setting_for(standard)
    return improved(window, setting).map(lambda pair: pair[0])


def applications(standard: Standard | None = None, **fixed: Any) -> st.SearchStrategy[Application]:
    """Valid :class:`Application` documents (Annex 2 forms) embedding a window from :func:`windows`.

    Form sections are sometimes None (a form still being filled in); signing and receipt dates cluster
    around the deadline (30 June of the campaign year) and are mostly in the order organisation ≤ district
    ≤ received; the district authority is mostly the window's own district.

    Args:
        standard: Used for the window's setting and, when given, most self-assessments report this
            standard's score and level for the embedded window.
        **fixed: Values by dotted path, as for :func:`windows`; paths under ``window.`` are passed on to
            :func:`windows` (``applications(**{"window.kind": "other", "received_on": None})``).

    Returns:
        A strategy of applications.

    Raises:
        ValueError: When a path names no field of the application or of the window.
    """
    outer, inner = _split(fixed, "window.")
    check_paths(Application, outer)
    check_paths(Window, inner, "window.")
    if "window" in outer and inner:
        raise ValueError("'window' is given as a whole, so 'window.*' paths cannot be given as well")
    setting = setting_for(standard)
    return application_data(windows(standard, **inner), setting, standard, outer).map(
        Application.model_validate
    )
