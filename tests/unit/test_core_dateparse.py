"""FuzzyDate.parse: the forms advocates type, in English and Russian."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.dateparse import MAX_INPUT_LENGTH
from desktop.core.fuzzydate import FuzzyDate, FuzzyDateError, Qualifier

F = FuzzyDate
CIRCA, BEFORE, AFTER = Qualifier.CIRCA, Qualifier.BEFORE, Qualifier.AFTER

PARSE_TABLE: list[tuple[str, FuzzyDate]] = [
    # EDTF
    ("2008-11-24", F.day(2008, 11, 24)),
    ("2008-11", F.month(2008, 11)),
    ("2008", F.year(2008)),
    ("200X", F.decade(2000)),
    ("2008-03~", F.month(2008, 3, qualifier=CIRCA)),
    ("../2010-08-05", F.day(2010, 8, 5, qualifier=BEFORE)),
    ("2010-08-05/..", F.day(2010, 8, 5, qualifier=AFTER)),
    ("2007-12-03/2007-12-11", F.between(F.day(2007, 12, 3), F.day(2007, 12, 11))),
    ("2007-12/2008", F.between(F.month(2007, 12), F.year(2008))),
    ("XXXX", F.undated()),
    # days
    ("24.11.2008", F.day(2008, 11, 24)),
    ("24/11/2008", F.day(2008, 11, 24)),
    ("24-11-2008", F.day(2008, 11, 24)),
    ("4.6.2007", F.day(2007, 6, 4)),
    ("24.11.2008 г.", F.day(2008, 11, 24)),
    ("2008/11/24", F.day(2008, 11, 24)),
    ("24 November 2008", F.day(2008, 11, 24)),
    ("24 Nov 2008", F.day(2008, 11, 24)),
    ("24 Nov. 2008", F.day(2008, 11, 24)),
    ("24th November 2008", F.day(2008, 11, 24)),
    ("November 24, 2008", F.day(2008, 11, 24)),
    ("on 24 November 2008", F.day(2008, 11, 24)),
    ("24 ноября 2008", F.day(2008, 11, 24)),
    ("24 ноября 2008 г.", F.day(2008, 11, 24)),
    ("24 ноября 2008 года", F.day(2008, 11, 24)),
    ("24 нояб. 2008", F.day(2008, 11, 24)),
    ("  24   NOVEMBER\u00a02008 ", F.day(2008, 11, 24)),
    # months
    ("Dec 2007", F.month(2007, 12)),
    ("December 2007", F.month(2007, 12)),
    ("dec. 2007", F.month(2007, 12)),
    ("Sept 2001", F.month(2001, 9)),
    ("in December 2007", F.month(2007, 12)),
    ("декабрь 2007", F.month(2007, 12)),
    ("Декабрь 2007 г.", F.month(2007, 12)),
    ("в декабре 2007", F.month(2007, 12)),
    ("дек. 2007", F.month(2007, 12)),
    ("май 2008", F.month(2008, 5)),
    ("12.2007", F.month(2007, 12)),
    ("12/2007", F.month(2007, 12)),
    ("2007-12", F.month(2007, 12)),
    # years and decades
    ("2008 год", F.year(2008)),
    ("2008 г.", F.year(2008)),
    ("812", F.year(812)),
    ("2000s", F.decade(2000)),
    ("2000's", F.decade(2000)),
    ("the 2000s", F.decade(2000)),
    ("2000-е", F.decade(2000)),
    ("2000-е годы", F.decade(2000)),
    ("2000е", F.decade(2000)),
    ("200x", F.decade(2000)),
    # circa
    ("c. 2008", F.year(2008, qualifier=CIRCA)),
    ("c.2008", F.year(2008, qualifier=CIRCA)),
    ("c 2008", F.year(2008, qualifier=CIRCA)),
    ("ca. 2008", F.year(2008, qualifier=CIRCA)),
    ("circa 2008", F.year(2008, qualifier=CIRCA)),
    ("circa March 2008", F.month(2008, 3, qualifier=CIRCA)),
    ("about March 2008", F.month(2008, 3, qualifier=CIRCA)),
    ("~2008", F.year(2008, qualifier=CIRCA)),
    ("~ 2008", F.year(2008, qualifier=CIRCA)),
    ("March 2008~", F.month(2008, 3, qualifier=CIRCA)),
    ("около марта 2008", F.month(2008, 3, qualifier=CIRCA)),
    ("ок. марта 2008", F.month(2008, 3, qualifier=CIRCA)),
    ("около 2008 г.", F.year(2008, qualifier=CIRCA)),
    ("примерно 2008", F.year(2008, qualifier=CIRCA)),
    ("около 2000-х", F.decade(2000, qualifier=CIRCA)),
    ("circa 2000s", F.decade(2000, qualifier=CIRCA)),
    # before and after
    ("before 2010-08-05", F.day(2010, 8, 5, qualifier=BEFORE)),
    ("before 5 August 2010", F.day(2010, 8, 5, qualifier=BEFORE)),
    ("до 5 августа 2010", F.day(2010, 8, 5, qualifier=BEFORE)),
    ("до 5 августа 2010 г.", F.day(2010, 8, 5, qualifier=BEFORE)),
    ("не позднее 2010", F.year(2010, qualifier=BEFORE)),
    ("до 2000-х", F.decade(2000, qualifier=BEFORE)),
    ("after 2009", F.year(2009, qualifier=AFTER)),
    ("после 2009", F.year(2009, qualifier=AFTER)),
    ("после марта 2009", F.month(2009, 3, qualifier=AFTER)),
    ("не ранее 2009", F.year(2009, qualifier=AFTER)),
    # ranges
    ("3-11 Dec 2007", F.between(F.day(2007, 12, 3), F.day(2007, 12, 11))),
    ("3–11 December 2007", F.between(F.day(2007, 12, 3), F.day(2007, 12, 11))),
    ("3 - 11 Dec 2007", F.between(F.day(2007, 12, 3), F.day(2007, 12, 11))),
    ("3–11 декабря 2007", F.between(F.day(2007, 12, 3), F.day(2007, 12, 11))),
    ("с 3 по 11 декабря 2007", F.between(F.day(2007, 12, 3), F.day(2007, 12, 11))),
    ("from 3 to 11 December 2007", F.between(F.day(2007, 12, 3), F.day(2007, 12, 11))),
    ("2007-12-03 to 2007-12-11", F.between(F.day(2007, 12, 3), F.day(2007, 12, 11))),
    ("2007-12-03 - 2007-12-11", F.between(F.day(2007, 12, 3), F.day(2007, 12, 11))),
    ("03.12.2007–11.12.2007", F.between(F.day(2007, 12, 3), F.day(2007, 12, 11))),
    ("30 Nov – 3 Dec 2007", F.between(F.day(2007, 11, 30), F.day(2007, 12, 3))),
    ("March–May 2008", F.between(F.month(2008, 3), F.month(2008, 5))),
    ("март–май 2008", F.between(F.month(2008, 3), F.month(2008, 5))),
    ("December 2007 – 2008", F.between(F.month(2007, 12), F.year(2008))),
    ("2007-2009", F.between(F.year(2007), F.year(2009))),
    ("2007–2009", F.between(F.year(2007), F.year(2009))),
    ("between 2007 and 2009", F.between(F.year(2007), F.year(2009))),
    ("между 2007 и 2009", F.between(F.year(2007), F.year(2009))),
    ("1990s–2000s", F.between(F.decade(1990), F.decade(2000))),
    ("1990-е – 2000-е", F.between(F.decade(1990), F.decade(2000))),
    # no date
    ("", F.undated()),
    ("   ", F.undated()),
    ("undated", F.undated()),
    ("Undated", F.undated()),
    ("n.d.", F.undated()),
    ("без даты", F.undated()),
    ("Без даты", F.undated()),
    ("б. д.", F.undated()),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_TABLE, ids=[t for t, _ in PARSE_TABLE])
def test_parse_table(text: str, expected: FuzzyDate) -> None:
    assert FuzzyDate.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("hello", "unreadable"),
        ("24 ноября", "unreadable"),
        ("24 2008", "unreadable"),
        ("11/24/2008", "calendar"),
        ("30.02.2008", "calendar"),
        ("13.2008", "calendar"),
        ("0000-01-01", "year"),
        ("11-3 Dec 2007", "range"),
        ("2009 to 2007", "range"),
        ("c.", "unreadable"),
        ("до", "unreadable"),
        ("circa 2007–2009", "unreadable"),
        ("before undated", "unreadable"),
        ("2008 2009", "unreadable"),
        ("Dec Jan 2008", "unreadable"),
        ("x" * (MAX_INPUT_LENGTH + 1), "too_long"),
    ],
)
def test_unreadable_or_impossible_dates(text: str, code: str) -> None:
    with pytest.raises(FuzzyDateError) as caught:
        FuzzyDate.parse(text)
    assert caught.value.code == code
    assert text not in str(caught.value) or len(text) < 3


def test_error_message_follows_the_language() -> None:
    with pytest.raises(FuzzyDateError) as english:
        FuzzyDate.parse("hello")
    assert str(english.value).startswith("Enter a date such as")
    with pytest.raises(FuzzyDateError) as russian:
        FuzzyDate.parse("привет", lang="ru")
    assert str(russian.value).startswith("Введите дату")
    with pytest.raises(FuzzyDateError) as calendar_ru:
        FuzzyDate.parse("30.02.2008", lang="ru")
    assert str(calendar_ru.value) == "Такого дня нет в календаре."


def test_language_hint_does_not_limit_what_is_read() -> None:
    assert FuzzyDate.parse("декабрь 2007", lang="en") == FuzzyDate.month(2007, 12)
    assert FuzzyDate.parse("Dec 2007", lang="ru") == FuzzyDate.month(2007, 12)


def test_huge_input_is_not_echoed() -> None:
    huge = "24.11.2008 " * 10_000
    with pytest.raises(FuzzyDateError) as caught:
        FuzzyDate.parse(huge)
    assert len(str(caught.value)) < 100


@given(st.text(max_size=60))
def test_parse_either_reads_or_raises_a_date_error(text: str) -> None:
    try:
        date = FuzzyDate.parse(text)
    except FuzzyDateError as error:
        assert error.code in {"unreadable", "calendar", "year", "range", "too_long"}
    else:
        assert FuzzyDate.from_edtf(date.to_edtf()) == date


@given(
    st.lists(
        st.sampled_from(
            ["3", "11", "2007", "dec", "декабря", "-", "–", " ", "to", "c.", "до", ".", "/", "s"]
        ),
        max_size=8,
    )
)
def test_parse_survives_date_like_noise(pieces: list[str]) -> None:
    text = " ".join(pieces)
    try:
        FuzzyDate.parse(text)
    except FuzzyDateError as error:
        assert len(str(error)) < 100
