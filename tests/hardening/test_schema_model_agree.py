"""The committed window JSON Schema and the pydantic model accept the same documents, tested both ways.

* documents generated from the schema (``_schema_strategy``) are accepted by the model, except for the
  rules JSON Schema cannot express, which the schema's descriptions state: check characters of the three
  identifiers, counts bounded by another count (``in_uniform`` ≤ ``headcount`` …), ``kind_other`` exactly
  when ``kind`` is ``other``, no credit code before 2015-10-01;
* documents the model accepts (the example, mutated) validate against the schema, and documents the
  schema refuses are refused by the model.

The one difference JSON Schema cannot see is a count written ``6.0`` (the same JSON number as ``6``): the
model refuses it, strict. Set ``WS_FUZZ_EXAMPLES`` for a longer run.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from _schema_strategy import from_schema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import window_standard as ws

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "schemas" / "window.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
EXAMPLES = int(os.environ.get("WS_FUZZ_EXAMPLES", "60"))
#: Model errors for rules the schema states in words only (see the module docstring).
DESCRIBED_ONLY = (
    "check character",
    "check digit",
    "cannot exceed",
    "kind_other",
    "must be null when",
    "must be an",
)


def _only_described_rules(error: ValidationError) -> bool:
    return all(any(m in str(e["msg"]) for m in DESCRIBED_ONLY) for e in error.errors())


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(from_schema(SCHEMA))
def test_documents_the_schema_accepts_are_accepted_by_the_model(document: dict[str, Any]) -> None:
    try:
        ws.Window.model_validate_json(json.dumps(document))
    except ValidationError as error:
        assert _only_described_rules(error), error.errors()


def _json(window: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(json.dumps(window, default=lambda v: v.isoformat()))
    return out


MUTATIONS: list[tuple[str, Any]] = [
    ("assessed_on", 0),
    ("assessed_on", "2013-6-20"),
    ("assessed_on", "2013-02-30"),
    ("district", "51010"),
    ("district", "chengdu"),
    ("id", ""),
    ("id", "x" * 65),
    ("kind", "office"),
    ("staff.headcount", -1),
    ("staff.headcount", 10**9 + 1),
    ("staff.headcount", "6"),
    ("staff.headcount", True),
    ("staff.etiquette_training_hours", "1e3"),
    ("staff.etiquette_training_hours", "-1"),
    ("staff.etiquette_training_hours", 1e10),
    ("staff.etiquette_training_hours", "12.5"),
    ("staff.etiquette_training_hours", 12.5),
    ("organisation.registration_number", "14000010002828"),
    ("organisation.credit_code", "91110000600037341"),
    ("environment.displays", ["signage_missing"]),
    ("environment.facilities", ["seating", "seating"]),
    ("process.logs", ["repair", "repair"]),
    ("quality.survey", {"sampled": 1}),
    ("unknown_field", 1),
    ("staff.unknown", 1),
]


def _set(document: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        document = document[part]
    document[last] = value


@pytest.mark.parametrize(("path", "value"), MUTATIONS)
def test_schema_and_model_agree_on_mutations(example_window: dict[str, Any], path: str, value: Any) -> None:
    document = _json(copy.deepcopy(example_window))
    _set(document, path, value)
    schema_ok = VALIDATOR.is_valid(document)
    try:
        ws.Window.model_validate_json(json.dumps(document))
        model_ok = True
    except ValidationError as error:
        model_ok = False
        if schema_ok:  # the schema may accept only what it describes in words
            assert _only_described_rules(error), error.errors()
            return
    assert schema_ok == model_ok, (path, value, schema_ok, model_ok)


def test_the_example_is_valid_for_both(example_window: dict[str, Any]) -> None:
    document = _json(example_window)
    assert VALIDATOR.is_valid(document)
    assert ws.Window.model_validate_json(json.dumps(document)).assessed_on == dt.date(2013, 6, 20)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_windows_the_model_accepts_validate_against_the_schema(data: st.DataObject) -> None:
    from window_standard.testing import windows

    window = data.draw(windows())
    document = json.loads(window.model_dump_json())
    errors = [e.message for e in VALIDATOR.iter_errors(document)]
    assert not errors
