"""Stage 3a: parsing, whitelisting and type-checking expressions (``window_standard._expr.check``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from window_standard._expr import nodes as n
from window_standard._expr.check import MAX_EXPRESSION_CHARS, Scope, check_expression
from window_standard._expr.functions import FUNCTIONS, ExpressionError
from window_standard._expr.types import BOOL, DATE, NUMBER, STR, Type
from window_standard._model import Window
from window_standard._model.enums import ActivityKind, WindowKind

PARAMS = {
    "pass_threshold": NUMBER,
    "period_start": DATE,
    "period_end": DATE,
    "divisions": Type("list", nullable=True, item=STR),
}
CONSTANTS = {
    "VOLUNTEER_KINDS": (Type("list", item=STR), ["convenience_service", "environment_cleanup"]),
    "LIMIT": (NUMBER, Decimal("0.5")),
}
SCOPE = Scope(Window, PARAMS, CONSTANTS, {"n": NUMBER.with_nullable(True)}, allow_points=True)
LANGUAGE_HINT = "see docs/rule-language.md for what expressions may contain"
WINDOW_KINDS_HINT = (
    "allowed: business_acceptance_centre, customer_service_centre, other, repair_emergency_centre, "
    "repair_service_station"
)


def check(text: str, scope: Scope = SCOPE) -> n.Node:
    return check_expression(text, scope)


def fail(text: str, scope: Scope = SCOPE) -> tuple[str, int, int, str, str]:
    with pytest.raises(ExpressionError) as caught:
        check_expression(text, scope)
    exc = caught.value
    return exc.code, exc.line, exc.column, exc.message, exc.hint


# -- what the language allows -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "nullable"),
    [
        ("1", "number", False),
        ("0.5", "number", False),
        ("'text'", "str", False),
        ("True", "bool", False),
        ("('a', 'b')", "list", False),
        ("{1, 2}", "list", False),
        ("staff.headcount > 1 and staff.in_uniform >= 1", "bool", True),
        ("id == 'x' or name != 'y'", "bool", False),
        ("not (id == 'x')", "bool", False),
        ("not environment.signage", "bool", True),
        ("1 < 2 <= 3", "bool", False),
        ("assessed_on > params.period_start", "bool", False),
        ("kind in ('other', 'repair_service_station')", "bool", False),
        ("kind not in ('other',)", "bool", False),
        ("count(lei_feng.activities, kind in VOLUNTEER_KINDS)", "number", True),
        ("district in params.divisions", "bool", True),
        ("'repair' in process.logs", "bool", True),
        ("1 + 2 - 3 * 4", "number", False),
        ("1 / 4", "number", True),  # division may be by zero: no data
        ("-staff.headcount", "number", True),
        ("+1", "number", False),
        ("points", "number", False),
        ("LIMIT * points", "number", False),
        ("n + 1", "number", True),
        ("params.pass_threshold", "number", False),
        ("1 if environment.signage else 0", "number", True),
        ("'a' if id == 'x' else 'b'", "str", False),
        ("staff.headcount is None", "bool", False),
        ("quality.survey is not None", "bool", False),
        ("quality.survey.sampled", "number", True),  # nullable through its record
        ("lei_feng.volunteer_team.established_on", "date", True),
        ("assessed_on", "date", False),
        ("kind", "enum", False),
        ("lei_feng.activities", "list", True),
        ("count(lei_feng.activities, in_period(date))", "number", True),
        ("sum(lei_feng.activities, participants)", "number", True),
        ("any(lei_feng.activities, kind == 'etiquette_contest')", "bool", True),
        ("all(VOLUNTEER_KINDS, it in environment.displays)", "bool", True),
        ("distinct(lei_feng.activities, kind)", "number", True),
        ("distinct(lei_feng.activities, kind, in_period(date))", "number", True),
        ("len(environment.facilities)", "number", True),
        ("min(points, 1, 2)", "number", False),
        ("max(0, points - n)", "number", True),
        ("ratio(staff.certified, staff.headcount)", "number", True),
        ("in_period(assessed_on)", "bool", False),
        ("floor(points / 3)", "number", True),
        ("count(lei_feng.reports_to_association, in_period(it))", "number", True),
    ],
)
def test_whitelisted_constructs_check_with_their_types(text: str, kind: str, nullable: bool) -> None:
    node = check(text)
    assert (node.type.kind, node.type.nullable) == (kind, nullable)


def test_every_function_of_the_table_is_covered() -> None:
    assert set(FUNCTIONS) == {
        "count", "sum", "any", "all", "distinct", "len", "min", "max", "ratio", "in_period", "floor",
    }  # fmt: skip


def test_literals_are_exact() -> None:
    node = check("0.10")
    assert isinstance(node, n.Const) and node.value == Decimal("0.10") and str(node.value) == "0.10"
    underscored = check("1_000.5")
    assert isinstance(underscored, n.Const) and underscored.value == Decimal("1000.5")
    literal = check("('a', 'b', 'a')")
    assert isinstance(literal, n.Const) and literal.value == frozenset({"a", "b"})
    assert literal.type == Type("list", item=STR)


def test_names_resolve_to_fields_params_lets_constants_and_points() -> None:
    field = check("staff.headcount")
    assert isinstance(field, n.Field) and field.scope == 0 and field.path == ("staff", "headcount")
    param = check("params.pass_threshold")
    assert isinstance(param, n.Param) and param.name == "pass_threshold" and param.type == NUMBER
    let = check("n")
    assert isinstance(let, n.Name) and let.name == "n" and let.type.nullable
    constant = check("VOLUNTEER_KINDS")
    assert isinstance(constant, n.Const) and constant.value == frozenset(
        {"convenience_service", "environment_cleanup"}
    )
    assert isinstance(check("points"), n.Points)


def test_chained_comparisons_become_a_conjunction() -> None:
    node = check("0 <= staff.headcount < 10")
    assert isinstance(node, n.BoolOp) and node.op == "and" and len(node.values) == 2
    assert [v.op for v in node.values if isinstance(v, n.Compare)] == ["<=", "<"]


def test_inside_a_collection_function_names_resolve_against_the_item_first() -> None:
    # 'kind' is the activity's kind (ActivityKind), not the window's (WindowKind)
    node = check("count(lei_feng.activities, kind == 'etiquette_contest')")
    assert isinstance(node, n.Call) and node.item_scope == 1
    (predicate,) = node.scoped
    assert isinstance(predicate, n.Compare) and isinstance(predicate.left, n.Field)
    assert predicate.left.scope == 1 and predicate.left.type.enum is ActivityKind
    window_kind = check("kind == 'other'")
    assert isinstance(window_kind, n.Compare) and window_kind.left.type.enum is WindowKind
    # outside the item, names still reach the window
    outer = check("count(lei_feng.activities, date >= assessed_on)")
    assert isinstance(outer, n.Call)
    (compare,) = outer.scoped
    assert isinstance(compare, n.Compare)
    assert isinstance(compare.left, n.Field) and compare.left.scope == 1
    assert isinstance(compare.right, n.Field) and compare.right.scope == 0


def test_nested_collection_functions_number_their_items() -> None:
    node = check("any(lei_feng.activities, count(lei_feng.activities, it.date == date) > 1)")
    assert isinstance(node, n.Call) and node.item_scope == 1
    inner = node.scoped[0]
    assert isinstance(inner, n.Compare) and isinstance(inner.left, n.Call) and inner.left.item_scope == 2


def test_in_period_needs_the_period_parameters() -> None:
    scope = Scope(Window, {"pass_threshold": NUMBER}, {})
    assert fail("in_period(assessed_on)", scope) == (
        "WS303",
        1,
        1,
        "in_period() needs the parameters period_start and period_end",
        "declare both dates",
    )


def test_points_exists_only_for_criteria_with_points() -> None:
    scope = Scope(Window, PARAMS, CONSTANTS)
    code, _, _, message, _ = fail("points > 1", scope)
    assert (code, message) == ("WS303", "unknown name 'points'")


# -- what the language refuses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "__import__('os')",
            (
                "WS304",
                1,
                1,
                "unknown function '__import__'",
                "known functions: all, any, count, distinct, floor, in_period, len, max, min, ratio, sum",
            ),
        ),
        (
            "().__class__",
            ("WS302", 1, 1, "attribute '__class__' is not allowed", "names starting with '_' are private"),
        ),
        ("_secret", ("WS302", 1, 1, "names starting with '_' are not allowed: '_secret'", LANGUAGE_HINT)),
        (
            "(1).real",
            (
                "WS302",
                1,
                1,
                "'.real' reads a field, but the value before it is number, not a record",
                "attributes may only read fields of the window and its parts",
            ),
        ),
        (
            "staff.headcount.real > 1",
            (
                "WS302",
                1,
                1,
                "'.real' reads a field, but the value before it is number or no data, not a record",
                "attributes may only read fields of the window and its parts",
            ),
        ),
        ("2 ** 3", ("WS302", 1, 1, "operator '**' (power) is not allowed", "use + - * / only")),
        ("7 // 2", ("WS302", 1, 1, "operator '//' is not allowed", "use + - * / only")),
        ("7 % 2", ("WS302", 1, 1, "operator '%' is not allowed", "use + - * / only")),
        ("1 | 2", ("WS302", 1, 1, "operator '|' is not allowed", "use + - * / only")),
        ("~1", ("WS302", 1, 1, "operator '~' is not allowed", "")),
        ("lambda: 1", ("WS302", 1, 1, "lambda expressions are not allowed", LANGUAGE_HINT)),
        ("environment.displays[0]", ("WS302", 1, 1, "subscripts (x[i]) are not allowed", LANGUAGE_HINT)),
        (
            "[x for x in environment.displays]",
            ("WS302", 1, 1, "comprehensions are not allowed", LANGUAGE_HINT),
        ),
        (
            "{x for x in environment.displays}",
            ("WS302", 1, 1, "comprehensions are not allowed", LANGUAGE_HINT),
        ),
        (
            "count(lei_feng.activities, (x for x in y))",
            ("WS302", 1, 28, "generator expressions are not allowed", LANGUAGE_HINT),
        ),
        ("f'{id}'", ("WS302", 1, 1, "f-strings are not allowed", LANGUAGE_HINT)),
        ("(x := 1)", ("WS302", 1, 2, "assignment expressions (:=) are not allowed", LANGUAGE_HINT)),
        ("{'a': 1}", ("WS302", 1, 1, "dict literals are not allowed", LANGUAGE_HINT)),
        ("b'x' == id", ("WS302", 1, 1, "literal b'x' is not allowed", LANGUAGE_HINT)),
        ("1j", ("WS302", 1, 1, "literal 1j is not allowed", LANGUAGE_HINT)),
        (
            "(staff.headcount, 1)",
            ("WS302", 1, 1, "collection literals may hold only literals", "use a named constant"),
        ),
        (
            "staff.headcount(1)",
            ("WS302", 1, 1, "only functions from the function table can be called", LANGUAGE_HINT),
        ),
        (
            "count(a=1)",
            ("WS302", 1, 1, "keyword arguments are not allowed in count()", "pass arguments by position"),
        ),
        (
            "kind is 'other'",
            ("WS302", 1, 1, "'is' may only be used as 'is None' or 'is not None'", "use '=='"),
        ),
        ("params", ("WS302", 1, 1, "'params' must be followed by a parameter name", "write params.NAME")),
        ("foo(1)", ("WS304", 1, 1, "unknown function 'foo'", "did you mean 'floor'?")),
        (
            "getattr(staff, 'x')",
            (
                "WS304",
                1,
                1,
                "unknown function 'getattr'",
                "known functions: all, any, count, distinct, floor, in_period, len, max, min, ratio, sum",
            ),
        ),
        (
            "count(lei_feng.activities)",
            (
                "WS305",
                1,
                1,
                "count() takes 2 arguments, got 1",
                "count(lei_feng.activities, in_period(date))",
            ),
        ),
        ("min(1)", ("WS305", 1, 1, "min() takes 2 to 8 arguments, got 1", "min(points, n)")),
        (
            "in_period(assessed_on, 1)",
            ("WS305", 1, 1, "in_period() takes 1 argument, got 2", "in_period(date)"),
        ),
        (
            "staff.headcount == 'x'",
            ("WS306", 1, 1, "'==' compares number or no data with str", "compare values of the same type"),
        ),
        (
            "kind == 'shop'",
            (
                "WS306",
                1,
                1,
                "'shop' is not a value of WindowKind",
                WINDOW_KINDS_HINT,
            ),
        ),
        (
            "kind in ('other', 'shop')",
            (
                "WS306",
                1,
                1,
                "'shop' is not a value of WindowKind",
                WINDOW_KINDS_HINT,
            ),
        ),
        ("staf > 1", ("WS303", 1, 1, "unknown name 'staf'", "did you mean 'staff'?")),
        ("staff.headcont > 1", ("WS303", 1, 1, "Staff has no field 'headcont'", "did you mean 'headcount'?")),
        (
            "params.pass_treshold",
            ("WS303", 1, 1, "unknown parameter 'params.pass_treshold'", "did you mean 'pass_threshold'?"),
        ),
        ("it > 1", ("WS303", 1, 1, "'it' is only defined inside count/sum/any/all/distinct", "")),
        (
            "kind is None",
            (
                "WS306",
                1,
                1,
                "'is None' on a value that always has data (WindowKind (one of "
                "'customer_service_centre', 'business_acceptance_centre', 'repair_emergency_centre', "
                "'repair_service_station', 'other'))",
                "remove the check; the value is never missing",
            ),
        ),
        (
            "id is None",
            (
                "WS306",
                1,
                1,
                "'is None' on a value that always has data (str)",
                "remove the check; the value is never missing",
            ),
        ),
        (
            "staff is not None",
            (
                "WS306",
                1,
                1,
                "'is None' on a value that always has data (Staff)",
                "remove the check; the value is never missing",
            ),
        ),
        ("None", ("WS306", 1, 1, "None can only be used as 'x is None' or 'x is not None'", "use 'is None'")),
        (
            "staff.headcount == None",
            ("WS306", 1, 1, "compare with None using 'is None'", "write 'x is None'"),
        ),
        ("count", ("WS306", 1, 1, "function 'count' must be called", "write count(...)")),
        ("not staff.headcount", ("WS306", 1, 5, "'not' needs a bool, got number or no data", "")),
        ("'a' < 'b'", ("WS306", 1, 1, "'<' orders numbers and dates only, not str", "use == or !=")),
        (
            "1 if id == 'x' else 'a'",
            (
                "WS306",
                1,
                1,
                "the branches of 'if' differ: number and str",
                "give both branches the same type",
            ),
        ),
        (
            "ratio(staff.headcount, 'a')",
            (
                "WS306",
                1,
                1,
                "argument 2 of ratio() must be a number, got str",
                "ratio(staff.certified, staff.headcount)",
            ),
        ),
        (
            "sum(1, 2)",
            (
                "WS306",
                1,
                1,
                "sum() needs a collection first, got number",
                "sum(lei_feng.activities, owner_participants)",
            ),
        ),
        (
            "kind in ('other', 1)",
            ("WS306", 1, 9, "a collection literal mixes types", "use values of one type"),
        ),
        ("staff.headcount >", ("WS301", 1, 18, "invalid syntax", LANGUAGE_HINT)),
        ("(1 2)", ("WS301", 1, 2, "invalid syntax. Perhaps you forgot a comma?", LANGUAGE_HINT)),
        ("(staff.headcount", ("WS301", 1, 1, "invalid syntax: '(' was never closed", LANGUAGE_HINT)),
        ("x if y", ("WS301", 1, 1, "invalid syntax: expected 'else' after 'if' expression", LANGUAGE_HINT)),
        ("", ("WS301", 1, 1, "invalid syntax", LANGUAGE_HINT)),
    ],
)
def test_constructs_outside_the_language_are_refused(
    text: str, expected: tuple[str, int, int, str, str]
) -> None:
    assert fail(text) == expected


def test_a_comparison_of_different_enums_is_refused() -> None:
    text = "count(lei_feng.activities, kind == assessor) > 0"
    code, _, column, message, _ = fail(text)
    assert (code, column) == ("WS306", 28)
    assert message.startswith("'==' compares ActivityKind (one of 'convenience_service', ")
    assert message.endswith(" with Assessor (one of 'self', 'committee')")


# -- positions ----------------------------------------------------------------------------------------------


def test_positions_are_one_based_inside_the_expression() -> None:
    assert fail("staff.headcount > 1 and staf > 0")[1:3] == (1, 25)
    assert fail("staff.headcount > 1 and\nstaff.in_uniform > 0 and\n  staf > 0")[1:3] == (3, 3)


def test_columns_count_characters_when_chinese_text_comes_first() -> None:
    assert fail("name == '中文中文' and staf")[1:3] == (1, 20)
    assert fail("'成都' == name and\n'中文' == 1 + 'x'")[1:4] == (2, 13, "'+' needs a number, got str")
    assert fail("name == '中文中文' and (1 2)")[:3] == ("WS301", 1, 21)
    assert fail("名字 > 1")[:4] == ("WS303", 1, 1, "unknown name '名字'")


def test_positions_count_from_the_text_as_given() -> None:
    # leading blank lines and indentation (as a block scalar may keep them) are counted, not stripped away
    assert fail("\n\n  staf")[1:3] == (3, 3)
    assert fail("  staf")[1:3] == (1, 3)


def test_a_syntax_error_at_the_end_points_just_after_the_expression() -> None:
    assert fail("staff.headcount >\n")[:3] == ("WS301", 1, 18)
    assert fail("staff.headcount > 1 and\nstaff.in_uniform >")[:3] == ("WS301", 2, 19)


def test_a_comment_ends_at_its_line() -> None:
    # lines are joined before parsing: a comment must not swallow the lines after it
    assert fail("staff.headcount > 1  # first line\nand staf > 2")[:4] == (
        "WS303",
        2,
        5,
        "unknown name 'staf'",
    )
    node = check("staff.headcount > 1  # a comment\nand staff.in_uniform > 0")
    assert isinstance(node, n.BoolOp) and len(node.values) == 2
    assert isinstance(check("name == '#' # a comment with a '#' string before it"), n.Compare)
    assert fail("staff.headcount > # nothing after the operator")[:3] == ("WS301", 1, 18)


# -- limits -------------------------------------------------------------------------------------------------


def test_an_expression_too_long_is_refused() -> None:
    text = "1" + " + 1" * (MAX_EXPRESSION_CHARS // 4)
    assert len(text) > MAX_EXPRESSION_CHARS
    assert fail(text) == (
        "WS307",
        1,
        1,
        f"expression is {len(text)} characters long, more than {MAX_EXPRESSION_CHARS}",
        "split it into several 'let' bindings",
    )


def test_an_expression_nested_too_deeply_is_refused() -> None:
    assert fail("1" + " + 1" * 45) == ("WS307", 1, 1, "expression nested more than 40 levels", "simplify it")
    assert check("1" + " + 1" * 30).type == NUMBER


def test_pathological_nesting_is_an_error_not_a_crash() -> None:
    assert fail("(" * 500 + "1" + ")" * 500) == (
        "WS301",
        1,
        201,
        "invalid syntax: too many nested parentheses",
        LANGUAGE_HINT,
    )
    assert fail("-" * 300 + "1")[:4] == ("WS307", 1, 42, "expression nested more than 40 levels")
    assert fail("not " * 100 + "True")[:4] == ("WS307", 1, 165, "expression nested more than 40 levels")


def test_type_of_is_none_is_bool_and_never_nullable() -> None:
    node = check("lei_feng.volunteer_team is None")
    assert isinstance(node, n.IsNone) and node.type == BOOL and not node.negate


def test_a_date_cannot_be_written_as_a_literal() -> None:
    assert fail("assessed_on > 2013-03-01")[:4] == (
        "WS301",
        1,
        20,
        "invalid syntax: leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
        "octal integers",
    )
    assert fail("assessed_on > 2013-3-1")[:4] == ("WS306", 1, 1, "'>' compares date with number")
    assert check("assessed_on > params.period_start").type == BOOL
