"""The states of an application's lifecycle: immutable pydantic models that round-trip through JSON.

One class per state, told apart by a ``status`` literal, so that a transition function can only be given a
state it applies to (``recommend(state: SelfAssessed, ...)``) and a portal can persist any state as JSON and
resume it with :func:`load_state`::

    draft → self_assessed → recommended → endorsed → submitted → evaluated
          → honoured | not_honoured → published
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Field, TypeAdapter

from .._base import FrozenModel
from .._model import Application, Window
from .._result import LocalText
from .context import Assessment
from .review import ApplicationReview

__all__ = [
    "STATUSES",
    "ApplicationState",
    "Decision",
    "Draft",
    "Endorsed",
    "Evaluated",
    "Evaluation",
    "Honoured",
    "NotHonoured",
    "Published",
    "Recommended",
    "SelfAssessed",
    "Status",
    "Step",
    "Submitted",
    "load_state",
]

Status = Literal[
    "draft",
    "self_assessed",
    "recommended",
    "endorsed",
    "submitted",
    "evaluated",
    "honoured",
    "not_honoured",
    "published",
]
#: Every status, in lifecycle order.
STATUSES: tuple[Status, ...] = (
    "draft",
    "self_assessed",
    "recommended",
    "endorsed",
    "submitted",
    "evaluated",
    "honoured",
    "not_honoured",
    "published",
)


class Step(FrozenModel):
    """One entry of a state's history: the status reached and the date it was reached on."""

    status: Status
    on: date


class Evaluation(FrozenModel):
    """The committee's evaluation (综合考评) of the window."""

    window: Window = Field(description="The committee's window document (assessor: committee).")
    assessment: Assessment = Field(description="The standard's evaluation of it.")


class Decision(FrozenModel):
    """The decision on the window's title (notice §5(3)), with its reasons."""

    outcome: Literal["honoured", "not_honoured"]
    title: LocalText
    rule: str | None = Field(description="The rule that honoured the window (None: not honoured).")
    clause: str
    reasons: list[LocalText]


class _State(FrozenModel):
    application: Application = Field(description="The application as filled in so far.")
    history: tuple[Step, ...] = Field(default=(), description="Statuses reached, oldest first.")


class _Reviewed(_State):
    review: ApplicationReview = Field(description="The review that accepted the submission.")


class _Evaluated(_Reviewed):
    evaluation: Evaluation


class _Decided(_Evaluated):
    decision: Decision


class Draft(_State):
    """An application being filled in."""

    status: Literal["draft"] = "draft"


class SelfAssessed(_State):
    """The window assessed itself against the standard (自查自评); the form carries the result."""

    status: Literal["self_assessed"] = "self_assessed"


class Recommended(_State):
    """The organisation recommended the window (物业服务机构推荐)."""

    status: Literal["recommended"] = "recommended"


class Endorsed(_State):
    """The district housing authority signed its recommendation opinion (区(市)县房产管理部门签署推荐意见)."""

    status: Literal["endorsed"] = "endorsed"


class Submitted(_Reviewed):
    """The association received the application by the deadline and every check holds."""

    status: Literal["submitted"] = "submitted"


class Evaluated(_Evaluated):
    """The committee evaluated the window (综合考评)."""

    status: Literal["evaluated"] = "evaluated"


class Honoured(_Decided):
    """The window is to receive the title and plaque."""

    status: Literal["honoured"] = "honoured"


class NotHonoured(_Decided):
    """The window is not to receive the title."""

    status: Literal["not_honoured"] = "not_honoured"


class Published(_Decided):
    """The result was published in the public notice (公示)."""

    status: Literal["published"] = "published"
    published_on: date


#: Any state of the lifecycle (a discriminated union on ``status``).
ApplicationState: TypeAlias = Annotated[
    Draft
    | SelfAssessed
    | Recommended
    | Endorsed
    | Submitted
    | Evaluated
    | Honoured
    | NotHonoured
    | Published,
    Field(discriminator="status"),
]

_STATE_ADAPTER: TypeAdapter[Any] = TypeAdapter(ApplicationState)


def load_state(data: str | bytes | Mapping[str, Any]) -> ApplicationState:
    """Resume a persisted state: JSON text (from ``state.model_dump_json()``) or the equivalent mapping.

    Raises:
        pydantic.ValidationError: When the data is not a valid state (the error names the field path).
    """
    if isinstance(data, (str, bytes)):
        state: ApplicationState = _STATE_ADAPTER.validate_json(data)
    else:
        state = _STATE_ADAPTER.validate_python(data)
    return state
