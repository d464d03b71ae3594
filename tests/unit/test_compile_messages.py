"""Compile-time messages that must not mislead: no cascades from a failed let, no comment hiding code."""

from __future__ import annotations


def test_a_failed_let_is_reported_once_not_at_every_use(mini_rules) -> None:  # type: ignore[no-untyped-def]
    mini_rules.replace("criteria/lei-feng.yaml", "kind in VOLUNTEER_KINDS", "kind in VOLUNTER_KINDS")
    assert mini_rules.error() == (
        "1 problem in rule set:\n"
        "criteria/lei-feng.yaml:8:43: WS303 in LF-1.let.n: unknown name 'VOLUNTER_KINDS'\n"
        "    hint: did you mean 'VOLUNTEER_KINDS'?"
    )


def test_a_comment_in_a_folded_expression_is_refused(mini_rules) -> None:  # type: ignore[no-untyped-def]
    mini_rules.replace(
        "criteria/staff.yaml",
        "condition: staff.in_uniform >= staff.headcount",
        "condition: >-\n    staff.in_uniform   # seen at inspection\n    >= staff.headcount",
    )
    assert mini_rules.error() == (
        "1 problem in rule set:\n"
        "criteria/staff.yaml:8:24: WS301 in STF-1.condition: a '#' comment in a folded (>) expression hides all "
        "after it: YAML joins the lines\n"
        "    hint: remove the comment, or write the expression as a literal block (|)"
    )


def test_a_comment_in_a_literal_block_ends_at_its_line(mini_rules) -> None:  # type: ignore[no-untyped-def]
    mini_rules.replace(
        "criteria/staff.yaml",
        "condition: staff.in_uniform >= staff.headcount",
        "condition: |\n    staff.in_uniform   # seen at inspection\n    >= staff.headcount",
    )
    std = mini_rules.load()
    assert std.spec.criteria[-1].condition == "staff.in_uniform   # seen at inspection\n>= staff.headcount\n"


def test_a_duplicate_category_id_is_refused(mini_rules) -> None:  # type: ignore[no-untyped-def]
    text = mini_rules.text("standard.yaml")
    assert "  - id: STF\n" in text
    mini_rules.write("standard.yaml", text.replace("  - id: STF\n", "  - id: LF\n", 1))
    assert mini_rules.error() == (
        "2 problems in rule set:\n"
        "criteria/staff.yaml:2:13: WS205 STF-1 names unknown category 'STF'\n"
        "    hint: use one of LF\n"
        "standard.yaml:22:9: WS204 duplicate category id 'LF'\n"
        "    hint: give each category its own id"
    )
