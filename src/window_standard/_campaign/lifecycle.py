"""The application lifecycle: transition functions that return a new state or a refusal citing the clause.

Each transition takes the one state class it applies to and returns ``Accepted(new_state)`` or
``Refused(...)``; the input state is never changed. The order of steps is the transition table
:data:`TRANSITIONS`; the dates come from the campaign's timetable parameters:

- ``recommend``, ``endorse``: refused when a check due by then (``stage`` in ``campaign.yaml``) fails;
- ``submit``: refused unless every check holds, so no submission after the deadline (APP-5);
- ``record_evaluation``: refused before the evaluation phase opens (July 2013, notice §4(3));
- ``publish``: refused before the publication phase opens (September 2013, notice §4(4)).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from .._model import (
    Application,
    Assessor,
    Contact,
    DistrictOpinion,
    Material,
    OrganisationRecommendation,
    SelfAssessment,
    Window,
)
from .._result import LocalText
from .campaign import Campaign
from .context import WindowOutcomeContext, assessment_of
from .review import check_result, review, run_checks
from .run import run_rule
from .spec import STAGES, CheckSpec, Stage
from .states import (
    Decision,
    Draft,
    Endorsed,
    Evaluated,
    Evaluation,
    Honoured,
    NotHonoured,
    Published,
    Recommended,
    SelfAssessed,
    Status,
    Step,
    Submitted,
)
from .transitions import TRANSITIONS, Accepted, Action, Refused, Transition

__all__ = [
    "decide",
    "endorse",
    "publish",
    "recommend",
    "record_evaluation",
    "self_assess",
    "start_application",
    "submit",
]


def start_application(window: Window | Mapping[str, Any], **form: Any) -> Draft:
    """A new draft application for a window (its self-assessment facts), with any form fields given.

    Raises:
        pydantic.ValidationError: When the window or a form field is invalid.
    """
    app = Application.model_validate({**form, "window": window})
    return Draft(application=app, history=(Step(status="draft", on=app.window.assessed_on),))


def self_assess(state: Draft, *, campaign: Campaign) -> Transition[SelfAssessed]:
    """Assess the window against the standard and write the result on the form (自查自评)."""
    if (refused := _wrong_state("self_assess", state)) is not None:
        return refused
    window = state.application.window
    if window.assessor is not Assessor.SELF:
        return _refuse(
            "self_assess",
            state.status,
            LocalText(
                zh="自查自评须由本单位进行（评价主体应为 self）", en="a self-assessment needs assessor 'self'"
            ),
        )
    result = campaign.standard.evaluate(window, explain=False)
    own = SelfAssessment(score=result.score, level=result.level, assessed_on=window.assessed_on)
    app = state.application.model_copy(update={"self_assessment": own})
    return Accepted(
        SelfAssessed(application=app, history=_history(state, "self_assessed", window.assessed_on))
    )


def recommend(
    state: SelfAssessed,
    recommendation: OrganisationRecommendation | Mapping[str, Any],
    *,
    campaign: Campaign,
) -> Transition[Recommended]:
    """Record the organisation's recommendation; refused when APP-1 ... APP-3 fail."""
    if (refused := _wrong_state("recommend", state)) is not None:
        return refused
    opinion = OrganisationRecommendation.model_validate(recommendation)
    app = state.application.model_copy(update={"organisation_recommendation": opinion})
    if (refused := _failed_checks("recommend", state.status, app, "recommended", campaign)) is not None:
        return refused
    return Accepted(Recommended(application=app, history=_history(state, "recommended", opinion.signed_on)))


def endorse(
    state: Recommended, opinion: DistrictOpinion | Mapping[str, Any], *, campaign: Campaign
) -> Transition[Endorsed]:
    """Record the district housing authority's opinion; refused when APP-4 or the order of dates fails."""
    if (refused := _wrong_state("endorse", state)) is not None:
        return refused
    signed = DistrictOpinion.model_validate(opinion)
    app = state.application.model_copy(update={"district_opinion": signed})
    if (refused := _failed_checks("endorse", state.status, app, "endorsed", campaign)) is not None:
        return refused
    return Accepted(Endorsed(application=app, history=_history(state, "endorsed", signed.signed_on)))


def submit(
    state: Endorsed,
    *,
    received_on: date,
    campaign: Campaign,
    materials: Sequence[Material | Mapping[str, Any]] | None = None,
    contact: Contact | Mapping[str, Any] | None = None,
) -> Transition[Submitted]:
    """The association receives the application; refused unless every check holds (APP-5: the deadline)."""
    if (refused := _wrong_state("submit", state)) is not None:
        return refused
    update: dict[str, Any] = {"received_on": received_on}
    if materials is not None:
        update["materials"] = [Material.model_validate(m) for m in materials]
    if contact is not None:
        update["contact"] = Contact.model_validate(contact)
    app = state.application.model_copy(update=update)
    result = campaign.standard.evaluate(app.window, explain=False)
    params = dict(campaign.parameters)
    checked = review(campaign.rules, campaign.stamp, app, result, params, campaign.district_names)
    if not checked.accepted:
        failed = tuple(checked.failed)
        return Refused(
            "submit",
            state.status,
            failed[0].clause,
            LocalText(
                zh="申报未通过审核：" + "、".join(c.id for c in failed),
                en="the application fails " + ", ".join(c.id for c in failed),
            ),
            failed,
        )
    history = _history(state, "submitted", received_on)
    return Accepted(Submitted(application=app, history=history, review=checked))


