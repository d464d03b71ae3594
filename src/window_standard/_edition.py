"""Stage 2b: read an edition folder into validated specs, resolving ``extends`` for variants.

An edition folder holds ``standard.yaml`` and ``criteria/*.yaml`` (read in name order). A variant's
``standard.yaml`` says ``extends: <id>[@version]``: its base is read first (through a ``find_base``
callable supplied by the caller, so no global registry is consulted), then parameters and constants are
merged, criteria removed/replaced/added, and the merged rule set validated as a whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ._errors import Location, Problem, RuleDefinitionError
from ._load import LoadedYaml, load_yaml_file
from ._spec import CriterionSpec, StandardSpec, VariantSpec, validate_document

__all__ = ["MAX_CRITERIA", "Edition", "FindBase", "Source", "read_edition"]

#: The most criteria (of every kind) one edition's criteria files may hold.
MAX_CRITERIA = 1000

_STANDARD_ADAPTER = TypeAdapter(StandardSpec)
_VARIANT_ADAPTER = TypeAdapter(VariantSpec)
_CRITERIA_ADAPTER = TypeAdapter(list[CriterionSpec])
_MAX_EXTENDS = 8

#: A criterion with the file it came from and its path inside that file.
Source = tuple[LoadedYaml, tuple[int], CriterionSpec]
#: Finds the folder of a base edition by id and optional version, or returns None.
FindBase = Callable[[str, str | None], Path | None]


@dataclass
class Edition:
    """An edition read from disk: the merged spec and where every part came from.

    Attributes:
        head: ``standard.yaml`` of the edition itself (for locations of parameters, levels, categories).
        spec: The merged, validated rule set with its criteria.
        sources: Each criterion with its file and path, in order.
        bases: Ids of the editions it extends, nearest first.
    """

    head: LoadedYaml
    spec: StandardSpec
    sources: list[Source]
    bases: list[str] = field(default_factory=list)


def read_edition(
    folder: Path, find_base: FindBase, problems: list[Problem], depth: int = 0
) -> Edition | None:
    """Read and validate an edition folder (and, for a variant, its bases).

    Args:
        folder: The edition folder.
        find_base: Locates a base edition's folder for ``extends``.
        problems: Where problems are appended.
        depth: How many ``extends`` led here (to stop cycles).

    Returns:
        The edition, or None when its ``standard.yaml`` is unusable (the problems say why).
    """
    head_path = folder / "standard.yaml"
    if not head_path.is_file():
        problems.append(
            Problem(
                "WS106",
                f"no standard.yaml in {folder}",
                "point at an edition folder",
                Location(str(head_path), 1, 1),
            )
        )
        return None
    try:
        head = load_yaml_file(head_path, folder)
    except RuleDefinitionError as exc:
        problems.extend(exc.problems)
        return None
    if isinstance(head.data, dict) and "criteria" in head.data:
        problems.append(
            Problem(
                "WS201",
                "criteria belong in criteria/*.yaml, not in standard.yaml",
                "move them to a file under criteria/",
                head.locate(("criteria",), key=True),
            )
        )
        return None
    sources = _load_criteria(folder / "criteria", problems)
    if isinstance(head.data, dict) and "extends" in head.data:
        return _read_variant(head, sources, find_base, problems, depth)
    checked = validate_document(_STANDARD_ADAPTER, head, StandardSpec)
    spec, found = checked
    problems.extend(found)
    if spec is None:
        return None
    return Edition(head, spec.model_copy(update={"criteria": [c for _, _, c in sources]}), sources)


def _load_criteria(folder: Path, problems: list[Problem]) -> list[Source]:
    found: list[Source] = []
    for file in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            loaded = load_yaml_file(file, folder.parent, max_items=MAX_CRITERIA)
        except RuleDefinitionError as exc:
            problems.extend(exc.problems)
            continue
        if not isinstance(loaded.data, list):
            problems.append(
                Problem(
                    "WS203",
                    "a criteria file must be a list of criteria",
                    "start each criterion with '- id: ...'",
                    Location(str(file), 1, 1),
                )
            )
            continue
        if len(found) + len(loaded.data) > MAX_CRITERIA:
            problems.append(
                Problem(
                    "WS104",
                    f"more than {MAX_CRITERIA} criteria in the rule set",
                    "a rule set this large is not a window standard: split it or remove criteria",
                    Location(str(file), 1, 1),
                )
            )
            break
        checked = validate_document(_CRITERIA_ADAPTER, loaded, CriterionSpec)
        specs, errors = checked
        problems.extend(errors)
        found.extend((loaded, (index,), spec) for index, spec in enumerate(specs or []))
    return found


def _read_variant(
    head: LoadedYaml, own: list[Source], find_base: FindBase, problems: list[Problem], depth: int
) -> Edition | None:
    checked = validate_document(_VARIANT_ADAPTER, head, VariantSpec)
    variant, found = checked
    problems.extend(found)
    if variant is None:
        return None
    where = head.locate(("extends",))
    base_id, _, base_version = variant.extends.partition("@")
    if depth >= _MAX_EXTENDS:
        problems.append(
            Problem(
                "WS208",
                f"'extends' chain longer than {_MAX_EXTENDS} (a cycle?)",
                "make the chain shorter and acyclic",
                where,
            )
        )
        return None
    base_folder = find_base(base_id, base_version or None)
    if base_folder is None:
        problems.append(
            Problem(
                "WS208",
                f"base edition '{variant.extends}' not found",
                "install or add the base edition's folder to the library",
                where,
            )
        )
        return None
    base = read_edition(base_folder, find_base, problems, depth + 1)
    if base is None:
        return None
    sources = _merge_criteria(base.sources, own, variant, head, problems)
    spec = _merge_spec(base.spec, variant, [c for _, _, c in sources], head, problems)
    if spec is None:
        return None
    return Edition(head, spec, sources, [base.spec.id, *base.bases])


def _merge_criteria(
    base: list[Source], own: list[Source], variant: VariantSpec, head: LoadedYaml, problems: list[Problem]
) -> list[Source]:
    base_ids = {spec.id for _, _, spec in base}
    own_ids = {spec.id for _, _, spec in own}
    for key, ids in (("remove", variant.remove), ("replace", variant.replace)):
        for index, cid in enumerate(ids):
            if cid not in base_ids:
                problems.append(
                    Problem(
                        "WS208",
                        f"'{key}' names {cid}, which the base edition does not have",
                        "use an id of the base edition",
                        head.locate((key, index)),
                    )
                )
    for index, cid in enumerate(variant.replace):
        if cid not in own_ids:
            problems.append(
                Problem(
                    "WS208",
                    f"{cid} is listed under 'replace' but not defined in criteria/",
                    "define the replacement in a criteria file",
                    head.locate(("replace", index)),
                )
            )
    for loaded, path, spec in own:
        if spec.id in base_ids and spec.id not in variant.replace:
            problems.append(
                Problem(
                    "WS204",
                    f"{spec.id} is already defined by the base edition",
                    "list it under 'replace' to redefine it, or choose a new id",
                    loaded.locate((*path, "id")),
                )
            )
    replacements = {spec.id: (loaded, path, spec) for loaded, path, spec in own if spec.id in variant.replace}
    merged = [
        replacements.get(spec.id, (loaded, path, spec))
        for loaded, path, spec in base
        if spec.id not in variant.remove
    ]
    return merged + [source for source in own if source[2].id not in base_ids]


def _merge_spec(
    base: StandardSpec,
    variant: VariantSpec,
    criteria: list[CriterionSpec],
    head: LoadedYaml,
    problems: list[Problem],
) -> StandardSpec | None:
    data: dict[str, Any] = base.model_dump(by_alias=True, exclude={"criteria"})
    own = variant.model_dump(by_alias=True, exclude_none=True, exclude={"extends", "replace", "remove"})
    data["parameters"] = {**data["parameters"], **own.pop("parameters", {})}
    data["constants"] = {**data["constants"], **own.pop("constants", {})}
    data.update(own)
    try:
        spec = StandardSpec.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            problems.append(
                Problem(
                    "WS208",
                    f"the merged variant is invalid: {error['msg']}",
                    "fix the variant's standard.yaml",
                    head.locate(tuple(error["loc"])),
                )
            )
        return None
    return spec.model_copy(update={"criteria": criteria})
