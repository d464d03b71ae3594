"""Static types of the expression language, and how they are read off the pydantic window model.

Every expression is type-checked at load time. A type is one of a few kinds (number, bool, str, date, enum,
list, model) plus a ``nullable`` flag: a nullable value may be "no data" at run time, and the type checker
uses the flag to decide where the generated code must guard against it.
"""

from __future__ import annotations

import types as _pytypes
import typing
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel

__all__ = ["Kind", "Type", "field_type", "model_fields", "type_of_value"]

Kind = Literal["number", "bool", "str", "date", "enum", "list", "model"]


@dataclass(frozen=True)
class Type:
    """The static type of an expression.

    Attributes:
        kind: The kind of value.
        nullable: Whether the value may be "no data" (``None``) at run time.
        enum: For ``enum``: the enum class, whose values are the allowed strings.
        item: For ``list``: the type of the items.
        model: For ``model``: the pydantic model class.
    """

    kind: Kind
    nullable: bool = False
    enum: type[Enum] | None = None
    item: Type | None = None
    model: type[BaseModel] | None = None

    def with_nullable(self, nullable: bool) -> Type:
        """The same type with the given nullability."""
        return self if self.nullable == nullable else replace(self, nullable=nullable)

    @property
    def is_textual(self) -> bool:
        """True for strings and enums (which compare with strings)."""
        return self.kind in ("str", "enum")

    def describe(self) -> str:
        """A short human description, as used in error messages (``number``, ``list of Activity``)."""
        if self.kind == "enum" and self.enum is not None:
            text = f"{self.enum.__name__} (one of {', '.join(repr(m.value) for m in self.enum)})"
        elif self.kind == "list" and self.item is not None:
            text = f"list of {self.item.describe()}"
        elif self.kind == "model" and self.model is not None:
            text = self.model.__name__
        else:
            text = self.kind
        return text + (" or no data" if self.nullable else "")


NUMBER = Type("number")
BOOL = Type("bool")
STR = Type("str")
DATE = Type("date")


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, _pytypes.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], len(args) != len(typing.get_args(annotation))
    return annotation, False


def field_type(annotation: Any) -> Type | None:
    """The expression type of a model field annotation, or None when the language cannot read it.

    Args:
        annotation: A pydantic field annotation (``int | None``, ``list[Activity]``, ``Staff`` ...).
    """
    inner, nullable = _unwrap_optional(annotation)
    if typing.get_origin(inner) is typing.Annotated:
        inner = typing.get_args(inner)[0]
    base: Type | None
    if typing.get_origin(inner) is list:
        item = field_type(typing.get_args(inner)[0])
        base = None if item is None else Type("list", item=item)
    elif inner is bool:
        base = BOOL
    elif inner in (int, Decimal):
        base = NUMBER
    elif inner is str:
        base = STR
    elif inner is date:
        base = DATE
    elif isinstance(inner, type) and issubclass(inner, Enum):
        base = Type("enum", enum=inner)
    elif isinstance(inner, type) and issubclass(inner, BaseModel):
        base = Type("model", model=inner)
    else:
        base = None
    return None if base is None else base.with_nullable(nullable)


def model_fields(model: type[BaseModel]) -> dict[str, Type]:
    """The readable fields of a model and their expression types (fields of other types are skipped)."""
    found: dict[str, Type] = {}
    for name, info in model.model_fields.items():
        typ = field_type(info.annotation)
        if typ is not None:
            found[name] = typ
    return found


def type_of_value(value: Any) -> Type | None:
    """The expression type of a parameter or constant value from a rule file, or None if unsupported.

    Lists become ``list`` types whose item type is that of their elements (all of one kind).
    """
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, (int, Decimal)):
        return NUMBER
    if isinstance(value, str):
        return STR
    if isinstance(value, date):
        return DATE
    if isinstance(value, (list, tuple, frozenset)):
        kinds = {type_of_value(v) for v in value}
        if len(kinds) == 1:
            (item,) = kinds
            return None if item is None or item.kind == "list" else Type("list", item=item)
        if not kinds:
            return Type("list", item=STR)
    return None
