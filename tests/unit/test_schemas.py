"""The committed JSON Schemas match the models, and they accept what the library accepts and produces."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import window_standard as ws
from window_standard._schemas import DIALECT, SCHEMA_FILES, generate_schemas, render_schema, schemas_dir

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
RULES = ROOT / "rules" / "cdpma-window-2013"
WINDOW = ROOT / "tests" / "data" / "window-example.yaml"


def jsonable(value: Any) -> Any:
    """YAML data as JSON sees it: dates (also as keys) become ISO strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(jsonable(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def load_yaml(path: Path) -> Any:
    return jsonable(yaml.safe_load(path.read_text(encoding="utf-8")))


def validator(name: str) -> Any:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def messages(name: str, instance: Any) -> list[str]:
    errors = sorted(validator(name).iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


# --- drift and format ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_committed_schema_matches_the_models(name: str) -> None:
    committed = (SCHEMAS / name).read_text(encoding="utf-8")
    assert committed == render_schema(generate_schemas()[name]), (
        f"schemas/{name} is out of date: run `window-standard schema --write`"
    )


def test_schema_files_are_exactly_the_four() -> None:
    assert sorted(p.name for p in SCHEMAS.glob("*.json")) == sorted(SCHEMA_FILES)
    assert list(generate_schemas()) == list(SCHEMA_FILES)


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    assert schema["$schema"] == DIALECT
    jsonschema.Draft202012Validator.check_schema(schema)


def test_rendering_is_deterministic_sorted_and_keeps_chinese() -> None:
    schema = generate_schemas()["window.schema.json"]
    text = render_schema(schema)
    assert text == render_schema(json.loads(text))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert '\n  "$comment": "A service window document (window-standard). Generated; do not edit.",\n' in text
    assert '"title_zh": "窗口名称"' in text
    assert render_schema({"b": 1, "a": {"d": "成都", "c": []}}) == (
        '{\n  "a": {\n    "c": [],\n    "d": "成都"\n  },\n  "b": 1\n}\n'
    )


def test_schemas_dir_is_the_checkout_folder() -> None:
    assert schemas_dir() == SCHEMAS


# --- window.schema.json --------------------------------------------------------------------------------


def test_window_example_is_valid() -> None:
    assert messages("window.schema.json", load_yaml(WINDOW)) == []


def test_bundled_example_windows_are_valid() -> None:
    files = sorted((RULES / "examples" / "windows").glob("*.yaml"))
    assert len(files) == 5
    for path in files:
        assert messages("window.schema.json", load_yaml(path)) == [], path.name


def test_window_schema_rejects_what_the_model_rejects() -> None:
    data = load_yaml(WINDOW)
    bad = copy.deepcopy(data)
    bad["staff"]["headcount"] = "6"
    bad["kind"] = "shop"
    bad["district"] = "chengdu"
    bad["colour"] = "red"
    del bad["assessor"]
    assert messages("window.schema.json", bad) == [
        ": Additional properties are not allowed ('colour' was unexpected)",
        ": 'assessor' is a required property",
        "district: 'chengdu' does not match '^([0-9]{6}|gaoxin|tianfu|dongbu)$'",
        "kind: 'shop' is not one of ['customer_service_centre', 'business_acceptance_centre', "
        "'repair_emergency_centre', 'repair_service_station', 'other']",
        "staff.headcount: '6' is not valid under any of the given schemas",
    ]
    with pytest.raises(Exception, match="validation errors for Window"):
        ws.Window.model_validate(bad)


# --- result.schema.json --------------------------------------------------------------------------------


def test_result_json_is_valid() -> None:
    std = ws.load_standard()
    for path in [WINDOW, *sorted((RULES / "examples" / "windows").glob("*.yaml"))]:
        result = std.evaluate(yaml.safe_load(path.read_text(encoding="utf-8")))
        assert messages("result.schema.json", json.loads(result.model_dump_json())) == [], path.name
    quiet = std.evaluate(yaml.safe_load(WINDOW.read_text(encoding="utf-8")), explain=False)
    assert messages("result.schema.json", json.loads(quiet.model_dump_json())) == []


def test_result_schema_rejects_a_float_score() -> None:
    result = ws.load_standard().evaluate(yaml.safe_load(WINDOW.read_text(encoding="utf-8")))
    data = json.loads(result.model_dump_json())
    data["score"] = 100.0
    assert messages("result.schema.json", data) == ["score: 100.0 is not of type 'string'"]


# --- rules.schema.json ---------------------------------------------------------------------------------


def test_packaged_rule_files_are_valid() -> None:
    files = [RULES / "standard.yaml", *sorted((RULES / "criteria").glob("*.yaml"))]
    assert len(files) > 1
    for path in files:
        assert messages("rules.schema.json", load_yaml(path)) == [], path.name


def test_rule_files_point_at_the_rules_schema() -> None:
    head = (RULES / "standard.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert head == "# yaml-language-server: $schema=../../schemas/rules.schema.json"
    for path in (RULES / "criteria").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../../schemas/rules.schema.json", path.name


def test_rules_schema_refuses_criteria_in_standard_yaml() -> None:
    head = load_yaml(RULES / "standard.yaml")
    assert messages("rules.schema.json", head) == []
    head["criteria"] = []
    assert messages("rules.schema.json", head) == [f": {head!r} is not valid under any of the given schemas"]


def test_rules_schema_refuses_an_unknown_key_in_a_criterion() -> None:
    criteria = load_yaml(RULES / "criteria" / "1-environment.yaml")
    criteria[0]["weight"] = 2
    errors = list(validator("rules.schema.json").iter_errors(criteria))
    assert len(errors) == 1
    branch = [e.message for e in errors[0].context if list(e.absolute_path) == [0]]
    assert branch == ["Additional properties are not allowed ('weight' was unexpected)"]


# --- campaign.schema.json ------------------------------------------------------------------------------


def test_the_packaged_campaign_file_validates() -> None:
    assert messages("campaign.schema.json", load_yaml(RULES / "campaign.yaml")) == []


def test_a_broken_campaign_file_is_refused_by_the_schema() -> None:
    data = load_yaml(RULES / "campaign.yaml")
    data["checks"][0]["stage"] = "whenever"
    del data["timetable"]
    assert messages("campaign.schema.json", data) != []
