"""FuzzyDate: validation, EDTF, bounds, ordering and index numbers, with properties."""

import calendar
import datetime

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.core.enums import UnknownLanguageError
from desktop.core.fuzzydate import (
    OPEN_END_NUMBER,
    UNDATED_NUMBER,
    DatePoint,
    FuzzyDate,
    FuzzyDateError,
    Precision,
    Qualifier,
)

D = datetime.date
F = FuzzyDate

# -- strategies -----------------------------------------------------------------------


@st.composite
def date_points(draw: st.DrawFn, min_year: int = 1) -> DatePoint:
    precision = draw(st.sampled_from(Precision))
    if precision is Precision.DECADE:
        return DatePoint.of_decade(draw(st.integers(max(min_year, 10) // 10 + 1, 999)) * 10)
    year = draw(st.integers(min_year, 9999))
    if precision is Precision.YEAR:
        return DatePoint.of_year(year)
    month = draw(st.integers(1, 12))
    if precision is Precision.MONTH:
        return DatePoint.of_month(year, month)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return DatePoint.of_day(year, month, day)


@st.composite
def fuzzy_dates(draw: st.DrawFn, min_year: int = 1) -> FuzzyDate:
    qualifier = draw(st.sampled_from([*Qualifier, None]))
    if qualifier is None:
        return F.undated()
    first = draw(date_points(min_year))
    if qualifier is not Qualifier.BETWEEN:
        return F(first, None, qualifier)
    last = draw(date_points(min_year))
    first, last = sorted([first, last], key=lambda p: (p.earliest(), p.latest()))
    assume(first.latest() <= last.latest())
    return F.between(first, last)


# -- construction and validation -------------------------------------------------------


def test_constructors_build_the_expected_fields() -> None:
    assert F.day(2008, 11, 24) == F(DatePoint(2008, 11, 24, Precision.DAY))
    assert F.month(2007, 12).start == DatePoint(2007, 12, None, Precision.MONTH)
    assert F.year(2008).precision is Precision.YEAR
    assert F.decade(2000).start == DatePoint(2000, None, None, Precision.DECADE)
    assert F.undated().is_undated and F.undated().precision is None
    assert not F.year(2008).is_undated


def test_qualifier_by_keyword_or_method_is_the_same() -> None:
    by_keyword = F.month(2008, 3, qualifier=Qualifier.CIRCA)
    by_method = F.month(2008, 3).with_qualifier(Qualifier.CIRCA)
    assert by_keyword == by_method
    assert by_method.qualifier is Qualifier.CIRCA


def test_between_takes_points_or_exact_dates() -> None:
    ranged = F.between(F.month(2007, 12), DatePoint.of_year(2008))
    assert ranged.qualifier is Qualifier.BETWEEN
    assert ranged.start == DatePoint.of_month(2007, 12)
    assert ranged.end == DatePoint.of_year(2008)


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (lambda: F.day(2009, 2, 29), "calendar"),
        (lambda: F.day(2008, 2, 30), "calendar"),
        (lambda: F.day(2008, 4, 31), "calendar"),
        (lambda: F.day(2008, 0, 1), "calendar"),
        (lambda: F.month(2008, 13), "calendar"),
        (lambda: F.year(0), "year"),
        (lambda: F.year(10000), "year"),
        (lambda: F.decade(2005), "year"),
        (lambda: F.decade(0), "year"),
        (lambda: F.between(F.day(2007, 12, 11), F.day(2007, 12, 3)), "range"),
        (lambda: F.between(F.month(2008, 6), F.year(2008)), "range"),
        (lambda: F.between(F.year(2008), F.month(2008, 6)), "range"),
        (lambda: F.between(F.year(2008, qualifier=Qualifier.CIRCA), F.year(2009)), "qualifier"),
        (lambda: F.year(2008, qualifier=Qualifier.BETWEEN), "qualifier"),
        (lambda: F.undated().with_qualifier(Qualifier.CIRCA), "qualifier"),
        (
            lambda: F.between(F.year(2007), F.year(2009)).with_qualifier(Qualifier.AFTER),
            "qualifier",
        ),
        (lambda: F(None, None, Qualifier.CIRCA), "qualifier"),
        (lambda: F(DatePoint.of_year(2008), None, Qualifier.BETWEEN), "qualifier"),
        (lambda: F.year(2008).with_order(-1), "order"),
        (lambda: DatePoint(2008, 5, None, Precision.DAY), "calendar"),
        (lambda: DatePoint(2008, 5, None, Precision.YEAR), "calendar"),
    ],
)
def test_invalid_dates_are_refused(build: object, code: str) -> None:
    assert callable(build)
    with pytest.raises(FuzzyDateError) as caught:
        build()
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)


