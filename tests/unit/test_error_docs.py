"""``docs/errors.md`` documents every error code, and its examples are what the error cases really print.

Each ``## WSxxx — title`` section shows one or more YAML excerpts (the first line names the file, as
``# criteria/bad.yaml``) of the rule set ``tests/errors/cases/WSxxx/``, and the whole message loading that
rule set produces, in a ``text`` block.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

import window_standard as ws
from window_standard._errors import ERROR_CODES

ROOT = Path(__file__).resolve().parent.parent.parent
DOC = ROOT / "docs" / "errors.md"
CASES = ROOT / "tests" / "errors" / "cases"
_HEADING = re.compile(r"^## (?P<code>\S+) — (?P<title>.+)$", re.MULTILINE)
_BLOCK = re.compile(r"^```(?P<info>[a-z ]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)


def sections() -> dict[str, tuple[str, str]]:
    """Each section's code, with its title and its text (up to the next section)."""
    text = DOC.read_text(encoding="utf-8")
    found: dict[str, tuple[str, str]] = {}
    matches = list(_HEADING.finditer(text))
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(text)
        assert match["code"] not in found, f"two sections for {match['code']}"
        found[match["code"]] = (match["title"], text[match.end() : end])
    return found


def preamble() -> str:
    text = DOC.read_text(encoding="utf-8")
    first = _HEADING.search(text)
    assert first is not None
    return text[: first.start()]


def blocks(text: str, info: str) -> list[str]:
    return [m["body"] for m in _BLOCK.finditer(text) if m["info"].strip() == info]


def message_of(case: str, tmp_path: Path) -> str:
    """What loading an error case prints, with paths relative to the case folder."""
    folder = tmp_path / case
    shutil.copytree(CASES / case, folder)
    if case == "WS104":  # the committed file is small; pad it past the limit as tests/errors does
        with (folder / "criteria" / "big.yaml").open("a", encoding="utf-8", newline="\n") as big:
            big.write("#" * 1_000_000 + "\n")
    with pytest.raises(ws.RuleDefinitionError) as caught:
        ws.load_standard(path=folder)
    return str(caught.value).replace(str(folder) + os.sep, "").replace(os.sep, "/")


def read_case_file(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gbk")  # the WS106 case is saved in GBK on purpose


def test_every_code_has_a_section_and_every_section_a_code() -> None:
    documented = sections()
    assert sorted(documented) == sorted(ERROR_CODES)
    assert list(documented) == sorted(documented), "sections are in code order"


@pytest.mark.parametrize("code", sorted(ERROR_CODES))
def test_each_section_has_the_title_of_its_code(code: str) -> None:
    title, _ = sections()[code]
    assert title == ERROR_CODES[code]


@pytest.mark.parametrize("code", sorted(ERROR_CODES))
def test_each_section_explains_shows_and_advises(code: str) -> None:
    _, body = sections()[code]
    prose = _BLOCK.sub("", body).strip()
    assert len(prose.split("\n\n")[0]) > 80, "a paragraph saying what the code means"
    assert "**What to do:**" in body
    assert blocks(body, "yaml"), "a failing snippet"
    assert len(blocks(body, "text")) == 1, "the message it produces"


@pytest.mark.parametrize("code", sorted(ERROR_CODES))
def test_each_message_is_what_the_case_prints(code: str, tmp_path: Path) -> None:
    _, body = sections()[code]
    (shown,) = blocks(body, "text")
    assert shown.rstrip("\n") == message_of(code, tmp_path)


@pytest.mark.parametrize("code", sorted(ERROR_CODES))
def test_each_snippet_is_an_excerpt_of_the_case(code: str) -> None:
    _, body = sections()[code]
    for snippet in blocks(body, "yaml"):
        first, _, excerpt = snippet.partition("\n")
        assert first.startswith("# "), "a snippet names its file on its first line"
        path = CASES / code / first[2:].strip()
        assert path.is_file(), f"{path} does not exist"
        assert excerpt in read_case_file(path), f"the snippet is not an excerpt of {path}"


def test_the_introduction_shows_the_several_problems_case(tmp_path: Path) -> None:
    shown = blocks(preamble(), "text")[0]
    assert shown.rstrip("\n") == message_of("several", tmp_path)
    assert shown.startswith("5 problems in rule set:\n")
