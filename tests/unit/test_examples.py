"""``window_standard.examples``: the example documents shipped with the package."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import window_standard as ws

ROOT = Path(__file__).resolve().parents[2]


def test_the_names_are_the_contract_example_then_the_editions() -> None:
    folder = ROOT / "rules" / "cdpma-window-2013" / "examples"
    assert ws.examples.windows() == ["example", *sorted(p.stem for p in (folder / "windows").glob("*.yaml"))]
    assert ws.examples.applications() == [
        "example",
        *sorted(p.stem for p in (folder / "applications").glob("*.yaml")),
    ]


@pytest.mark.parametrize("name", ws.examples.windows())
def test_every_example_window_is_a_valid_window_equal_to_its_file(name: str) -> None:
    data = ws.examples.window(name)
    assert data == yaml.safe_load(ws.examples.window_path(name).read_text(encoding="utf-8"))
    assert ws.Window.model_validate(data).id == data["id"]


@pytest.mark.parametrize("name", ws.examples.applications())
def test_every_example_application_is_valid(name: str) -> None:
    data = ws.examples.application(name)
    if "window" in data:
        assert ws.Application.model_validate(data).window.id
    else:  # the committee's evaluation of a window
        assert ws.Window.model_validate(data).assessor == "committee"


def test_the_contract_example_meets_and_each_call_is_a_fresh_copy() -> None:
    first = ws.examples.window()
    first["staff"]["headcount"] = 1
    assert ws.examples.window()["staff"]["headcount"] == 6
    assert ws.load_standard().evaluate(ws.examples.window()).level == "meets"
    assert ws.examples.window_path() == ROOT / "tests" / "data" / "window-example.yaml"


@pytest.mark.parametrize("name", ["nope", "../windows/1-meets", "/etc/passwd"])
def test_unknown_names_are_refused_with_the_list(name: str) -> None:
    with pytest.raises(LookupError, match="the examples are: example, 1-meets"):
        ws.examples.window(name)
