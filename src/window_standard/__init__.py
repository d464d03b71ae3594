"""window-standard: the Chengdu quality service window standard (成物协〔2013〕9号) as rules-as-code.

Load an edition with :func:`load_standard`, evaluate a :class:`Window` with :meth:`Standard.evaluate`, and
read the explainable :class:`Result`. Everything not listed in ``__all__`` is private.
"""

from __future__ import annotations

from ._campaign import ApplicationReview, CampaignOutcomes, campaign_outcomes, review_application
from ._diff import StandardDiff, diff
from ._engine import engines
from ._errors import Location, Problem, RuleDefinitionError, WindowStandardError
from ._library import EditionInfo, Library, list_editions, load_standard
from ._model import Application, Window
from ._result import CategoryResult, CriterionResult, LocalText, Rectification, Result, StandardStamp
from ._standard import Standard

__version__ = "0.1.0"

__all__ = [
    "Application",
    "ApplicationReview",
    "CampaignOutcomes",
    "CategoryResult",
    "CriterionResult",
    "EditionInfo",
    "Library",
    "LocalText",
    "Location",
    "Problem",
    "Rectification",
    "Result",
    "RuleDefinitionError",
    "Standard",
    "StandardDiff",
    "StandardStamp",
    "Window",
    "WindowStandardError",
    "__version__",
    "campaign_outcomes",
    "diff",
    "engines",
    "list_editions",
    "load_standard",
    "review_application",
]
