"""One zh/en vocabulary: the words for statuses, veto outcomes and the user interface.

Every module that shows a status, a veto outcome or a fixed interface word to a person takes it from here,
so one concept has one term in each language.
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["NO_DATA", "STATUS_TEXT", "VETO_TEXT", "Lang", "status_word"]

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

#: What a missing value reads as.
NO_DATA: Final[dict[str, str]] = STATUS_TEXT["no_data"]


def status_word(status: str, lang: Lang, *, veto: bool = False) -> str:
    """The word for a status (for a veto, its outcome: fired or not)."""
    if veto and status in VETO_TEXT:
        return VETO_TEXT[status][lang]
    return STATUS_TEXT[status][lang]
