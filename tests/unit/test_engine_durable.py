"""The durable engine: translation, limits, guards and the engine table entry.

Everything that needs durable-rules skips (with the reason) where the ``durable`` extra is not installed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import window_standard as ws
from window_standard._engine import ENGINES, get_engine

durable_rules_engine = pytest.importorskip(
    "durable_rules_engine", reason="the durable extra is not installed (pip install '.[durable]')"
)

from window_standard._engine.durable import DurablePrepared, rule_facts  # noqa: E402
from window_standard._engine.durable.host import EngineFailure, GuardedHost  # noqa: E402
from window_standard._engine.durable.translate import (  # noqa: E402
    GUARD,
    MAX_CONDITIONS_PER_CRITERION,
    translate,
)
from window_standard._engine.durable.values import normalise  # noqa: E402


@pytest.fixture(scope="module")
def durable() -> ws.Standard:
    return ws.load_standard(engine="durable")


def prepared(std: ws.Standard) -> DurablePrepared:
    found = std._prepared
    assert isinstance(found, DurablePrepared)
    return found


def test_the_engine_is_in_the_table_with_its_extra() -> None:
    assert ENGINES["durable"].extra == "durable"
    assert "durable" in ws.engines()
    assert get_engine("durable").name == "durable"


def test_the_packaged_rule_set_translates_with_one_fact_per_criterion(durable: ws.Standard) -> None:
    translation = prepared(durable).translation
    assert [t.rule.id for t in translation.rules] == list(durable.criteria)
    ruleset = translation.ruleset()
    assert ruleset["catch_all"] == {"all": [{"m": GUARD}]}
    for name, rule in ruleset.items():
        if name != "catch_all":  # every rule matches its own criterion's fact, marked as a record
            index = int(name.split(".")[0])
            assert rule["all"][0]["m"]["$and"][:2] == [{"__r": index}, GUARD]


def test_what_python_computes_is_reported_per_criterion(durable: ws.Standard) -> None:
    report = prepared(durable).translation.report()
    assert report["PRE-5"] == ["d.0: count(…) computed in Python", "d.1: count(…) computed in Python"]
    assert "GATE" not in report and "STF-1" in report
    assert not any(k == "VETO-1" for k in report)  # a bool field: durable matches it itself


def test_a_test_has_a_true_and_a_false_rail(durable: ws.Standard) -> None:
    (veto,) = (t for t in prepared(durable).translation.rules if t.rule.id == "VETO-3")
    true, false = (veto.conditions[name]["$and"][2:] for name in veto.main)
    key = "w.quality.complaints.valid_confirmed"
    assert true == [{"$ex": {key: 1}}, {"$gte": {key: 1}}]
    assert false == [{"$ex": {key: 1}}, {"$lt": {key: 1}}]


def test_values_are_normalised_before_durable_sees_them() -> None:
    from datetime import date

    assert normalise(Decimal("2.00")) == 2 and isinstance(normalise(Decimal("2.00")), int)
    assert normalise(Decimal("0.9")) == 0.9
    assert normalise(date(2013, 3, 5)) == date(2013, 3, 5).toordinal()
    assert normalise(True) is True and normalise(None) is None


def test_missing_values_are_left_out_of_the_fact(
    durable: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["quality"]["complaints"] = None
    window = ws.Window.model_validate(example_window)
    (veto,) = (t for t in prepared(durable).translation.rules if t.rule.id == "VETO-3")
    fact = rule_facts(veto, window, durable.parameters_on(window.assessed_on))
    assert "w.quality.complaints.valid_confirmed" not in fact
    assert durable.evaluate(window).criteria["VETO-3"].status == "no_data"


def test_a_constant_a_double_cannot_hold_is_refused(mini_rules: Any) -> None:
    mini_rules.replace(
        "criteria/staff.yaml",
        "condition: staff.in_uniform >= staff.headcount",
        "condition: staff.in_uniform >= 999999999999.999999",  # within the rule-file bounds, 18 digits
    )
    mini_rules.load()  # the compiled engine runs it
    with pytest.raises(ws.RuleDefinitionError) as info:
        ws.load_standard(path=mini_rules.folder, engine="durable")
    assert info.value.codes == ["WS401"]
    assert "in STF-1: the durable engine cannot run this criterion: the number 999999999999.999999" in str(
        info.value
    )


def test_a_criterion_beyond_durables_condition_limit_is_refused(mini_rules: Any) -> None:
    many = " or ".join(f"staff.headcount == {i}" for i in range(MAX_CONDITIONS_PER_CRITERION))
    mini_rules.replace(
        "criteria/staff.yaml", "condition: staff.in_uniform >= staff.headcount", f"condition: {many}"
    )
    with pytest.raises(ws.RuleDefinitionError) as info:
        ws.load_standard(path=mini_rules.folder, engine="durable")
    assert "more than durable's limit of 60 per criterion" in str(info.value)


def test_translate_names_every_refused_criterion(standard: ws.Standard) -> None:
    assert len(translate(standard._rules.criteria).rules) == len(standard.criteria)


def test_a_host_is_rebuilt_after_an_engine_error() -> None:
    rule = {"all": [{"m": {"$and": [GUARD, {"$gte": {"a": 1}}]}}]}
    host = GuardedHost({"r": rule, "catch_all": {"all": [{"m": GUARD}]}})
    assert host.fire([{"__rec": 1, "id": "x", "a": 2}]) == {"r", "catch_all"}
    twice = [{"__rec": 1, "id": "x", "a": 2}, {"__rec": 1, "id": "x", "a": 2}]  # the same fact twice
    with pytest.raises(EngineFailure):
        host.fire(twice)
    assert host.builds == 2
    assert host.fire([{"__rec": 1, "id": "x", "a": 0}]) == {"catch_all"}


def test_a_fact_wider_than_durable_takes_is_refused_before_durable_sees_it() -> None:
    host = GuardedHost({"catch_all": {"all": [{"m": GUARD}]}})
    too_wide = {"__rec": 1, "id": "y", **{f"k{i}": i for i in range(300)}}  # would crash the process
    with pytest.raises(EngineFailure, match="302 properties"):
        host.fire([too_wide])
    assert host.builds == 1 and host.fire([{"__rec": 1, "id": "z"}]) == {"catch_all"}


def test_many_evaluations_leave_no_live_session(durable: ws.Standard, example_window: dict[str, Any]) -> None:
    host = prepared(durable).host
    for _ in range(1100):  # more than durable's 1024 live sessions: each is deleted after use
        durable.evaluate(example_window, explain=False)
    assert host._fired == {} and host.builds == 1


def test_field_against_a_missing_field_is_no_data_not_true(mini_rules: Any) -> None:
    # durable alone finds `d <= e` true when e is missing: the translation requires both to exist
    std = ws.load_standard(path=mini_rules.folder, engine="durable")
    (stf,) = (t for t in prepared(std).translation.rules if t.rule.id == "STF-1")
    true = stf.conditions[stf.main[0]]["$and"][2:]
    assert {"$ex": {"w.staff.headcount": 1}} in true and {"$ex": {"w.staff.in_uniform": 1}} in true


def test_the_interpreter_knows_every_node_type_and_function() -> None:
    from window_standard._engine.durable import derive
    from window_standard._expr import nodes as n
    from window_standard._expr.functions import FUNCTIONS

    assert set(derive._EVAL) == set(n.CHILDREN)
    assert set(derive._PYTHON) == set(FUNCTIONS)


def test_a_requires_that_fails_is_no_data_not_false(
    durable: ws.Standard, example_window: dict[str, Any]
) -> None:
    # 2.0.0's `requires` makes main `requires ? test : None`: the None branch matches neither rail
    example_window["staff"].update(
        headcount=0, in_uniform=0, with_badge=0, certified=0, courteous_language=False
    )
    (stf,) = (t for t in prepared(durable).translation.rules if t.rule.id == "STF-5")
    true, false = (stf.conditions[name] for name in stf.main)
    assert {"$gte": {"w.staff.headcount": 1}} in true["$and"] and {"$gte": {"w.staff.headcount": 1}} in false[
        "$and"
    ]
    compiled = ws.load_standard(engine="compiled").evaluate(example_window).criteria["STF-5"]
    found = durable.evaluate(example_window).criteria["STF-5"]
    assert found.status == compiled.status and found.points == compiled.points
    assert found.status != "fails"


def test_a_literal_none_has_no_truth() -> None:
    from window_standard._engine.durable.translate import _truth

    never = {"$never": True}
    assert _truth(None) == (never, never)
    assert _truth(False) == (never, {"$always": True})
