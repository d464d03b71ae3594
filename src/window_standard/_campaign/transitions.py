"""The lifecycle's transition table and the result of a transition (``Accepted`` or ``Refused``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Generic, Literal, TypeAlias, TypeVar

from .._result import LocalText
from .._vocab import Lang
from .review import CheckResult
from .states import Status

__all__ = ["TRANSITIONS", "Accepted", "Action", "Refused", "StepRule", "Transition"]

Action = Literal["self_assess", "recommend", "endorse", "submit", "evaluate", "decide", "publish"]
_S = TypeVar("_S")


@dataclass(frozen=True)
class StepRule:
    """One row of the transition table.

    Attributes:
        sources: The statuses the action applies to.
        targets: The statuses it can lead to.
        clause: The clause of the notice that sets the step.
        quote: The notice's words.
        title: What the step is.
    """

    sources: tuple[Status, ...]
    targets: tuple[Status, ...]
    clause: str
    quote: str
    title: LocalText


#: The lifecycle's transition table: every legal step, with the clause that sets it.
TRANSITIONS: Mapping[Action, StepRule] = MappingProxyType(
    {
        "self_assess": StepRule(
            ("draft",),
            ("self_assessed",),
            "notice §3(3)",
            "各服务窗口认真对照《成都市物业管理优质服务窗口创建标准》(附件1,以下简称《标准》)开展自查自评",
            LocalText(zh="自查自评", en="self-assessment"),
        ),
        "recommend": StepRule(
            ("self_assessed",),
            ("recommended",),
            "notice §3(3)",
            "各物业服务机构可推荐自评达标的服务窗口参与“优质服务窗口”评定",
            LocalText(zh="物业服务机构推荐", en="recommendation by the organisation"),
        ),
        "endorse": StepRule(
            ("recommended",),
            ("endorsed",),
            "notice §4(2)",
            "经区(市)县房产管理部门签署推荐意见后",
            LocalText(
                zh="区(市)县房产管理部门签署推荐意见", en="endorsement by the district housing authority"
            ),
        ),
        "submit": StepRule(
            ("endorsed",),
            ("submitted",),
            "notice §4(2)",
            "于6月30日前报市物业管理协会秘书处",
            LocalText(zh="报送市物业管理协会秘书处", en="submission to the association"),
        ),
        "evaluate": StepRule(
            ("submitted",),
            ("evaluated",),
            "notice §4(3)",
            "并对参评窗口进行综合考评",
            LocalText(zh="综合考评", en="committee evaluation"),
        ),
        "decide": StepRule(
            ("evaluated",),
            ("honoured", "not_honoured"),
            "notice §5(3)",
            "对达到“优质服务窗口”创建标准的,将授予荣誉称号并表彰、授牌",
            LocalText(zh="评定", en="decision"),
        ),
        "publish": StepRule(
            ("honoured", "not_honoured"),
            ("published",),
            "notice §4(4)",
            "2013年9月。公示“优质服务窗口”评选结果",
            LocalText(zh="公示评选结果", en="publication"),
        ),
    }
)


@dataclass(frozen=True)
class Accepted(Generic[_S]):
    """The transition happened; ``state`` is the new state."""

    state: _S


@dataclass(frozen=True)
class Refused:
    """The transition was refused; the state is unchanged.

    Attributes:
        action: The transition that was refused.
        status: The status of the state it was tried on.
        clause: The clause of the notice the refusal rests on.
        reason: Why, in Chinese and English.
        checks: The failed checks, when the refusal comes from APP-1 ... APP-7.
    """

    action: Action
    status: str
    clause: str
    reason: LocalText
    checks: tuple[CheckResult, ...] = ()

    def explain(self, lang: Lang = "zh") -> str:
        """The reason, then one line per failed check."""
        lines = [f"{self.action} [{self.clause}]: {self.reason.get(lang)}"]
        return "\n".join(lines + [f"  {c.explain(lang)}" for c in self.checks])


#: The result of a transition: the new state, or a refusal.
Transition: TypeAlias = Accepted[_S] | Refused
