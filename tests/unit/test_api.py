"""The public API contract of DESIGN.md, line by line, and a guard on what ``window_standard`` exports."""

from __future__ import annotations

import importlib
import inspect
import json
import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import window_standard as ws
from window_standard._library import packaged_rules_dir

EXPORTS = {
    "read_windows",
    "Application",
    "ApplicationReview",
    "CampaignOutcomes",
    "CategoryResult",
    "CriterionResult",
    "EditionInfo",
    "Library",
    "LocalText",
    "Plan",
    "PlanStep",
    "Location",
    "Problem",
    "Rectification",
    "Result",
    "RuleDefinitionError",
    "Standard",
    "StandardDiff",
    "StandardStamp",
    "Window",
    "WindowStandardError",
    "__version__",
    "campaign_outcomes",
    "diff",
    "engines",
    "list_editions",
    "load_standard",
    "review_application",
}


# -- the export list ----------------------------------------------------------------------------------------


def test_the_export_list_is_exactly_the_public_api() -> None:
    assert set(ws.__all__) == EXPORTS
    assert len(ws.__all__) == len(EXPORTS), "no name is exported twice"
    assert all(hasattr(ws, name) for name in ws.__all__)


@pytest.mark.parametrize("name", sorted(EXPORTS - {"__version__"}))
def test_every_exported_name_has_its_own_docstring(name: str) -> None:
    obj = getattr(ws, name)
    own = obj.__dict__.get("__doc__") if isinstance(obj, type) else obj.__doc__
    assert isinstance(own, str) and len(own.strip()) > 20, f"{name} has no docstring of its own"


def test_exported_names_resolve_lazily_and_are_listed_by_dir() -> None:
    for name in ws.__all__:
        value = getattr(ws, name)
        if name != "__version__":
            module = importlib.import_module(value.__module__)
            assert getattr(module, name) is value, name
    assert set(ws.__all__) <= set(dir(ws))
    assert not {"_LAZY", "TYPE_CHECKING"} & set(dir(ws)), "the lazy-import machinery is not listed"
    names: dict[str, Any] = {}
    exec("from window_standard import *", names)
    assert set(names) - {"__builtins__"} == EXPORTS


@pytest.mark.parametrize(
    "name", ["evaluate", "Engine", "load_standards", "_campaign_outcomes", "__wrapped__"]
)
def test_other_attributes_raise_attribute_error(name: str) -> None:
    with pytest.raises(AttributeError, match=rf"module 'window_standard' has no attribute '{name}'"):
        getattr(ws, name)
    assert not hasattr(ws, name)


def test_private_submodules_can_still_be_imported_from_the_package() -> None:
    from window_standard import _library, campaign

    assert _library.load_standard is ws.load_standard
    assert campaign.review_application is ws.review_application


def test_the_version_is_semver() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", ws.__version__)


def test_exported_classes_live_in_private_modules() -> None:
    for name in EXPORTS - {"__version__"}:
        module = inspect.getmodule(getattr(ws, name))
        assert module is not None and module.__name__.startswith("window_standard._"), name


# -- DESIGN.md, "Public API", line by line ------------------------------------------------------------------


def test_load_the_newest_edition_in_force_today() -> None:
    std = ws.load_standard()
    assert isinstance(std, ws.Standard) and std.id == "cdpma-window-2013"


def test_load_an_edition_by_id_and_date() -> None:
    std = ws.load_standard("cdpma-window-2013", as_of=date(2013, 6, 15))
    assert (std.id, std.effective[0]) == ("cdpma-window-2013", date(2013, 3, 12))
    with pytest.raises(ws.WindowStandardError):
        ws.load_standard("cdpma-window-2013", as_of=date(2012, 1, 1))  # not yet in force


def test_load_a_users_own_rule_set_folder(tmp_path: Path, example_window: dict[str, Any]) -> None:
    own = tmp_path / "my_rules" / "mine"
    shutil.copytree(packaged_rules_dir() / "cdpma-window-2013", own)
    assert ws.load_standard(path=own).digest == ws.load_standard().digest
    variant = tmp_path / "my_rules" / "variant"
    variant.mkdir()
    (variant / "standard.yaml").write_text(
        "id: chengdu-strict\nversion: 1.0.0\nextends: cdpma-window-2013\n"
        "title: {zh: 从严版, en: Strict variant}\neffective: {from: 2013-03-12}\n"
        "parameters:\n  pass_threshold: 95\nremove: [BON-1]\n",
        encoding="utf-8",
    )
    std = ws.load_standard(path=str(variant) + "/")
    assert (std.id, std.parameters["pass_threshold"], "BON-1" in std.criteria) == (
        "chengdu-strict",
        95,
        False,
    )
    assert std.evaluate(example_window).level == "meets"


