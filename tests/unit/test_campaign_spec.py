"""campaign.yaml: the packaged campaign rules, their citations, and errors located at file:line:col."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import window_standard as ws
from window_standard._campaign import load_campaign
from window_standard._campaign.build import build_campaign
from window_standard._campaign.campaign import Campaign

ROOT = Path(__file__).resolve().parents[2]
EDITION = ROOT / "rules" / "cdpma-window-2013"
NOTICE = (EDITION / "sources" / "notice-2013-9.zh.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def campaign() -> Campaign:
    return load_campaign(ws.load_standard())


class CampaignCopy:
    """A writable copy of campaign.yaml beside a copy of the notice text."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        (folder / "sources").mkdir(parents=True)
        shutil.copy(EDITION / "sources" / "notice-2013-9.zh.txt", folder / "sources")
        shutil.copy(EDITION / "campaign.yaml", folder)
        self.file = folder / "campaign.yaml"

    def replace(self, old: str, new: str) -> CampaignCopy:
        text = self.file.read_text(encoding="utf-8")
        assert text.count(old) >= 1, old
        self.file.write_text(text.replace(old, new, 1), encoding="utf-8")
        return self

    def line(self, fragment: str) -> int:
        """The 1-based number of the first line containing ``fragment``."""
        lines = self.file.read_text(encoding="utf-8").splitlines()
        return next(n for n, text in enumerate(lines, start=1) if fragment in text)

    def error(self) -> str:
        with pytest.raises(ws.RuleDefinitionError) as caught:
            build_campaign(self.file)
        return str(caught.value).replace(str(self.folder) + os.sep, "").replace(os.sep, "/")


@pytest.fixture
def copy(tmp_path: Path) -> CampaignCopy:
    return CampaignCopy(tmp_path)


# -- the packaged campaign ----------------------------------------------------------------------------------


def test_identity_and_checks(campaign: Campaign) -> None:
    assert campaign.id == "cdpma-window-2013-campaign"
    assert campaign.version == "2.0.0"
    assert campaign.checks == ("APP-1", "APP-2", "APP-3", "APP-4", "APP-5", "APP-6", "APP-7")
    assert len(campaign.digest) == 64


def test_every_rule_is_from_the_notice_with_an_exact_quote() -> None:
    rules = build_campaign(EDITION / "campaign.yaml")
    spec = rules.spec
    assert spec.provenance == "notice"
    every: list[Any] = [
        *spec.checks,
        *spec.warnings,
        *spec.window_outcomes.rules,
        spec.organisation_outcomes.window,
        *spec.organisation_outcomes.rules,
    ]
    assert len(every) == 7 + 4 + 1 + 1 + 2
    for rule in every:
        assert rule.provenance == "notice"
        assert rule.source.quote in NOTICE, rule.id
        assert rule.source.clause.startswith("notice §"), rule.id
    for phase in spec.timetable:
        assert phase.source.quote in NOTICE, phase.id


def test_clauses_of_the_checks() -> None:
    spec = build_campaign(EDITION / "campaign.yaml").spec
    assert [(c.id, c.source.clause, c.stage) for c in spec.checks] == [
        ("APP-1", "notice §2", "recommended"),
        ("APP-2", "notice §3(3)", "recommended"),
        ("APP-3", "notice §4(2)", "recommended"),
        ("APP-4", "notice §4(2)", "endorsed"),
        ("APP-5", "notice §4(2)", "submitted"),
        ("APP-6", "notice §4(2)", "submitted"),
        ("APP-7", "notice §4(2)", "endorsed"),
    ]
    assert [(r.id, r.outcome, r.source.clause) for r in spec.organisation_outcomes.rules] == [
        ("ORG-1", "criticism", "notice §5(3)"),
        ("ORG-2", "credit_points", "notice §5(3)"),
    ]
    assert [(r.id, r.outcome) for r in spec.window_outcomes.rules] == [("OUT-1", "honoured")]


def test_timetable(campaign: Campaign) -> None:
    phases = [(p.id, p.starts, p.ends, p.clause) for p in campaign.timetable]
    assert phases == [
        ("activities", date(2013, 3, 1), date(2013, 9, 30), "notice §4(1)"),
        ("applications", date(2013, 6, 1), date(2013, 6, 30), "notice §4(2)"),
        ("evaluation", date(2013, 7, 1), date(2013, 7, 31), "notice §4(3)"),
        ("publication", date(2013, 9, 1), date(2013, 9, 30), "notice §4(4)"),
    ]
    applications = campaign.phase("applications")
    assert applications.note is not None
    assert applications.contains(date(2013, 6, 30)) and not applications.contains(date(2013, 7, 1))
    assert (
        applications.note.en
        == "于6月30日前 is read as inclusive: received on 30 June is on time, from 1 July it is late"
    )


