"""Grammar-aware fuzzing of rule expressions and templates, with known sandbox-escape payloads.

Expressions are built from the language's real pieces (window field paths, item fields, parameters, lets,
constants, every function of the table, every operator) mixed with what the language refuses (dunder walks,
``__import__``, ``eval``, lambdas, comprehensions, subscripts, f-strings, ``:=``, ``**``, huge exponents,
deep nesting, full-width look-alikes, NUL bytes). Each goes into a rule set that is loaded: only
``RuleDefinitionError`` may escape; when it loads, evaluating windows never raises, raises no forbidden audit
event, and results survive JSON exactly.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from _fuzz import RuleFolder, Tally, evaluate_contract, fuzz_settings, only_contract_errors
from hypothesis import given
from hypothesis import strategies as st

import window_standard as ws
from window_standard._expr.functions import FUNCTIONS
from window_standard.testing import windows

FIELDS = [
    "staff.headcount", "staff.in_uniform", "staff.certified", "staff.etiquette_training_hours",
    "staff.conduct_violations", "staff.courteous_language", "lei_feng.activities", "environment.facilities",
    "environment.displays", "process.logs", "process.weekly_opening_hours", "quality.survey.sampled",
    "quality.survey.satisfied", "quality.repairs.requested", "kind", "district", "assessed_on",
    "organisation.credit_code", "lei_feng.volunteer_team.members", "project.floor_area_m2",
    "lei_feng.reports_to_association", "incidents.major_safety_accident",
]  # fmt: skip
ITEM_FIELDS = ["participants", "date", "kind", "owner_participants", "title", "it"]
NAMES = ["n", "points", "params.min_activities", "params.pass_threshold", "params.period_start",
         "VOLUNTEER_KINDS", "True", "False", "None"]  # fmt: skip
PAYLOADS = [
    "__import__('os').system('echo pwned')", "().__class__.__bases__[0].__subclasses__()",
    "staff.__class__.__init__.__globals__", "n.__class__", "_D('1e999999')", "_blen", "__builtins__",
    "eval('1')", "exec('x=1')", "open('/etc/passwd')", "getattr(staff, 'headcount')", "type(n)",
    "(lambda: 1)()", "[x for x in lei_feng.activities]", "{x: 1 for x in process.logs}", "f'{n}'",
    "(y := 1)", "n ** 9999999", "9 ** 9 ** 9", "n // 0", "n % 0", "n[0]", "*n", "1e999999", "-1e999999",
    "floor(1e999999)", "1e-999999", "0.0000001", "9" * 1500, "1" + "0" * 40, "\x00", "n\x00",
    "ｓｔａｆｆ.headcount", "ｎ", "staff.ｈｅａｄｃｏｕｎｔ", "'\\u0000'", "'{0.__class__}'",
    "(" * 60 + "n" + ")" * 60, "-" * 50 + "n", "not " * 60 + "True", "n" + " + n" * 400,
    "points * 1e999999 - points * 1e999999", "staff.headcount * 1e30",
    "sum(lei_feng.activities if staff.headcount > 3 else environment.facilities, participants)",
    "min(" * 30 + "n" + ", 1)" * 30, "ratio(n, 0)", "n / 0", "in_period(1)", "len(n)", "count(n, True)",
]  # fmt: skip
OPERATORS = ["+", "-", "*", "/", "<", "<=", "==", "!=", ">", ">=", "in", "not in", "and", "or", "**", "%"]

tally = Tally("expression fuzzer")


def _literals() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(-(10**13), 10**13).map(str),
        st.integers(0, 8).flatmap(lambda k: st.decimals(-(10**13), 10**13, places=k)).map(str),
        st.sampled_from(["0", "1", "0.5", "100", "1e12", "1.5e3", "'repair'", "'convenience_service'", "''"]),
        st.text(max_size=5).map(lambda s: json.dumps(s)),
    )


SCOPED = st.sampled_from(["count", "sum", "any", "all", "distinct"])
PLACEHOLDERS = ["{n}", "{points}", "{staff.headcount}", "{params.min_activities}", "{0}", "{}", "{n!r}",
                "{n:>99999}", "{n.__class__}", "{ｎ}", "{{", "}}", "{", "\x00", "人数"]  # fmt: skip


def _calls(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    names = st.sampled_from([*FUNCTIONS, "eval", "getattr", "__import__", "print", "abs"])
    scoped = st.sampled_from(["lei_feng.activities", "environment.facilities", "process.logs"])
    item = st.sampled_from(ITEM_FIELDS)
    return st.one_of(
        st.builds(lambda f, a: f"{f}({', '.join(a)})", names, st.lists(inner, max_size=4)),
        st.builds(lambda f, c, p: f"{f}({c}, {p})", SCOPED, scoped,
                  st.one_of(item, inner, st.builds(lambda a, b: f"{a} > {b}", item, inner))),
    )  # fmt: skip


def expressions() -> st.SearchStrategy[str]:
    leaves = st.one_of(st.sampled_from(FIELDS + NAMES), _literals(), st.sampled_from(PAYLOADS))

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.builds(lambda a, o, b: f"{a} {o} {b}", inner, st.sampled_from(OPERATORS), inner),
            st.builds(lambda a: f"({a})", inner),
            st.builds(lambda o, a: f"{o}{a}", st.sampled_from(["-", "not ", "+"]), inner),
            st.builds(lambda a, c, b: f"{a} if {c} else {b}", inner, inner, inner),
            st.builds(lambda a, f: f"{a}.{f}", inner, st.sampled_from(["headcount", "__class__", "_x", "x"])),
            _calls(inner),
        )

    return st.recursive(leaves, extend, max_leaves=12)


NUMBERS = ["staff.headcount", "staff.certified", "staff.conduct_violations", "n", "points",
           "params.min_activities", "len(lei_feng.activities)", "sum(lei_feng.activities, participants)",
           "count(lei_feng.activities, participants > 3)", "1000000000000", "0.000001",
           "999999999999.999999"]  # fmt: skip


def numbers() -> st.SearchStrategy[str]:
    """Well-typed numeric expressions (so that many load and are evaluated), huge values included."""
    leaves = st.one_of(st.sampled_from(NUMBERS), st.integers(-(10**12), 10**12).map(str))

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.builds(lambda a, o, b: f"({a} {o} {b})", inner, st.sampled_from(["+", "-", "*", "/"]), inner),
            st.builds(
                lambda f, a, b: f"{f}({a}, {b})", st.sampled_from(["min", "max", "ratio"]), inner, inner
            ),
            st.builds(lambda a: f"floor({a})", inner),
            st.builds(lambda a, b, c, d: f"({a} if {b} > {c} else {d})", inner, inner, inner, inner),
        )

    return st.recursive(leaves, extend, max_leaves=16)


TEMPLATES = st.one_of(
    st.lists(
        st.one_of(
            st.sampled_from(PLACEHOLDERS),
            st.text(max_size=8),
        ),
        max_size=50,
    ).map("".join),
    st.sampled_from(["{staff.headcount}" * 400, "x" * 5000]),
)  # fmt: skip

SLOTS = ["score", "condition", "let", "applies_when"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RuleFolder]:
    yield RuleFolder(Path(tmp_path_factory.mktemp("fuzz-expr")))
    print("\n" + tally.report())


@pytest.fixture(scope="module")
def some_windows(example_document: dict[str, Any]) -> list[Any]:
    found: list[Any] = [ws.Window.model_validate(example_document)]

    @fuzz_settings(8)
    @given(windows())
    def collect(window: Any) -> None:
        found.append(window)

    collect()
    return found[:6]


def _rule_set(folder: RuleFolder, slot: str, expression: str, template: str | None) -> None:
    folder.reset()
    quoted = json.dumps(expression)
    lei_feng = folder.original["criteria/lei-feng.yaml"]
    staff = folder.original["criteria/staff.yaml"]
    if slot == "score":
        lei_feng = lei_feng.replace(
            "  score: min(points, n * points / params.min_activities)", f"  score: {quoted}"
        )
    elif slot == "let":
        lei_feng = lei_feng.replace("  let:\n", f"  let:\n    fz: {quoted}\n")
    elif slot == "applies_when":
        lei_feng = lei_feng.replace("  score:", f"  applies_when: {quoted}\n  score:")
    else:
        staff = staff.replace("  condition: staff.in_uniform >= staff.headcount", f"  condition: {quoted}")
    if template is not None:
        lei_feng = lei_feng.replace(
            '    zh: "期内开展志愿服务活动 {n} 次"', f"    zh: {json.dumps(template)}"
        )
    assert yaml.safe_load(lei_feng) and yaml.safe_load(staff)  # the fuzzed text is inside valid YAML
    folder.write("criteria/lei-feng.yaml", lei_feng)
    folder.write("criteria/staff.yaml", staff)


@fuzz_settings(150)
@given(
    case=st.tuples(st.sampled_from(SLOTS), expressions())
    | st.tuples(st.sampled_from(["score", "let"]), numbers()),
    template=st.none() | st.none() | TEMPLATES,
)
def test_fuzzed_expressions_keep_the_contract(
    folder: RuleFolder, some_windows: list[Any], case: tuple[str, str], template: str | None
) -> None:
    _rule_set(folder, *case, template)
    standard = only_contract_errors(folder.load, tally, "load")
    if standard is not None:
        evaluate_contract(standard, some_windows, tally)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("slot", ["score", "condition"])
def test_each_payload_keeps_the_contract(
    folder: RuleFolder, some_windows: list[Any], payload: str, slot: str
) -> None:
    _rule_set(folder, slot, payload, None)
    standard = only_contract_errors(folder.load, tally, "payload load")
    if standard is not None:
        evaluate_contract(standard, some_windows, tally)
