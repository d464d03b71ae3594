"""The one frozen model base: every document and result model of the library derives from it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["MAX_ITEMS", "MAX_TEXT", "FrozenModel", "InputModel"]

#: The longest text field of a window or an application, in characters.
MAX_TEXT = 1000
#: The most items a list of a window or an application may hold (activities, reports, materials).
MAX_ITEMS = 10_000


class FrozenModel(BaseModel):
    """An immutable pydantic model that rejects unknown fields (``extra="forbid"``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class InputModel(FrozenModel):
    """The base of the documents the library reads from outside (windows, applications): bounded texts.

    A validation error's text names the field path and what is expected but does not repeat the input (no
    Python reprs such as ``Decimal('54')`` for a portal's users, and no seconds spent printing a list of a
    million items); ``errors()`` still carries each input.
    """

    model_config = ConfigDict(**FrozenModel.model_config, str_max_length=MAX_TEXT, hide_input_in_errors=True)
