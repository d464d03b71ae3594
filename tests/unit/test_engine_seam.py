"""The engine seam: the engine table, engine selection, and the checked rules engines prepare."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import pytest

import window_standard as ws
from window_standard._check import CheckedCriterion
from window_standard._engine import ENGINES, BatchPrepared, EngineInfo, Prepared, RawOutcome, get_engine
from window_standard._engine.compiled import ENGINE, CompiledPrepared
from window_standard._numbers import DECIMAL_CONTEXT


def test_engines_lists_the_installed_engines_default_first() -> None:
    assert ws.engines()[0] == "compiled"
    assert set(ws.engines()) <= set(ENGINES)


def test_the_default_engine_is_compiled(standard: ws.Standard) -> None:
    assert standard.engine == "compiled"
    assert ws.load_standard(engine="compiled").engine == "compiled"


def test_with_engine_keeps_the_rule_set(standard: ws.Standard) -> None:
    same = standard.with_engine("compiled")
    assert same is standard and same.digest == standard.digest


def test_an_unknown_engine_is_a_clear_error(standard: ws.Standard) -> None:
    with pytest.raises(ws.WindowStandardError) as info:
        standard.with_engine("drools")
    assert str(info.value) == "unknown engine 'drools'; the engines are: " + ", ".join(ENGINES)
    with pytest.raises(ws.WindowStandardError):
        ws.load_standard(engine="drools")


def test_an_engine_whose_extra_is_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    table = {
        **ENGINES,
        "ghost": EngineInfo("window_standard._engine.compiled", "ghost", ("no_such_mod",), ""),
    }
    monkeypatch.setattr("window_standard._engine.ENGINES", table)
    with pytest.raises(ws.WindowStandardError) as info:
        get_engine("ghost")
    assert str(info.value) == (
        "the 'ghost' engine needs no_such_mod, which is not installed: pip install \"window-standard[ghost]\""
    )
    assert "ghost" not in ws.engines()


def test_the_compiled_engine_prepares_checked_rules(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    rules = standard._rules.criteria
    assert all(isinstance(rule, CheckedCriterion) for rule in rules)
    assert {f.name for f in fields(CheckedCriterion)} == {
        "id", "points", "lets", "applies", "main", "main_key", "facts", "templates", "location", "parts",
        "special", "spec",
    }  # fmt: skip  # typed trees and templates: nothing executable
    prepared = ENGINE.prepare(rules)
    assert isinstance(prepared, CompiledPrepared) and isinstance(prepared, Prepared)
    assert not isinstance(prepared, BatchPrepared)
    window = ws.Window.model_validate(example_window)
    params = standard.parameters_on(window.assessed_on)
    with __import__("decimal").localcontext(DECIMAL_CONTEXT):
        bare, full = prepared.run(window, params, False), prepared.run(window, params, True)
    assert isinstance(bare, RawOutcome) and bare.facts is None
    assert (bare.applies, bare.values) == (full.applies, full.values)
    assert full.facts is not None and len(full.facts) == len(rules) == len(full.values)
    assert [len(f) for f in full.facts] == [len(rule.fact_names) for rule in rules]


def test_variants_that_change_only_parameters_share_the_prepared_rules(standard: ws.Standard) -> None:
    stricter = standard.with_parameters(pass_threshold=95)
    assert stricter._prepared is standard._prepared and stricter.digest != standard.digest
    fewer = standard.without(criteria=["BON-1"])
    assert fewer._prepared is not standard._prepared and fewer.engine == standard.engine
