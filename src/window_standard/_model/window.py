"""The window document: pydantic v2 models of the public data contract (``standard/window-example.yaml``).

Conventions the rule engine relies on:

- field types are only ``int`` (as :data:`Count`), ``Decimal`` (as :data:`Amount`), ``bool``, ``str``,
  ``date``, an enum, a nested model, ``list[...]`` of those, and ``X | None``;
- inside a section every fact is optional: absent or ``null`` means "no data", never zero; for lists
  ``None`` is "no data" and ``[]`` is "explicitly none";
- every model is frozen and forbids unknown keys; counts are strict integers (``true`` and ``"12"`` are
  rejected); decimals accept integers, decimal strings and YAML floats but never booleans.
"""

from __future__ import annotations

from decimal import localcontext
from typing import Any

from pydantic import Field, ModelWrapValidatorHandler, ValidationInfo, field_validator, model_validator

from .._base import InputModel
from .._numbers import DECIMAL_CONTEXT
from .enums import (
    Assessor,
    Display,
    Facility,
    LogKind,
    OrganisationKind,
    PropertyType,
    WindowKind,
)
from .fields import (
    _DISTRICT_CODE,
    _ZONES_TEXT,
    CREDIT_CODE_FROM,
    FUNCTIONAL_ZONES,
    Amount,
    Count,
    Day,
    _no_duplicates,
    _not_above,
    _unique,
    _zh,
)
from .identifiers import validate_credit_code, validate_organisation_code, validate_registration_number
from .sections import Activity, Complaints, Incidents, LeiFeng, Quality, Repairs, Survey, VolunteerTeam

__all__ = [
    "CREDIT_CODE_FROM",
    "FUNCTIONAL_ZONES",
    "Activity",
    "Amount",
    "Complaints",
    "Count",
    "Environment",
    "Incidents",
    "LeiFeng",
    "Organisation",
    "Process",
    "Project",
    "Quality",
    "Repairs",
    "Staff",
    "Survey",
    "VolunteerTeam",
    "Window",
]


class Project(InputModel):
    """The managed area (物业管理区域 / 项目) the window serves."""

    name: str | None = Field(
        None, min_length=1, description="Name of the managed area.", json_schema_extra=_zh("项目名称")
    )
    property_type: PropertyType | None = Field(
        None, description="Type of property.", json_schema_extra=_zh("物业类型")
    )
    households: Count | None = Field(None, description="Number of households.", json_schema_extra=_zh("户数"))
    floor_area_m2: Amount | None = Field(
        None, description="Gross floor area in square metres.", json_schema_extra=_zh("建筑面积（平方米）")
    )


_CREDIT_CHAR = "[0-9A-HJ-NP-RTUW-Ya-hj-np-rtuw-y]"


class Organisation(InputModel):
    """The property service organisation (物业服务机构) operating the window."""

    name: str | None = Field(
        None, min_length=1, description="Registered name.", json_schema_extra=_zh("名称")
    )
    kind: OrganisationKind | None = Field(
        None, description="Enterprise or other manager.", json_schema_extra=_zh("机构类型")
    )
    engaged_for_area: bool | None = Field(
        None,
        strict=True,
        description="Engaged to provide property services for this area.",
        json_schema_extra=_zh("受聘提供物业服务"),
    )
    registration_number: str | None = Field(
        None,
        description="Business registration number, 15 digits; the last is an ISO 7064 MOD 11,10 check digit.",
        json_schema_extra={"title_zh": "营业执照注册号", "pattern": r"^\s*[0-9]{15}\s*$"},
    )
    organisation_code: str | None = Field(
        None,
        description="Organisation code (GB 11714), XXXXXXXX-C (hyphen optional), C a MOD 11 check character.",
        json_schema_extra={"title_zh": "组织机构代码", "pattern": r"^\s*[0-9A-Za-z]{8}-?[0-9Xx]\s*$"},
    )
    credit_code: str | None = Field(
        None,
        description=(
            "Unified social credit code (GB 32100), 18 characters: characters 3-8 a GB/T 2260 division code, "
            "9-17 an organisation code with its own check character, 18 a MOD 31 check character. Must be "
            "null when assessed_on is before 2015-10-01."
        ),
        json_schema_extra={
            "title_zh": "统一社会信用代码",
            "pattern": rf"^\s*{_CREDIT_CHAR}{{2}}[0-9]{{6}}{_CREDIT_CHAR}{{10}}\s*$",
        },
    )
    campaign_plan_adopted_on: Day | None = Field(
        None, description="Date the campaign plan was adopted.", json_schema_extra=_zh("制定创建方案日期")
    )

    @field_validator("registration_number")
    @classmethod
    def check_registration_number(cls, value: str | None) -> str | None:
        """Validate the check digit of the registration number."""
        return None if value is None else validate_registration_number(value)

    @field_validator("organisation_code")
    @classmethod
    def check_organisation_code(cls, value: str | None) -> str | None:
        """Validate the check character of the organisation code and normalise it to ``XXXXXXXX-C``."""
        return None if value is None else validate_organisation_code(value)

    @field_validator("credit_code")
    @classmethod
    def check_credit_code(cls, value: str | None) -> str | None:
        """Validate the check character of the unified social credit code."""
        return None if value is None else validate_credit_code(value)


