"""window-standard: the Chengdu quality service window standard (成物协〔2013〕9号) as rules-as-code.

Load an edition with :func:`load_standard`, evaluate a :class:`Window` with :meth:`Standard.evaluate`, and
read the explainable :class:`Result`. Everything not listed in ``__all__`` is private.

The public names are imported on first use (PEP 562), so that ``import window_standard`` stays cheap and
loads only what a program uses: the campaign and the comparison of standards are not imported until
``review_application``, ``campaign_outcomes`` or ``diff`` (or their classes) are asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    "Plan",
    "PlanStep",
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
    "read_windows",
    "review_application",
]

if TYPE_CHECKING:
    from . import examples as examples  # a public submodule, like campaign and testing (not in __all__)
    from ._analysis.io import read_windows
    from ._campaign.campaign import campaign_outcomes, review_application
    from ._campaign.outcomes import CampaignOutcomes
    from ._campaign.review import ApplicationReview
    from ._diff import StandardDiff, diff
    from ._engine import engines
    from ._errors import Location, Problem, RuleDefinitionError, WindowStandardError
    from ._library import EditionInfo, Library, list_editions, load_standard
    from ._model import Application, Window
    from ._plan import Plan, PlanStep
    from ._result import CategoryResult, CriterionResult, LocalText, Rectification, Result, StandardStamp
    from ._standard import Standard
else:
    # Where each public name is defined: the module is imported the first time the name is asked for.
    _LAZY = {
        "Application": "._model",
        "ApplicationReview": "._campaign.review",
        "CampaignOutcomes": "._campaign.outcomes",
        "CategoryResult": "._result",
        "CriterionResult": "._result",
        "EditionInfo": "._library",
        "Library": "._library",
        "LocalText": "._result",
        "Location": "._errors",
        "Plan": "._plan",
        "PlanStep": "._plan",
        "Problem": "._errors",
        "Rectification": "._result",
        "Result": "._result",
        "RuleDefinitionError": "._errors",
        "Standard": "._standard",
        "StandardDiff": "._diff",
        "StandardStamp": "._result",
        "Window": "._model",
        "WindowStandardError": "._errors",
        "campaign_outcomes": "._campaign.campaign",
        "diff": "._diff",
        "engines": "._engine",
        "list_editions": "._library",
        "load_standard": "._library",
        "read_windows": "._analysis.io",
        "review_application": "._campaign.campaign",
    }

    def __getattr__(name: str) -> object:
        """Import a public name on first use, and keep it in the module (later lookups are plain).

        ``report`` (the printable documents), ``examples`` (example windows and applications shipped in the
        package) and ``analysis`` (populations) are public submodules, imported on first use likewise.
        """
        import importlib

        if name in ("report", "examples", "analysis"):  # window_standard.examples.window("1-meets")
            return importlib.import_module(f".{name}", __name__)
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(
                f"module {__name__!r} has no attribute {name!r}; its public names are listed in "
                f"window_standard.__all__"
            )
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        """The module's attributes, with every public name whether it has been imported yet or not."""
        return sorted({*globals(), *__all__} - {"_LAZY", "__getattr__", "__dir__", "TYPE_CHECKING"})
