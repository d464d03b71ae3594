"""The generated pages (docs/cli.md, docs/fields.md) are current; docs/index.md lists every command."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command

import window_standard as ws
from window_standard._reference import PAGES
from window_standard.cli import app

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = list(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_committed_page_is_what_the_code_generates(name: str) -> None:
    committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert committed == PAGES[name](), (
        f"docs/{name} is out of date: run python -m window_standard._reference docs"
    )


def test_the_cli_reference_has_a_section_per_command_and_option() -> None:
    text = PAGES["cli.md"]()
    for command in COMMANDS:
        assert f"\n## {command}\n" in text, command
        for param in get_command(app).commands[command].params:  # type: ignore[attr-defined]
            for opt in param.opts:
                if opt.startswith("-"):
                    assert f"`{opt}`" in text, (command, opt)


def test_the_field_dictionary_lists_every_field_of_the_window() -> None:
    text = PAGES["fields.md"]()
    for name in ws.Window.model_fields:
        assert f"| `{name}` |" in text
    from window_standard._model import Staff

    for name in Staff.model_fields:
        assert f"| `staff.{name}` |" in text
    assert "| `staff.headcount` | 人数 | integer ≥ 0, or null |  | Number of window staff. | `6` |" in text
    assert "| `project.floor_area_m2` | 建筑面积（平方米） | decimal ≥ 0, or null | m² / 平方米 |" in text


def test_the_documentation_index_lists_every_command() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"`window-standard {command}" in index, command
