"""The example applications and committee evaluations, and the examples of docs/campaign.md."""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import window_standard as ws
from window_standard import _campaign
from window_standard._campaign import Campaign, load_campaign
from window_standard._model import Application, Window

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "rules" / "cdpma-window-2013" / "examples"
APPLICATIONS = EXAMPLES / "applications"

# file -> (accepted, failed checks, warnings, reported score, recomputed score)
EXPECTED = {
    "1-meets.yaml": (True, [], [], "94.00", "94.00"),
    "2-rectify.yaml": (False, ["APP-2"], ["WARN-2", "WARN-3"], "92.00", "85.00"),
    "3-fails-score.yaml": (False, ["APP-2", "APP-5", "APP-6", "APP-7"], [], "71.95", "71.95"),
    "4-vetoed.yaml": (False, ["APP-2", "APP-4"], ["WARN-3"], "98.00", "98.00"),
    "5-out-of-scope.yaml": (False, ["APP-1", "APP-2"], ["WARN-3"], "94.00", "94.00"),
}


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(ws.load_standard())


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_there_is_an_application_for_every_example_window() -> None:
    windows = sorted(p.name for p in (EXAMPLES / "windows").glob("*.yaml"))
    applications = sorted(p.name for p in APPLICATIONS.glob("[0-9]*.yaml"))
    assert applications == windows == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_application_embeds_its_example_window_unchanged(name: str) -> None:
    app = Application.model_validate(load(APPLICATIONS / name))
    assert app.window == Window.model_validate(load(EXAMPLES / "windows" / name))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_application_reviews_as_its_header_says(name: str, campaign: Campaign) -> None:
    review = campaign.review(load(APPLICATIONS / name))
    accepted, failed, warnings, reported, recomputed = EXPECTED[name]
    assert review.accepted is accepted
    assert [c.id for c in review.failed] == failed
    assert [w.id for w in review.warnings] == warnings
    assert (str(review.self_assessment.reported_score), str(review.self_assessment.recomputed_score)) == (
        reported,
        recomputed,
    )
    header = (APPLICATIONS / name).read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith("ACCEPTED —" if accepted else "REJECTED —")


def test_the_committee_evaluation_is_window_1_in_july() -> None:
    evaluation = load(APPLICATIONS / "committee-1-meets.yaml")
    window = load(EXAMPLES / "windows" / "1-meets.yaml")
    expected = copy.deepcopy(window)
    expected.update(assessor="committee", assessed_on=evaluation["assessed_on"])
    assert evaluation == expected
    assert str(evaluation["assessed_on"]) == "2013-07-16"


def _docs_runner(monkeypatch: pytest.MonkeyPatch) -> Any:
    """tests/test_docs.py (the documentation runner), loaded as a module."""
    spec = importlib.util.spec_from_file_location("_campaign_docs_runner", ROOT / "tests" / "test_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


PUBLIC = [
    "Application",
    "ApplicationReview",
    "campaign_outcomes",
    "decide",
    "endorse",
    "load_campaign",
    "load_state",
    "publish",
    "recommend",
    "record_evaluation",
    "review_application",
    "self_assess",
    "start_application",
    "submit",
]


def test_docs_campaign_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/campaign.md runs with the public names (added here until window_standard exports them)."""
    for name in PUBLIC:
        if not hasattr(ws, name):
            value = Application if name == "Application" else getattr(_campaign, name)
            monkeypatch.setattr(ws, name, value, raising=False)
    monkeypatch.chdir(ROOT)
    runner = _docs_runner(monkeypatch)
    text = (ROOT / "docs" / "campaign.md").read_text(encoding="utf-8")
    assert runner.run_examples("docs/campaign.md", text) == 4
    first = runner.examples(text)[0]
    assert len(first.code.splitlines()) == 5
