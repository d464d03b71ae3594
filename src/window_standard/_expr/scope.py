"""What names in an expression may refer to: the scope an expression is checked in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .types import Type

__all__ = ["Scope"]


@dataclass(frozen=True)
class Scope:
    """Everything a name may refer to while checking one expression.

    Attributes:
        root: The window model class (fields resolve against it last).
        params: Declared parameters and their types.
        constants: Named constants and their values.
        lets: ``let`` bindings defined so far, with their types.
        allow_points: Whether ``points`` (the criterion's maximum) is available.
        items: Types of the items of enclosing collection functions, outermost first.
    """

    root: type[BaseModel]
    params: dict[str, Type]
    constants: dict[str, tuple[Type, Any]]
    lets: dict[str, Type] = field(default_factory=dict)
    allow_points: bool = False
    items: tuple[Type, ...] = ()

    def with_item(self, item: Type) -> Scope:
        """A scope one collection deeper."""
        return Scope(
            self.root, self.params, self.constants, self.lets, self.allow_points, (*self.items, item)
        )
