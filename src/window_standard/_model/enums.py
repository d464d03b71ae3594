"""The enums of the window model; their values are the public data-contract strings.

Every enum is a :class:`~window_standard._model.labels.LabelledEnum`: ``member.label("zh")`` and
``member.label("en")`` give its Chinese and English labels.
"""

from __future__ import annotations

from .labels import LabelledEnum

__all__ = [
    "ActivityKind",
    "Assessor",
    "Display",
    "Facility",
    "LogKind",
    "OrganisationKind",
    "PropertyType",
    "PublicityPlatform",
    "WindowKind",
]


class WindowKind(LabelledEnum):
    """The kind of service window (notice §2; the list ends in 等, hence ``other``)."""

    CUSTOMER_SERVICE_CENTRE = "customer_service_centre", "客户服务中心", "Customer service centre"
    BUSINESS_ACCEPTANCE_CENTRE = "business_acceptance_centre", "业务受理中心", "Business acceptance centre"
    REPAIR_EMERGENCY_CENTRE = "repair_emergency_centre", "维修应急中心", "Repair and emergency centre"
    REPAIR_SERVICE_STATION = "repair_service_station", "维修服务站", "Repair service station"
    OTHER = "other", "其他", "Other"


class Assessor(LabelledEnum):
    """Who assessed the window: the organisation itself or the association's committee."""

    SELF = "self", "自评", "Self-assessment"
    COMMITTEE = "committee", "委员会考评", "Committee evaluation"


class PropertyType(LabelledEnum):
    """The type of property in the managed area."""

    RESIDENTIAL = "residential", "住宅", "Residential"
    OFFICE = "office", "办公楼", "Office"
    COMMERCIAL = "commercial", "商业", "Commercial"
    INDUSTRIAL = "industrial", "工业", "Industrial"
    MIXED = "mixed", "综合", "Mixed use"
    OTHER = "other", "其他", "Other"


class OrganisationKind(LabelledEnum):
    """The kind of operator (notice §2: an enterprise or another manager engaged for the area)."""

    ENTERPRISE = "enterprise", "物业服务企业", "Property service enterprise"
    OTHER_MANAGER = "other_manager", "其他管理人", "Other manager"


class Display(LabelledEnum):
    """An item publicly displayed at the window (公示)."""

    BUSINESS_LICENCE = "business_licence", "营业执照", "Business licence"
    QUALIFICATION_CERTIFICATE = "qualification_certificate", "资质证书", "Qualification certificate"
    SERVICE_CONTENT = "service_content", "服务内容及标准", "Service content and standards"
    FEE_STANDARDS = "fee_standards", "收费项目及标准", "Fee items and standards"
    SERVICE_HOTLINE = "service_hotline", "服务电话", "Service hotline"
    REPAIR_HOTLINE = "repair_hotline", "24小时报修电话", "24-hour repair hotline"
    COMPLAINT_HOTLINE = "complaint_hotline", "投诉电话", "Complaint hotline"
    STAFF_INFORMATION = "staff_information", "工作人员信息", "Staff information"
    SERVICE_HOURS = "service_hours", "服务时间", "Service hours"
    PROCEDURES = "procedures", "办事流程", "Procedures"


class Facility(LabelledEnum):
    """A convenience facility at the window (便民设施)."""

    SEATING = "seating", "休息座椅", "Seating"
    DRINKING_WATER = "drinking_water", "饮用水", "Drinking water"
    CONVENIENCE_KIT = "convenience_kit", "便民工具箱", "Convenience kit"
    FIRST_AID_KIT = "first_aid_kit", "急救药箱", "First-aid kit"
    READING_GLASSES = "reading_glasses", "老花镜", "Reading glasses"
    UMBRELLAS = "umbrellas", "雨伞", "Umbrellas"
    SUGGESTION_BOX = "suggestion_box", "意见箱", "Suggestion box"
    OTHER = "other", "其他", "Other"


class LogKind(LabelledEnum):
    """A log (register) the window keeps."""

    REPAIR = "repair", "报修记录", "Repair log"
    COMPLAINT = "complaint", "投诉记录", "Complaint log"
    CALLBACK = "callback", "回访记录", "Callback log"
    DUTY = "duty", "值班记录", "Duty log"


class ActivityKind(LabelledEnum):
    """The kind of a Learn-from-Lei-Feng activity.

    Four strands: volunteer service (``convenience_service`` ... ``other_volunteer``), owners' participation
    (``neighbourly_care``, ``mutual_help``, ``civility_persuasion``), etiquette practice
    (``etiquette_training``, ``etiquette_contest``) and publicity (``moral_lecture``, ``thrift_promotion``,
    ``policy_publicity``).
    """

    CONVENIENCE_SERVICE = "convenience_service", "便民服务", "Convenience service"
    ENVIRONMENT_CLEANUP = "environment_cleanup", "环境整治", "Environment clean-up"
    ORDER_KEEPING = "order_keeping", "秩序维护", "Order keeping"
    ELDERLY_DISABLED_HELP = "elderly_disabled_help", "助老助残", "Help for the elderly and disabled"
    OTHER_VOLUNTEER = "other_volunteer", "其他志愿服务", "Other volunteer service"
    NEIGHBOURLY_CARE = "neighbourly_care", "邻里关爱", "Neighbourly care"
    MUTUAL_HELP = "mutual_help", "互帮互助", "Mutual help"
    CIVILITY_PERSUASION = "civility_persuasion", "文明劝导", "Civility persuasion"
    ETIQUETTE_TRAINING = "etiquette_training", "礼仪培训", "Etiquette training"
    ETIQUETTE_CONTEST = "etiquette_contest", "礼仪竞赛", "Etiquette contest"
    MORAL_LECTURE = "moral_lecture", "道德讲堂", "Moral lecture"
    THRIFT_PROMOTION = "thrift_promotion", "勤俭节约宣传", "Thrift promotion"
    POLICY_PUBLICITY = "policy_publicity", "政策宣传", "Policy publicity"


class PublicityPlatform(LabelledEnum):
    """A platform used to publicise the campaign."""

    BULLETIN_BOARD = "bulletin_board", "宣传栏", "Bulletin board"
    ELECTRONIC_SCREEN = "electronic_screen", "电子显示屏", "Electronic screen"
    COMMUNITY_FORUM = "community_forum", "社区论坛", "Community forum"
    OTHER = "other", "其他", "Other"
