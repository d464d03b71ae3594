"""The application form (Annex 2, 成都市物业管理优质服务窗口申报表) as a pydantic v2 model.

The shape is fixed by ``standard/application-example.yaml``: :class:`Application` accepts that document as it
is. An application embeds the full :class:`~window_standard._model.window.Window` document it is made for.

Only the *shape* is validated here. Whether an application is acceptable (dates in order, the right district
authority, the deadline, a complete form) is decided by the campaign rules (APP-1 ... APP-7 in
``rules/<edition>/campaign.yaml``), so that an incomplete or late application is a *rejection with reasons*,
never an input error: every section of the form is optional (``null`` or absent = not filled in yet).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated

from pydantic import BeforeValidator, Field, field_validator
from pydantic.config import JsonDict

from .._base import MAX_ITEMS, InputModel
from .._numbers import CENT, DECIMAL_CONTEXT
from .fields import Day, _few_items
from .labels import LabelledEnum
from .window import FUNCTIONAL_ZONES, Window

__all__ = [
    "Application",
    "AssessmentLevel",
    "Contact",
    "DistrictOpinion",
    "Material",
    "MaterialKind",
    "OrganisationRecommendation",
    "SelfAssessment",
]

_DISTRICT = re.compile(r"[0-9]{6}")
_ZONES_TEXT = ", ".join(sorted(FUNCTIONAL_ZONES))


def _zh(label: str) -> JsonDict:
    """Return the ``json_schema_extra`` carrying a field's Chinese label."""
    return {"title_zh": label}


def _reject_bool(value: object) -> object:
    """Refuse a boolean where a number is expected (``True`` must not become 1)."""
    if isinstance(value, bool):
        raise ValueError(f"a number is expected, not a boolean ({str(value).lower()})")
    return value


class AssessmentLevel(LabelledEnum):
    """The level of an assessment, as the standard's levels (criteria.md "Levels")."""

    MEETS = "meets", "达标", "Meets the standard"
    RECTIFY = "rectify", "限期整改", "Rectify within a time limit"
    FAILS = "fails", "未达标", "Does not meet the standard"


class MaterialKind(LabelledEnum):
    """The kind of a supporting material attached to the application (参评材料)."""

    CAMPAIGN_PLAN = "campaign_plan", "创建活动方案", "Campaign plan"
    ACTIVITY_RECORDS = "activity_records", "活动记录及照片", "Activity records and photographs"
    SELF_ASSESSMENT_SHEET = "self_assessment_sheet", "自查自评表", "Self-assessment sheet"
    REPORTS = "reports", "简讯、简报", "Newsletters and briefings"
    OTHER = "other", "其他材料", "Other material"


class Contact(InputModel):
    """The person the association can contact about the application (联系人)."""

    name: str = Field(
        min_length=1, description="Name of the contact person.", json_schema_extra=_zh("联系人")
    )
    phone: str = Field(min_length=1, description="Telephone number.", json_schema_extra=_zh("联系电话"))
    position: str | None = Field(
        None, min_length=1, description="Position held.", json_schema_extra=_zh("职务")
    )


class SelfAssessment(InputModel):
    """The self-assessment result the organisation reports on the form (自评得分及等级)."""

    score: Annotated[Decimal, BeforeValidator(_reject_bool)] = Field(
        ge=0,
        le=100,
        allow_inf_nan=False,
        description="Self-assessed score (0-100, at most two decimals).",
        json_schema_extra=_zh("自评得分"),
    )
    level: AssessmentLevel = Field(description="Self-assessed level.", json_schema_extra=_zh("自评等级"))
    assessed_on: Day = Field(description="Date of the self-assessment.", json_schema_extra=_zh("自评日期"))

    @field_validator("score")
    @classmethod
    def check_places(cls, value: Decimal) -> Decimal:
        """Refuse more than two decimal places; normalise to two places."""
        places = value.quantize(CENT, context=DECIMAL_CONTEXT)
        if value != places:
            raise ValueError(f"score {value} has more than two decimal places")
        return places


