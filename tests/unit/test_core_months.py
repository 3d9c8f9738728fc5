"""Month names: reading any form, writing the right case."""

import pytest

from desktop.core.months import (
    EN_LONG,
    EN_SHORT,
    RU_GENITIVE,
    RU_NOMINATIVE,
    RU_SHORT_GENITIVE,
    RU_SHORT_NOMINATIVE,
    month_number,
)


@pytest.mark.parametrize(
    "names", [EN_LONG, EN_SHORT, RU_NOMINATIVE, RU_GENITIVE, RU_SHORT_NOMINATIVE, RU_SHORT_GENITIVE]
)
def test_every_written_form_reads_back(names: tuple[str, ...]) -> None:
    assert len(names) == 12
    assert [month_number(name) for name in names] == list(range(1, 13))


@pytest.mark.parametrize(
    ("word", "month"),
    [
        ("Sept.", 9),
        ("SEPTEMBER", 9),
        ("декабре", 12),
        ("мае", 5),
        ("мар", 3),
        ("нояб", 11),
        ("Февр.", 2),
        ("ma", None),
        ("ию", None),
        ("monday", None),
        ("", None),
        ("марш", None),
    ],
)
def test_month_number(word: str, month: int | None) -> None:
    assert month_number(word) == month


def test_russian_short_forms_follow_the_standard() -> None:
    assert RU_SHORT_NOMINATIVE[2:7] == ("март", "апр.", "май", "июнь", "июль")
    assert RU_SHORT_GENITIVE[8] == "сент."
