"""Stage 2: the rule-file format as pydantic models, and validation with ``file:line:col`` errors.

``standard.yaml`` validates against :class:`StandardSpec` and each ``criteria/*.yaml`` file against a list
of :class:`CriterionSpec`. Pydantic's errors are turned into :class:`~window_standard._errors.Problem`
values located through the spans kept by :mod:`._load`.
"""

from __future__ import annotations

import difflib
import re
import typing
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from ._base import FrozenModel
from ._errors import Problem
from ._load import LoadedYaml
from ._numbers import CENT, DECIMAL_CONTEXT
from ._spec_shape import shape_problems

__all__ = [
    "CategorySpec",
    "CriterionSpec",
    "DistrictChange",
    "DistrictCode",
    "Effective",
    "LevelSpec",
    "ParamScalar",
    "ParamValue",
    "PartSpec",
    "RequiresSpec",
    "Source",
    "SpecModel",
    "StandardSpec",
    "Text",
    "VariantSpec",
    "validate_document",
]

_SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$"
_CRITERION_ID = r"^[A-Z][A-Z0-9]*-[A-Za-z0-9]+$"
_NAME = r"^[a-z][a-z0-9_]*$"
_CONSTANT = r"^[A-Z][A-Z0-9_]*$"
_DISTRICT = r"^([0-9]{6}|[a-z][a-z0-9_]*)$"

ParamScalar = bool | int | Decimal | date | str
ParamValue = ParamScalar | list[ParamScalar] | dict[date, ParamScalar | list[ParamScalar]]
DistrictCode = Annotated[
    str, Field(pattern=_DISTRICT, description="A 6-digit GB/T 2260 code or a functional zone (gaoxin).")
]
Expression = Annotated[str, Field(min_length=1, description="An expression in the rule language.")]


class SpecModel(FrozenModel):
    """The base of every rule-file model: frozen, no unknown keys, fields settable by name or by alias."""

    model_config = ConfigDict(**FrozenModel.model_config, populate_by_name=True)


class Text(SpecModel):
    """A text in Chinese and English (both required)."""

    zh: str = Field(min_length=1, description="Chinese text.")
    en: str = Field(min_length=1, description="English text.")


class Source(SpecModel):
    """Where a criterion comes from: a clause of the notice with its Chinese words, or a stated basis."""

    clause: str | None = Field(None, description="The clause cited, as 'notice §3(1)'.")
    quote: str | None = Field(
        None, description="The Chinese words of the notice the rule rests on, verbatim."
    )
    basis: str | None = Field(None, description="For reconstructed rules: the basis in one line.")


class Effective(SpecModel):
    """The dates an edition is in force (``to`` open-ended when absent)."""

    from_: date = Field(alias="from", description="First day in force.")
    to: date | None = Field(None, description="Last day in force; absent while in force.")


class CategorySpec(SpecModel):
    """A scoring category with its maximum points."""

    id: str = Field(pattern=r"^[A-Z]{2,8}$", description="Short upper-case id, e.g. ENV.")
    title: Text
    points: Decimal = Field(gt=0, description="Maximum points of the category.")


class LevelSpec(SpecModel):
    """A level of the result; levels are listed best first and the last one is the fallback."""

    id: str = Field(pattern=_NAME, description="Level id, e.g. meets.")
    title: Text
    min_score: str | Decimal | None = Field(
        None, description="Threshold: a parameter name or a number. Absent only on the last (fallback) level."
    )


class PartSpec(SpecModel):
    """One part of a composite criterion (``parts:``): its own points, test and explanation."""

    id: str = Field(pattern=_NAME, description="Name of the part inside its criterion, e.g. clean.")
    title: Text
    points: Decimal = Field(gt=0, description="Points the part earns when its condition holds.")
    condition: Expression = Field(description="The part's all-or-nothing test.")
    explain: Text | None = Field(None, description="Explanation templates of the part.")


class RequiresSpec(SpecModel):
    """What a criterion needs to be assessed at all (``requires:``): unmet or unknown, it is no data."""

    condition: Expression = Field(description="The test; its value is the let binding named 'requires'.")
    explain: Text = Field(description="The sentence when it does not hold (templates as in explain).")