def test_between_equal_ends_is_allowed() -> None:
    assert F.between(F.year(2008), F.month(2008, 12)).latest() == D(2008, 12, 31)


def test_dates_are_frozen_and_hashable() -> None:
    date = F.day(2008, 11, 24)
    with pytest.raises(AttributeError):
        date.order = 3  # type: ignore[misc]
    assert len({date, F.day(2008, 11, 24), date.with_order(1)}) == 2


# -- EDTF --------------------------------------------------------------------------------

EDTF_TABLE = [
    (F.day(2008, 11, 24), "2008-11-24"),
    (F.month(2008, 11), "2008-11"),
    (F.year(2008), "2008"),
    (F.decade(2000), "200X"),
    (F.month(2008, 3, qualifier=Qualifier.CIRCA), "2008-03~"),
    (F.decade(1990, qualifier=Qualifier.CIRCA), "199X~"),
    (F.day(2010, 8, 5, qualifier=Qualifier.BEFORE), "../2010-08-05"),
    (F.day(2010, 8, 5, qualifier=Qualifier.AFTER), "2010-08-05/.."),
    (F.between(F.day(2007, 12, 3), F.day(2007, 12, 11)), "2007-12-03/2007-12-11"),
    (F.between(F.month(2007, 12), F.year(2008)), "2007-12/2008"),
    (F.undated(), "XXXX"),
    (F.year(812), "0812"),
    (F.day(1, 1, 1), "0001-01-01"),
    (F.decade(10), "001X"),
]


@pytest.mark.parametrize(("date", "text"), EDTF_TABLE, ids=[t for _, t in EDTF_TABLE])
def test_edtf_table(date: FuzzyDate, text: str) -> None:
    assert date.to_edtf() == text
    assert F.from_edtf(text) == date


def test_order_is_not_part_of_edtf() -> None:
    date = F.day(2009, 11, 16).with_order(2)
    assert date.to_edtf() == "2009-11-16"
    assert F.from_edtf("2009-11-16", order=2) == date


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2008-1-5",
        "08",
        "2008-11-24 ",
        "2008-02-30",
        "0000",
        "000X",
        "200x",
        "00XX",  # a century before year 1 (20XX is valid EDTF: 2000-2099)
        "2008~~",
        "../..",
        "2008/..~",
        "../2008~",
        "2009/2008",
        "2008/2009/2010",
        "xxxx",
        "24.11.2008",
        "２００８",
        "2008-13",
        "1" * 10_000,
    ],
)
def test_from_edtf_is_strict(text: str) -> None:
    with pytest.raises(FuzzyDateError) as caught:
        F.from_edtf(text)
    assert len(str(caught.value)) < 120
    assert "1111111111" not in str(caught.value)


@given(fuzzy_dates())
def test_edtf_round_trip(date: FuzzyDate) -> None:
    assert F.from_edtf(date.to_edtf()) == date


@given(fuzzy_dates())
def test_parse_reads_edtf(date: FuzzyDate) -> None:
    assert F.parse(date.to_edtf()) == date


# -- bounds and filters -------------------------------------------------------------------