class OrganisationRecommendation(InputModel):
    """The property service organisation's recommendation opinion (物业服务机构推荐意见)."""

    recommends: bool = Field(
        strict=True, description="The organisation recommends the window.", json_schema_extra=_zh("是否推荐")
    )
    signed_on: Day = Field(description="Date the opinion was signed.", json_schema_extra=_zh("签署日期"))
    signatory: str | None = Field(
        None, min_length=1, description="Who signed for the organisation.", json_schema_extra=_zh("签署人")
    )


class DistrictOpinion(InputModel):
    """The district housing authority's recommendation opinion (区(市)县房产管理部门推荐意见)."""

    authority_district: str = Field(
        description="The district whose housing authority signed: a 6-digit GB/T 2260 code or a functional "
        "zone (gaoxin, tianfu, dongbu).",
        json_schema_extra={
            "title_zh": "签署意见的房产管理部门所在区(市)县",
            "pattern": "^([0-9]{6}|gaoxin|tianfu|dongbu)$",
        },
    )
    recommends: bool = Field(
        strict=True, description="The authority recommends the window.", json_schema_extra=_zh("是否同意推荐")
    )
    signed_on: Day = Field(description="Date the opinion was signed.", json_schema_extra=_zh("签署日期"))
    opinion: str | None = Field(
        None, min_length=1, description="The opinion as written.", json_schema_extra=_zh("推荐意见")
    )

    @field_validator("authority_district")
    @classmethod
    def check_district(cls, value: str) -> str:
        """Accept a 6-digit GB/T 2260 code or a functional-zone key."""
        if _DISTRICT.fullmatch(value) or value in FUNCTIONAL_ZONES:
            return value
        raise ValueError(
            f"authority_district {value!r} must be a 6-digit GB/T 2260 code (e.g. '510107') "
            f"or a functional zone: {_ZONES_TEXT}"
        )


class Material(InputModel):
    """One supporting material attached to the application (参评材料)."""

    title: str = Field(min_length=1, description="Title of the material.", json_schema_extra=_zh("材料名称"))
    kind: MaterialKind = Field(description="Kind of material.", json_schema_extra=_zh("材料类型"))


class Application(InputModel):
    """An application for the quality service window title (Annex 2 form) with the window it is for.

    Every section of the form may be omitted (a form being filled in); the campaign rules reject an
    incomplete form with reasons (APP-6). The embedded ``window`` is required.
    """

    contact: Contact | None = Field(None, description="Contact person.", json_schema_extra=_zh("联系人"))
    self_assessment: SelfAssessment | None = Field(
        None, description="Self-assessment reported on the form.", json_schema_extra=_zh("自查自评结果")
    )
    organisation_recommendation: OrganisationRecommendation | None = Field(
        None,
        description="The organisation's recommendation opinion.",
        json_schema_extra=_zh("物业服务机构推荐意见"),
    )
    district_opinion: DistrictOpinion | None = Field(
        None,
        description="The district housing authority's recommendation opinion.",
        json_schema_extra=_zh("区(市)县房产管理部门推荐意见"),
    )
    received_on: Day | None = Field(
        None,
        description="Date the association's secretariat received it.",
        json_schema_extra=_zh("协会秘书处收件日期"),
    )
    materials: list[Material] | None = Field(
        None,
        max_length=MAX_ITEMS,
        description="Supporting materials attached.",
        json_schema_extra=_zh("参评材料"),
    )
    window: Window = Field(
        description="The window applied for, with its self-assessment facts.",
        json_schema_extra=_zh("申报窗口"),
    )

    @field_validator("materials", mode="before")
    @classmethod
    def check_size(cls, value: object) -> object:
        """Refuse a list of more than 10 000 materials at once, before validating them."""
        return _few_items(value)
