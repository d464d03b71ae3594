"""Exact quotient comparisons in the compiled engine: cross-multiplied, and the same answers as dividing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, localcontext
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from window_standard._check import CheckedRule
from window_standard._engine.compiled import ENGINE
from window_standard._engine.compiled.exact import ParamFractions, pruned
from window_standard._engine.scoring import ScoringPlan, from_cents, status_of
from window_standard._expr import library
from window_standard._expr.check import Scope, check_expression
from window_standard._expr.types import NUMBER
from window_standard._model import Window
from window_standard._numbers import DECIMAL_CONTEXT

MAYBE = NUMBER.with_nullable(True)
SCOPE = Scope(Window, {"limit": NUMBER}, {}, {"d": MAYBE, "rate": MAYBE}, allow_points=False)
IDENTITY = {
    "id": "w-1",
    "name": "窗口",
    "kind": "customer_service_centre",
    "district": "510107",
    "assessed_on": date(2013, 6, 20),
    "assessor": "self",
}
OPS = ("<", "<=", ">", ">=", "==", "!=")
COMPARE: dict[str, Any] = {
    "<": Decimal.__lt__,
    "<=": Decimal.__le__,
    ">": Decimal.__gt__,
    ">=": Decimal.__ge__,
    "==": Decimal.__eq__,
    "!=": Decimal.__ne__,
}


def rule(op: str, mirrored: bool) -> CheckedRule:
    """``rate OP limit`` with ``rate = headcount / (certified - headcount)``: the divisor is ≤ 0."""
    d = check_expression("staff.certified - staff.headcount", SCOPE)
    rate = check_expression("ratio(staff.headcount, d)", SCOPE)
    text = f"params.limit {op} rate" if mirrored else f"rate {op} params.limit"
    main = check_expression(text, SCOPE)
    return CheckedRule("X-1", None, (("d", d), ("rate", rate)), None, main, "condition", ())


def test_the_quotient_is_not_computed_and_its_let_not_kept_in_run() -> None:
    source = ENGINE.prepare([rule(">=", False)]).source
    run, facts = source.split("\n\ndef facts_0")
    assert "_D(" not in run and "l0_rate" not in run and "q_limit_n" in run
    assert "l0_rate = " in facts  # the facts still show the quotient


@settings(max_examples=300, deadline=None)
@given(
    op=st.sampled_from(OPS),
    mirrored=st.booleans(),
    headcount=st.none() | st.integers(0, 40),
    certified=st.none() | st.integers(0, 40),
    limit=st.sampled_from(["0", "0.8", "-0.8", "-1", "-1.5", "0.6667", "-0.3333", "3", "-2"]),
)
def test_exact_comparison_equals_comparing_the_decimal_quotient(
    op: str, mirrored: bool, headcount: int | None, certified: int | None, limit: str
) -> None:
    if headcount is not None and certified is not None:
        certified = min(certified, headcount)  # the model requires certified <= headcount
    window = Window.model_validate({**IDENTITY, "staff": {"headcount": headcount, "certified": certified}})
    params = {"limit": Decimal(limit)}
    with localcontext(DECIMAL_CONTEXT):
        raw = ENGINE.prepare([rule(op, mirrored)]).run(window, params, True)
        d = None if headcount is None or certified is None else certified - headcount
        rate = library.divide(headcount, d)
        left, right = (params["limit"], rate) if mirrored else (rate, params["limit"])
        expected = None if rate is None else COMPARE[op](left, right)
    assert raw.values[0] == expected
    assert raw.facts is not None and raw.facts[0] == (d, rate)


def test_fractions_are_computed_once_per_parameter_mapping() -> None:
    fractions = ParamFractions(["a", "b"])
    params = {"a": Decimal("0.8"), "b": None}
    first = fractions(params)
    assert first == (4, 5, None, None)
    assert fractions(params) is first
    assert fractions({"a": Decimal("0.75"), "b": 2}) == (3, 4, 2, 1)  # another mapping, its own values


def test_only_unread_lets_are_pruned() -> None:
    lines = ["    l0_a = 1", "    l0_b = l0_a + 1", "    l0_c = 2", "    v0 = l0_b > 0"]
    assert pruned(lines, ["l0_a", "l0_b", "l0_c"]) == lines[:2] + lines[3:]


# --- the scorer's sums in hundredths: integers exactly, decimals rounded half-up only when partial


@settings(max_examples=300, deadline=None)
@given(
    points=st.sampled_from(["1", "1.5", "3", "8"]),
    values=st.lists(
        st.none()
        | st.integers(-5, 12)
        | st.decimals(min_value=-3, max_value=10, places=4, allow_nan=False, allow_infinity=False),
        min_size=1,
        max_size=4,
    ),
)
def test_category_sums_equal_the_sum_of_each_criterion_s_points(points: str, values: list[Any]) -> None:
    top = Decimal(points).quantize(Decimal("0.01"))
    rows = tuple((f"S-{i}", 0, top, True, 0) for i in range(len(values)))
    plan = ScoringPlan(rows, (False,) * len(rows), ("S",), Decimal(100), (("meets", None), ("fails", None)))
    with localcontext(DECIMAL_CONTEXT):
        scored = plan.scorer((True,) * len(rows), tuple(values), {})
    expected = sum((status_of(row, True, v)[1] or 0 for row, v in zip(rows, values, strict=True)), Decimal(0))
    assert from_cents(scored.category_cents[0]) == expected