class CriterionSpec(SpecModel):
    """One rule: a scored criterion, a prerequisite (gate), a veto or a bonus."""

    id: str = Field(pattern=_CRITERION_ID, description="Stable id, e.g. LF-2.")
    kind: Literal["scored", "prerequisite", "veto", "bonus"] = "scored"
    category: str | None = Field(None, description="Category id; required for scored criteria.")
    points: Decimal | None = Field(None, gt=0, description="Maximum points (scored and bonus).")
    title: Text
    source: Source
    provenance: Literal["notice", "reconstructed"]
    threshold: Literal["notice", "reconstructed"] | None = Field(
        None,
        description="Where numbers come from when the requirement is the notice's but not the threshold.",
    )
    let: dict[Annotated[str, Field(pattern=_NAME)], Expression] = Field(
        default_factory=dict, description="Named intermediate values, evaluated in order."
    )
    applies_when: Expression | None = Field(None, description="When false the criterion is not applicable.")
    condition: Expression | None = Field(None, description="All-or-nothing test (gate holds / veto fires).")
    score: Expression | None = Field(
        None, description="Points earned; clamped to [0, points], rounded half-up."
    )
    parts: list[PartSpec] | None = Field(
        None,
        min_length=2,
        exclude_if=lambda value: (
            value is None
        ),  # absent from dumps: rule sets without parts keep their digest
        description="A composite criterion: parts scored each on its own evidence (instead of condition "
        "or score); their points add up to the criterion's.",
    )
    requires: RequiresSpec | None = Field(
        None,
        exclude_if=lambda value: value is None,
        description="What the criterion needs to be assessed at all: when false (or no data) it is no data.",
    )
    explain: Text | None = Field(None, description="Explanation templates with {name} placeholders.")
    explain_no_data: Text | None = Field(
        None,
        exclude_if=lambda value: value is None,
        description="The sentence when the criterion has no data (templates as in explain); e.g. the "
        "evidence to provide.",
    )
    explain_not_applicable: Text | None = Field(
        None,
        exclude_if=lambda value: value is None,
        description="The sentence when the criterion does not apply (templates as in explain).",
    )
    advice: Text | None = Field(None, description="What to do to recover the points (rectification).")
    effort: int = Field(2, ge=1, le=3, description="Effort of the fix: 1 low, 2 medium, 3 high.")
    rectifiable: bool = Field(
        True,
        exclude_if=lambda value: value is True,  # the default is left out of the digest (1.0.0's stays)
        description="Whether a failure can be put right within the campaign period; false for what cannot be "
        "undone (a confirmed accident, a window outside the area): a rectification plan then says the target "
        "cannot be reached.",
    )
    always_holds: str | None = Field(
        None,
        min_length=1,
        description="For a prerequisite that the input model already guarantees: why it cannot fail for a "
        "valid window. The gate stays on the scoring sheet; the property check does not expect it to fail.",
    )

    @field_validator("points")
    @classmethod
    def _two_places(cls, value: Decimal | None) -> Decimal | None:
        if value is None:
            return None
        try:  # a fixed context: loading must not depend on the caller's decimal precision
            quantized = value.quantize(CENT, context=DECIMAL_CONTEXT)
        except InvalidOperation:
            raise ValueError("points are too large") from None
        if value != quantized:
            raise ValueError("points have at most two decimal places")
        return quantized

    @model_validator(mode="after")
    def _kind_shape(self) -> CriterionSpec:
        problems = shape_problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self


class DistrictChange(SpecModel):
    """A district code superseded on a date (``district_changes`` in ``standard.yaml``)."""

    to: DistrictCode = Field(description="The code in force after the change.")
    since: date = Field(description="The day the change took effect.")
    how: Text = Field(description="What happened, as a verb phrase: {zh: 撤县设区, en: became a district}.")