BOUNDS_TABLE = [
    (F.day(2008, 11, 24), D(2008, 11, 24), D(2008, 11, 24)),
    (F.month(2008, 2), D(2008, 2, 1), D(2008, 2, 29)),
    (F.month(2009, 2), D(2009, 2, 1), D(2009, 2, 28)),
    (F.year(2008), D(2008, 1, 1), D(2008, 12, 31)),
    (F.decade(2000), D(2000, 1, 1), D(2009, 12, 31)),
    (F.month(2008, 3, qualifier=Qualifier.CIRCA), D(2008, 3, 1), D(2008, 3, 31)),
    (F.day(2010, 8, 5, qualifier=Qualifier.BEFORE), None, D(2010, 8, 5)),
    (F.month(2010, 8, qualifier=Qualifier.BEFORE), None, D(2010, 8, 31)),
    (F.year(2009, qualifier=Qualifier.AFTER), D(2009, 1, 1), None),
    (F.between(F.month(2007, 12), F.year(2008)), D(2007, 12, 1), D(2008, 12, 31)),
    (F.undated(), None, None),
    (F.day(9999, 12, 31), D(9999, 12, 31), D(9999, 12, 31)),
]


@pytest.mark.parametrize(("date", "earliest", "latest"), BOUNDS_TABLE)
def test_bounds(date: FuzzyDate, earliest: D | None, latest: D | None) -> None:
    assert date.earliest() == earliest
    assert date.latest() == latest


def test_contains() -> None:
    december = F.month(2007, 12)
    assert december.contains(D(2007, 12, 1)) and december.contains(D(2007, 12, 31))
    assert not december.contains(D(2007, 11, 30)) and not december.contains(D(2008, 1, 1))
    before = F.day(2010, 8, 5, qualifier=Qualifier.BEFORE)
    assert before.contains(D(1900, 1, 1)) and before.contains(D(2010, 8, 5))
    assert not before.contains(D(2010, 8, 6))
    after = F.year(2009, qualifier=Qualifier.AFTER)
    assert after.contains(D(2050, 1, 1)) and not after.contains(D(2008, 12, 31))
    assert not F.undated().contains(D(2008, 1, 1))


def test_overlaps() -> None:
    year = F.year(2008)
    assert year.overlaps(D(2007, 6, 1), D(2008, 1, 1))
    assert year.overlaps(D(2008, 12, 31), None)
    assert year.overlaps(None, D(2008, 1, 1))
    assert year.overlaps(None, None)
    assert not year.overlaps(D(2009, 1, 1), None)
    assert not year.overlaps(None, D(2007, 12, 31))
    assert not F.undated().overlaps(None, None)
    with pytest.raises(FuzzyDateError):
        year.overlaps(D(2009, 1, 1), D(2008, 1, 1))


@given(fuzzy_dates(), st.dates(), st.dates())
def test_overlaps_agrees_with_index_numbers(date: FuzzyDate, a: D, b: D) -> None:
    first, last = min(a, b), max(a, b)
    as_number = first.year * 10_000 + first.month * 100 + first.day
    bs_number = last.year * 10_000 + last.month * 100 + last.day
    by_index = date.start_number() <= bs_number and date.end_number() >= as_number
    assert date.overlaps(first, last) == by_index


# -- ordering and index numbers -------------------------------------------------------------


def test_index_numbers() -> None:
    assert F.day(2008, 11, 24).sort_number() == 20081124
    assert F.month(2007, 12).sort_number() == 20071201
    assert F.month(2007, 12).end_number() == 20071231
    before = F.day(2010, 8, 5, qualifier=Qualifier.BEFORE)
    assert (before.sort_number(), before.start_number(), before.end_number()) == (
        20100805,
        0,
        20100805,
    )
    after = F.year(2009, qualifier=Qualifier.AFTER)
    assert (after.start_number(), after.end_number()) == (20090101, OPEN_END_NUMBER)
    assert OPEN_END_NUMBER == 99991231
    undated = F.undated()
    assert undated.sort_number() == UNDATED_NUMBER == undated.start_number()
    assert undated.end_number() == 0


