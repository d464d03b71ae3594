"""Editions by date, dated parameters, digests, variants and what-if standards."""

from __future__ import annotations

import re
from decimal import Decimal
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

import window_standard as ws
from window_standard._library import Library, packaged_rules_dir

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "data" / "window-example.yaml"
VARIANT = ROOT / "examples" / "rules" / "wuhou-window-2013-strict"
PACKAGED = packaged_rules_dir() / "cdpma-window-2013-1.0.0"


@pytest.fixture(scope="module")
def window() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _edition(tmp: Path, name: str, replacements: dict[str, str]) -> Path:
    folder = tmp / name
    shutil.copytree(PACKAGED, folder, ignore=shutil.ignore_patterns("cases", "examples", "*.md"))
    head = folder / "standard.yaml"
    text = head.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    head.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory: pytest.TempPathFactory) -> Library:
    tmp = tmp_path_factory.mktemp("editions")
    _edition(tmp, "old", {"version: 1.0.0": "version: 1.0.0", "  from: 2013-03-12": "  from: 2013-03-12\n  to: 2015-12-31"})
    _edition(tmp, "new", {"version: 1.0.0": "version: 2.0.0", "  from: 2013-03-12": "  from: 2016-01-01",
                          "pass_threshold: 90": "pass_threshold: 92"})
    return Library([tmp], packaged=False)


class TestEditionSelection:
    def test_day_before_the_new_edition_picks_the_old(self, two_editions: Library) -> None:
        assert two_editions.load("cdpma-window-2013", as_of=date(2015, 12, 31)).version == "1.0.0"

    def test_first_day_of_the_new_edition_picks_the_new(self, two_editions: Library) -> None:
        assert two_editions.load("cdpma-window-2013", as_of=date(2016, 1, 1)).version == "2.0.0"

    def test_a_version_can_be_asked_for_explicitly(self, two_editions: Library) -> None:
        assert two_editions.find("cdpma-window-2013", version="1.0.0", as_of=date(2014, 1, 1)).version == "1.0.0"

    def test_a_date_no_edition_covers_lists_what_exists(self, two_editions: Library) -> None:
        with pytest.raises(ws.WindowStandardError) as exc:
            two_editions.load("cdpma-window-2013", as_of=date(2013, 3, 11))
        assert str(exc.value) == (
            "no edition 'cdpma-window-2013' is in force on 2013-03-11; the library has: "
            "cdpma-window-2013 1.0.0 (from 2013-03-12 to 2015-12-31); cdpma-window-2013 2.0.0 (from 2016-01-01)"
        )

    def test_load_standard_uses_a_given_library(self, two_editions: Library) -> None:
        std = ws.load_standard("cdpma-window-2013", as_of=date(2020, 1, 1), library=two_editions)
        assert std.version == "2.0.0"
        assert std.parameters["pass_threshold"] == 92

    def test_packaged_default_is_in_force_today(self) -> None:
        assert ws.load_standard().id == "cdpma-window-2013"