class StandardSpec(SpecModel):
    """An edition's ``standard.yaml``: identity, parameters, constants, district names, categories, levels."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Edition id, e.g. cdpma-window-2013.")
    version: str = Field(pattern=_SEMVER, description="Semver of this encoding.")
    title: Text
    document: str = Field(min_length=1, description="The document encoded, e.g. 成物协〔2013〕9号 附件1.")
    provenance: Literal["official", "reconstructed"]
    disclaimer: Text | None = Field(
        None, description="Required for reconstructed editions: what is reconstructed."
    )
    effective: Effective
    total: Decimal = Field(Decimal(100), gt=0, description="Points of all categories together.")
    parameters: dict[Annotated[str, Field(pattern=_NAME)], ParamValue] = Field(default_factory=dict)
    constants: dict[Annotated[str, Field(pattern=_CONSTANT)], ParamScalar | list[ParamScalar]] = Field(
        default_factory=dict
    )
    district_names: dict[DistrictCode, Text] = Field(
        default_factory=dict,
        # left out of dumps (and so of the digest) when empty: a rule set without names keeps its digest
        exclude_if=lambda names: not names,
        description="Names of district codes and functional zones for reports: code -> {zh, en}.",
    )
    district_changes: dict[DistrictCode, DistrictChange] = Field(
        default_factory=dict,
        exclude_if=lambda changes: not changes,
        description="Superseded district codes: old code -> {to, since, how}. A window still coded the old "
        "way on or after 'since' gets a data-quality warning naming the code in force.",
    )
    veto_without_data: Literal["passes", "blocks"] = Field(
        "passes",
        exclude_if=lambda value: value == "passes",
        description="A veto whose condition has no data: 'passes' (does not fire) or 'blocks' (status "
        "no_data, the window gets the last level, and the veto is in the rectification list).",
    )
    former_digests: list[Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]] = Field(
        default_factory=list,
        # never part of a dump (and so of the digest): it names earlier digests of these same rules
        exclude=True,
        description=(
            "Digests this edition had before a change that left every outcome as it was (e.g. names moved "
            "into standard.yaml); load_standard(digest=...) accepts them as aliases."
        ),
    )
    categories: list[CategorySpec] = Field(min_length=1)
    levels: list[LevelSpec] = Field(min_length=2)
    criteria: list[CriterionSpec] = Field(default_factory=list, description="Filled from criteria/*.yaml.")

    @model_validator(mode="after")
    def _reconstructed_says_so(self) -> StandardSpec:
        if self.provenance == "reconstructed" and self.disclaimer is None:
            raise ValueError("a reconstructed edition needs a 'disclaimer' saying what is reconstructed")
        return self


class VariantSpec(SpecModel):
    """``standard.yaml`` of a variant: an edition that ``extends`` another and changes part of it.

    Unset fields are inherited from the base edition, and set ones replace the base's (``district_names``
    as a whole table); ``parameters`` and ``constants`` are merged into the base's (a variant's value wins);
    criteria in the variant's ``criteria/*.yaml`` are new unless their id is listed in ``replace``; ids in
    ``remove`` are dropped from the base.
    """

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="Edition id of the variant.")
    version: str = Field(pattern=_SEMVER, description="Semver of the variant's encoding.")
    extends: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*(@(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))?$",
        description="The base edition: 'id' or 'id@version'.",
    )
    title: Text
    effective: Effective
    document: str | None = None
    provenance: Literal["official", "reconstructed"] | None = None
    disclaimer: Text | None = None
    total: Decimal | None = Field(None, gt=0, description="A new total, when the variant changes the points.")
    parameters: dict[Annotated[str, Field(pattern=_NAME)], ParamValue] = Field(default_factory=dict)
    constants: dict[Annotated[str, Field(pattern=_CONSTANT)], ParamScalar | list[ParamScalar]] = Field(
        default_factory=dict
    )
    district_names: dict[DistrictCode, Text] | None = Field(
        None, description="A new table of district names (replaces the base's whole table)."
    )
    categories: list[CategorySpec] | None = None
    levels: list[LevelSpec] | None = None
    replace: list[Annotated[str, Field(pattern=_CRITERION_ID)]] = Field(
        default_factory=list, description="Ids of base criteria redefined in the variant's criteria files."
    )
    remove: list[Annotated[str, Field(pattern=_CRITERION_ID)]] = Field(
        default_factory=list, description="Ids of base criteria the variant drops."
    )


_M = TypeVar("_M")


def validate_document(
    adapter: TypeAdapter[_M], loaded: LoadedYaml, root: type[BaseModel]
) -> tuple[_M | None, list[Problem]]:
    """Validate loaded YAML data, turning pydantic errors into located problems.

    Args:
        adapter: The adapter of the target type (a spec model or a list of them).
        loaded: The loaded document.
        root: The spec model at the document's root (or the item model of a list), for key suggestions.

    Returns:
        The validated value (None when invalid) and the problems found.
    """
    try:
        return adapter.validate_python(loaded.data), []
    except ValidationError as exc:
        return None, [_problem(error, loaded, root) for error in exc.errors(include_url=False)]


def _problem(error: Any, loaded: LoadedYaml, root: type[BaseModel]) -> Problem:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith(("function-", "union["))))
    loc = tuple(p for p in loc if p not in ("list[...]", "dict[date,...]"))
    where = _dotted(loc) or "document"
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = sorted(_fields_at(root, loc[:-1]))
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed keys here: {', '.join(allowed)}"
        return Problem("WS201", f"unknown key '{key}' at {where}", hint, loaded.locate(loc, key=True))
    if kind == "missing":
        return Problem(
            "WS202", f"missing required key '{loc[-1]}' at {where}", "add it", loaded.locate(loc[:-1])
        )
    message = re.sub(r"^Value error, ", "", error["msg"])
    return Problem(
        "WS203", f"invalid value at {where}: {message}", "see docs/rule-language.md", loaded.locate(loc)
    )


def _dotted(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> set[str]:
    """Keys allowed at a path inside a spec model (by alias), for 'did you mean' hints."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return set()
        field_info = current.model_fields.get(str(part)) or next(
            (f for f in current.model_fields.values() if f.alias == part), None
        )
        if field_info is None:
            return set()
        current = _inner_model(field_info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return {f.alias or name for name, f in current.model_fields.items()}
    return set()


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