def test_sample_case_timeline_sorts_as_written() -> None:
    timeline = [
        F.day(2007, 6, 4),
        F.month(2007, 12),
        F.between(F.day(2007, 12, 3), F.day(2007, 12, 11)),
        F.year(2008),
        F.day(2008, 11, 24),
        F.year(2009),
        F.year(2009).with_order(1),
        F.month(2009, 8),
        F.day(2009, 10, 13),
        F.day(2009, 11, 16),
        F.day(2010, 8, 5, qualifier=Qualifier.BEFORE),
        F.month(2011, 7),
        F.undated(),
    ]
    shuffled = timeline[::-1]
    assert sorted(shuffled, key=FuzzyDate.sort_key) == timeline


def test_coarser_precision_first_then_order_then_qualifier() -> None:
    same_start = [
        F.decade(2000),
        F.year(2000),
        F.month(2000, 1),
        F.day(2000, 1, 1, qualifier=Qualifier.BEFORE),
        F.day(2000, 1, 1, qualifier=Qualifier.CIRCA),
        F.day(2000, 1, 1),
        F.between(F.day(2000, 1, 1), F.day(2000, 1, 2)),
        F.between(F.day(2000, 1, 1), F.day(2000, 1, 3)),
        F.day(2000, 1, 1, qualifier=Qualifier.AFTER),
        F.day(2000, 1, 1).with_order(1),
    ]
    assert sorted(same_start[::-1], key=FuzzyDate.sort_key) == same_start


@given(fuzzy_dates(), fuzzy_dates())
def test_sort_key_follows_dates_that_do_not_overlap(a: FuzzyDate, b: FuzzyDate) -> None:
    if _wholly_before(b, a):
        a, b = b, a
    if _wholly_before(a, b):
        assert a.sort_key() < b.sort_key()
        assert a.sort_number() < b.sort_number()


def _wholly_before(a: FuzzyDate, b: FuzzyDate) -> bool:
    a_latest, b_earliest = a.latest(), b.earliest()
    return a_latest is not None and b_earliest is not None and a_latest < b_earliest


@given(fuzzy_dates(), fuzzy_dates())
def test_sort_key_is_total_and_matches_equality(a: FuzzyDate, b: FuzzyDate) -> None:
    assert (a.sort_key() == b.sort_key()) == (a == b)
    assert (a.sort_key() < b.sort_key()) != (b.sort_key() <= a.sort_key())


@given(fuzzy_dates())
def test_undated_sorts_last(date: FuzzyDate) -> None:
    assume(not date.is_undated)
    assert date.sort_key() < F.undated().sort_key()
    assert date.sort_number() < F.undated().sort_number()


@given(fuzzy_dates())
def test_bounds_are_ordered(date: FuzzyDate) -> None:
    earliest, latest = date.earliest(), date.latest()
    if earliest is not None and latest is not None:
        assert earliest <= latest
    assert date.start_number() <= date.end_number() or date.is_undated


# -- display and parsing, as properties -------------------------------------------------------


@given(fuzzy_dates(), st.sampled_from(["en", "ru"]), st.sampled_from(["long", "short"]))
def test_display_never_raises(date: FuzzyDate, lang: str, style: str) -> None:
    text = date.display(lang, style)
    assert text and text == text.strip()


@given(
    fuzzy_dates(min_year=1000), st.sampled_from(["en", "ru"]), st.sampled_from(["long", "short"])
)
def test_parse_reads_back_what_display_writes(date: FuzzyDate, lang: str, style: str) -> None:
    assert F.parse(date.display(lang, style)) == date


def test_display_and_parse_refuse_unknown_languages() -> None:
    with pytest.raises(UnknownLanguageError):
        F.year(2008).display("de")
    with pytest.raises(UnknownLanguageError):
        F.parse("2008", lang="de")
    with pytest.raises(ValueError):
        F.year(2008).display("en", "medium")
