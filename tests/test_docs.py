"""Every code example in the documentation runs, and prints what the documentation says it prints.

The documentation is ``README.md`` and ``docs/*.md``. In each file, every fenced block whose info string is
``python`` is executed, in order, in one namespace per file, with the repository root as the working
directory. A block marked ``python no-run`` is shown but not executed (none are allowed in the README). A
fenced block marked ``text output`` that directly follows a python block is the exact output of that block.
Other spellings of Python fences (``py``, ``python3``, ``pycon`` ...) are refused, so that no example is
silently skipped.
"""

from __future__ import annotations

import contextlib
import io
import re
import tomllib
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

import window_standard as ws

ROOT = Path(__file__).resolve().parent.parent
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
QUICK_START = [
    "pip install . && window-standard demo",
    'pip install -e ".[dev]" && python -m pytest',
]
_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_PYTHON_LOOKALIKES = {"py", "py3", "python3", "pycon", "ipython", "ipython3", "pyi", "Python"}
_LINK = re.compile(r"\[[^\]]*\]\((?P<target>[^)\s]+)\)")


@dataclass(frozen=True)
class Fence:
    """One fenced block of a markdown file.

    Attributes:
        info: The info string (``python``, ``text output``, ``bash`` ...), stripped.
        line: 1-based line of the first line of the block's content.
        text: The block's content.
        end: 1-based line of the closing fence.
    """

    info: str
    line: int
    text: str
    end: int

    @property
    def words(self) -> list[str]:
        return self.info.split()

    @property
    def language(self) -> str:
        return self.words[0] if self.words else ""


@dataclass(frozen=True)
class Example:
    """A python block to run, and the output it must print (None: not checked)."""

    number: int
    line: int
    code: str
    output: str | None


class DocExampleError(AssertionError):
    """A documentation example failed or printed something else than documented."""


def fences(markdown: str) -> list[Fence]:
    """Every fenced block of a markdown text, in order (an unclosed fence runs to the end)."""
    found: list[Fence] = []
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None or ("`" in match["info"] and match["fence"][0] == "`"):
            index += 1
            continue
        fence, start = match["fence"], index + 1
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        end = start
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        found.append(Fence(match["info"].strip(), start + 1, "\n".join(lines[start:end]) + "\n", end + 1))
        index = end + 1
    return found


def examples(markdown: str) -> list[Example]:
    """The runnable python blocks of a markdown text, each with its documented output if any."""
    blocks = fences(markdown)
    lines = markdown.splitlines()
    found: list[Example] = []
    for position, block in enumerate(blocks):
        if block.words != ["python"]:
            continue
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        output = None
        if following is not None and following.words == ["text", "output"]:
            between = lines[block.end : following.line - 2]  # after the closing fence, before the opening one
            if not any(line.strip() for line in between):
                output = following.text
        found.append(Example(len(found) + 1, block.line, block.text, output))
    return found


def run_examples(name: str, markdown: str) -> int:
    """Run the python blocks of one markdown text in one shared namespace; return how many ran.

    Raises:
        DocExampleError: Naming the file, the block number and its line, with the traceback or the
            expected and actual output.
    """
    namespace: dict[str, object] = {"__name__": "__main__"}
    ran = 0
    for example in examples(markdown):
        where = f"{name} python block {example.number} (line {example.line})"
        printed = io.StringIO()
        try:
            # pad with blank lines so that tracebacks give the line numbers of the markdown file
            code = compile("\n" * (example.line - 1) + example.code, name, "exec")
            with contextlib.redirect_stdout(printed):
                exec(code, namespace)
        except Exception as exc:  # the example failed: show its own frames only
            trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__.tb_next))
            raise DocExampleError(f"{where} failed:\n{trace}") from None
        if example.output is not None and printed.getvalue().rstrip() != example.output.rstrip():
            raise DocExampleError(
                f"{where} printed something else than its 'text output' block.\n"
                f"--- documented ---\n{example.output.rstrip()}\n"
                f"--- printed ---\n{printed.getvalue().rstrip()}"
            )
        ran += 1
    return ran


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


