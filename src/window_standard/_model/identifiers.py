"""Check-digit validation of the three Chinese organisation identifiers.

The algorithms are exactly those of ``standard/criteria.md`` ("Organisation identifiers"):

- 统一社会信用代码, unified social credit code (GB 32100-2015): 18 characters over a 31-character alphabet,
  the last one a weighted MOD 31 check character; characters 3-8 an administrative division code (GB/T 2260:
  6 digits of a province-level prefix) and characters 9-17 an organisation code with its own check character;
- 组织机构代码, organisation code (GB 11714-1997): 8 characters plus a MOD 11 check character, the hyphen
  before the check character optional;
- 营业执照注册号, business registration number: 15 digits, the last one an ISO 7064 MOD 11,10 check digit.

Every validator is a pure function: it returns the normalised identifier (surrounding whitespace removed,
letters upper-cased, the organisation code written ``XXXXXXXX-C``) or raises :class:`ValueError` whose
message names the expected check character.
"""

from __future__ import annotations

__all__ = [
    "CREDIT_CODE_ALPHABET",
    "credit_check_char",
    "credit_code_body",
    "org_code_check_char",
    "registration_check_digit",
    "validate_credit_code",
    "validate_organisation_code",
    "validate_registration_number",
]

#: The 31 characters of GB 32100-2015 in value order (0-30): digits and capitals without I, O, S, V, Z.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_DIGITS = "0123456789"
#: Province-level prefixes of GB/T 2260 division codes (and 10, the whole country).
_PROVINCES = frozenset(
    {
        *(
            str(n)
            for n in (10, 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45)
        ),
        *(str(n) for n in (46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82)),
    }
)


def credit_code_body(head: str, division: str, organisation_code: str) -> str:
    """The first 17 characters of a credit code from its parts (``"91"``, ``"510107"``, ``"19220382-1"``)."""
    return head + division + organisation_code.replace("-", "")


def credit_check_char(first17: str) -> str:
    """Compute the check character of a unified social credit code.

    Args:
        first17: The first 17 characters, each from :data:`CREDIT_CODE_ALPHABET` (upper case).

    Returns:
        The 18th character: ``CREDIT_CODE_ALPHABET[(31 - Σ value × weight mod 31) mod 31]``.

    Raises:
        ValueError: If ``first17`` is not 17 characters of the alphabet.

    """
    if len(first17) != len(_CREDIT_WEIGHTS) or any(c not in CREDIT_CODE_ALPHABET for c in first17):
        raise ValueError(f"credit code body {first17!r} must be 17 characters from {CREDIT_CODE_ALPHABET}")
    total = sum(CREDIT_CODE_ALPHABET.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def org_code_check_char(first8: str) -> str:
    """Compute the check character of an organisation code.

    Args:
        first8: The first 8 characters, each a digit or an upper-case letter (A-Z count 10-35).

    Returns:
        ``11 - (Σ value × weight mod 11)`` as a character, with 10 written ``X`` and 11 written ``0``.

    Raises:
        ValueError: If ``first8`` is not 8 digits or capital letters.

    """
    if len(first8) != len(_ORG_WEIGHTS) or any(c not in _ORG_ALPHABET for c in first8):
        raise ValueError(f"organisation code body {first8!r} must be 8 digits or capital letters")
    total = sum(_ORG_ALPHABET.index(c) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 10:
        return "X"
    if check == 11:
        return "0"
    return str(check)


def registration_check_digit(first14: str) -> str:
    """Compute the ISO 7064 MOD 11,10 check digit of a business registration number.

    Args:
        first14: The first 14 digits.

    Returns:
        The 15th digit.

    Raises:
        ValueError: If ``first14`` is not 14 ASCII digits.

    """
    if len(first14) != 14 or any(c not in _DIGITS for c in first14):
        raise ValueError(f"registration number body {first14!r} must be 14 digits")
    product = 10
    for c in first14:
        total = (product + int(c)) % 10 or 10
        product = total * 2 % 11
    return str((11 - product) % 10)


def validate_credit_code(value: str) -> str:
    """Validate a unified social credit code (统一社会信用代码, GB 32100-2015).

    Args:
        value: The code; surrounding whitespace is ignored and letters may be lower case.

    Returns:
        The normalised code: 18 upper-case characters.

    Raises:
        ValueError: On a wrong length, a character outside the alphabet, or a wrong check character (the
            message names the expected one).

    """
    code = value.strip().upper()
    if len(code) != 18:
        raise ValueError(f"credit code {value!r} must be 18 characters, got {len(code)}")
    bad = sorted({c for c in code if c not in CREDIT_CODE_ALPHABET})
    if bad:
        raise ValueError(
            f"credit code {value!r} contains {''.join(bad)!r}; allowed characters are {CREDIT_CODE_ALPHABET}"
        )
    expected = credit_check_char(code[:17])
    if code[17] != expected:
        raise ValueError(f"credit code {code} has check character {code[17]!r}, expected {expected!r}")
    division = code[2:8]
    if not division.isdigit() or division[:2] not in _PROVINCES:
        raise ValueError(
            f"credit code {code}: characters 3-8 ({division}) must be an administrative division code "
            "(GB/T 2260, 6 digits such as 510107)"
        )
    body, check = code[8:16], code[16]
    if org_code_check_char(body) != check:
        raise ValueError(
            f"credit code {code}: characters 9-17 ({body}{check}) must be an organisation code, whose check "
            f"character would be {org_code_check_char(body)!r}"
        )
    return code


def validate_organisation_code(value: str) -> str:
    """Validate an organisation code (组织机构代码, GB 11714-1997).

    Args:
        value: ``XXXXXXXX-C`` or ``XXXXXXXXC``; surrounding whitespace is ignored, letters may be lower case.

    Returns:
        The normalised code, always with the hyphen: ``XXXXXXXX-C``.

    Raises:
        ValueError: On a wrong length, an illegal character, or a wrong check character (the message names
            the expected one).

    """
    raw = value.strip().upper()
    compact = raw[:8] + raw[9:] if len(raw) == 10 and raw[8] == "-" else raw
    if len(compact) != 9:
        raise ValueError(
            f"organisation code {value!r} must be 8 characters and a check character, "
            "optionally separated by a hyphen (XXXXXXXX-C)"
        )
    body, check = compact[:8], compact[8]
    bad = sorted({c for c in body if c not in _ORG_ALPHABET})
    if bad or check not in _DIGITS + "X":
        raise ValueError(
            f"organisation code {value!r} has an illegal character: the first 8 must be digits or capital "
            "letters, the check character a digit or X"
        )
    expected = org_code_check_char(body)
    if check != expected:
        raise ValueError(
            f"organisation code {body}-{check} has check character {check!r}, expected {expected!r}"
        )
    return f"{body}-{check}"


def validate_registration_number(value: str) -> str:
    """Validate a business registration number (营业执照注册号, 15 digits, ISO 7064 MOD 11,10).

    Args:
        value: The number; surrounding whitespace is ignored.

    Returns:
        The normalised number: 15 digits.

    Raises:
        ValueError: On a wrong length, a non-digit, or a wrong check digit (the message names the expected
            one).

    """
    number = value.strip()
    if len(number) != 15 or any(c not in _DIGITS for c in number):
        raise ValueError(f"registration number {value!r} must be exactly 15 digits")
    expected = registration_check_digit(number[:14])
    if number[14] != expected:
        raise ValueError(
            f"registration number {number} has check digit {number[14]!r}, expected {expected!r}"
        )
    return number
