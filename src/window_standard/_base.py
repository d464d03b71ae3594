"""The one frozen model base: every document and result model of the library derives from it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["FrozenModel"]


class FrozenModel(BaseModel):
    """An immutable pydantic model that rejects unknown fields (``extra="forbid"``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