class Environment(InputModel):
    """The service environment of the window (服务环境)."""

    signage: bool | None = Field(
        None, strict=True, description="Window name sign clearly visible.", json_schema_extra=_zh("标识醒目")
    )
    displays: list[Display] | None = Field(
        None,
        description="Items publicly displayed, each at most once.",
        json_schema_extra=_unique("公示内容"),
    )
    facilities: list[Facility] | None = Field(
        None,
        description="Convenience facilities provided, each at most once.",
        json_schema_extra=_unique("便民设施"),
    )
    clean_and_tidy: bool | None = Field(
        None, strict=True, description="Clean and tidy at inspection.", json_schema_extra=_zh("整洁有序")
    )
    no_smoking: bool | None = Field(
        None, strict=True, description="No smoking observed at inspection.", json_schema_extra=_zh("禁止吸烟")
    )
    accessible_entrance: bool | None = Field(
        None, strict=True, description="Barrier-free entrance.", json_schema_extra=_zh("无障碍通道")
    )

    @field_validator("displays", "facilities")
    @classmethod
    def check_unique(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        """Refuse an item listed twice."""
        _no_duplicates(value, info)
        return value


class Staff(InputModel):
    """The window's own staff (服务人员)."""

    headcount: Count | None = Field(
        None, description="Number of window staff.", json_schema_extra=_zh("人数")
    )
    in_uniform: Count | None = Field(
        None,
        description="Staff seen in uniform at inspection; at most headcount.",
        json_schema_extra=_zh("统一着装人数"),
    )
    with_badge: Count | None = Field(
        None,
        description="Staff seen wearing a badge at inspection; at most headcount.",
        json_schema_extra=_zh("佩戴工牌人数"),
    )
    certified: Count | None = Field(
        None,
        description="Staff holding a professional certificate; at most headcount.",
        json_schema_extra=_zh("持证上岗人数"),
    )
    etiquette_training_hours: Amount | None = Field(
        None, description="Staff-hours of etiquette training.", json_schema_extra=_zh("礼仪培训学时")
    )
    courteous_language: bool | None = Field(
        None, strict=True, description="Courteous language used.", json_schema_extra=_zh("文明用语")
    )
    conduct_violations: Count | None = Field(
        None, description="Conduct violations observed.", json_schema_extra=_zh("违纪行为次数")
    )

    @field_validator("in_uniform", "with_badge", "certified")
    @classmethod
    def check_headcount(cls, value: int | None, info: ValidationInfo) -> int | None:
        """Refuse more staff in a group than the headcount."""
        _not_above(value, info, "headcount")
        return value


class Process(InputModel):
    """The service process of the window (服务流程)."""

    first_inquiry_responsibility: bool | None = Field(
        None,
        strict=True,
        description="First-inquiry responsibility in force.",
        json_schema_extra=_zh("首问负责制"),
    )
    one_time_notification: bool | None = Field(
        None, strict=True, description="One-time notification used.", json_schema_extra=_zh("一次性告知")
    )
    time_limits_published: bool | None = Field(
        None, strict=True, description="Time limits published.", json_schema_extra=_zh("限时办结承诺")
    )
    weekly_opening_hours: Amount | None = Field(
        None, description="Opening hours per week.", json_schema_extra=_zh("每周开放时长（小时）")
    )
    weekend_duty: bool | None = Field(
        None, strict=True, description="Staffed at weekends.", json_schema_extra=_zh("周末值班")
    )
    repair_intake_24h: bool | None = Field(
        None,
        strict=True,
        description="Repairs taken 24 hours a day.",
        json_schema_extra=_zh("24小时报修受理"),
    )
    emergency_response_minutes: Amount | None = Field(
        None, description="Emergency response time in minutes.", json_schema_extra=_zh("应急响应时间（分钟）")
    )
    complaint_reply_hours: Amount | None = Field(
        None, description="Complaint reply time in hours.", json_schema_extra=_zh("投诉回复时限（小时）")
    )
    logs: list[LogKind] | None = Field(
        None, description="Logs the window keeps, each at most once.", json_schema_extra=_unique("工作记录")
    )

    @field_validator("logs")
    @classmethod
    def check_unique(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        """Refuse a log kind listed twice."""
        _no_duplicates(value, info)
        return value


class Window(InputModel):
    """A property-management service window and the facts of one assessment of it.

    Identity fields are required; every section may be omitted and then holds no data.
    """

    id: str = Field(
        min_length=1,
        max_length=64,
        description="The portal's own identifier.",
        json_schema_extra=_zh("窗口编号"),
    )
    name: str = Field(min_length=1, description="Name of the window.", json_schema_extra=_zh("窗口名称"))
    kind: WindowKind = Field(description="Kind of window.", json_schema_extra=_zh("窗口类型"))
    kind_other: str | None = Field(
        None,
        validate_default=True,
        description="What the window is; required exactly when kind is other.",
        json_schema_extra=_zh("其他类型说明"),
    )
    district: str = Field(
        description="GB/T 2260 county-level code (6 digits) or a functional zone: gaoxin, tianfu, dongbu.",
        json_schema_extra={"title_zh": "区(市)县", "pattern": "^([0-9]{6}|gaoxin|tianfu|dongbu)$"},
    )
    address: str | None = Field(
        None, min_length=1, description="Street address.", json_schema_extra=_zh("地址")
    )
    assessed_on: Day = Field(description="The date the facts describe.", json_schema_extra=_zh("评价日期"))
    assessor: Assessor = Field(description="Who assessed the window.", json_schema_extra=_zh("评价主体"))
    project: Project = Field(
        default_factory=Project, description="The managed area.", json_schema_extra=_zh("物业项目")
    )
    organisation: Organisation = Field(
        default_factory=Organisation,
        description="The property service organisation.",
        json_schema_extra=_zh("物业服务机构"),
    )
    environment: Environment = Field(
        default_factory=Environment, description="Service environment.", json_schema_extra=_zh("服务环境")
    )
    staff: Staff = Field(
        default_factory=Staff, description="Window staff.", json_schema_extra=_zh("服务人员")
    )
    process: Process = Field(
        default_factory=Process, description="Service process.", json_schema_extra=_zh("服务流程")
    )
    quality: Quality = Field(
        default_factory=Quality, description="Service quality counts.", json_schema_extra=_zh("服务质量")
    )
    lei_feng: LeiFeng = Field(
        default_factory=LeiFeng,
        description="Learn-from-Lei-Feng activities.",
        json_schema_extra=_zh("学雷锋活动"),
    )
    incidents: Incidents = Field(
        default_factory=Incidents,
        description="Incidents within the period.",
        json_schema_extra=_zh("事故与违规"),
    )

    @model_validator(mode="wrap")
    @classmethod
    def in_library_context(cls, data: Any, handler: ModelWrapValidatorHandler[Window]) -> Window:
        """Validate in the library's own decimal context, whatever the caller's thread context says."""
        with localcontext(DECIMAL_CONTEXT):
            return handler(data)

    @field_validator("kind_other")
    @classmethod
    def check_kind_other(cls, value: str | None, info: ValidationInfo) -> str | None:
        """Require a description exactly when the kind is ``other``."""
        kind = info.data.get("kind")
        if kind is WindowKind.OTHER and (value is None or not value.strip()):
            raise ValueError("kind_other is required (a non-empty description) when kind is 'other'")
        if kind is not None and kind is not WindowKind.OTHER and value is not None:
            raise ValueError(f"kind_other ({value!r}) must be null when kind is {str(kind)!r}")
        return value

    @field_validator("district")
    @classmethod
    def check_district(cls, value: str) -> str:
        """Accept a 6-digit GB/T 2260 code or a functional-zone key."""
        if _DISTRICT_CODE.fullmatch(value) or value in FUNCTIONAL_ZONES:
            return value
        raise ValueError(
            f"district {value!r} must be a 6-digit GB/T 2260 code (e.g. '510107') "
            f"or a functional zone: {_ZONES_TEXT}"
        )

    @field_validator("organisation")
    @classmethod
    def check_credit_code_date(cls, value: Organisation, info: ValidationInfo) -> Organisation:
        """Refuse a unified social credit code on an assessment before 2015-10-01."""
        assessed_on = info.data.get("assessed_on")
        if value.credit_code is not None and assessed_on is not None and assessed_on < CREDIT_CODE_FROM:
            raise ValueError(
                f"organisation.credit_code ({value.credit_code}) must be null when assessed_on "
                f"({assessed_on}) is before {CREDIT_CODE_FROM}: the unified social credit code "
                "(GB 32100-2015) did not exist yet"
            )
        return value
