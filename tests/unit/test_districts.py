"""District names from the rule set's data: ``district_names`` in ``standard.yaml`` (``_districts``)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from pydantic import TypeAdapter

import window_standard as ws
from window_standard._campaign import load_campaign
from window_standard._districts import district_name, district_names
from window_standard._load import load_yaml_text
from window_standard._spec import StandardSpec, validate_document

ROOT = Path(__file__).resolve().parents[2]
EDITION = ROOT / "rules" / "cdpma-window-2013"
LINT_BASE = ROOT / "tests" / "lint" / "base"
APPLICATION = ROOT / "tests" / "data" / "application-example.yaml"


@pytest.fixture(scope="module")
def std() -> ws.Standard:
    return ws.load_standard("cdpma-window-2013")


def test_every_division_of_every_dated_list_is_named_and_nothing_else(std: ws.Standard) -> None:
    dated = std.parameters["chengdu_divisions"]
    codes = {code for divisions in dated.values() for code in divisions}
    former = {code for codes_ in std.parameters["chengdu_former_codes"].values() for code in codes_}
    assert set(district_names(std.spec)) == codes | former
    assert len(codes) == 26  # 23 codes (with 双流县, 郫县, 新津县 and 简阳市) and 3 functional zones
    assert former - codes == {"512081"}  # 简阳市 under 资阳, a former code of Chengdu's territory from 2016


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [
        ("510105", "青羊区", "Qingyang District"),
        ("510122", "双流县", "Shuangliu County"),
        ("510116", "双流区", "Shuangliu District"),
        ("510185", "简阳市", "Jianyang"),
        ("gaoxin", "成都高新区", "Chengdu Hi-tech Zone"),
        ("tianfu", "成都天府新区（天府新区成都直管区）", "Tianfu New Area (Chengdu-administered)"),
        ("dongbu", "成都东部新区", "Chengdu Eastern New Area"),
    ],
)
def test_names_in_both_languages(std: ws.Standard, code: str, zh: str, en: str) -> None:
    assert (district_name(std.spec, code, "zh"), district_name(std.spec, code, "en")) == (zh, en)


def test_an_unnamed_code_has_no_name(std: ws.Standard) -> None:
    assert district_name(std.spec, "110101", "zh") is None
    assert district_name(std.spec, "", "en") is None


def test_the_table_is_read_only(std: ws.Standard) -> None:
    names = district_names(std.spec)
    with pytest.raises(TypeError):
        names["510105"] = names["510104"]  # type: ignore[index]


def test_a_rule_set_without_names_loads_and_its_digest_does_not_mention_them() -> None:
    base = ws.load_standard(path=LINT_BASE)
    assert dict(district_names(base.spec)) == {}
    assert "district_names" not in base.spec.model_dump(by_alias=True)


def test_names_are_part_of_the_digest(std: ws.Standard, tmp_path: Path) -> None:
    folder = tmp_path / "cdpma-window-2013"
    shutil.copytree(EDITION, folder)
    head = folder / "standard.yaml"
    assert ws.load_standard(path=folder).digest == std.digest
    head.write_text(head.read_text(encoding="utf-8").replace("en: Jianyang}", "en: Jianyang City}", 1), "utf-8")
    renamed = ws.load_standard(path=folder)
    assert renamed.digest != std.digest
    assert district_name(renamed.spec, "510185", "en") == "Jianyang City"
    changes = [c.describe() for c in ws.diff(std, renamed).changes]
    assert changes == ['changed district 510185: en: "Jianyang" → "Jianyang City"']


def test_a_variant_inherits_the_names_or_replaces_the_whole_table(std: ws.Standard, tmp_path: Path) -> None:
    strict = ws.load_standard(path=ROOT / "examples" / "rules" / "wuhou-window-2013-strict")
    assert district_names(strict.spec) == district_names(ws.load_standard(version="1.0.0").spec)  # its base
    folder = tmp_path / "wuhou-only"
    folder.mkdir()
    (folder / "standard.yaml").write_text(
        "id: wuhou-only\nversion: 1.0.0\nextends: cdpma-window-2013\n"
        "title: {zh: 武侯区变体, en: Wuhou variant}\neffective: {from: 2013-03-12}\n"
        'district_names:\n  "510107": {zh: 武侯区, en: Wuhou}\n',
        encoding="utf-8",
    )
    variant = ws.load_standard(path=folder)
    assert {code: name.en for code, name in district_names(variant.spec).items()} == {"510107": "Wuhou"}


@pytest.mark.parametrize("code", ["51010", "5101050", "Gaoxin", "高新区"])
def test_a_malformed_code_is_refused_where_it_is_written(code: str) -> None:
    text = (EDITION / "standard.yaml").read_text(encoding="utf-8")
    text = text.replace('  "510104": {zh: 锦江区', f'  "{code}": {{zh: 锦江区', 1)
    spec, problems = validate_document(
        TypeAdapter(StandardSpec), load_yaml_text(text, "standard.yaml"), StandardSpec
    )
    assert spec is None
    assert [p.code for p in problems] == ["WS203"]
    assert f"invalid value at district_names.{code}" in problems[0].message


def test_a_name_needs_both_languages() -> None:
    text = (EDITION / "standard.yaml").read_text(encoding="utf-8")
    text = text.replace("{zh: 锦江区, en: Jinjiang District}", "{zh: 锦江区}", 1)
    _, problems = validate_document(TypeAdapter(StandardSpec), load_yaml_text(text, "s.yaml"), StandardSpec)
    assert [p.render().splitlines()[0] for p in problems] == [
        "s.yaml:118:13: WS202 missing required key 'en' at district_names.510104.en"
    ]


def test_the_campaign_reads_the_names_from_the_standard(tmp_path: Path) -> None:
    folder = tmp_path / "cdpma-window-2013"
    shutil.copytree(EDITION, folder)
    head = folder / "standard.yaml"
    text = head.read_text(encoding="utf-8")
    head.write_text(text.replace("{zh: 武侯区, en: Wuhou District}", "{zh: 武侯, en: Wuhou}"), "utf-8")
    campaign = load_campaign(ws.load_standard(path=folder))
    assert campaign.district_names["510107"].zh == "武侯"
    review = campaign.review(yaml.safe_load(APPLICATION.read_text(encoding="utf-8")))
    app_1 = next(c for c in review.checks if c.id == "APP-1")
    assert app_1.explanation.zh.startswith("窗口所在区(市)县 武侯（510107）")
    assert app_1.explanation.en.startswith("district Wuhou (510107)")


def test_a_standard_without_names_leaves_them_as_no_data(tmp_path: Path) -> None:
    folder = tmp_path / "cdpma-window-2013"
    shutil.copytree(EDITION, folder)
    head = folder / "standard.yaml"
    data = head.read_text(encoding="utf-8")
    start = data.index("# Names of the districts")
    head.write_text(data[:start] + data[data.index("categories:\n") :], "utf-8")
    campaign = load_campaign(ws.load_standard(path=folder))
    review = campaign.review(yaml.safe_load(APPLICATION.read_text(encoding="utf-8")))
    app_1 = next(c for c in review.checks if c.id == "APP-1")
    assert app_1.explanation.zh.startswith("窗口所在区(市)县 无数据（510107）")


def test_a_superseded_code_passes_pre1_with_a_warning_naming_the_code_in_force(std: ws.Standard) -> None:
    window = yaml.safe_load((EDITION / "cases" / "base-window.yaml").read_text(encoding="utf-8"))
    window.update(district="510122", assessed_on=date(2017, 6, 20))
    window["organisation"]["credit_code"] = "91110000600037341L"
    result = std.evaluate(window)
    assert result.criteria["PRE-1"].status == "pass"
    assert [(w.code, w.field, w.message.zh) for w in result.warnings] == [
        ("district-code-superseded", "district", "区划代码已变更：双流县 510122 已于 2015-12-03 撤县设区为双流区 510116")
    ]
    assert result.warnings[0].message.en == (
        "district code changed: Shuangliu County 510122 became a district on 2015-12-03: now Shuangliu District 510116"
    )
    assert ws.Result.model_validate_json(result.model_dump_json()) == result
    assert '"district-code-superseded"' in result.model_dump_json()


def test_no_warning_before_the_change_nor_for_codes_in_force(std: ws.Standard) -> None:
    window = yaml.safe_load((EDITION / "cases" / "base-window.yaml").read_text(encoding="utf-8"))
    assert std.evaluate({**window, "district": "510122"}).warnings == []  # 2013: 双流县 is in force
    assert std.evaluate({**window, "district": "510107"}).warnings == []
    jianyang = std.evaluate({**window, "district": "512081"}, as_of=date(2016, 5, 16))
    assert [w.message.zh for w in jianyang.warnings] == [
        "区划代码已变更：简阳市 512081 已于 2016-05-16 划归成都市代管，代码改为简阳市 510185"
    ]
    assert ws.load_standard(version="1.0.0").evaluate({**window, "district": "510122"}, as_of=date(2017, 1, 1)).warnings == []
