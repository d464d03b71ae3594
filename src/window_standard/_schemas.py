"""JSON Schemas generated from the pydantic models: the window document, the result and the rule files.

The committed copies live in ``schemas/`` of the source tree; a test regenerates them and fails on drift, and
``window-standard schema --write`` rewrites them. Output is deterministic: keys sorted, two-space indent,
non-ASCII text kept as is, a trailing newline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.json_schema import models_json_schema

from ._campaign.spec import CampaignSpec
from ._model import Application, Window
from ._result import Result
from ._spec import CriterionSpec, StandardSpec

__all__ = ["DIALECT", "SCHEMA_FILES", "generate_schemas", "render_schema", "schema_states", "schemas_dir"]

#: The JSON Schema dialect pydantic generates.
DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: The generated files, in a fixed order.
SCHEMA_FILES = (
    "window.schema.json",
    "result.schema.json",
    "rules.schema.json",
    "application.schema.json",
    "campaign.schema.json",
)


def generate_schemas() -> dict[str, dict[str, Any]]:
    """Generate every schema, keyed by file name (see :data:`SCHEMA_FILES`).

    Returns:
        ``window.schema.json`` (what :class:`~window_standard.Window` accepts), ``result.schema.json`` (the
        JSON a :class:`~window_standard.Result` serialises to) and ``rules.schema.json`` (a rule file: either
        ``standard.yaml`` or a ``criteria/*.yaml`` list) and ``application.schema.json`` (the Annex 2 form
        :class:`~window_standard.Application` accepts) and ``campaign.schema.json`` (``campaign.yaml``).
    """
    window = Window.model_json_schema(mode="validation")
    result = Result.model_json_schema(mode="serialization")
    return {
        "window.schema.json": _head(window, "A service window document (window-standard)."),
        "result.schema.json": _head(result, "The result of evaluating one window (window-standard)."),
        "rules.schema.json": _rules_schema(),
        "application.schema.json": _head(
            Application.model_json_schema(mode="validation"),
            "An application for the quality service window title (Annex 2 form) (window-standard).",
        ),
        "campaign.schema.json": _head(
            CampaignSpec.model_json_schema(mode="validation"),
            "A campaign file, campaign.yaml: timetable, application checks and outcomes (window-standard).",
        ),
    }


def _head(schema: dict[str, Any], comment: str) -> dict[str, Any]:
    return {"$schema": DIALECT, "$comment": f"{comment} Generated; do not edit.", **schema}


def _rules_schema() -> dict[str, Any]:
    """Either an edition's ``standard.yaml`` (criteria not allowed there) or a list of criteria."""
    _, top = models_json_schema(
        [(StandardSpec, "validation"), (CriterionSpec, "validation")], ref_template="#/$defs/{model}"
    )
    defs: dict[str, Any] = top["$defs"]
    head = dict(defs.pop("StandardSpec"))
    head["properties"] = {k: v for k, v in head["properties"].items() if k != "criteria"}
    head["title"] = "StandardFile"
    head["description"] = (
        "An edition's standard.yaml: identity, parameters, constants, categories and levels. "
        "Criteria live in criteria/*.yaml, not here."
    )
    defs["StandardFile"] = head
    return _head(
        {
            "title": "RuleFile",
            "description": "A rule file: standard.yaml, or a criteria file (a list of criteria).",
            "anyOf": [
                {"$ref": "#/$defs/StandardFile"},
                {"type": "array", "items": {"$ref": "#/$defs/CriterionSpec"}},
            ],
            "$defs": defs,
        },
        "A rule file of window-standard.",
    )


def render_schema(schema: dict[str, Any]) -> str:
    """Serialise a schema deterministically: sorted keys, 2-space indent, UTF-8 text, trailing newline."""
    return json.dumps(schema, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def schemas_dir() -> Path:
    """Where schemas are: ``schemas/`` of the source checkout, else the copies shipped in the package."""
    root = Path(__file__).resolve().parent.parent.parent
    if (root / "pyproject.toml").is_file() and (root / "src" / "window_standard").is_dir():
        return root / "schemas"
    from ._shipped import shipped_schemas_dir

    return shipped_schemas_dir() or Path.cwd() / "schemas"


def schema_states(folder: Path) -> dict[str, str]:
    """Compare the files in ``folder`` with freshly generated schemas.

    Returns:
        For each file name: ``current``, ``outdated`` or ``missing``.
    """
    states: dict[str, str] = {}
    for name, schema in generate_schemas().items():
        path = folder / name
        if not path.is_file():
            states[name] = "missing"
        else:
            same = path.read_bytes() == render_schema(schema).encode("utf-8")
            states[name] = "current" if same else "outdated"
    return states
