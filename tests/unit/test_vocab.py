"""The one zh/en vocabulary (``_vocab``): every word in both languages, one term per concept."""

from __future__ import annotations

import pytest

from window_standard._vocab import (
    BONUS_TEXT,
    CHECK_TEXT,
    NO_DATA,
    STATUS_TEXT,
    VETO_TEXT,
    WORDS,
    aside,
    check_word,
    status_word,
    word,
)


@pytest.mark.parametrize("table", [STATUS_TEXT, VETO_TEXT, BONUS_TEXT, CHECK_TEXT, WORDS])
def test_every_word_has_both_languages(table: dict[str, dict[str, str]]) -> None:
    for key, words in table.items():
        assert set(words) == {"zh", "en"}, key
        assert all(text.strip() for text in words.values()), key


def test_status_words_of_vetoes_and_bonuses() -> None:
    assert status_word("fail", "en", veto=True) == "veto applies"
    assert status_word("pass", "zh", veto=True) == "未触发"
    assert status_word("pass", "zh", bonus=True) == "获得加分"
    assert status_word("fail", "en", bonus=True) == "not earned"
    # statuses a veto or a bonus has no special word for read as for any criterion
    assert status_word("no_data", "en", veto=True) == status_word("no_data", "en", bonus=True) == "no data"
    assert status_word("not_applicable", "zh") == "不适用"


def test_a_check_without_data_reads_as_no_data() -> None:
    assert CHECK_TEXT["no_data"] is NO_DATA
    assert check_word("pass", "zh") == "通过"
    assert check_word("no_data", "en") == "no data"


def test_words_and_asides() -> None:
    assert word("district", "zh") == "区(市)县"
    assert word("district", "en") == "District"
    assert aside("达标", "zh") == "（达标）"
    assert aside("meets", "en") == " (meets)"
