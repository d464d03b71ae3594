"""The campaign of notice 成物协〔2013〕9号: application review, outcomes, public notice and lifecycle.

The rules live in ``rules/<edition>/campaign.yaml`` (timetable, checks APP-1 ... APP-7, warnings, outcome
rules), written in the rule language and compiled with the criteria's machinery.
"""

from __future__ import annotations

from .campaign import Campaign, Phase, campaign_outcomes, load_campaign, review_application
from .lifecycle import (
    decide,
    endorse,
    publish,
    recommend,
    record_evaluation,
    self_assess,
    start_application,
    submit,
)
from .outcomes import CampaignOutcomes, OrganisationOutcome, WindowOutcome
from .publish import NoticeEntry
from .review import ApplicationReview, CampaignStamp, CheckResult, ReviewWarning, SelfAssessmentCheck
from .states import (
    ApplicationState,
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
    Step,
    Submitted,
    load_state,
)
from .transitions import TRANSITIONS, Accepted, Refused, StepRule, Transition

__all__ = [
    "TRANSITIONS",
    "Accepted",
    "ApplicationReview",
    "ApplicationState",
    "Campaign",
    "CampaignOutcomes",
    "CampaignStamp",
    "CheckResult",
    "Decision",
    "Draft",
    "Endorsed",
    "Evaluated",
    "Evaluation",
    "Honoured",
    "NotHonoured",
    "NoticeEntry",
    "OrganisationOutcome",
    "Phase",
    "Published",
    "Recommended",
    "Refused",
    "ReviewWarning",
    "SelfAssessed",
    "SelfAssessmentCheck",
    "Step",
    "StepRule",
    "Submitted",
    "Transition",
    "WindowOutcome",
    "campaign_outcomes",
    "decide",
    "endorse",
    "load_campaign",
    "load_state",
    "publish",
    "recommend",
    "record_evaluation",
    "review_application",
    "self_assess",
    "start_application",
    "submit",
]
