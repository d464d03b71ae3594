"""A string enum whose members carry a Chinese and an English label.

Each member is declared as ``NAME = "value", "中文", "English"``: the value (the public data-contract string)
and its two labels live side by side, with no registry and no import side effects. The member *is* its
value (``StrEnum``), so it compares equal to, serialises as and is looked up by that string alone.

Example:
    >>> class Assessor(LabelledEnum):
    ...     SELF = "self", "自评", "Self-assessment"
    >>> Assessor("self").label("zh")
    '自评'

"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from .._vocab import Lang

__all__ = ["LabelledEnum", "Lang"]


class LabelledEnum(StrEnum):
    """Base class of the model's enums: a ``StrEnum`` whose members have ``zh`` and ``en`` labels.

    Subclasses declare members as ``NAME = "value", "中文标签", "English label"``.
    """

    _value_: str
    _zh: str
    _en: str

    def __new__(cls, value: str, zh: str = "", en: str = "") -> Self:
        """Create a member whose value is ``value`` and whose labels are ``zh`` and ``en``.

        The labels default to empty only so that a lookup such as ``WindowKind("other")`` type-checks (the
        enum machinery routes lookups elsewhere); declaring a member without both labels is an error.

        Raises:
            TypeError: If a member is declared without a Chinese and an English label.

        """
        if not zh or not en:
            raise TypeError(f"{cls.__name__} member {value!r} needs a Chinese and an English label")
        member = str.__new__(cls, value)
        member._value_ = value
        member._zh = zh
        member._en = en
        return member

    def label(self, lang: Lang) -> str:
        """Return the member's label.

        Args:
            lang: ``"zh"`` for the Chinese label, ``"en"`` for the English one.

        Returns:
            The label in that language.

        Raises:
            ValueError: If ``lang`` is neither ``"zh"`` nor ``"en"``.

        """
        if lang == "zh":
            return self._zh
        if lang == "en":
            return self._en
        raise ValueError(f"unknown label language {lang!r}; expected 'zh' or 'en'")
