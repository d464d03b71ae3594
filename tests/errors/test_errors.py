"""One bad rule set per error code: each produces exactly the documented message, all problems at once.

Every folder under ``cases/`` is a copy of the minimal valid rule set ``minimal/`` with one mistake
(``several/`` has five, in four files). The expected messages below are the whole ``str(RuleDefinitionError)``
with the case folder's path removed; ``docs/errors.md`` shows the same messages (``test_error_docs.py``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import window_standard as ws
from window_standard._errors import ERROR_CODES

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
MINIMAL = HERE / "minimal"

EXPECTED: dict[str, str] = {
    "WS101": (
        "1 problem in rule set:\n"
        "criteria/bad.yaml:4:9: WS101 YAML syntax error: did not find expected ',' or '}'\n"
        "    hint: fix the YAML syntax at this place"
    ),
    "WS102": (
        "1 problem in rule set:\n"
        "criteria/bad.yaml:7:3: WS102 duplicate key 'condition'\n"
        "    hint: remove or rename one of the two keys"
    ),
    "WS103": (
        "1 problem in rule set:\n"
        "criteria/bad.yaml:3:10: WS103 anchor '&title' is not allowed\n"
        "    hint: remove the anchor"
    ),
    "WS104": (
        "1 problem in rule set:\n"
        "criteria/big.yaml:1:1: WS104 file is 1000279 bytes, more than the limit of 1000000\n"
        "    hint: split the rule set into smaller files"
    ),
    "WS105": (
        "1 problem in rule set:\n"
        "criteria/bad.yaml:1:34: WS105 nesting deeper than 32 levels\n"
        "    hint: flatten the structure"
    ),
    "WS106": (
        "1 problem in rule set:\n"
        "criteria/bad.yaml:1:1: WS106 file is not UTF-8 (invalid start byte)\n"
        "    hint: save the file as UTF-8"
    ),
    "WS201": (
        "1 problem in rule set:\n"
        "criteria/staff.yaml:7:3: WS201 unknown key 'efort' at [0].efort\n"
        "    hint: did you mean 'effort'?"
    ),
    "WS202": (
        "1 problem in rule set:\n"
        "criteria/staff.yaml:1:3: WS202 missing required key 'provenance' at [0].provenance\n"
        "    hint: add it"
    ),
    "WS203": (
        "1 problem in rule set:\n"
        "criteria/staff.yaml:7:11: WS203 invalid value at [0].effort: Input should be less than or equal to "
        "3\n"
        "    hint: see docs/rule-language.md"
    ),
    "WS204": (
        "1 problem in rule set:\n"
        "criteria/veto.yaml:1:7: WS204 duplicate criterion id 'STF-1'\n"
        "    hint: give each criterion its own id"
    ),
    "WS205": (
        "1 problem in rule set:\n"
        "criteria/staff.yaml:2:13: WS205 STF-1 names unknown category 'STAFF'\n"
        "    hint: use one of STF, LF"
    ),
    "WS206": (
        "1 problem in rule set:\n"
        "standard.yaml:21:13: WS206 criteria of category STF add up to 5.00 points, not 6\n"
        "    hint: make the criteria's points match the category"
    ),
    "WS207": (
        "1 problem in rule set:\n"
        "standard.yaml:15:19: WS207 dated values of parameter 'min_activities' are not in date order\n"
        "    hint: list the dates from oldest to newest"
    ),
    "WS208": (
        "1 problem in rule set:\n"
        "standard.yaml:4:10: WS208 base edition 'mini-window-base' not found\n"
        "    hint: install or add the base edition's folder to the library"
    ),
    "WS301": (
        "1 problem in rule set:\n"
        "criteria/bad.yaml:3:46: WS301 in X-1.condition: invalid syntax\n"
        "    hint: see docs/rule-language.md for what expressions may contain"
    ),
    "WS302": (
        "1 problem in rule set:\n"
        "criteria/bad.yaml:3:14: WS302 in X-1.condition: operator '**' (power) is not allowed\n"
        "    hint: use + - * / only"
    ),
    "WS303": (
        "1 problem in rule set:\n"
        "criteria/bad.yaml:3:14: WS303 in X-1.condition: unknown name 'staf'\n"
        "    hint: did you mean 'staff'?"
    ),
    "WS304": (
        "1 problem in rule set:\n"
        "criteria/bad.yaml:3:14: WS304 in X-1.condition: unknown function 'cnt'\n"
        "    hint: did you mean 'count'?"
    ),
    "WS305": (
        "1 problem in rule set:\n"
        "criteria/bad.yaml:3:14: WS305 in X-1.condition: ratio() takes 2 arguments, got 1\n"
        "    hint: ratio(staff.certified, staff.headcount)"
    ),
    "WS306": (
        "1 problem in rule set:\n"
        "criteria/bad.yaml:3:14: WS306 in X-1.condition: 'shop' is not a value of WindowKind\n"
        "    hint: allowed: business_acceptance_centre, customer_service_centre, other, "
        "repair_emergency_centre, repair_service_station"
    ),
    "WS307": (
        "1 problem in rule set:\n"
        "criteria/bad.yaml:3:14: WS307 in X-1.condition: expression nested more than 40 levels\n"
        "    hint: simplify it"
    ),
    "WS308": (
        "1 problem in rule set:\n"
        "criteria/lei-feng.yaml:11:21: WS308 in LF-1.explain.zh: placeholder '{n}' may not have a format or "
        "conversion\n"
        "    hint: use {name} with a let name, a field path, params.NAME, points, max_points or score"
    ),
    "several": (
        "5 problems in rule set:\n"
        "criteria/bad.yaml:3:14: WS304 in X-1.condition: unknown function 'cnt'\n"
        "    hint: did you mean 'count'?\n"
        "criteria/lei-feng.yaml:9:35: WS303 in LF-1.score: unknown parameter 'params.min_activity'\n"
        "    hint: did you mean 'min_activities'?\n"
        "criteria/lei-feng.yaml:12:25: WS303 in LF-1.explain.en: unknown name 'activities'\n"
        "    hint: known names: VOLUNTEER_KINDS, address, assessed_on, assessor, district, environment, id, "
        "incidents, kind, kind_other, lei_feng, n ...\n"
        "criteria/staff.yaml:7:14: WS306 in STF-1.condition: '>=' compares number or no data with str\n"
        "    hint: compare values of the same type\n"
        "standard.yaml:15:19: WS207 dated values of parameter 'min_activities' are not in date order\n"
        "    hint: list the dates from oldest to newest"
    ),
}


def prepare(case: str, tmp_path: Path) -> Path:
    """A copy of a case folder, ready to load (WS104: its big file padded past the size limit)."""
    folder = tmp_path / case
    shutil.copytree(CASES / case, folder)
    if case == "WS104":
        with (folder / "criteria" / "big.yaml").open("a", encoding="utf-8", newline="\n") as big:
            big.write("#" * 1_000_000 + "\n")
    return folder


def rendered(case: str, tmp_path: Path) -> ws.RuleDefinitionError:
    folder = prepare(case, tmp_path)
    with pytest.raises(ws.RuleDefinitionError) as caught:
        ws.load_standard(path=folder)
    return caught.value


def relative(error: ws.RuleDefinitionError, folder: Path) -> str:
    return str(error).replace(str(folder) + os.sep, "").replace(os.sep, "/")


def render_case(case: str, tmp_path: Path) -> str:
    """The whole message a case produces, with paths relative to the case folder."""
    return relative(rendered(case, tmp_path), tmp_path / case)


def test_every_error_code_has_a_case() -> None:
    cases = {p.name for p in CASES.iterdir() if p.is_dir()}
    assert cases == {*ERROR_CODES, "several"}
    assert set(EXPECTED) == cases


def test_the_minimal_rule_set_is_valid() -> None:
    standard = ws.load_standard(path=MINIMAL)
    assert (standard.id, standard.criteria) == ("mini-window", ("LF-1", "STF-1"))


@pytest.mark.parametrize("code", sorted(ERROR_CODES))
def test_each_code_renders_its_whole_message(code: str, tmp_path: Path) -> None:
    error = rendered(code, tmp_path)
    assert relative(error, tmp_path / code) == EXPECTED[code]
    assert error.codes == [code]
    (problem,) = error.problems
    assert problem.location is not None and Path(problem.location.file).is_relative_to(tmp_path / code)


def test_several_problems_in_several_files_are_reported_at_once_sorted(tmp_path: Path) -> None:
    error = rendered("several", tmp_path)
    assert relative(error, tmp_path / "several") == EXPECTED["several"]
    assert error.codes == ["WS304", "WS303", "WS303", "WS306", "WS207"]
    keys = [p.sort_key() for p in error.problems]
    assert keys == sorted(keys)
    assert isinstance(error, ws.WindowStandardError)
