"""Stage 1: the safe YAML loader (``window_standard._load``)."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from window_standard import _load as load_module
from window_standard._errors import Location, RuleDefinitionError
from window_standard._load import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, load_yaml_file, load_yaml_text


def error(text: str, file: str = "f.yaml") -> str:
    with pytest.raises(RuleDefinitionError) as caught:
        load_yaml_text(text, file)
    return str(caught.value)


# -- plain data --------------------------------------------------------------------------------------------


def test_scalars_become_plain_python_values() -> None:
    text = (
        "a: 1\nb: text\nc: true\nd: null\ne: 2013-03-01\nf: '12'\ng: 0.10\nh: 1_000.5\ni: -0.5\n"
        "j: [1, x]\nk: {x: 1}\nl: 6.02e+23\n"
    )
    data = load_yaml_text(text).data
    assert data == {
        "a": 1,
        "b": "text",
        "c": True,
        "d": None,
        "e": date(2013, 3, 1),
        "f": "12",
        "g": Decimal("0.10"),
        "h": Decimal("1000.5"),
        "i": Decimal("-0.5"),
        "j": [1, "x"],
        "k": {"x": 1},
        "l": Decimal("6.02e+23"),
    }
    assert type(data["a"]) is int and type(data["c"]) is bool


def test_floats_are_decimals_built_from_the_text_never_binary_floats() -> None:
    data = load_yaml_text("a: 0.1\nb: 0.30\nc: 1.\n").data
    assert all(type(v) is Decimal for v in data.values())
    assert str(data["a"]) == "0.1" and str(data["b"]) == "0.30" and data["c"] == 1
    assert data["a"] + data["a"] + data["a"] == Decimal("0.3")


def test_an_empty_document_is_none() -> None:
    assert load_yaml_text("").data is None
    assert load_yaml_text("# only a comment\n").data is None


def test_explicit_str_tag_and_quoted_values_stay_strings() -> None:
    assert load_yaml_text("a: !!str 12\nb: '2013-03-01'\nc: \"true\"\n").data == {
        "a": "12",
        "b": "2013-03-01",
        "c": "true",
    }


def test_equals_sign_is_a_plain_string() -> None:
    assert load_yaml_text("a: =\n").data == {"a": "="}


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: 成都\n".encode())
    assert load_yaml_file(path).data == {"a": "成都"}


# -- locations ----------------------------------------------------------------------------------------------


def test_every_value_and_key_has_a_one_based_location_in_characters() -> None:
    loaded = load_yaml_text("名字: {中文: x, b: 'y'}\nlist:\n  - 1\n  - {k: v}\n", "zh.yaml")
    assert loaded.values[()] == Location("zh.yaml", 1, 1)
    assert loaded.keys[("名字",)] == Location("zh.yaml", 1, 1)
    assert loaded.values[("名字",)] == Location("zh.yaml", 1, 5)
    assert loaded.keys[("名字", "中文")] == Location("zh.yaml", 1, 6)
    assert loaded.values[("名字", "中文")] == Location("zh.yaml", 1, 10)
    assert loaded.values[("名字", "b")] == Location("zh.yaml", 1, 16)
    assert loaded.values[("list", 0)] == Location("zh.yaml", 3, 5)
    assert loaded.keys[("list", 1, "k")] == Location("zh.yaml", 4, 6)
    assert loaded.values[("list", 1, "k")] == Location("zh.yaml", 4, 9)


def test_locate_falls_back_to_the_nearest_existing_ancestor() -> None:
    loaded = load_yaml_text("a:\n  b: 1\n", "f.yaml")
    assert loaded.locate(("a", "b")) == Location("f.yaml", 2, 6)
    assert loaded.locate(("a", "b"), key=True) == Location("f.yaml", 2, 3)
    assert loaded.locate(("a", "missing", 3)) == Location("f.yaml", 2, 3)
    assert loaded.locate(("nothing",)) == Location("f.yaml", 1, 1)


def where(text: str, word: str) -> tuple[int, int]:
    """1-based (line, column) of the last occurrence of ``word`` in ``text``."""
    before = text[: text.rindex(word)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


@pytest.mark.parametrize(
    "text",
    [
        "k: staff > staf\n",  # plain
        "k: 'staff > staf'\n",  # single-quoted: columns count from the quote
        'k: "staff > staf"\n',  # double-quoted
        "k: 'it''s > staf'\n",  # '' is one quote in the value
        "x:\n  k: |\n    a > 1 and\n    staf > 2\n",  # literal block
        "x:\n  k: |-\n    a > 1 and\n      staf > 2\n",  # a more-indented line
        "k: >-\n  a > 1\n  and staf > 2\n",  # folded: two lines become one
        "k: >\n  a > 1\n\n  and staf\n",  # folded with a blank line (kept as a line break)
        "k: >-  # a comment on the indicator line\n  a > 1\n  and staf\n",
        "k: a > 1\n  and staf\n",  # multi-line plain scalar
        "k: name == '中文中文' and staf\n",  # Chinese characters before the column
        "- id: X\n  k: >-\n    '中文' == n\n    and staf\n",
        "k: |\r\n  a > 1 and\r\n  staf\r\n",  # Windows line ends
    ],
)
def test_scalar_spans_map_value_positions_to_file_positions(text: str) -> None:
    loaded = load_yaml_text(text, "f.yaml")
    (path,) = [p for p in loaded.scalars if p and p[-1] == "k"]
    value = loaded.data[path[0]] if len(path) == 1 else loaded.data[path[0]][path[1]]
    line, column = where(text.replace("\r\n", "\n"), "staf")
    assert loaded.scalars[path].locate(*where(value, "staf")) == Location("f.yaml", line, column)


def test_a_span_maps_chinese_text_by_characters() -> None:
    loaded = load_yaml_text("名字: name == '中文中文' and staf\n", "f.yaml")
    assert loaded.scalars[("名字",)].locate(1, 20) == Location("f.yaml", 1, 24)  # "staf"


def test_a_position_past_the_end_of_a_value_maps_just_after_it() -> None:
    loaded = load_yaml_text("k: >-\n  a >\n  b or\n", "f.yaml")
    assert loaded.data["k"] == "a > b or"
    assert loaded.scalars[("k",)].locate(1, 9) == Location("f.yaml", 3, 7)


# -- refusals -----------------------------------------------------------------------------------------------


def test_an_anchor_is_refused() -> None:
    assert error("a: &x 1\nb: 2\n") == (
        "1 problem in rule set:\nf.yaml:1:4: WS103 anchor '&x' is not allowed\n    hint: remove the anchor"
    )


def test_an_alias_is_refused() -> None:
    # an anchor is refused before its alias is read; an alias of an undefined anchor is refused as well
    assert error("a: [1, 2]\nb: *x\n") == (
        "1 problem in rule set:\nf.yaml:2:4: WS103 alias '*x' is not allowed\n"
        "    hint: write the value out in full"
    )


def test_an_alias_bomb_is_refused_in_well_under_a_second() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    start = time.perf_counter()
    message = error("\n".join(lines) + "\n", "bomb.yaml")
    assert time.perf_counter() - start < 1.0
    assert message == (
        "1 problem in rule set:\nbomb.yaml:1:4: WS103 anchor '&a' is not allowed\n    hint: remove the anchor"
    )


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object:os.system x\n", "tag:yaml.org,2002:python/object:os.system"),
        ("a: !!python/name:os.system ''\n", "tag:yaml.org,2002:python/name:os.system"),
        ("a: !!int '12'\n", "tag:yaml.org,2002:int"),
        ("a: !!binary aGVsbG8=\n", "tag:yaml.org,2002:binary"),
        ("a: !local 12\n", "!local"),
    ],
)
def test_explicit_tags_are_refused(text: str, tag: str) -> None:
    assert error(text) == (
        f"1 problem in rule set:\nf.yaml:1:4: WS103 tag '{tag}' is not allowed\n    hint: remove the tag"
    )


def test_a_set_tag_on_a_mapping_is_refused() -> None:
    assert error("!!set {a, b}\n") == (
        "1 problem in rule set:\nf.yaml:1:1: WS103 tag 'tag:yaml.org,2002:set' is not allowed\n"
        "    hint: remove the tag"
    )


def test_a_merge_key_is_refused() -> None:
    assert error("a:\n  <<: {b: 1}\n") == (
        "1 problem in rule set:\nf.yaml:2:3: WS103 merge key '<<' is not allowed\n"
        "    hint: write the keys out in full"
    )


def test_a_duplicate_key_is_refused_at_its_second_occurrence() -> None:
    assert error("a: 1\nb: 2\na: 3\n") == (
        "1 problem in rule set:\nf.yaml:3:1: WS102 duplicate key 'a'\n"
        "    hint: remove or rename one of the two keys"
    )


def test_keys_that_are_equal_values_are_duplicates() -> None:
    assert "WS102 duplicate key '1'" in error("1: a\n0x1: b\n")


def test_a_mapping_as_a_key_is_refused() -> None:
    assert error("? [a]\n: 1\n") == (
        "1 problem in rule set:\nf.yaml:1:3: WS101 a mapping key must be a plain value\n"
        "    hint: use a string key"
    )


def test_more_than_one_document_is_refused() -> None:
    assert error("a: 1\n---\nb: 2\n") == (
        "1 problem in rule set:\nf.yaml:2:1: WS101 more than one YAML document in the file\n"
        "    hint: keep one document per file"
    )


@pytest.mark.parametrize("text", ["a: .nan\n", "a: .inf\n", "a: -.Inf\n"])
def test_non_finite_floats_are_refused(text: str) -> None:
    value = text[3:-1]
    assert error(text) == (
        f"1 problem in rule set:\nf.yaml:1:4: WS203 '{value}' is not a finite number\n"
        "    hint: write a finite decimal"
    )


def test_a_date_that_does_not_exist_is_an_invalid_value() -> None:
    assert error("a: 2013-02-30\n") == (
        "1 problem in rule set:\nf.yaml:1:4: WS203 '2013-02-30' is not a valid value: day is out of range "
        "for month\n    hint: write a valid value"
    )


def test_syntax_error_points_at_the_place() -> None:
    assert error("a: [1, 2\nb: 3\n") == (
        "1 problem in rule set:\nf.yaml:2:2: WS101 YAML syntax error: did not find expected ',' or ']'\n"
        "    hint: fix the YAML syntax at this place"
    )


def test_syntax_error_column_counts_characters_not_bytes() -> None:
    assert error("名字: 中文\n  b: [x\n", "zh.yaml") == (
        "1 problem in rule set:\nzh.yaml:2:4: WS101 YAML syntax error: mapping values are not allowed in "
        "this context\n    hint: fix the YAML syntax at this place"
    )


def test_tab_indentation_is_a_syntax_error() -> None:
    assert error("a:\n\tb: 1\n") == (
        "1 problem in rule set:\nf.yaml:2:1: WS101 YAML syntax error: found character that cannot start any "
        "token\n    hint: fix the YAML syntax at this place"
    )


# -- limits -------------------------------------------------------------------------------------------------


def test_nesting_at_the_limit_is_accepted() -> None:
    text = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert load_yaml_text(f"a: {text}\n").data is not None


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n", 3 + MAX_DEPTH),
        # the key of the mapping at depth 32 is the first node at depth 33
        ("a: " + "{b: " * MAX_DEPTH + "1" + "}" * MAX_DEPTH + "\n", 5 + 4 * (MAX_DEPTH - 2)),
    ],
)
def test_deep_nesting_is_refused(text: str, column: int) -> None:
    assert error(text) == (
        f"1 problem in rule set:\nf.yaml:1:{column}: WS105 nesting deeper than 32 levels\n"
        "    hint: flatten the structure"
    )


def test_extreme_nesting_is_refused_quickly() -> None:
    # PyYAML >= 6.0.4 stops such input itself, at its own limit (column 1003); older versions yield events
    # and the loader stops at depth 33 (column 35). Either way: WS105 with the same message and hint.
    message = error("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    head, _, rest = message.partition("\nf.yaml:1:")
    column, _, tail = rest.partition(": ")
    assert head == "1 problem in rule set:" and column in ("35", "1003")
    assert tail == "WS105 nesting deeper than 32 levels\n    hint: flatten the structure"


def test_too_many_nodes_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    assert MAX_NODES == 200_000
    monkeypatch.setattr(load_module, "MAX_NODES", 50)  # the real limit takes seconds to reach
    text = "[" + ",".join(["0"] * 60) + "]\n"
    assert error(text) == (
        "1 problem in rule set:\nf.yaml:1:100: WS104 more than 50 YAML nodes\n"
        "    hint: split the rule set into files"
    )


def test_a_ten_megabyte_file_is_refused_quickly_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: [" + "1," * 5_000_000 + "1]\n", encoding="utf-8")
    size = path.stat().st_size
    start = time.perf_counter()
    with pytest.raises(RuleDefinitionError) as caught:
        load_yaml_file(path)
    assert time.perf_counter() - start < 1.0
    assert str(caught.value) == (
        f"1 problem in rule set:\n{path}:1:1: WS104 file is {size} bytes, more than the limit of 1000000\n"
        "    hint: split the rule set into smaller files"
    )


def test_text_over_the_limit_is_refused_by_its_utf8_size() -> None:
    text = "a: " + "中" * (MAX_FILE_BYTES // 3)  # fewer characters than the limit, more bytes
    assert len(text) < MAX_FILE_BYTES
    assert error(text).splitlines()[1] == (
        f"f.yaml:1:1: WS104 file is {len(text.encode())} bytes, more than the limit of 1000000"
    )


# -- files --------------------------------------------------------------------------------------------------


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("a: 成都\n".encode("gbk"))
    with pytest.raises(RuleDefinitionError) as caught:
        load_yaml_file(path)
    assert str(caught.value) == (
        f"1 problem in rule set:\n{path}:1:1: WS106 file is not UTF-8 (invalid start byte)\n"
        "    hint: save the file as UTF-8"
    )


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "missing.yaml"
    with pytest.raises(RuleDefinitionError) as caught:
        load_yaml_file(path)
    assert str(caught.value) == (
        f"1 problem in rule set:\n{path}:1:1: WS106 cannot read file: No such file or directory\n"
        "    hint: check the path"
    )


def test_a_file_is_read_with_its_path_in_locations(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("a:\n  b: 成都\n", encoding="utf-8")
    loaded = load_yaml_file(path)
    assert loaded.data == {"a": {"b": "成都"}}
    assert loaded.file == str(path)
    assert loaded.values[("a", "b")] == Location(str(path), 2, 6)
