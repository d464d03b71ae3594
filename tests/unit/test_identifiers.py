"""Check-digit validation of the three organisation identifiers (criteria.md, "Organisation identifiers")."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from window_standard._model.identifiers import (
    CREDIT_CODE_ALPHABET,
    credit_check_char,
    org_code_check_char,
    registration_check_digit,
    validate_credit_code,
    validate_organisation_code,
    validate_registration_number,
)

ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"


# --- the valid examples of criteria.md ---------------------------------------------------------------


@pytest.mark.parametrize("code", ["91110000600037341L", "914403001922038216"])
def test_credit_code_examples(code: str) -> None:
    assert validate_credit_code(code) == code
    assert credit_check_char(code[:17]) == code[17]


@pytest.mark.parametrize("code", ["19220382-1", "192203821"])
def test_organisation_code_examples(code: str) -> None:
    assert validate_organisation_code(code) == "19220382-1"
    assert org_code_check_char("19220382") == "1"


def test_registration_number_example() -> None:
    assert validate_registration_number("140000100028286") == "140000100028286"
    assert registration_check_digit("14000010002828") == "6"


# --- normalisation --------------------------------------------------------------------------------------


def test_normalisation() -> None:
    assert validate_credit_code(" 91110000600037341l ") == "91110000600037341L"
    assert validate_organisation_code(" 19220382-1\n") == "19220382-1"
    assert validate_registration_number(" 140000100028286 ") == "140000100028286"


# --- wrong check characters name the expected one ------------------------------------------------------


def test_wrong_credit_check_char() -> None:
    message = r"credit code 91110000600037341A has check character 'A', expected 'L'"
    with pytest.raises(ValueError, match=message):
        validate_credit_code("91110000600037341A")


def test_wrong_org_check_char() -> None:
    with pytest.raises(ValueError) as info:
        validate_organisation_code("19220382-2")
    assert str(info.value) == "organisation code 19220382-2 has check character '2', expected '1'"
    with pytest.raises(ValueError, match="expected '1'"):
        validate_organisation_code("192203822")


def test_wrong_registration_check_digit() -> None:
    with pytest.raises(ValueError, match=r"140000100028287 has check digit '7', expected '6'"):
        validate_registration_number("140000100028287")


# --- wrong length and illegal characters ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("91110000600037341", "must be 18 characters, got 17"),
        ("91110000600037341LL", "must be 18 characters, got 19"),
        ("9111000060003734IL", "contains 'I'"),
        ("91110000600O37341L", "contains 'O'"),
        ("9111000060003734-L", "contains '-'"),
        ("", "must be 18 characters, got 0"),
    ],
)
def test_credit_code_malformed(value: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        validate_credit_code(value)


@pytest.mark.parametrize(
    "value",
    [
        "19220382",
        "19220382-",
        "1922038211",
        "192-20382",
        "1922038-21",
        "19220382_1",
        "1922038!-1",
        "19220382-A",
    ],
)
def test_organisation_code_malformed(value: str) -> None:
    with pytest.raises(ValueError, match="organisation code"):
        validate_organisation_code(value)


@pytest.mark.parametrize(
    "value", ["14000010002828", "1400001000282860", "14000010002828A", "１４0000100028286"]
)
def test_registration_number_malformed(value: str) -> None:
    with pytest.raises(ValueError, match="must be exactly 15 digits"):
        validate_registration_number(value)


@pytest.mark.parametrize(
    ("helper", "body"),
    [
        (credit_check_char, "9111000060003734"),
        (credit_check_char, "9111000060003734I"),
        (org_code_check_char, "1922038"),
        (org_code_check_char, "1922038a"),
        (registration_check_digit, "1400001000282"),
        (registration_check_digit, "1400001000282A"),
    ],
)
def test_helpers_reject_bad_bodies(helper: object, body: str) -> None:
    assert callable(helper)
    with pytest.raises(ValueError):
        helper(body)


# --- the org-code special cases 10 -> X and 11 -> 0 ---------------------------------------------------------


def test_org_code_check_x_and_zero() -> None:
    bodies = ("".join(p) for p in itertools.product("0123", repeat=8))
    found: dict[str, str] = {}
    for body in bodies:
        char = org_code_check_char(body)
        if char in "X0" and char not in found:
            found[char] = body
        if len(found) == 2:
            break
    assert set(found) == {"X", "0"}
    for char, body in found.items():
        assert validate_organisation_code(body + char) == f"{body}-{char}"
    assert validate_organisation_code(found["X"].lower() + "x") == f"{found['X']}-X"


# --- properties -----------------------------------------------------------------------------------------


@given(
    st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=2, max_size=2),
    st.sampled_from(["510107", "110000", "440300", "510116"]),
    st.text(
        alphabet=ORG_ALPHABET.replace("I", "")
        .replace("O", "")
        .replace("S", "")
        .replace("V", "")
        .replace("Z", ""),
        min_size=8,
        max_size=8,
    ),
    st.sampled_from(CREDIT_CODE_ALPHABET),
)
def test_credit_code_property(head: str, division: str, org: str, other: str) -> None:
    body = head + division + org + org_code_check_char(org)
    check = credit_check_char(body)
    assert validate_credit_code(body + check) == body + check
    if other != check:
        with pytest.raises(ValueError, match=f"expected '{check}'"):
            validate_credit_code(body + other)


@given(st.text(alphabet=ORG_ALPHABET, min_size=8, max_size=8), st.sampled_from(DIGITS + "X"), st.booleans())
def test_org_code_property(body: str, other: str, hyphen: bool) -> None:
    check = org_code_check_char(body)
    sep = "-" if hyphen else ""
    assert validate_organisation_code(body + sep + check) == f"{body}-{check}"
    if other != check:
        with pytest.raises(ValueError, match=f"expected '{check}'"):
            validate_organisation_code(body + sep + other)


@given(st.text(alphabet=DIGITS, min_size=14, max_size=14), st.sampled_from(DIGITS))
def test_registration_number_property(body: str, other: str) -> None:
    check = registration_check_digit(body)
    assert validate_registration_number(body + check) == body + check
    if other != check:
        with pytest.raises(ValueError, match=f"expected '{check}'"):
            validate_registration_number(body + other)


@given(st.text(alphabet=DIGITS, min_size=14, max_size=14))
def test_registration_check_is_iso7064_mod11_10(body: str) -> None:
    # ISO 7064 MOD 11,10 verification over all 15 digits: the final product-sum leaves remainder 1.
    number = body + registration_check_digit(body)
    product = 10
    for char in number[:-1]:
        product = ((product + int(char)) % 10 or 10) * 2 % 11
    assert (product + int(number[-1])) % 10 == 1
