"""The pydantic window model against the public data contract (tests/data/window-example.yaml)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import types
import typing
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from window_standard._model import (
    FUNCTIONAL_ZONES,
    ActivityKind,
    Assessor,
    Display,
    Facility,
    LabelledEnum,
    LogKind,
    OrganisationKind,
    PropertyType,
    PublicityPlatform,
    Window,
    WindowKind,
)
from window_standard._model import window as window_module

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def example_data() -> dict[str, Any]:
    data = yaml.safe_load((DATA / "window-example.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture
def data(example_data: dict[str, Any]) -> dict[str, Any]:
    """A fresh deep copy of the example, free to modify."""
    return copy.deepcopy(example_data)


def minimal(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "w-1",
        "name": "窗口",
        "kind": "customer_service_centre",
        "district": "510107",
        "assessed_on": "2013-06-20",
        "assessor": "committee",
    }
    base.update(extra)
    return base


def errors_of(data: dict[str, Any]) -> list[tuple[tuple[int | str, ...], str, str]]:
    with pytest.raises(ValidationError) as info:
        Window.model_validate(data)
    return [(tuple(e["loc"]), e["type"], e["msg"]) for e in info.value.errors()]


def only_error(data: dict[str, Any]) -> tuple[tuple[int | str, ...], str, str]:
    errs = errors_of(data)
    assert len(errs) == 1, errs
    return errs[0]


# --- the example ------------------------------------------------------------------------------------------


def test_example_validates(example_data: dict[str, Any]) -> None:
    w = Window.model_validate(example_data)
    assert w.kind is WindowKind.CUSTOMER_SERVICE_CENTRE
    assert w.assessor is Assessor.SELF
    assert w.assessed_on == dt.date(2013, 6, 20)
    assert w.project.property_type is PropertyType.RESIDENTIAL
    assert w.project.floor_area_m2 == Decimal(150000)
    assert isinstance(w.project.floor_area_m2, Decimal)
    assert w.organisation.kind is OrganisationKind.ENTERPRISE
    assert w.organisation.organisation_code == "19220382-1"
    assert w.organisation.credit_code is None
    assert w.environment.displays is not None and len(w.environment.displays) == 10
    assert w.environment.facilities == [
        Facility.SEATING, Facility.DRINKING_WATER, Facility.CONVENIENCE_KIT, Facility.FIRST_AID_KIT,
        Facility.READING_GLASSES,
    ]
    assert w.staff.headcount == 6 and w.staff.etiquette_training_hours == Decimal(54)
    assert w.process.logs == [LogKind.REPAIR, LogKind.COMPLAINT, LogKind.CALLBACK, LogKind.DUTY]
    assert w.quality.survey is not None and w.quality.survey.satisfied == 112
    assert w.quality.repairs is not None and w.quality.repairs.called_back == 280
    assert w.lei_feng.volunteer_team is not None and w.lei_feng.volunteer_team.members == 12
    assert w.lei_feng.activities is not None and len(w.lei_feng.activities) == 11
    assert w.lei_feng.activities[6].kind is ActivityKind.NEIGHBOURLY_CARE
    assert w.lei_feng.activities[6].owner_participants == 40
    assert w.lei_feng.publicity_platforms == ["bulletin_board", "electronic_screen"]
    assert w.lei_feng.reports_to_association == [dt.date(2013, 4, 10), dt.date(2013, 6, 5)]
    assert w.lei_feng.moral_lecture_hall is False
    assert w.incidents.major_safety_accident is False


def test_application_example_window_validates() -> None:
    app = yaml.safe_load((DATA / "application-example.yaml").read_text(encoding="utf-8"))
    example = yaml.safe_load((DATA / "window-example.yaml").read_text(encoding="utf-8"))
    assert Window.model_validate(app["window"]) == Window.model_validate(example)


def test_round_trip_python(example_data: dict[str, Any]) -> None:
    w = Window.model_validate(example_data)
    assert Window.model_validate(w.model_dump(mode="json")) == w
    assert Window.model_validate(w.model_dump()) == w


def test_round_trip_json(example_data: dict[str, Any]) -> None:
    w = Window.model_validate(example_data)
    assert Window.model_validate_json(w.model_dump_json()) == w
    # The YAML document sent as JSON (dates as strings, numbers as JSON numbers) is accepted as well.
    as_json = json.dumps(example_data, default=str, ensure_ascii=False)
    assert Window.model_validate_json(as_json) == w


def test_every_section_omitted() -> None:
    w = Window.model_validate(minimal())
    for section in ("project", "organisation", "environment", "staff", "process", "quality", "lei_feng",
                    "incidents"):
        assert all(value is None for value in getattr(w, section).model_dump().values()), section
    assert w.kind_other is None and w.address is None


def test_null_facts_and_empty_lists(data: dict[str, Any]) -> None:
    data["quality"] = {"survey": None, "complaints": None, "repairs": None}
    data["lei_feng"] = {"volunteer_team": None, "activities": [], "reports_to_association": None}
    data["staff"] = {"headcount": None, "in_uniform": 3}
    w = Window.model_validate(data)
    assert w.quality.survey is None
    assert w.lei_feng.activities == [] and w.lei_feng.reports_to_association is None
    assert w.staff.in_uniform == 3


def test_frozen(example_data: dict[str, Any]) -> None:
    w = Window.model_validate(example_data)
    with pytest.raises(ValidationError, match="frozen"):
        w.name = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="frozen"):
        w.staff.headcount = 1  # type: ignore[misc]


# --- rejections, each with its path ---------------------------------------------------------------------


def test_unknown_key_top_level(data: dict[str, Any]) -> None:
    data["colour"] = "red"
    assert only_error(data)[:2] == (("colour",), "extra_forbidden")


def test_unknown_key_nested(data: dict[str, Any]) -> None:
    data["staff"]["height"] = 180
    data["lei_feng"]["activities"][2]["venue"] = "hall"
    locs = {e[0] for e in errors_of(data) if e[1] == "extra_forbidden"}
    assert locs == {("staff", "height"), ("lei_feng", "activities", 2, "venue")}


def test_negative_count(data: dict[str, Any]) -> None:
    data["staff"]["conduct_violations"] = -1
    loc, kind, _ = only_error(data)
    assert (loc, kind) == (("staff", "conduct_violations"), "greater_than_equal")


@pytest.mark.parametrize("value", [True, False, "12", 12.0, "twelve"])
def test_count_rejects_non_integers(data: dict[str, Any], value: object) -> None:
    data["quality"]["survey"]["sampled"] = value
    loc, kind, _ = only_error(data)
    assert (loc, kind) == (("quality", "survey", "sampled"), "int_type")


def test_count_rejects_string_in_json(example_data: dict[str, Any]) -> None:
    doc = json.loads(json.dumps(example_data, default=str))
    doc["project"]["households"] = "1200"
    with pytest.raises(ValidationError) as info:
        Window.model_validate_json(json.dumps(doc))
    assert [e["loc"] for e in info.value.errors()] == [("project", "households")]


@pytest.mark.parametrize("value", [True, -1, "nan", "abc"])
def test_decimal_rejections(data: dict[str, Any], value: object) -> None:
    data["process"]["weekly_opening_hours"] = value
    assert only_error(data)[0] == ("process", "weekly_opening_hours")


@pytest.mark.parametrize(
    ("value", "expected"), [(54.5, Decimal("54.5")), ("54.25", Decimal("54.25")), (0, Decimal(0))]
)
def test_decimal_accepts(data: dict[str, Any], value: object, expected: Decimal) -> None:
    data["staff"]["etiquette_training_hours"] = value
    assert Window.model_validate(data).staff.etiquette_training_hours == expected


@pytest.mark.parametrize("value", [1, "yes", "true"])
def test_bool_is_strict(data: dict[str, Any], value: object) -> None:
    data["environment"]["signage"] = value
    assert only_error(data)[0] == ("environment", "signage")


@pytest.mark.parametrize(
    ("section", "field", "value", "bound", "bound_value"),
    [
        (("staff",), "in_uniform", 7, "headcount", 6),
        (("staff",), "with_badge", 7, "headcount", 6),
        (("staff",), "certified", 9, "headcount", 6),
        (("quality", "survey"), "satisfied", 121, "sampled", 120),
        (("quality", "complaints"), "resolved", 11, "received", 10),
        (("quality", "complaints"), "valid_confirmed", 11, "received", 10),
        (("quality", "repairs"), "on_time", 301, "requested", 300),
        (("quality", "repairs"), "reworked", 301, "requested", 300),
        (("quality", "repairs"), "called_back", 301, "requested", 300),
    ],
)
def test_count_cannot_exceed_total(
    data: dict[str, Any], section: tuple[str, ...], field: str, value: int, bound: str, bound_value: int
) -> None:
    target = data
    for key in section:
        target = target[key]
    target[field] = value
    loc, _, msg = only_error(data)
    assert loc == (*section, field)
    assert f"{field} ({value}) cannot exceed {bound} ({bound_value})" in msg


def test_count_equal_to_total_is_fine(data: dict[str, Any]) -> None:
    data["staff"]["certified"] = 6
    data["quality"]["survey"]["satisfied"] = 120
    Window.model_validate(data)


@pytest.mark.parametrize("district", ["51010", "abc", "", "5101071", "GAOXIN", "５１０１０７"])
def test_malformed_district(data: dict[str, Any], district: str) -> None:
    data["district"] = district
    loc, _, msg = only_error(data)
    assert loc == ("district",)
    assert "6-digit GB/T 2260 code" in msg and "dongbu, gaoxin, tianfu" in msg


def test_district_must_be_a_string(data: dict[str, Any]) -> None:
    data["district"] = 510107
    assert only_error(data)[:2] == (("district",), "string_type")


@pytest.mark.parametrize("district", [*sorted(FUNCTIONAL_ZONES), "510185", "512081"])
def test_district_shape_only(district: str) -> None:
    # Membership of Chengdu on the assessment date is the rules' business (PRE-1), not the model's.
    assert Window.model_validate(minimal(district=district)).district == district


def test_functional_zones_constant() -> None:
    assert frozenset({"gaoxin", "tianfu", "dongbu"}) == FUNCTIONAL_ZONES


@pytest.mark.parametrize("kind_other", [None, "", "   "])
def test_kind_other_required_for_other(kind_other: str | None) -> None:
    doc = minimal(kind="other")
    if kind_other is not None:
        doc["kind_other"] = kind_other
    loc, _, msg = only_error(doc)
    assert loc == ("kind_other",)
    assert "required" in msg or "at least 1 character" in msg


def test_kind_other_accepted_for_other() -> None:
    w = Window.model_validate(minimal(kind="other", kind_other="物业服务驿站"))
    assert w.kind is WindowKind.OTHER and w.kind_other == "物业服务驿站"


def test_kind_other_must_be_null_otherwise(data: dict[str, Any]) -> None:
    data["kind_other"] = "kiosk"
    loc, _, msg = only_error(data)
    assert loc == ("kind_other",)
    assert "must be null when kind is 'customer_service_centre'" in msg


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("registration_number", "140000100028285", "expected '6'"),
        ("organisation_code", "19220382-2", "has check character '2', expected '1'"),
        ("credit_code", "91110000600037341A", "expected 'L'"),
    ],
)
def test_identifier_check_digit(data: dict[str, Any], field: str, value: str, expected: str) -> None:
    data["assessed_on"] = dt.date(2016, 1, 4)
    data["organisation"][field] = value
    loc, _, msg = only_error(data)
    assert loc == ("organisation", field)
    assert expected in msg


def test_identifier_normalised(data: dict[str, Any]) -> None:
    data["organisation"]["organisation_code"] = "192203821"
    assert Window.model_validate(data).organisation.organisation_code == "19220382-1"


def test_credit_code_before_2015(data: dict[str, Any]) -> None:
    data["organisation"]["credit_code"] = "914403001922038216"
    loc, _, msg = only_error(data)
    assert loc == ("organisation",)
    assert "credit_code (914403001922038216)" in msg
    assert "assessed_on (2013-06-20)" in msg and "before 2015-10-01" in msg


def test_credit_code_from_2015_10_01(data: dict[str, Any]) -> None:
    data["assessed_on"] = dt.date(2015, 10, 1)
    data["organisation"]["credit_code"] = "914403001922038216"
    assert Window.model_validate(data).organisation.credit_code == "914403001922038216"


@pytest.mark.parametrize(
    ("key", "value", "kind"),
    [("id", "", "string_too_short"), ("id", "x" * 65, "string_too_long"), ("name", "", "string_too_short")],
)
def test_identity_strings(data: dict[str, Any], key: str, value: str, kind: str) -> None:
    data[key] = value
    assert only_error(data)[:2] == ((key,), kind)


@pytest.mark.parametrize("key", ["id", "name", "kind", "district", "assessed_on", "assessor"])
def test_identity_required(data: dict[str, Any], key: str) -> None:
    del data[key]
    assert only_error(data)[:2] == ((key,), "missing")


@pytest.mark.parametrize("key", ["date", "kind"])
def test_activity_requires_date_and_kind(data: dict[str, Any], key: str) -> None:
    del data["lei_feng"]["activities"][0][key]
    assert only_error(data)[:2] == (("lei_feng", "activities", 0, key), "missing")


def test_bad_enum_value(data: dict[str, Any]) -> None:
    data["environment"]["displays"][0] = "licence"
    assert only_error(data)[:2] == (("environment", "displays", 0), "enum")


def test_duplicate_enum_item(data: dict[str, Any]) -> None:
    data["environment"]["facilities"].append("seating")
    loc, _, msg = only_error(data)
    assert loc == ("environment", "facilities")
    assert "'seating' more than once" in msg


# --- enums and labels ---------------------------------------------------------------------------------------

ENUMS: list[type[LabelledEnum]] = [
    WindowKind, Assessor, PropertyType, OrganisationKind, Display, Facility, LogKind, ActivityKind,
    PublicityPlatform,
]


@pytest.mark.parametrize("enum", ENUMS)
def test_every_member_has_labels(enum: type[LabelledEnum]) -> None:
    for member in enum:
        assert member == member.value and isinstance(member, str)
        assert member.label("zh") and member.label("en")
        assert member.label("zh") != member.label("en")
        assert enum(member.value) is member
        assert str(member) == member.value and f"{member}" == member.value


def test_member_without_labels_is_refused() -> None:
    with pytest.raises(TypeError, match="needs a Chinese and an English label"):

        class Bare(LabelledEnum):
            X = "x"


def test_label_values() -> None:
    assert WindowKind.REPAIR_SERVICE_STATION.label("zh") == "维修服务站"
    assert Assessor.COMMITTEE.label("zh") == "委员会考评"
    assert OrganisationKind.OTHER_MANAGER.label("zh") == "其他管理人"
    assert Assessor.SELF.label("en") == "Self-assessment"
    with pytest.raises(ValueError, match="unknown label language"):
        Assessor.SELF.label("fr")  # type: ignore[arg-type]


def test_enum_sizes() -> None:
    assert len(ActivityKind) == 13
    assert len(Display) == 10
    assert [m.value for m in Facility][-3:] == ["umbrellas", "suggestion_box", "other"]
    assert list(PublicityPlatform) == ["bulletin_board", "electronic_screen", "community_forum", "other"]


# --- schema and annotation conventions -------------------------------------------------------------------


def _models() -> list[type[BaseModel]]:
    return [obj for name in window_module.__all__
            if isinstance(obj := getattr(window_module, name), type) and issubclass(obj, BaseModel)]


def test_every_field_documented() -> None:
    for model in _models():
        assert model.__doc__, model
        for name, info in model.model_fields.items():
            assert info.description, (model.__name__, name)
            extra = info.json_schema_extra
            assert isinstance(extra, dict) and extra.get("title_zh"), (model.__name__, name)
    schema = Window.model_json_schema()
    assert schema["properties"]["district"]["title_zh"] == "区(市)县"


ALLOWED_LEAVES = (int, bool, str, dt.date, Decimal)


def _check_annotation(tp: object) -> None:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        _check_annotation(typing.get_args(tp)[0])
    elif origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        assert type(None) in args and len(args) == 2, tp
        _check_annotation(next(a for a in args if a is not type(None)))
    elif origin is list:
        _check_annotation(typing.get_args(tp)[0])
    else:
        assert isinstance(tp, type), tp
        assert tp is not float and not issubclass(tp, dict), tp
        assert tp in ALLOWED_LEAVES or issubclass(tp, (Enum, BaseModel)), tp


def test_annotation_forms() -> None:
    for model in _models():
        for name, info in model.model_fields.items():
            assert info.annotation is not None, (model.__name__, name)
            _check_annotation(info.annotation)