def test_with_parameters_moves_a_date_and_changes_the_digest(campaign: Campaign) -> None:
    later = campaign.with_parameters(submission_deadline=date(2013, 7, 5))
    assert later.phase("applications").ends == date(2013, 7, 5)
    assert campaign.phase("applications").ends == date(2013, 6, 30)
    assert later.digest != campaign.digest


def test_with_parameters_refuses_bad_values(campaign: Campaign) -> None:
    with pytest.raises(ws.RuleDefinitionError) as caught:
        campaign.with_parameters(deadline=date(2013, 7, 5), evaluation_start="July")
    assert str(caught.value) == (
        "2 problems in rule set:\n"
        "WS207 unknown parameter 'deadline'\n"
        "    hint: known: period_start, period_end, applications_open, submission_deadline, "
        "evaluation_start, evaluation_end, publication_start, publication_end\n"
        "WS207 parameter 'evaluation_start' must stay a date, got str"
    )


def test_with_parameters_refuses_a_phase_that_ends_before_it_starts(campaign: Campaign) -> None:
    with pytest.raises(ws.RuleDefinitionError) as caught:
        campaign.with_parameters(publication_start=date(2013, 10, 1))
    assert str(caught.value) == (
        "1 problem in rule set:\n"
        "WS207 timetable phase 'publication' would end (2013-09-30) before it starts (2013-10-01)"
    )


def test_the_standard_must_have_the_criteria_the_outcomes_read(copy: CampaignCopy) -> None:
    copy.replace("reported: LF-8,", "reported: LF-9,")
    rules = build_campaign(copy.file)
    with pytest.raises(ws.WindowStandardError) as caught:
        Campaign(rules, ws.load_standard())
    assert str(caught.value) == (
        "campaign cdpma-window-2013-campaign reads criteria LF-9, which standard cdpma-window-2013 "
        "does not have"
    )


def test_a_variant_uses_the_campaign_of_its_base_edition() -> None:
    variant = ws.load_standard(path=ROOT / "examples" / "rules" / "wuhou-window-2013-strict")
    campaign = load_campaign(variant)
    assert (campaign.id, campaign.standard.id) == ("cdpma-window-2013-campaign", "wuhou-window-2013-strict")
    assert campaign.digest == load_campaign(ws.load_standard()).digest


