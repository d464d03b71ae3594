"""Explanation templates: size and placeholder limits, and no full-width look-alike names."""

from __future__ import annotations

import time
from typing import Any

import pytest

from window_standard._template import MAX_PLACEHOLDERS, MAX_TEMPLATE_CHARS, TemplateError, parse_template

EXPLAIN = '    zh: "期内开展志愿服务活动 {n} 次"'


def _explain(mini_rules: Any, zh: str) -> str:
    text = mini_rules.text("criteria/lei-feng.yaml").replace(EXPLAIN, f'    zh: "{zh}"')
    return str(mini_rules.write("criteria/lei-feng.yaml", text).error())


def test_hundreds_of_repeated_placeholders_are_refused_quickly(mini_rules: Any) -> None:
    started = time.perf_counter()
    message = _explain(mini_rules, "{staff.headcount} " * 400)
    elapsed = time.perf_counter() - started
    print(f"400 placeholders refused in {elapsed:.3f} s")
    assert "WS308" in message and ("placeholders" in message or "characters long" in message)
    assert elapsed < 5  # a generous "finishes" bound: it once took over 5 s


def test_the_placeholder_limit_itself(mini_rules: Any) -> None:
    assert "WS308" in _explain(mini_rules, "{n}" * (MAX_PLACEHOLDERS + 1))
    parse_template("{n}" * MAX_PLACEHOLDERS)  # at the limit: fine


def test_many_distinct_valid_placeholders_load(mini_rules: Any) -> None:
    names = ["staff.headcount", "staff.in_uniform", "staff.certified", "n", "params.min_activities"]
    text = mini_rules.text("criteria/lei-feng.yaml").replace(
        EXPLAIN, '    zh: "' + "，".join("{" + name + "}" for name in names * 8) + '"'
    )
    mini_rules.write("criteria/lei-feng.yaml", text).load()


def test_a_long_template_is_refused() -> None:
    with pytest.raises(TemplateError, match="characters long"):
        parse_template("字" * (MAX_TEMPLATE_CHARS + 1))


@pytest.mark.parametrize("name", ["ｓｔａｆｆ.headcount", "staff.ｈｅａｄｃｏｕｎｔ", "ｎ"])
def test_full_width_look_alike_placeholders_are_refused_at_load(mini_rules: Any, name: str) -> None:
    message = _explain(mini_rules, "人数 {" + name + "}")
    assert "WS308" in message and "is a look-alike of" in message
    assert "criteria/lei-feng.yaml:11:" in message


def test_full_width_look_alike_names_in_expressions_are_refused(mini_rules: Any) -> None:
    old = "  score: min(points, n * points / params.min_activities)"
    text = mini_rules.text("criteria/lei-feng.yaml").replace(
        old, "  score: min(points, ｓｔａｆｆ.headcount)"
    )
    message = mini_rules.write("criteria/lei-feng.yaml", text).error()
    assert "WS302" in message and "look-alike of 'staff'" in message and "lei-feng.yaml:9:22" in message


@pytest.mark.parametrize(
    "template",
    ["{0}", "{n!r}", "{n:>{width}}", "{n.__class__}", "{n[0]}", "{}", "{ n }", "{__import__}"],
)
def test_format_string_tricks_are_refused(template: str) -> None:
    with pytest.raises(TemplateError):
        parse_template(template)
