"""Fuzzing rule files and windows against the contract.

* rule files: the minimal rule set's text mutated byte by byte (NUL bytes, tabs, anchors, tags, brackets,
  cut lines) and its data mutated value by value (every value replaced by one of another type or a huge
  one): loading raises only ``RuleDefinitionError``;
* windows: documents generated from the committed JSON Schema and then mutated (values replaced, keys
  added or removed, lists blown up): validating raises only ``ValidationError``; a valid window always
  evaluates, and its result survives JSON exactly; ``with_parameters`` raises only ``RuleDefinitionError``.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from _fuzz import RuleFolder, Tally, evaluate_contract, fuzz_settings, only_contract_errors
from _schema_strategy import from_schema
from hypothesis import given
from hypothesis import strategies as st

import window_standard as ws

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "schemas" / "window.schema.json").read_text())
rule_tally = Tally("rule-file fuzzer")
window_tally = Tally("window fuzzer")
parameter_tally = Tally("with_parameters fuzzer")

SNIPPETS = ["\x00", "\t", "&a ", "*a", "!!python/object:os.system ", "<<: ", "[", "]", "{", "}", ": ", "- ",
            "\n", "'", '"', "#", "%YAML 1.1\n", "---\n", "...\n", "\ufeff", "ｉｄ", "1e999999", "0x1F",
            "190:20:30", "2013-02-30", "~", "null", "yes", "\\u0000"]  # fmt: skip
ODD_VALUES: list[Any] = [None, True, 0, -1, 10**30, "1e999999", "x" * 2000, [], {}, [1, 2], {"a": 1},
                         "2013-02-30", "__import__('os')", "ｓｔａｆｆ", 1.5]  # fmt: skip


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RuleFolder]:
    yield RuleFolder(Path(tmp_path_factory.mktemp("fuzz-rules")))
    print("\n" + rule_tally.report())


@st.composite
def text_mutations(draw: st.DrawFn, text: str) -> str:
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.sampled_from(SNIPPETS) | st.text(max_size=3))
        cut = draw(st.integers(1, 12))
        if kind == "insert":
            text = text[:where] + piece + text[where:]
        elif kind == "delete":
            text = text[:where] + text[where + cut :]
        else:
            text = text[:where] + piece + text[where + cut :]
    return text


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    data = copy.deepcopy(data)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


@fuzz_settings(120)
@given(
    data=st.data(), rel=st.sampled_from(["standard.yaml", "criteria/lei-feng.yaml", "criteria/staff.yaml"])
)
def test_mutated_rule_text_raises_only_rule_definition_errors(
    folder: RuleFolder, data: st.DataObject, rel: str
) -> None:
    folder.reset()
    folder.write(rel, data.draw(text_mutations(folder.original[rel])))
    standard = only_contract_errors(folder.load, rule_tally, "text mutation")
    if standard is not None:
        evaluate_contract(standard, [json.loads(json.dumps(SAMPLE, default=str))], rule_tally)


@fuzz_settings(120)
@given(
    data=st.data(), rel=st.sampled_from(["standard.yaml", "criteria/lei-feng.yaml", "criteria/staff.yaml"])
)
def test_mutated_rule_data_raises_only_rule_definition_errors(
    folder: RuleFolder, data: st.DataObject, rel: str
) -> None:
    folder.reset()
    document = yaml.safe_load(folder.original[rel])
    path = data.draw(st.sampled_from(_paths(document)))
    value = data.draw(st.sampled_from(ODD_VALUES) | st.integers() | st.text(max_size=20))
    folder.write(rel, yaml.safe_dump(_replace(document, path, value), allow_unicode=True))
    standard = only_contract_errors(folder.load, rule_tally, "data mutation")
    if standard is not None:
        evaluate_contract(standard, [json.loads(json.dumps(SAMPLE, default=str))], rule_tally)


SAMPLE: dict[str, Any] = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "data" / "window-example.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def report_windows() -> Iterator[None]:
    yield
    print("\n" + window_tally.report())
    print(parameter_tally.report())


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    base = draw(from_schema(SCHEMA) | st.just(json.loads(json.dumps(SAMPLE, default=str))))
    for _ in range(draw(st.integers(0, 3))):
        paths = _paths(base)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        choice = draw(st.sampled_from(["value", "drop", "extra", "blow"]))
        if choice == "value":
            base = _replace(base, path, draw(st.sampled_from(ODD_VALUES) | st.floats() | st.text(max_size=8)))
        elif choice == "drop" and isinstance(path[-1], str):
            parent = base
            for part in path[:-1]:
                parent = parent[part]
            parent.pop(path[-1], None)
        elif choice == "extra":
            base = _replace(base, path, {"unexpected": 1})
        else:
            base = _replace(base, path, [draw(st.sampled_from(ODD_VALUES))] * draw(st.integers(0, 2_000)))
    return base


@fuzz_settings(200)
@given(document=mutated_documents())
def test_windows_from_the_schema_mutated_keep_the_contract(
    standard: ws.Standard, report_windows: None, document: Any
) -> None:
    window = only_contract_errors(
        lambda: ws.Window.model_validate_json(json.dumps(document)), window_tally, "window"
    )
    if window is not None:
        evaluate_contract(standard, [window], window_tally)


OVERRIDES: list[Any] = [Decimal("NaN"), Decimal("Infinity"), float("nan"), float("inf"), None, True, "x",
                        [510104], ["510104"], {"2013-01-01": 1}, Decimal("1e999999"), 10**30, -5, 0.85,
                        Decimal("0.0000001"), [], [None], {}]  # fmt: skip


PARAMETERS = ["pass_threshold", "chengdu_divisions", "certified_full_ratio", "period_start", "nope"]


@fuzz_settings(100)
@given(
    name=st.sampled_from(PARAMETERS),
    value=st.sampled_from(OVERRIDES) | st.integers() | st.decimals() | st.text(),
)
def test_with_parameters_raises_only_rule_definition_errors(
    standard: ws.Standard, report_windows: None, name: str, value: Any
) -> None:
    variant = only_contract_errors(
        lambda: standard.with_parameters(**{name: value}), parameter_tally, "override"
    )
    if variant is not None:
        evaluate_contract(variant, [json.loads(json.dumps(SAMPLE, default=str))], parameter_tally)