class TestDatedParameters:
    @pytest.mark.parametrize(
        ("district", "assessed_on", "inside"),
        [
            ("510122", date(2015, 12, 2), True),  # 双流县, the day before it became 双流区
            ("510122", date(2015, 12, 3), False),
            ("510116", date(2015, 12, 2), False),
            ("510116", date(2015, 12, 3), True),  # 双流区 from its first day
            ("510185", date(2016, 5, 15), False),  # 简阳市 joins Chengdu on 2016-05-16
            ("510185", date(2016, 5, 16), True),
            ("dongbu", date(2020, 4, 27), False),
            ("dongbu", date(2020, 4, 28), True),
        ],
    )
    def test_pre1_uses_the_divisions_in_force_on_the_assessment_date(
        self, window: dict, district: str, assessed_on: date, inside: bool
    ) -> None:
        std = ws.load_standard(version="1.0.0")
        result = std.evaluate({**window, "district": district, "assessed_on": assessed_on})
        assert (result.criteria["PRE-1"].status == "pass") is inside
        assert (district in std.parameters_on(result.evaluated_on)["chengdu_divisions"]) is inside
        assert result.evaluated_on == assessed_on

    def test_as_of_overrides_the_assessment_date(self, window: dict) -> None:
        std = ws.load_standard(version="1.0.0")
        result = std.evaluate({**window, "district": "510116"}, as_of=date(2016, 1, 1))
        assert result.criteria["PRE-1"].status == "pass"
        assert result.evaluated_on == date(2016, 1, 1)

    def test_before_any_dated_value_the_parameter_is_no_data(self, window: dict) -> None:
        std = ws.load_standard(version="1.0.0")
        result = std.evaluate(window, as_of=date(2012, 12, 31))
        assert result.criteria["PRE-1"].status == "no_data"
        assert std.parameters_on(result.evaluated_on)["chengdu_divisions"] is None
        assert result.level == "fails"

    def test_dates_out_of_order_are_a_load_error(self, tmp_path: Path) -> None:
        folder = _edition(tmp_path, "bad", {"    2015-12-03:": "    2012-12-03:"})
        with pytest.raises(ws.RuleDefinitionError) as exc:
            ws.load_standard(path=folder)
        assert exc.value.codes == ["WS207"]
        assert "dated values of parameter 'chengdu_divisions' are not in date order" in str(exc.value)


class TestDigest:
    def test_digest_is_a_sha256_and_stamped_on_results(self, window: dict) -> None:
        std = ws.load_standard(version="1.0.0")
        assert re.fullmatch(r"[0-9a-f]{64}", std.digest)
        assert std.evaluate(window).standard.digest == std.digest

    def test_a_wrong_digest_is_refused(self) -> None:
        with pytest.raises(ws.WindowStandardError, match="has digest .*, not 0000: the rules differ"):
            ws.load_standard("cdpma-window-2013", digest="0000")

    def test_the_right_digest_is_accepted(self) -> None:
        digest = ws.load_standard(version="1.0.0").digest
        assert ws.load_standard("cdpma-window-2013", digest=digest).digest == digest

    def test_reformatting_does_not_change_the_digest(self, tmp_path: Path) -> None:
        folder = _edition(tmp_path, "reformatted", {})
        head = folder / "standard.yaml"
        data = yaml.safe_load(head.read_text(encoding="utf-8"))
        head.write_text("# rewritten\n" + yaml.safe_dump(dict(reversed(list(data.items()))), allow_unicode=True,
                                                          indent=4, sort_keys=False), encoding="utf-8")
        for file in (folder / "criteria").glob("*.yaml"):
            rules = yaml.safe_load(file.read_text(encoding="utf-8"))
            file.write_text(yaml.safe_dump([dict(sorted(r.items())) for r in rules], allow_unicode=True,
                                           default_flow_style=False), encoding="utf-8")
        assert ws.load_standard(path=folder).digest == ws.load_standard(version="1.0.0").digest

    @pytest.mark.parametrize(
        ("file", "old", "new"),
        [
            ("standard.yaml", "pass_threshold: 90", "pass_threshold: 91"),
            ("standard.yaml", "  zh: 成都市物业管理优质服务窗口创建标准", "  zh: 成都市物业管理优质服务窗口创建标准（修订）"),
            ("standard.yaml", '"510129", "510131", "510118"', '"510129", "510131", "510132"'),
            ("criteria/5-lei-feng.yaml", "满分需 {params.min_volunteer_activities} 次", "满分要求 {params.min_volunteer_activities} 次"),
            ("criteria/2-staff.yaml", "effort: 3", "effort: 2"),
        ],
    )
    def test_a_semantic_edit_changes_the_digest(self, tmp_path: Path, file: str, old: str, new: str) -> None:
        folder = _edition(tmp_path, "edited", {})
        path = folder / file
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        assert ws.load_standard(path=folder).digest != ws.load_standard(version="1.0.0").digest


