"""The campaign of notice 成物协〔2013〕9号 (public): application review, outcomes, public notice, lifecycle.

The most used names are also exported from :mod:`window_standard` itself (``ws.review_application``,
``ws.campaign_outcomes``, ``ws.Application``). Everything a portal needs to run applications through the
timetable — the lifecycle states and transition functions — lives here::

    import window_standard.campaign as wc
    state = wc.start_application(window, contact=contact)

See ``docs/campaign.md``.
"""

from __future__ import annotations

from . import _campaign
from ._campaign import *  # noqa: F403 - this module is the public face of the private package
from ._model import Application

__all__ = [*_campaign.__all__, "Application"]