def test_identity(standard: ws.Standard) -> None:
    assert (standard.id, standard.version) == ("cdpma-window-2013", "2.0.0")
    assert re.fullmatch(r"[0-9a-f]{64}", standard.digest)
    assert standard.title.zh == "成都市物业管理优质服务窗口创建标准"


def test_window_validation_rejects_extra_fields(example_window: dict[str, Any]) -> None:
    window = ws.Window.model_validate(example_window)
    assert window.id == "cd-510107-0001"
    example_window["staff"]["hat_colour"] = "red"
    with pytest.raises(ValidationError) as caught:
        ws.Window.model_validate(example_window)
    assert [(e["loc"], e["type"]) for e in caught.value.errors()] == [
        (("staff", "hat_colour"), "extra_forbidden")
    ]


def test_evaluate_a_window_or_a_dict(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    result = standard.evaluate(ws.Window.model_validate(example_window))
    assert isinstance(result, ws.Result)
    assert standard.evaluate(example_window) == result


def test_the_result(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    example_window["lei_feng"]["activities"] = example_window["lei_feng"]["activities"][1:]
    result = standard.evaluate(example_window)
    assert result.level in ("meets", "rectify", "fails") and result.level == "meets"
    assert result.passed is (result.level == "meets")
    assert isinstance(result.score, Decimal) and isinstance(result.max_score, Decimal)
    assert (str(result.score), str(result.max_score)) == ("100.00", "100.00")
    assert result.categories["ENV"].score == Decimal("20.00")
    c = result.criteria["LF-2"]
    assert c.status in ("pass", "partial", "fail", "not_applicable", "no_data") and c.status == "partial"
    assert (c.points, c.max_points) == (Decimal("5.00"), Decimal("6.00"))
    assert c.facts == {"n": 5, "assessed_on": "2013-06-20", "params.min_volunteer_activities": 6}
    assert c.explain(lang="zh") == "期内开展志愿服务活动 5 次，满分需 6 次"
    assert (result.vetoes, result.prerequisites) == ([], [])
    assert [(r.id, r.points) for r in result.rectifications()] == [("LF-2", Decimal("1.00"))]
    assert result.standard.model_dump() == {
        "id": "cdpma-window-2013",
        "version": "2.0.0",
        "digest": standard.digest,
    }
    text = result.model_dump_json()
    assert json.loads(text)["criteria"]["LF-2"]["points"] == "5.00"
    assert ws.Result.model_validate_json(text) == result


def test_what_if_variants(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    variant = standard.with_parameters(pass_threshold=92)
    assert variant.digest != standard.digest
    assert (variant.parameters["pass_threshold"], standard.parameters["pass_threshold"]) == (92, 90)


def test_evaluate_many(standard: ws.Standard, example_window: dict[str, Any]) -> None:
    results = standard.evaluate_many([example_window, ws.Window.model_validate(example_window)])
    assert len(results) == 2 and results[0] == results[1] == standard.evaluate(example_window)


# -- errors -------------------------------------------------------------------------------------------------


def test_one_base_class_for_the_librarys_errors() -> None:
    assert issubclass(ws.RuleDefinitionError, ws.WindowStandardError)
    assert issubclass(ws.WindowStandardError, Exception)


def test_rule_definition_errors_carry_located_problems(mini_rules: Any) -> None:
    mini_rules.replace("criteria/staff.yaml", "staff.in_uniform >= staff.headcount", "staf.in_uniform >= 1")
    with pytest.raises(ws.RuleDefinitionError) as caught:
        mini_rules.load()
    (problem,) = caught.value.problems
    assert isinstance(problem, ws.Problem) and isinstance(problem.location, ws.Location)
    assert (problem.code, problem.message, problem.hint) == (
        "WS303",
        "in STF-1.condition: unknown name 'staf'",
        "did you mean 'staff'?",
    )
    assert (Path(problem.location.file).name, problem.location.line, problem.location.column) == (
        "staff.yaml",
        7,
        14,
    )


def test_invalid_input_raises_a_validation_error_with_the_path(
    standard: ws.Standard, example_window: dict[str, Any]
) -> None:
    example_window["quality"]["survey"]["satisfied"] = 121  # more than were sampled
    with pytest.raises(ValidationError) as caught:
        standard.evaluate(example_window)
    assert [e["loc"] for e in caught.value.errors()] == [("quality", "survey", "satisfied")]
    assert not isinstance(caught.value, ws.WindowStandardError)


def test_missing_data_is_a_result_not_an_exception(standard: ws.Standard) -> None:
    bare = {
        "id": "w",
        "name": "窗口",
        "kind": "repair_service_station",
        "district": "510107",
        "assessed_on": date(2013, 6, 1),
        "assessor": "self",
    }
    result = standard.evaluate(bare)
    assert result.level == "fails" and str(result.score) == "0.00"
    scored = [c for c in result.criteria.values() if c.kind == "scored"]
    assert {c.status for c in scored} <= {"no_data", "fail", "not_applicable"}
    assert result.criteria["LF-2"].status == "no_data"


def test_editions_can_be_listed() -> None:
    frozen, edition = [e for e in ws.list_editions() if e.id == "cdpma-window-2013"]
    assert isinstance(edition, ws.EditionInfo)
    assert (frozen.version, frozen.folder.name) == ("1.0.0", "cdpma-window-2013-1.0.0")
    assert (edition.version, edition.effective_from, edition.in_force(date(2013, 6, 1))) == (
        "2.0.0",
        date(2013, 3, 12),
        True,
    )


# -- the other public modules: window_standard.campaign and window_standard.testing ----------------------

CAMPAIGN_EXPORTS = {
    "TRANSITIONS",
    "Accepted",
    "Application",
    "ApplicationReview",
    "ApplicationState",
    "Campaign",
    "CampaignOutcomes",
    "CampaignStamp",
    "CheckResult",
    "Decision",
    "Draft",
    "Endorsed",
    "Evaluated",
    "Evaluation",
    "Honoured",
    "NotHonoured",
    "NoticeEntry",
    "OrganisationOutcome",
    "Phase",
    "Published",
    "Recommended",
    "Refused",
    "ReviewWarning",
    "SelfAssessed",
    "SelfAssessmentCheck",
    "Step",
    "StepRule",
    "Submitted",
    "Transition",
    "WindowOutcome",
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
}
#: Names that are data or type aliases, not classes or functions: documented by a ``#:`` comment.
CAMPAIGN_DATA = {"TRANSITIONS", "ApplicationState", "Transition"}


def _commented(package_dir: Path, name: str) -> str | None:
    """The ``#:`` comment right above the module-level assignment of ``name`` in a package's files."""
    for path in sorted(package_dir.glob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if re.match(rf"{re.escape(name)}\s*[:=]", line) and i and lines[i - 1].startswith("#: "):
                return lines[i - 1][3:]
    return None


def test_the_campaign_export_list_is_exact() -> None:
    import window_standard.campaign as wc

    assert set(wc.__all__) == CAMPAIGN_EXPORTS
    assert len(wc.__all__) == len(CAMPAIGN_EXPORTS), "no name is exported twice"
    assert all(hasattr(wc, name) for name in wc.__all__)
    # "@py_builtins" and "@pytest_ar" are added by pytest when its plugin entry point rewrites our asserts
    public = {name for name in vars(wc) if not name.startswith(("_", "@"))} - {"annotations"}
    assert public == CAMPAIGN_EXPORTS, "nothing public outside __all__"
    assert wc.review_application is ws.review_application and wc.Application is ws.Application


@pytest.mark.parametrize("name", sorted(CAMPAIGN_EXPORTS))
def test_every_campaign_name_has_its_own_docstring(name: str) -> None:
    import window_standard.campaign as wc

    obj = getattr(wc, name)
    if name in CAMPAIGN_DATA:
        own = _commented(Path(wc.__file__).parent / "_campaign", name)
    else:
        own = obj.__dict__.get("__doc__") if isinstance(obj, type) else obj.__doc__
    assert isinstance(own, str) and len(own.strip()) > 20, f"{name} has no docstring of its own"


def test_the_testing_export_list_is_exact() -> None:
    pytest.importorskip("hypothesis")
    import window_standard.testing as wt

    assert wt.__all__ == ["applications", "improvements", "windows"]
    defined = {
        name
        for name, value in vars(wt).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == wt.__name__
    }
    assert defined == set(wt.__all__), "nothing public defined outside __all__"
    for name in wt.__all__:
        doc = getattr(wt, name).__doc__
        assert isinstance(doc, str) and len(doc.strip()) > 20, f"{name} has no docstring"