class TestVariants:
    def test_the_example_variant_overrides_replaces_and_removes(self) -> None:
        base, variant = ws.load_standard(version="1.0.0"), ws.load_standard(path=VARIANT)  # it extends 1.0.0
        assert (variant.id, variant.version) == ("wuhou-window-2013-strict", "1.0.0")
        assert variant.parameters["pass_threshold"] == 92
        assert variant.parameters["rectify_threshold"] == 80  # inherited
        assert "BON-1" in base.criteria and "BON-1" not in variant.criteria
        lf3 = next(c for c in variant.spec.criteria if c.id == "LF-3")
        assert lf3.score == "min(points, kinds * points / 4)" and lf3.condition is None
        assert len(variant.criteria) == len(base.criteria) - 1

    def test_the_variant_scores_the_example_window_lower(self, window: dict) -> None:
        result = ws.load_standard(path=VARIANT).evaluate(window)
        # QLT-1: satisfaction 0.9333 < 0.95 → 4 of 8; LF-2: 6 activities of 8 → 4.50 of 6; bonus BON-2 +1
        assert (result.criteria["QLT-1"].points, result.criteria["LF-2"].points) == (Decimal("4.00"), Decimal("4.50"))
        assert (result.level, result.score, result.bonus) == ("meets", Decimal("95.50"), Decimal("1.00"))

    def _variant(self, tmp: Path, head: str, criteria: str | None = None) -> Path:
        folder = tmp / "variant"
        (folder / "criteria").mkdir(parents=True)
        (folder / "standard.yaml").write_text(head, encoding="utf-8")
        if criteria:
            (folder / "criteria" / "x.yaml").write_text(criteria, encoding="utf-8")
        return folder

    HEAD = ("id: v\nversion: 1.0.0\nextends: cdpma-window-2013\ntitle: {zh: 变体, en: Variant}\n"
            "effective: {from: 2013-03-12}\n")

    def test_remove_of_an_unknown_id(self, tmp_path: Path) -> None:
        folder = self._variant(tmp_path, self.HEAD + "remove: [XX-1]\n")
        with pytest.raises(ws.RuleDefinitionError) as exc:
            ws.load_standard(path=folder)
        assert str(exc.value).endswith(
            "standard.yaml:6:10: WS208 'remove' names XX-1, which the base edition does not have\n"
            "    hint: use an id of the base edition"
        )

    def test_redefining_without_replace_is_a_duplicate(self, tmp_path: Path) -> None:
        rule = (VARIANT / "criteria" / "lei-feng.yaml").read_text(encoding="utf-8")
        folder = self._variant(tmp_path, self.HEAD, rule)
        with pytest.raises(ws.RuleDefinitionError) as exc:
            ws.load_standard(path=folder)
        assert exc.value.codes == ["WS204"]
        assert "LF-3 is already defined by the base edition" in str(exc.value)

    def test_removing_points_breaks_the_category_sum_unless_replaced(self, tmp_path: Path) -> None:
        folder = self._variant(tmp_path, self.HEAD + "remove: [ENV-9]\n")
        with pytest.raises(ws.RuleDefinitionError) as exc:
            ws.load_standard(path=folder)
        assert exc.value.codes == ["WS206"]
        assert "WS206 criteria of category ENV add up to 19.00 points, not 20" in str(exc.value)

    def test_a_variant_that_declares_a_new_total_is_valid(self, tmp_path: Path, window: dict) -> None:
        categories = yaml.safe_load((PACKAGED / "standard.yaml").read_text(encoding="utf-8"))["categories"]
        categories[0]["points"] = 19
        head = self.HEAD + "remove: [ENV-9]\ntotal: 99\n" + yaml.safe_dump({"categories": categories}, allow_unicode=True)
        variant = ws.load_standard(path=self._variant(tmp_path, head))
        result = variant.evaluate(window)
        assert (result.raw_max, result.max_score, result.score) == (99, Decimal("99.00"), Decimal("99.00"))

    def test_an_unknown_base(self, tmp_path: Path) -> None:
        folder = self._variant(tmp_path, self.HEAD.replace("extends: cdpma-window-2013", "extends: nowhere@1.0.0"))
        with pytest.raises(ws.RuleDefinitionError) as exc:
            ws.load_standard(path=folder)
        assert exc.value.codes == ["WS208"]
        assert "base edition 'nowhere@1.0.0' not found" in str(exc.value)