def test_no_campaign_file_anywhere(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    shutil.copytree(EDITION, folder, ignore=shutil.ignore_patterns("campaign.yaml", "examples", "cases"))
    text = (folder / "standard.yaml").read_text(encoding="utf-8")
    (folder / "standard.yaml").write_text(text.replace("id: cdpma-window-2013", "id: my-edition", 1), "utf-8")
    with pytest.raises(ws.WindowStandardError) as caught:
        load_campaign(ws.load_standard(path=folder))
    assert str(caught.value) == "no campaign.yaml found for standard my-edition; pass load_campaign(path=...)"


def test_load_campaign_by_path(tmp_path: Path) -> None:
    copy = CampaignCopy(tmp_path)
    by_folder = load_campaign(ws.load_standard(), path=tmp_path)
    by_file = load_campaign(ws.load_standard(), path=copy.file)
    assert by_folder.digest == by_file.digest


# -- errors -------------------------------------------------------------------------------------------------


def test_all_problems_at_once_located(copy: CampaignCopy) -> None:
    copy.replace(
        "    condition: received <= params.submission_deadline", "    condition: received <= params.deadline"
    )
    copy.replace(
        'quote: "于6月30日前报市物业管理协会秘书处"}\n    provenance: notice\n    stage: submitted',
        'quote: "于6月30日前报秘书处"}\n    provenance: notice\n    stage: submitted',
    )
    copy.replace("    from: evaluation_start\n", "    from: evaluation_begin\n")
    copy.replace("- id: APP-7", "- id: APP-6")
    phase, quote = copy.line("from: evaluation_begin"), copy.line('quote: "于6月30日前报秘书处"')
    condition = copy.line("params.deadline")
    lines = copy.file.read_text(encoding="utf-8").splitlines()
    duplicate = [n for n, text in enumerate(lines, start=1) if text == "  - id: APP-6"][1]
    assert copy.error() == (
        "4 problems in rule set:\n"
        f"campaign.yaml:{phase}:11: WS207 timetable phase 'evaluation' refers to 'evaluation_begin', "
        "which is not a date parameter\n"
        "    hint: declare it under parameters as YYYY-MM-DD\n"
        f"campaign.yaml:{quote}:45: WS203 quote '于6月30日前报秘书处' is not in the notice\n"
        "    hint: copy the words exactly from sources/notice-2013-9.zh.txt\n"
        f"campaign.yaml:{condition}:28: WS303 in APP-5.condition: unknown parameter 'params.deadline'\n"
        "    hint: known parameters: applications_open, evaluation_end, evaluation_start, period_end, "
        "period_start, publication_end, publication_start, submission_deadline\n"
        f"campaign.yaml:{duplicate}:9: WS204 duplicate rule id 'APP-6'\n"
        "    hint: give each rule its own id"
    )


def test_type_errors_in_checks_are_located_in_the_expression(copy: CampaignCopy) -> None:
    copy.replace("    condition: own_district and recommends", "    condition: own_district and authority")
    line = copy.line("condition: own_district and authority")
    assert copy.error() == (
        "1 problem in rule set:\n"
        f"campaign.yaml:{line}:33: WS306 in APP-4.condition: 'and' needs a bool, got str or no data"
    )


def test_unknown_key_with_suggestion(copy: CampaignCopy) -> None:
    copy.replace("    stage: recommended\n", "    stag: recommended\n")
    assert copy.error() == (
        "1 problem in rule set:\n"
        f"campaign.yaml:{copy.line('stag: recommended')}:5: WS201 unknown key 'stag' at checks[0].stag\n"
        "    hint: did you mean 'stage'?"
    )


def test_missing_phase_and_bad_clause(copy: CampaignCopy) -> None:
    copy.replace("  - id: publication\n", "  - id: evaluation\n")
    copy.replace(
        'source: {clause: "notice §2", quote: "成都市行政区域内',
        'source: {clause: "§2", quote: "成都市行政区域内',
    )
    line = copy.line('clause: "§2"')
    assert copy.error() == (
        "1 problem in rule set:\n"
        f"campaign.yaml:{line}:22: WS203 invalid value at checks[0].source.clause: String "
        "should match pattern '^notice §\\d(\\(\\d\\))?$'\n"
        "    hint: see docs/rule-language.md"
    )
    copy.replace(
        'source: {clause: "§2", quote: "成都市行政区域内',
        'source: {clause: "notice §2", quote: "成都市行政区域内',
    )
    lines = copy.file.read_text(encoding="utf-8").splitlines()
    second = [n for n, text in enumerate(lines, start=1) if text == "  - id: evaluation"][1]
    assert copy.error() == (
        "2 problems in rule set:\n"
        f"campaign.yaml:{copy.line('timetable:') + 1}:3: WS202 timetable is missing phase publication\n"
        "    hint: the timetable needs the phases activities, applications, evaluation, publication\n"
        f"campaign.yaml:{second}:9: WS204 duplicate timetable phase 'evaluation'\n"
        "    hint: list each phase once"
    )


def test_phase_that_ends_before_it_starts(copy: CampaignCopy) -> None:
    copy.replace("  evaluation_end: 2013-07-31", "  evaluation_end: 2013-06-30")
    line = copy.line("    to: evaluation_end")
    assert copy.error() == (
        "1 problem in rule set:\n"
        f"campaign.yaml:{line}:9: WS207 timetable phase 'evaluation' ends (2013-06-30) "
        "before it starts (2013-07-01)\n"
        "    hint: swap or fix the dates"
    )


def test_unreadable_notice(copy: CampaignCopy) -> None:
    copy.replace("notice: sources/notice-2013-9.zh.txt", "notice: sources/missing.txt")
    assert copy.error() == (
        "1 problem in rule set:\n"
        f"campaign.yaml:{copy.line('notice: sources/missing.txt')}:9: WS106 cannot read the notice text "
        "sources/missing.txt: No such file or directory\n"
        "    hint: give the notice's path relative to campaign.yaml (a text file inside the rule folder)"
    )