# -- the examples ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", DOC_FILES, ids=_id)
def test_examples_run(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = path.read_text(encoding="utf-8")
    if not examples(text):
        pytest.skip(f"{_id(path)} has no python examples")
    failure = None
    try:
        ran = run_examples(_id(path), text)
    except DocExampleError as exc:
        failure, ran = str(exc), -1
    if failure is not None:
        pytest.fail(failure, pytrace=False)
    assert ran == len(examples(text))


@pytest.mark.parametrize("path", DOC_FILES, ids=_id)
def test_fences_are_recognised(path: Path) -> None:
    """Python examples use exactly ``python`` (or ``python no-run``) and output blocks follow an example."""
    text = path.read_text(encoding="utf-8")
    blocks = fences(text)
    problems = [
        f"line {b.line}: fence '{b.info}' is not run; write 'python' (or 'python no-run')"
        for b in blocks
        if b.language in _PYTHON_LOOKALIKES
        or (b.language == "python" and b.words not in (["python"], ["python", "no-run"]))
    ]
    with_output = {e.line for e in examples(text) if e.output is not None}
    for position, block in enumerate(blocks):
        if block.words == ["text", "output"]:
            before = blocks[position - 1] if position else None
            if before is None or before.line not in with_output:
                problems.append(
                    f"line {block.line}: 'text output' block does not directly follow a python block"
                )
    if path.name == "README.md":
        problems += [
            f"line {b.line}: the README may not have 'no-run' blocks" for b in blocks if "no-run" in b.words
        ]
    assert problems == []


def test_readme_quick_start_has_exactly_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start\n(?P<body>.*?)(?=^## )", readme, re.MULTILINE | re.DOTALL)
    assert section is not None, "README.md has no '## Quick start' section"
    commands = [
        b.text.strip() for b in fences(section["body"]) if b.language in ("bash", "sh", "shell", "console")
    ]
    assert commands == QUICK_START
    assert [b.info for b in fences(section["body"]) if b.text.strip() in QUICK_START] == ["bash", "bash"]


def test_quick_start_commands_name_real_entry_points() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"]["window-standard"] == "window_standard.cli:main"
    assert any(req.startswith("pytest") for req in project["optional-dependencies"]["dev"])
    from typer.testing import CliRunner

    from window_standard.cli import app

    assert "demo" in {command.name for command in app.registered_commands}
    demo = CliRunner().invoke(app, ["demo"])  # the main job, on the default (packaged) rule set
    assert demo.exit_code == 0, demo.output
    default = ws.load_standard()
    assert default.digest[:12] in demo.output


def _prose(markdown: str) -> str:
    """The text outside fenced blocks (links and headings inside code are not links and headings)."""
    lines = markdown.splitlines()
    inside = {n for b in fences(markdown) for n in range(b.line - 2, b.end)}
    return "\n".join(line for n, line in enumerate(lines) if n not in inside)


def anchors(markdown: str) -> set[str]:
    """GitHub's anchors of a markdown text's headings (lower case, punctuation dropped, spaces to '-')."""
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", _prose(markdown), re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        candidate, n = slug, 0
        while candidate in found:
            n += 1
            candidate = f"{slug}-{n}"
        found.add(candidate)
    return found


def test_anchors_follow_github() -> None:
    assert anchors(
        "# Quick start\n## let, applies_when, condition and score\n## `standard.yaml`\n# Quick start\n"
    ) == {"quick-start", "let-applies_when-condition-and-score", "standardyaml", "quick-start-1"}


def test_relative_links_and_anchors_resolve() -> None:
    broken: list[str] = []
    for path in DOC_FILES:
        for match in _LINK.finditer(_prose(path.read_text(encoding="utf-8"))):
            target, _, anchor = match["target"].partition("#")
            if re.match(r"^[a-z]+:", target):
                continue
            file = (path.parent / target) if target else path
            if not file.exists():
                broken.append(f"{_id(path)}: {match['target']} (no such file)")
            elif anchor and file.suffix == ".md" and anchor not in anchors(file.read_text(encoding="utf-8")):
                broken.append(f"{_id(path)}: {match['target']} (no such heading)")
    assert broken == []


def test_every_public_name_is_documented() -> None:
    docs = "\n".join(p.read_text(encoding="utf-8") for p in DOC_FILES if p.parent.name == "docs")
    missing = [name for name in ws.__all__ if not re.search(rf"`[^`]*\b{re.escape(name)}\b[^`]*`", docs)]
    assert missing == []


# -- the runner itself -------------------------------------------------------------------------------------

_SAMPLE = """\
# Sample

```python
x = 2
print(x * 21)
```

```text output
42
```

```python no-run
raise SystemExit("never runs")
```

~~~python
print(x + 1)
~~~
"""


def test_runner_collects_blocks_with_lines_and_outputs() -> None:
    assert examples(_SAMPLE) == [
        Example(1, 4, "x = 2\nprint(x * 21)\n", "42\n"),
        Example(2, 17, "print(x + 1)\n", None),
    ]
    assert run_examples("sample.md", _SAMPLE) == 2


def test_runner_names_file_block_and_line_of_a_failure() -> None:
    broken = _SAMPLE.replace("print(x + 1)", "print(y)")
    with pytest.raises(DocExampleError) as info:
        run_examples("sample.md", broken)
    assert str(info.value) == (
        "sample.md python block 2 (line 17) failed:\n"
        "Traceback (most recent call last):\n"
        '  File "sample.md", line 17, in <module>\n'
        "NameError: name 'y' is not defined\n"
    )


def test_runner_reports_a_syntax_error_at_its_markdown_line() -> None:
    broken = _SAMPLE.replace("x = 2", "x = = 2")
    with pytest.raises(DocExampleError) as info:
        run_examples("sample.md", broken)
    message = str(info.value)
    assert message.startswith("sample.md python block 1 (line 4) failed:\n")
    assert '  File "sample.md", line 4\n' in message
    assert message.endswith("SyntaxError: invalid syntax\n")


def test_runner_compares_documented_output() -> None:
    wrong = _SAMPLE.replace("42\n```", "43\n```")
    with pytest.raises(DocExampleError) as info:
        run_examples("sample.md", wrong)
    assert str(info.value) == (
        "sample.md python block 1 (line 4) printed something else than its 'text output' block.\n"
        "--- documented ---\n43\n--- printed ---\n42"
    )
