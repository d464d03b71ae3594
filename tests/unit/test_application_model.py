"""The application model (Annex 2 form) against the data contract (tests/data/application-example.yaml)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from window_standard._model import (
    Application,
    AssessmentLevel,
    Contact,
    DistrictOpinion,
    Material,
    MaterialKind,
    OrganisationRecommendation,
    SelfAssessment,
    Window,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SCHEMA = ROOT / "schemas" / "application.schema.json"


@pytest.fixture(scope="module")
def example_data() -> dict[str, Any]:
    data = yaml.safe_load((DATA / "application-example.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture
def data(example_data: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(example_data)


def errors(data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    with pytest.raises(ValidationError) as caught:
        Application.model_validate(data)
    return [(e["loc"], e["msg"]) for e in caught.value.errors(include_url=False)]


# -- the example is accepted exactly as it is ---------------------------------------------------------------


def test_example_is_accepted_with_every_value(example_data: dict[str, Any]) -> None:
    app = Application.model_validate(example_data)
    assert app.contact == Contact(name="王芳", phone="028-85551234", position="客服中心主任")
    assert app.self_assessment == SelfAssessment(
        score=Decimal("100.00"), level=AssessmentLevel.MEETS, assessed_on=dt.date(2013, 6, 20)
    )
    assert app.organisation_recommendation == OrganisationRecommendation(
        recommends=True, signed_on=dt.date(2013, 6, 21), signatory="李强"
    )
    assert app.district_opinion == DistrictOpinion(
        authority_district="510107", recommends=True, signed_on=dt.date(2013, 6, 25), opinion="同意推荐"
    )
    assert app.received_on == dt.date(2013, 6, 28)
    assert app.materials == [
        Material(title="创建活动方案", kind=MaterialKind.CAMPAIGN_PLAN),
        Material(title="志愿服务活动记录及照片", kind=MaterialKind.ACTIVITY_RECORDS),
        Material(title="自查自评表", kind=MaterialKind.SELF_ASSESSMENT_SHEET),
    ]
    assert app.window == Window.model_validate(example_data["window"])
    assert app.window.id == "cd-510107-0001"


def test_example_window_equals_the_window_example() -> None:
    window = yaml.safe_load((DATA / "window-example.yaml").read_text(encoding="utf-8"))
    app = yaml.safe_load((DATA / "application-example.yaml").read_text(encoding="utf-8"))
    assert Application.model_validate(app).window == Window.model_validate(window)


def test_json_round_trip_is_exact(example_data: dict[str, Any]) -> None:
    app = Application.model_validate(example_data)
    assert Application.model_validate_json(app.model_dump_json()) == app
    dumped = json.loads(app.model_dump_json())
    assert dumped["self_assessment"] == {"score": "100.00", "level": "meets", "assessed_on": "2013-06-20"}
    assert list(dumped) == [
        "contact",
        "self_assessment",
        "organisation_recommendation",
        "district_opinion",
        "received_on",
        "materials",
        "window",
    ]


def test_models_are_frozen(example_data: dict[str, Any]) -> None:
    app = Application.model_validate(example_data)
    with pytest.raises(ValidationError, match="Instance is frozen"):
        app.received_on = dt.date(2013, 6, 1)  # type: ignore[misc]
    assert app.district_opinion is not None
    with pytest.raises(ValidationError, match="Instance is frozen"):
        app.district_opinion.recommends = False  # type: ignore[misc]


# -- every section may be missing (an incomplete form is a rejection, not an input error) -------------------


def test_only_the_window_is_required(data: dict[str, Any]) -> None:
    app = Application.model_validate({"window": data["window"]})
    assert (app.contact, app.self_assessment, app.organisation_recommendation) == (None, None, None)
    assert (app.district_opinion, app.received_on, app.materials) == (None, None, None)
    assert errors({}) == [(("window",), "Field required")]


def test_empty_materials_list_is_kept_apart_from_missing(data: dict[str, Any]) -> None:
    data["materials"] = []
    assert Application.model_validate(data).materials == []


# -- shapes -------------------------------------------------------------------------------------------------


def test_unknown_keys_are_refused_at_every_level(data: dict[str, Any]) -> None:
    data["remark"] = "x"
    data["district_opinion"]["stamp"] = True
    data["materials"][0]["pages"] = 3
    assert errors(data) == [
        (("district_opinion", "stamp"), "Extra inputs are not permitted"),
        (("materials", 0, "pages"), "Extra inputs are not permitted"),
        (("remark",), "Extra inputs are not permitted"),
    ]


def test_authority_district_must_be_a_code_or_a_zone(data: dict[str, Any]) -> None:
    data["district_opinion"]["authority_district"] = "武侯区"
    assert errors(data) == [
        (
            ("district_opinion", "authority_district"),
            "Value error, authority_district '武侯区' must be a 6-digit GB/T 2260 code (e.g. '510107') "
            "or a functional zone: dongbu, gaoxin, tianfu",
        )
    ]
    data["district_opinion"]["authority_district"] = "gaoxin"
    assert Application.model_validate(data).district_opinion == DistrictOpinion(
        authority_district="gaoxin", recommends=True, signed_on=dt.date(2013, 6, 25), opinion="同意推荐"
    )


@pytest.mark.parametrize(
    ("score", "message"),
    [
        ("100.5", "Input should be less than or equal to 100"),
        (-1, "Input should be greater than or equal to 0"),
        ("93.333", "Value error, score 93.333 has more than two decimal places"),
        (True, "Value error, a number is expected, not a boolean (true)"),
    ],
)
def test_self_assessed_score_bounds_and_places(data: dict[str, Any], score: Any, message: str) -> None:
    data["self_assessment"]["score"] = score
    assert errors(data) == [(("self_assessment", "score"), message)]


@pytest.mark.parametrize(
    ("score", "stored"), [(0, "0.00"), (100, "100.00"), ("92.5", "92.50"), (89.99, "89.99")]
)
def test_self_assessed_score_is_a_two_place_decimal(data: dict[str, Any], score: Any, stored: str) -> None:
    data["self_assessment"]["score"] = score
    app = Application.model_validate(data)
    assert app.self_assessment is not None
    assert str(app.self_assessment.score) == stored


def test_recommendations_need_a_real_boolean(data: dict[str, Any]) -> None:
    data["organisation_recommendation"]["recommends"] = "yes"
    data["district_opinion"]["recommends"] = 1
    assert errors(data) == [
        (("organisation_recommendation", "recommends"), "Input should be a valid boolean"),
        (("district_opinion", "recommends"), "Input should be a valid boolean"),
    ]


def test_signed_opinions_need_their_dates(data: dict[str, Any]) -> None:
    del data["organisation_recommendation"]["signed_on"]
    del data["district_opinion"]["signed_on"]
    assert errors(data) == [
        (("organisation_recommendation", "signed_on"), "Field required"),
        (("district_opinion", "signed_on"), "Field required"),
    ]


def test_enum_values_are_the_contract(data: dict[str, Any]) -> None:
    data["self_assessment"]["level"] = "excellent"
    data["materials"][0]["kind"] = "photos"
    found = errors(data)
    assert found == [
        (("self_assessment", "level"), "Input should be 'meets', 'rectify' or 'fails'"),
        (
            ("materials", 0, "kind"),
            "Input should be 'campaign_plan', 'activity_records', 'self_assessment_sheet', 'reports' "
            "or 'other'",
        ),
    ]


def test_an_invalid_window_is_reported_under_window(data: dict[str, Any]) -> None:
    data["window"]["district"] = "成都"
    assert errors(data)[0][0] == ("window", "district")


def test_labels() -> None:
    assert [(m.value, m.label("zh"), m.label("en")) for m in AssessmentLevel] == [
        ("meets", "达标", "Meets the standard"),
        ("rectify", "限期整改", "Rectify within a time limit"),
        ("fails", "未达标", "Does not meet the standard"),
    ]
    assert MaterialKind.CAMPAIGN_PLAN.label("zh") == "创建活动方案"
    assert MaterialKind.OTHER.label("en") == "Other material"


# -- json schema --------------------------------------------------------------------------------------------


def _models(model: type[BaseModel]) -> list[type[BaseModel]]:
    return [model, Contact, SelfAssessment, OrganisationRecommendation, DistrictOpinion, Material]


def test_every_field_has_a_chinese_label_and_a_description() -> None:
    for model in _models(Application):
        for name, info in model.model_fields.items():
            extra = info.json_schema_extra
            assert isinstance(extra, dict) and extra.get("title_zh"), f"{model.__name__}.{name}"
            assert info.description, f"{model.__name__}.{name}"


def expected_schema() -> str:
    schema = Application.model_json_schema(mode="validation")
    head = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "An application for the quality service window title (Annex 2 form) (window-standard). "
        "Generated; do not edit.",
        **schema,
    }
    return json.dumps(head, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_committed_schema_matches_the_model() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == expected_schema()


def test_schema_validates_the_example_and_refuses_extra_keys(example_data: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    document = json.loads(Application.model_validate(example_data).model_dump_json())
    jsonschema.validate(document, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**document, "remark": "x"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {**document, "district_opinion": {**document["district_opinion"], "authority_district": "x"}},
            schema,
        )
