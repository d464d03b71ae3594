"""One zh/en vocabulary: the words for statuses, veto outcomes and the user interface.

Every module that shows a status, a veto outcome or a fixed interface word to a person takes it from here,
so one concept has one term in each language.
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = [
    "BONUS_TEXT",
    "CHECK_TEXT",
    "COLON",
    "LIST_SEPARATOR",
    "NO_DATA",
    "STATUS_TEXT",
    "VETO_TEXT",
    "WORDS",
    "YES_NO",
    "Lang",
    "aside",
    "check_word",
    "status_word",
    "word",
]

Lang = Literal["zh", "en"]

#: Criterion statuses.
STATUS_TEXT: Final[dict[str, dict[str, str]]] = {
    "pass": {"zh": "符合", "en": "met"},
    "partial": {"zh": "部分符合", "en": "partly met"},
    "fail": {"zh": "不符合", "en": "not met"},
    "not_applicable": {"zh": "不适用", "en": "not applicable"},
    "no_data": {"zh": "无数据", "en": "no data"},
}

#: A veto's outcome: ``fail`` means it fired.
VETO_TEXT: Final[dict[str, dict[str, str]]] = {
    "fail": {"zh": "触发否决", "en": "veto applies"},
    "pass": {"zh": "未触发", "en": "does not apply"},
}

#: A bonus criterion's outcome: ``pass`` means the bonus is earned.
BONUS_TEXT: Final[dict[str, dict[str, str]]] = {
    "pass": {"zh": "获得加分", "en": "earned"},
    "fail": {"zh": "未获加分", "en": "not earned"},
}

#: What a missing value reads as.
NO_DATA: Final[dict[str, str]] = STATUS_TEXT["no_data"]

#: The verdict of a campaign check (APP-1 ...); a check without data does not hold.
CHECK_TEXT: Final[dict[str, dict[str, str]]] = {
    "pass": {"zh": "通过", "en": "passed"},
    "fail": {"zh": "未通过", "en": "failed"},
    "no_data": NO_DATA,
}

#: A boolean fact: (true, false).
YES_NO: Final[dict[str, tuple[str, str]]] = {"zh": ("是", "否"), "en": ("yes", "no")}

#: Between the items of a list.
LIST_SEPARATOR: Final[dict[str, str]] = {"zh": "、", "en": ", "}

#: Between a label and its value (``等级：达标``, ``Level: meets``).
COLON: Final[dict[str, str]] = {"zh": "：", "en": ": "}

#: Fixed words of the command line and of the campaign's reports.
WORDS: Final[dict[str, dict[str, str]]] = {
    # the evaluation of a window
    "window": {"zh": "窗口", "en": "Window"},
    "file": {"zh": "文件", "en": "File"},
    "district": {"zh": "区(市)县", "en": "District"},
    "level": {"zh": "等级", "en": "Level"},
    "score": {"zh": "得分", "en": "Score"},
    "detail": {
        "zh": "适用条目得分 {raw} / {raw_max}，加分 {bonus}",
        "en": "applicable criteria {raw} / {raw_max}, bonus {bonus}",
    },
    "category": {"zh": "类别", "en": "Category"},
    "criterion": {"zh": "条目", "en": "Criterion"},
    "status": {"zh": "状态", "en": "Status"},
    "points": {"zh": "得分/满分", "en": "Points"},
    "explanation": {"zh": "说明", "en": "Explanation"},
    "title": {"zh": "名称", "en": "Title"},
    "vetoes": {"zh": "一票否决", "en": "Vetoes fired"},
    "gates": {"zh": "未满足的前提条件", "en": "Prerequisites failed"},
    "none": {"zh": "无", "en": "none"},
    "rectify": {"zh": "整改清单", "en": "Rectification list"},
    # the rule set and the campaign rules a report comes from
    "ruleset": {"zh": "规则集", "en": "Rule set"},
    "campaign_rules": {"zh": "活动规则", "en": "Campaign rules"},
    "digest": {"zh": "摘要", "en": "digest"},
    "note": {
        "zh": "注意：本规则集为重构版本，并非官方标准。",
        "en": "Note: this rule set is a reconstruction, not the official standard.",
    },
    # the review of an application
    "application_for": {"zh": "申报窗口", "en": "Application for"},
    "decision": {"zh": "审核结果", "en": "Decision"},
    "accepted": {"zh": "予以受理", "en": "accepted"},
    "rejected": {"zh": "不予受理", "en": "rejected"},
    "self_assessment": {"zh": "自评得分（申报 / 复核）", "en": "Self-assessment (reported / recomputed)"},
    "check": {"zh": "审核项", "en": "Check"},
    "verdict": {"zh": "结果", "en": "Result"},
    "clause": {"zh": "依据", "en": "Clause"},
    "warnings": {"zh": "提示", "en": "Warnings"},
    # campaign outcomes and the public notice (公示)
    "windows": {"zh": "服务窗口", "en": "Windows"},
    "organisations": {"zh": "物业服务机构", "en": "Organisations"},
    "public_notice": {"zh": "公示名单", "en": "Public notice"},
    "rank": {"zh": "序号", "en": "No."},
    "district_code": {"zh": "区(市)县代码", "en": "District code"},
    "window_id": {"zh": "窗口编号", "en": "Window id"},
    "window_name": {"zh": "窗口名称", "en": "Window name"},
    "organisation": {"zh": "物业服务机构", "en": "Organisation"},
    "committee_score": {"zh": "综合考评得分", "en": "Score"},
    "outcome": {"zh": "评选结果", "en": "Result"},
}


def word(key: str, lang: Lang) -> str:
    """A fixed word of :data:`WORDS` in one language."""
    return WORDS[key][lang]


def status_word(status: str, lang: Lang, *, veto: bool = False, bonus: bool = False) -> str:
    """The word for a status (for a veto, its outcome: fired or not; for a bonus: earned or not)."""
    if veto and status in VETO_TEXT:
        return VETO_TEXT[status][lang]
    if bonus and status in BONUS_TEXT:
        return BONUS_TEXT[status][lang]
    return STATUS_TEXT[status][lang]


def check_word(status: str, lang: Lang) -> str:
    """The verdict of a campaign check: passed, failed or no data."""
    return CHECK_TEXT[status][lang]


def aside(text: str, lang: Lang) -> str:
    """A bracketed aside after a word: ``（达标）`` in Chinese, `` (meets)`` (with a space) in English."""
    return f"（{text}）" if lang == "zh" else f" ({text})"
