"""The streaming monitor (public): subjects fed facts as they happen, events when decisions change.

::

    from window_standard.monitor import Monitor, SurveyCompleted
    monitor = Monitor(ws.load_standard())
    monitor.open("w-1", window)
    events = monitor.feed("w-1", SurveyCompleted(satisfied=True))

Durable-backed where the ``durable`` extra is installed. See ``docs/durable.md``.
"""

from __future__ import annotations

from . import _monitor
from ._monitor import *  # noqa: F403 - this module is the public face of the private package

__all__ = list(_monitor.__all__)
