"""The window's quality, Lei Feng and incident sections (surveys, complaints, repairs, activities …)."""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator

from .._base import MAX_ITEMS, InputModel
from .enums import (
    ActivityKind,
    PublicityPlatform,
)
from .fields import (
    Count,
    Day,
    _few_items,
    _no_duplicates,
    _not_above,
    _unique,
    _zh,
)

__all__ = ["Activity", "Complaints", "Incidents", "LeiFeng", "Quality", "Repairs", "Survey", "VolunteerTeam"]


class Survey(InputModel):
    """An owner satisfaction survey over the campaign period."""

    sampled: Count = Field(description="Owners surveyed.", json_schema_extra=_zh("调查户数"))
    satisfied: Count = Field(
        description="Owners satisfied; at most sampled.", json_schema_extra=_zh("满意户数")
    )

    @field_validator("satisfied")
    @classmethod
    def check_sampled(cls, value: int, info: ValidationInfo) -> int:
        """Refuse more satisfied owners than were sampled."""
        _not_above(value, info, "sampled")
        return value


class Complaints(InputModel):
    """Complaints over the campaign period."""

    received: Count = Field(description="Complaints received.", json_schema_extra=_zh("受理投诉数"))
    resolved: Count = Field(
        description="Complaints resolved; at most received.", json_schema_extra=_zh("处理完结数")
    )
    valid_confirmed: Count = Field(
        description="Valid complaints confirmed by the authority; at most received.",
        json_schema_extra=_zh("主管部门确认的有效投诉数"),
    )

    @field_validator("resolved", "valid_confirmed")
    @classmethod
    def check_received(cls, value: int, info: ValidationInfo) -> int:
        """Refuse more resolved or confirmed complaints than were received."""
        _not_above(value, info, "received")
        return value


class Repairs(InputModel):
    """Repair requests over the campaign period."""

    requested: Count = Field(description="Repair requests received.", json_schema_extra=_zh("报修数"))
    on_time: Count = Field(
        description="Repairs completed on time; at most requested.", json_schema_extra=_zh("及时维修数")
    )
    reworked: Count = Field(
        description="Repairs that had to be redone; at most requested.", json_schema_extra=_zh("返修数")
    )
    called_back: Count = Field(
        description="Repairs followed by a callback; at most requested.", json_schema_extra=_zh("回访数")
    )

    @field_validator("on_time", "reworked", "called_back")
    @classmethod
    def check_requested(cls, value: int, info: ValidationInfo) -> int:
        """Refuse more repairs in a group than were requested."""
        _not_above(value, info, "requested")
        return value


class Quality(InputModel):
    """Service quality counts over the campaign period (服务质量)."""

    survey: Survey | None = Field(
        None, description="Satisfaction survey; null when none was made.", json_schema_extra=_zh("满意度调查")
    )
    complaints: Complaints | None = Field(
        None, description="Complaint counts.", json_schema_extra=_zh("投诉")
    )
    repairs: Repairs | None = Field(None, description="Repair counts.", json_schema_extra=_zh("维修"))


class VolunteerTeam(InputModel):
    """The window's volunteer service team."""

    established_on: Day = Field(
        description="Date the team was established.", json_schema_extra=_zh("成立日期")
    )
    members: Count = Field(description="Number of members.", json_schema_extra=_zh("队员人数"))


class Activity(InputModel):
    """One Learn-from-Lei-Feng activity."""

    date: Day = Field(description="Date of the activity.", json_schema_extra=_zh("活动日期"))
    kind: ActivityKind = Field(description="Kind of activity.", json_schema_extra=_zh("活动类型"))
    title: str | None = Field(
        None, min_length=1, description="Title of the activity.", json_schema_extra=_zh("活动名称")
    )
    participants: Count | None = Field(
        None, description="Staff and volunteers taking part.", json_schema_extra=_zh("参与人数")
    )
    owner_participants: Count | None = Field(
        None, description="Owners taking part.", json_schema_extra=_zh("业主参与人数")
    )


class LeiFeng(InputModel):
    """Learn-from-Lei-Feng activities (学雷锋活动)."""

    volunteer_team: VolunteerTeam | None = Field(
        None, description="Volunteer team; null when there is none.", json_schema_extra=_zh("志愿服务队")
    )
    activities: list[Activity] | None = Field(
        None, max_length=MAX_ITEMS, description="Activities held.", json_schema_extra=_zh("活动记录")
    )
    publicity_platforms: list[PublicityPlatform] | None = Field(
        None,
        description="Publicity platforms used, each at most once.",
        json_schema_extra=_unique("宣传平台"),
    )
    reports_to_association: list[Day] | None = Field(
        None,
        max_length=MAX_ITEMS,
        description="Dates of newsletters or briefings sent to the association.",
        json_schema_extra=_zh("向协会报送简讯、简报日期"),
    )
    moral_lecture_hall: bool | None = Field(
        None, strict=True, description="A moral lecture hall is run.", json_schema_extra=_zh("道德讲堂")
    )

    @field_validator("activities", "reports_to_association", mode="before")
    @classmethod
    def check_size(cls, value: object) -> object:
        """Refuse a list of more than 10 000 items at once, before validating its items."""
        return _few_items(value)

    @field_validator("publicity_platforms")
    @classmethod
    def check_unique(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        """Refuse a platform listed twice."""
        _no_duplicates(value, info)
        return value


class Incidents(InputModel):
    """Incidents within the period, as confirmed by the authority."""

    major_safety_accident: bool | None = Field(
        None,
        strict=True,
        description="A major safety accident the organisation is liable for.",
        json_schema_extra=_zh("重大安全责任事故"),
    )
    illegal_charging_confirmed: bool | None = Field(
        None,
        strict=True,
        description="Illegal charging confirmed by the authority.",
        json_schema_extra=_zh("违规收费"),
    )
    falsified_materials: bool | None = Field(
        None, strict=True, description="Falsified materials submitted.", json_schema_extra=_zh("弄虚作假")
    )