def record_evaluation(
    state: Submitted, evaluation: Window | Mapping[str, Any], *, campaign: Campaign
) -> Transition[Evaluated]:
    """Record the committee's evaluation; refused before the evaluation phase or for another window."""
    if (refused := _wrong_state("evaluate", state)) is not None:
        return refused
    window = Window.model_validate(evaluation)
    phase = campaign.phase("evaluation")
    problem: LocalText | None = None
    if window.id != state.application.window.id:
        problem = LocalText(
            zh=f"考评的窗口 {window.id} 不是申报窗口 {state.application.window.id}",
            en=f"the evaluation is of window {window.id}, not of {state.application.window.id}",
        )
    elif window.assessor is not Assessor.COMMITTEE:
        problem = LocalText(
            zh="综合考评须由指导委员会进行（评价主体应为 committee）",
            en="the evaluation must be the committee's (assessor 'committee')",
        )
    elif window.assessed_on < phase.starts:
        problem = LocalText(
            zh=f"综合考评日期 {window.assessed_on} 早于考评阶段（{phase.starts} 起）",
            en=f"evaluated on {window.assessed_on}, before the evaluation phase opens on {phase.starts}",
        )
    if problem is not None:
        return Refused("evaluate", state.status, phase.clause, problem)
    result = campaign.standard.evaluate(window, explain=False)
    record = Evaluation(window=window, assessment=assessment_of(result))
    return Accepted(
        Evaluated(
            application=state.application,
            history=_history(state, "evaluated", window.assessed_on),
            review=state.review,
            evaluation=record,
        )
    )


def decide(state: Evaluated, *, campaign: Campaign) -> Transition[Honoured | NotHonoured]:
    """Decide the title by the window outcome rules (notice §5(3)); never refused for an evaluated state."""
    if (refused := _wrong_state("decide", state)) is not None:
        return refused
    context = WindowOutcomeContext(
        window=state.application.window,
        applied=True,
        accepted=state.review.accepted,
        evaluated=True,
        committee=state.evaluation.assessment,
    )
    runs = [run_rule(rule, context, dict(campaign.parameters)) for rule in campaign.rules.window_rules]
    decided = next((run for run in runs if run.holds), None)
    otherwise = campaign.rules.spec.window_outcomes.otherwise
    decision = Decision(
        outcome="honoured" if decided else "not_honoured",
        title=LocalText(zh=decided.rule.spec.title.zh, en=decided.rule.spec.title.en)
        if decided
        else LocalText(zh=otherwise.zh, en=otherwise.en),
        rule=decided.rule.spec.id if decided else None,
        clause=(decided or runs[0]).rule.spec.source.clause,
        reasons=[decided.explanation] if decided else [run.explanation for run in runs],
    )
    on = state.evaluation.window.assessed_on
    fields = {"application": state.application, "review": state.review, "evaluation": state.evaluation}
    if decided:
        return Accepted(Honoured(**fields, history=_history(state, "honoured", on), decision=decision))
    return Accepted(NotHonoured(**fields, history=_history(state, "not_honoured", on), decision=decision))


def publish(state: Honoured | NotHonoured, *, on: date, campaign: Campaign) -> Transition[Published]:
    """Publish the result in the public notice (公示); refused before the publication phase opens."""
    if (refused := _wrong_state("publish", state)) is not None:
        return refused
    phase = campaign.phase("publication")
    if on < phase.starts:
        reason = LocalText(
            zh=f"公示日期 {on} 早于公示阶段（{phase.starts} 起）",
            en=f"publication on {on} is before the publication phase opens on {phase.starts}",
        )
        return Refused("publish", state.status, phase.clause, reason)
    return Accepted(
        Published(
            application=state.application,
            history=_history(state, "published", on),
            review=state.review,
            evaluation=state.evaluation,
            decision=state.decision,
            published_on=on,
        )
    )


def _wrong_state(action: Action, state: Any) -> Refused | None:
    rule = TRANSITIONS[action]
    status = getattr(state, "status", None)
    if status in rule.sources:
        return None
    allowed = ", ".join(rule.sources)
    reason = LocalText(
        zh=f"状态为 {status} 的申报不能进行“{rule.title.zh}”（仅适用于 {allowed}）",
        en=f"cannot do the {rule.title.en} of an application in status {status} (only from {allowed})",
    )
    return Refused(action, str(status), rule.clause, reason)


def _refuse(action: Action, status: Status, reason: LocalText) -> Refused:
    return Refused(action, status, TRANSITIONS[action].clause, reason)


def _failed_checks(
    action: Action, status: Status, app: Application, stage: Stage, campaign: Campaign
) -> Refused | None:
    """A refusal when a check due by ``stage`` definitely fails (no data is allowed until submission)."""
    due = set(STAGES[: STAGES.index(stage) + 1])
    result = campaign.standard.evaluate(app.window, explain=False)
    params = dict(campaign.parameters)
    checks, _ = run_checks(campaign.rules, app, assessment_of(result), params, campaign.district_names)
    failed = tuple(
        check_result(run)
        for run in checks
        if run.verdict == "fail" and isinstance(run.rule.spec, CheckSpec) and run.rule.spec.stage in due
    )
    if not failed:
        return None
    reason = LocalText(
        zh=f"未通过审核项 {'、'.join(c.id for c in failed)}",
        en=f"fails {', '.join(c.id for c in failed)}",
    )
    return Refused(action, status, failed[0].clause, reason, failed)


def _history(state: Any, status: Status, on: date) -> tuple[Step, ...]:
    return (*state.history, Step(status=status, on=on))
