"""The fixed words of the printed report and the application form, in Chinese and English."""

from __future__ import annotations

from typing import Final

from .._vocab import Lang

__all__ = ["REPORT_WORDS", "words"]

#: Labels of the report and the form.
REPORT_WORDS: Final[dict[str, dict[str, str]]] = {
    "report_title": {"zh": "物业管理优质服务窗口自查自评报告", "en": "Service window self-assessment report"},
    "form_title": {
        "zh": "成都市物业管理“学雷锋”优质服务窗口申报表",
        "en": "Application: Chengdu property-management quality service window",
    },
    "window_name": {"zh": "窗口名称", "en": "Window"},
    "window_id": {"zh": "窗口编号", "en": "Window id"},
    "window_kind": {"zh": "窗口类型", "en": "Kind"},
    "address": {"zh": "窗口地址", "en": "Address"},
    "organisation": {"zh": "物业服务机构", "en": "Organisation"},
    "codes": {"zh": "统一社会信用代码/组织机构代码", "en": "Credit code / organisation code"},
    "district": {"zh": "所在区(市)县", "en": "District"},
    "assessed_on": {"zh": "评定日期", "en": "Assessment date"},
    "assessor": {"zh": "评定方式", "en": "Assessed by"},
    "standard": {"zh": "评定标准", "en": "Standard"},
    "version": {"zh": "版本", "en": "Version"},
    "digest": {"zh": "规则集摘要", "en": "Rule-set digest"},
    "level": {"zh": "评定等级", "en": "Level"},
    "score": {"zh": "总分", "en": "Total"},
    "detail": {
        "zh": "适用条目得分 {raw} / {raw_max}（折算为百分制），加分 {bonus}",
        "en": "applicable criteria {raw} / {raw_max} (normalised to 100), bonus {bonus}",
    },
    "categories": {"zh": "分类得分", "en": "Scores by category"},
    "criteria": {"zh": "评分明细", "en": "Criteria"},
    "gates": {"zh": "前提条件与一票否决", "en": "Prerequisites and vetoes"},
    "bonus": {"zh": "加分项", "en": "Bonus"},
    "id": {"zh": "编号", "en": "Id"},
    "item": {"zh": "条目", "en": "Criterion"},
    "status": {"zh": "结果", "en": "Status"},
    "points": {"zh": "得分/满分", "en": "Points"},
    "explanation": {"zh": "说明", "en": "Explanation"},
    "clause": {"zh": "依据", "en": "Basis"},
    "reconstructed": {"zh": "重构", "en": "reconstructed"},
    "plan": {"zh": "整改方案", "en": "Rectification plan"},
    "plan_to": {
        "zh": "达到“{level}”（总分不低于 {threshold}）",
        "en": "To reach “{level}” ({threshold} or more)",
    },
    "no": {"zh": "序号", "en": "No."},
    "action": {"zh": "整改措施", "en": "What to do"},
    "effort": {"zh": "难度", "en": "Effort"},
    "recovered": {"zh": "本项恢复", "en": "Points here"},
    "gain": {"zh": "总分增加", "en": "On the total"},
    "after": {"zh": "整改后总分", "en": "Total after"},
    "clear_first": {"zh": "须先满足或消除", "en": "clear first"},
    "plan_total": {
        "zh": "完成后总分 {score}，难度合计 {effort}",
        "en": "Total after the plan {score}; effort {effort}",
    },
    "unreachable": {"zh": "无法达到：", "en": "Cannot be reached: "},
    "nothing_to_fix": {"zh": "已达标，无需整改。", "en": "The window meets the standard: nothing to fix."},
    "signature": {"zh": "窗口负责人（签字）：", "en": "Head of the window (signature):"},
    "date": {"zh": "日期：", "en": "Date:"},
    "generated": {
        "zh": "本报告依据上述规则集自动生成，可凭规则集摘要复核。",
        "en": "Generated from the rule set above; the digest lets anyone reproduce it.",
    },
    "none": {"zh": "无", "en": "none"},
    "lp": {"zh": "（", "en": " ("},
    "rp": {"zh": "）", "en": ")"},
    "colon": {"zh": "：", "en": ": "},
    "comma": {"zh": "，", "en": ", "},
    # the application form
    "contact": {"zh": "联系人及电话", "en": "Contact"},
    "self_assessment": {"zh": "自评得分与等级", "en": "Self-assessed score and level"},
    "recomputed": {"zh": "复核得分与等级", "en": "Recomputed score and level"},
    "org_opinion": {"zh": "物业服务机构推荐意见", "en": "Recommendation of the organisation"},
    "district_opinion": {"zh": "区(市)县物业管理主管部门推荐意见", "en": "Opinion of the district authority"},
    "recommends": {"zh": "同意推荐", "en": "Recommended"},
    "not_recommends": {"zh": "不同意推荐", "en": "Not recommended"},
    "signatory": {"zh": "负责人（签字）：", "en": "Signed by:"},
    "seal": {"zh": "（盖章）", "en": "(seal)"},
    "materials": {"zh": "申报材料清单", "en": "Materials"},
    "received_on": {"zh": "协会受理日期", "en": "Received by the association"},
    "review": {"zh": "申报审核意见", "en": "Review of the application"},
    "accepted": {"zh": "审核通过，予以受理。", "en": "Accepted."},
    "rejected": {"zh": "不予受理，未通过的审核项如下：", "en": "Not accepted; the failed checks:"},
    "check": {"zh": "审核项", "en": "Check"},
    "warnings": {"zh": "提示", "en": "Warnings"},
}


def words(lang: Lang) -> dict[str, str]:
    """Every fixed word in one language."""
    return {key: texts[lang] for key, texts in REPORT_WORDS.items()}