class TestWhatIf:
    def test_without_removes_criteria_and_renormalises(self, window: dict) -> None:
        std = ws.load_standard(version="1.0.0")
        lighter = std.without(criteria=["ENV-9", "BON-2"])
        assert "ENV-9" not in lighter.criteria and lighter.digest != std.digest
        result = lighter.evaluate({**window, "environment": {**window["environment"], "accessible_entrance": False}})
        assert (result.raw_max, result.score) == (99, 100)
        assert "ENV-9" in std.criteria  # the original is untouched

    def test_without_an_unknown_criterion(self) -> None:
        with pytest.raises(ws.RuleDefinitionError, match="WS208 unknown criteria: NOPE-1"):
            ws.load_standard(version="1.0.0").without(criteria=["NOPE-1"])


def test_the_rule_set_changelog_starts_with_the_current_version() -> None:
    version = yaml.safe_load((PACKAGED / "standard.yaml").read_text(encoding="utf-8"))["version"]
    changelog = (PACKAGED / "CHANGELOG.md").read_text(encoding="utf-8")
    entries = re.findall(r"^## \[(\d+\.\d+\.\d+[^\]]*)\]", changelog, flags=re.MULTILINE)
    assert entries and entries[0] == version, f"CHANGELOG.md's top entry {entries[:1]} is not version {version}"


ORIGINAL_1_0_0 = "a7cba68ecc0658fb61c47fb6b43c87c5c784442f8210a5495bba93ff5555204b"
#: 1.0.0 with the district names in standard.yaml: new rule-language keys must not change it (exclude_if).
CURRENT_1_0_0 = "a32a9b4fe63dd038ebb525197ae95f9cd8e8ca499b0583a434c48c577e1657ce"


def test_frozen_1_0_0_selectable_by_version_and_digest() -> None:
    newest = ws.load_standard("cdpma-window-2013")
    old = ws.load_standard("cdpma-window-2013", version="1.0.0")
    assert (newest.version, old.version) == ("2.0.0", "1.0.0")
    assert old.former_digests == (ORIGINAL_1_0_0,)
    assert old.digest == CURRENT_1_0_0
    assert newest.former_digests == ()
    by_current = ws.load_standard("cdpma-window-2013", digest=old.digest)
    by_original = ws.load_standard("cdpma-window-2013", digest=ORIGINAL_1_0_0)
    assert by_current.version == by_original.version == "1.0.0"
    assert by_original.digest == old.digest  # the alias names the same rules
    assert ws.load_standard("cdpma-window-2013", version="1.0.0", digest=ORIGINAL_1_0_0).version == "1.0.0"
    with pytest.raises(ws.WindowStandardError, match="not " + ORIGINAL_1_0_0):
        ws.load_standard("cdpma-window-2013", version="2.0.0", digest=ORIGINAL_1_0_0)


def test_former_digests_are_not_part_of_the_digest(tmp_path: Path) -> None:
    folder = tmp_path / "e"
    shutil.copytree(packaged_rules_dir() / "cdpma-window-2013-1.0.0", folder)
    head = folder / "standard.yaml"
    text = head.read_text("utf-8")
    head.write_text("\n".join(line for line in text.splitlines() if not line.startswith("former_digests")), "utf-8")
    plain = ws.load_standard(path=folder)
    assert plain.digest == ws.load_standard("cdpma-window-2013", version="1.0.0").digest
    with pytest.raises(ws.WindowStandardError, match="has digest"):
        ws.load_standard(path=folder, digest=ORIGINAL_1_0_0)
