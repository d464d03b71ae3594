"""Golden case files: the pydantic models of a case, and the loaded, ready-to-run :class:`GoldenCase`.

A case file (``RULES_DIR/cases/*.yaml``, except ``base-*.yaml``) is a YAML list of cases. Each case names a
base window (a full window document ``base-*.yaml`` in the same folder), changes it with dotted-path
overrides, and states what the evaluation must give. See :mod:`window_standard._golden` for the format and
:mod:`window_standard._golden.load` for loading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .._errors import Location, Problem, RuleDefinitionError
from .._model import Window

__all__ = ["CASE_HINT", "CaseFileError", "CaseSpec", "ExpectSpec", "GoldenCase", "Status"]

CASE_HINT = "see the golden case format in the rule set's README.md"
_POINTS_TEXT = re.compile(r"^-?[0-9]+(\.[0-9]{1,2})?$")
_SEGMENT = r"([a-z_][a-z0-9_]*|[0-9]+)"
_DOTTED = rf"^[a-z_][a-z0-9_]*(\.{_SEGMENT})*$"

Status = Literal["pass", "partial", "fail", "not_applicable", "no_data"]
DottedPath = Annotated[str, Field(pattern=_DOTTED, description="A dotted path: staff.headcount.")]
RuleId = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9]*-[A-Za-z0-9]+$")]


def _points(value: object) -> object:
    """Accept points as a decimal string (``"89.99"``), an integer or a decimal; never a bool or float."""
    if isinstance(value, (bool, float)):
        raise ValueError(f'points are written as a decimal string such as "89.99", not {value!r}')
    if isinstance(value, str):
        if not _POINTS_TEXT.match(value.strip()):
            raise ValueError(f"'{value}' is not a decimal with at most two places, such as \"89.99\"")
        return Decimal(value.strip())
    if isinstance(value, Decimal) and (not value.is_finite() or value != value.quantize(Decimal("0.01"))):
        raise ValueError(f"{value} is not a decimal with at most two places")
    return value


Points = Annotated[Decimal, BeforeValidator(_points)]


class _CaseModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ExpectSpec(_CaseModel):
    """What the evaluation of a case must give; every field given is checked exactly."""

    level: str | None = Field(None, description="The level id: meets, rectify or fails.")
    score: Points | None = Field(None, description="The total (normalised, with bonus, capped).")
    bonus: Points | None = Field(None, description="The bonus points earned.")
    criteria: dict[RuleId, Points | None] = Field(
        default_factory=dict, description="Points per criterion (null: not applicable)."
    )
    status: dict[RuleId, Status] = Field(default_factory=dict, description="Status per rule.")
    vetoes: list[RuleId] | None = Field(None, description="Exactly the vetoes that fire.")
    prerequisites: list[RuleId] | None = Field(None, description="Exactly the prerequisites that fail.")

    @model_validator(mode="before")
    @classmethod
    def _null_is_empty(cls, data: Any) -> Any:
        return {} if data is None else data

    @model_validator(mode="after")
    def _asserts_something(self) -> ExpectSpec:
        given = (self.level, self.score, self.bonus, self.vetoes, self.prerequisites)
        if not self.criteria and not self.status and all(value is None for value in given):
            raise ValueError(
                "a case must expect something: give at least one of level, score, bonus, criteria, "
                "status, vetoes, prerequisites"
            )
        return self

    @property
    def targets(self) -> tuple[str, ...]:
        """The rule ids this expectation names, in order of first mention."""
        ids = [*self.criteria, *self.status, *(self.vetoes or ()), *(self.prerequisites or ())]
        return tuple(dict.fromkeys(ids))


class CaseSpec(_CaseModel):
    """One golden case as written in a case file."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=80, description="Unique case name.")
    description: str = Field(min_length=1, description="What the case shows, in one line.")
    base: str = Field(pattern=r"^base-[A-Za-z0-9_.-]+\.yaml$", description="A base-*.yaml window beside it.")
    set_: dict[DottedPath, Any] = Field(default_factory=dict, alias="set", description="Values to replace.")
    remove: list[DottedPath] = Field(default_factory=list, description="Keys to delete.")
    as_of: date | None = Field(None, description="Evaluate with parameters in force on this date.")
    expect: ExpectSpec


@dataclass(frozen=True)
class GoldenCase:
    """A validated case, ready to run.

    Attributes:
        name: Unique case name (the pytest id).
        description: What the case shows.
        location: Where the case starts in its file.
        window: The window built from the base and the overrides.
        as_of: The evaluation date override, if any.
        expect: What the evaluation must give.
    """

    name: str
    description: str
    location: Location
    window: Window
    as_of: date | None
    expect: ExpectSpec

    @property
    def targets(self) -> tuple[str, ...]:
        """The rule ids the case asserts something about."""
        return self.expect.targets


class CaseFileError(RuleDefinitionError):
    """Golden case files are invalid; carries every problem found, sorted by location."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        super().__init__(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in golden case files"
        self.args = (head + ":\n" + "\n".join(p.render() for p in self.problems),)
